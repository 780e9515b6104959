import LogParse
import Testing

/// Message forms of CAS 0.x–1.13 that later releases changed, and the year a full date inside any message proves.
struct OldMessageFormTests {
  /// 0.6–1.13 write a backoff with its end only: no error class, no code.
  @Test func backoffWithoutClassOrCode() throws {
    let log = """
      I0506 17:10:54.500000       1 scale_up.go:600] Scale-up: setting group asg-old-1 size to 3
      W0506 17:10:54.700000       1 clusterstate.go:223] Disabling scale-up for node group asg-old-1 until 2018-05-06 17:15:54.593474242 +0000 UTC

      """
    let report = Fixtures.analyze(log)
    let backoff = try #require(report.backoffs.first)
    #expect(report.backoffs.count == 1)
    #expect(backoff.nodeGroup == "asg-old-1" && backoff.errorClass == nil && backoff.errorCode == nil)
    #expect(backoff.until?.rfc3339 == "2018-05-06T17:15:54.593474242Z")
    #expect(report.year.baseYear == 2018 && report.year.source == .message)
    #expect(report.scaleUps.map(\.outcome) == [.failed])
    #expect(report.scaleUps.first?.error?.code == nil)
    #expect(report.unrecognized == 0)
  }

  /// 0.x–1.13 exit with `Failed to create AWS cloud provider: Failed to get ASGs: …`.
  @Test func oldProviderCreationIsFatalStartup() throws {
    let report = Fixtures.analyze(
      "F0506 17:00:00.000000       1 cloud_provider_builder.go:91] Failed to create AWS cloud provider: Failed to get ASGs: NoCredentialProviders: no valid providers in chain. Deprecated.\n"
    )
    let failure = try #require(report.failures.first)
    #expect(failure.fatal && failure.operation == .startup)
    #expect(failure.failureClass == .credentials && failure.code == "NoCredentialProviders")
  }

  /// A full date inside any recognised message proves the year, where no entry reads one.
  @Test func dateInsideAnyMessageSetsTheYear() {
    let log =
      "I0313 12:00:00.000000       1 scale_down.go:496] 2 nodes found to be unremovable in simulation, will re-check them at 2017-03-13 12:05:00.1 +0000 UTC\n"
    let report = Fixtures.analyze(log)
    #expect(report.year.baseYear == 2017 && report.year.source == .message)
  }

  /// A date from December in a January record belongs to the year before the record's.
  @Test func dateAcrossNewYear() {
    let log =
      "I0102 00:00:10.000000       1 scale_down.go:496] 1 nodes found to be unremovable in simulation, will re-check them at 2016-12-31 23:59:59 +0000 UTC\n"
    #expect(Fixtures.analyze(log).year.baseYear == 2017)
  }

  /// Digits before a date-like run (`x12016-01-01 …`) or a bare date without a time prove nothing.
  @Test(arguments: [
    "I0313 12:00:00.000000       1 scale_down.go:496] 1 nodes found to be unremovable in simulation, will re-check them at 92016-12-31 23:59:59 +0000 UTC",
    "I0313 12:00:00.000000       1 scale_down.go:496] 1 nodes found to be unremovable in simulation, will re-check them at 2016-12-31",
  ])
  func noFullDateNoYear(_ line: String) {
    #expect(Fixtures.analyze(line + "\n").year.source == .assumed)
  }
}
