import LogParse
import Testing

/// Every `F` record is a fatal failure: the process exited there, whatever the message says.
struct FatalRecordTests {
  @Test(arguments: [
    ("F0402 10:00:00.000000       1 main.go:620] lost master", FailureOperation?.none),
    ("F0402 10:00:00.000000       1 leaderelection.go:100] leaderelection lost", nil),
    (
      "F0402 10:00:00.000000       1 gce_cloud_provider.go:431] Failed to create GCE Manager: cannot read token: googleapi: Error 401: Invalid Credentials, authError",
      .startup
    ),
    (
      "F0402 10:00:00.000000       1 azure_cloud_provider.go:150] Failed to create Azure Manager: AADSTS7000215: Invalid client secret provided",
      .startup
    ),
    (
      "F0402 10:00:00.000000       1 cloud_provider_builder.go:50] Failed to create cluster-api cloud provider: unable to create discovery client",
      .startup
    ),
    ("F0402 10:00:00.000000       1 main.go:500] Cannot parse the --nodes flag: bad value", nil),
  ])
  func fatalRecordIsAFatalFailure(_ line: String, _ operation: FailureOperation?) throws {
    let report = Fixtures.analyze(line + "\n")
    let failure = try #require(report.failures.first)
    #expect(report.failures.count == 1)
    #expect(failure.fatal)
    #expect(failure.operation == operation)
    #expect(report.unrecognized == 0)
    let text = TextReportRenderer.render(report)
    #expect(text.contains("Stopped: the autoscaler exited on a fatal error at "))
  }

  /// Every provider writes `Failed to create NAME manager` with `klog.Fatalf`: fatal where the line lost its letter too.
  @Test(arguments: [
    "I0402 10:00:00.000000       1 hetzner_cloud_provider.go:200] Failed to create Hetzner manager: `HCLOUD_TOKEN` is not specified",
    "I0402 10:00:00.000000       1 cloud_provider.go:200] failed to create scaleway cloud provider: missing token",
  ])
  func providerCreationIsFatalAtAnySeverity(_ line: String) throws {
    let failure = try #require(Fixtures.analyze(line + "\n").failures.first)
    #expect(failure.fatal && failure.operation == .startup)
  }

  /// A fatal record with its goroutine dump is one failure, its lines all evidence.
  @Test func dumpAfterFatalRecordIsItsEvidence() throws {
    let log = """
      F0402 10:00:00.000000       1 main.go:620] lost master
      goroutine 1 [running]:
      k8s.io/klog/v2.stacks(0x1)

      """
    let report = Fixtures.analyze(log)
    let failure = try #require(report.failures.first)
    #expect(report.failures.count == 1 && failure.fatal)
    #expect(failure.evidence.lines == [1, 2, 3])
  }

  /// Records of other severities are not fatal, and a log without a fatal record does not say it stopped.
  @Test func noFatalRecordNoStop() {
    let report = Fixtures.analyze(
      "E0402 10:00:00.000000       1 static_autoscaler.go:533] Failed to scale up: failed to increase node group size: Throttling: Rate exceeded\n"
    )
    #expect(report.failures.map(\.fatal) == [false])
    #expect(!TextReportRenderer.render(report).contains("Stopped:"))
  }
}
