import LogParse
import Testing

/// The real excerpts of failures, backoffs and scale-ups that did not happen in SampleLogs yield
/// everything their SampleLogs/INDEX.md row says, and nothing the lines do not show.
struct SampleFailureLogTests {
  @Test func accessDeniedOnSetDesiredCapacity() throws {
    let sample = try SampleReport("021-eks-accessdenied-setdesiredcapacity-event-tab-continuation")
    let report = sample.report
    // The tab-indented `status code: 403` line continues the event's record.
    #expect(sample.input == "lines 2 records 1 recognized 1 unrecognized 0 malformed 0 skipped 0 continuation 1")
    #expect(report.autoscaler.cloudProvider == "aws")
    try #require(report.failures.count == 1)
    let failure = report.failures[0]
    #expect(failure.failureClass == .iam && failure.code == "AccessDenied")
    #expect(failure.action == "autoscaling:SetDesiredCapacity")
    #expect(
      failure.principal
        == "arn:aws:sts::12345678912345:assumed-role/rtl-di-eks-cluster234567000000000001233/i-0d324j234h432423")
    #expect(failure.nodeGroup == "rtl-di-eks-cluster-xxxxxxxxxx" && failure.operation == .scaleUp && !failure.fatal)
    #expect(failure.message.contains("on resource: arn:aws:autoscaling:eu-west-1:12345678912345:autoScalingGroup:"))
    #expect(failure.message.contains("status code: 403, request id: 15614fdc-5780-11e9-a067-1b91a3898bb6"))
    #expect(failure.count == 1 && sample.time(failure.firstAt) == "2026-04-05T08:52:03.797003Z")
    #expect(failure.evidence.lines == [1, 2])
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "rtl-di-eks-cluster-xxxxxxxxxx" && sample.sizes(up) == "?->? max ? nodes ?")
    #expect(up.outcome == .failed && up.error?.failureClass == .iam && up.error?.action == failure.action)
    #expect(sample.time(up.endedAt) == "2026-04-05T08:52:03.797003Z" && up.evidence.lines == [1, 2])
    #expect(sample.noBackoffs && report.scaleDowns.isEmpty && sample.noProcessFacts)
  }

  @Test func webIdentityFatalAtStartup() throws {
    let sample = try SampleReport("024-eks-irsa-webidentityerr-fatal")
    let report = sample.report
    // 2 records in 5 lines: the `caused by` and `status code` lines belong to the record before.
    #expect(sample.input == "lines 5 records 2 recognized 2 unrecognized 0 malformed 0 skipped 0 continuation 3")
    #expect(report.verbosity == nil && report.autoscaler.cloudProvider == "aws")
    try #require(report.failures.count == 2)
    for failure in report.failures {
      #expect(failure.failureClass == .credentials && failure.code == "WebIdentityErr")
      #expect(failure.action == "sts:AssumeRoleWithWebIdentity" && failure.principal == nil)
      #expect(failure.message.contains("caused by: AccessDenied: Not authorized to perform"))
      // The post blames ec2:DescribeInstanceTypes; the lines do not.
      #expect(!failure.message.contains("DescribeInstanceTypes"))
    }
    #expect(report.failures.map(\.operation) == [.refresh, .startup])
    #expect(report.failures.map(\.fatal) == [false, true])
    #expect(report.failures.map(\.evidence.lines) == [[1, 2, 3], [4, 5]])
    #expect(
      report.failures.map { sample.time($0.firstAt) ?? "" } == [
        "2026-03-22T10:48:59.960115Z", "2026-03-22T10:48:59.960135Z",
      ])
    #expect(report.scaleUps.isEmpty && report.scaleDowns.isEmpty && sample.noBackoffs && sample.noProcessFacts)
  }

  @Test func scaleUpThenCloudProviderBackoffWithoutInventedCause() throws {
    let sample = try SampleReport("029-eks-scaleup-then-backoff-cloudprovidererror-partial")
    let report = sample.report
    #expect(sample.input == "lines 2 records 2 recognized 2 unrecognized 0 malformed 0 skipped 0 continuation 0")
    #expect(sample.year == "2020 message")
    let group = "eks-ue1-prod-XXX-worker-group-staging-120200506102140590500000013"
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == group && sample.sizes(up) == "?->2 max ? nodes ?")
    #expect(up.outcome == .failed && up.error?.failureClass == .cloudProvider)
    #expect(up.error?.code == "cloudProviderError")
    #expect(sample.time(up.decidedAt) == "2020-05-06T17:10:54.594732Z")
    #expect(sample.time(up.endedAt) == "2020-05-06T17:10:54.715475Z")
    // The AccessDenied that followed in the post is not in the lines: no cause is invented.
    try #require(report.failures.count == 1)
    let failure = report.failures[0]
    #expect(failure.failureClass == .cloudProvider && failure.code == "cloudProviderError")
    #expect(failure.action == nil && failure.principal == nil && !failure.message.contains("AccessDenied"))
    try #require(report.backoffs.count == 1)
    let backoff = report.backoffs[0]
    #expect(backoff.nodeGroup == group && backoff.errorClass == "Other" && backoff.errorCode == "cloudProviderError")
    #expect(sample.time(backoff.at) == "2020-05-06T17:10:54.715475Z")
    #expect(backoff.until?.rfc3339 == "2020-05-06T17:20:54.593474242Z")
    let minutes =
      try #require(backoff.until).epochMicroseconds - (try #require(backoff.at)).epochMicroseconds(baseYear: 2020)
    #expect((minutes / 1_000_000 + 30) / 60 == 10)
    #expect(report.scaleDowns.isEmpty && sample.noProcessFacts)
  }

  @Test func scaleUpTimedOutThenBackoff() throws {
    let sample = try SampleReport("030-eks-cas1.28.2-scaleup-timeout-backoff")
    let report = sample.report
    #expect(sample.input == "lines 6 records 5 recognized 5 unrecognized 0 malformed 0 skipped 1 continuation 0")
    #expect(sample.year == "2024 message" && report.verbosity == 0 && report.autoscaler.cloudProvider == "aws")
    let group = "eks-mli_inference_g4dn4xl-02c6fc6f-788b-c2ae-e9d5-647dfa039598"
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    // No plan line: the previous size is unknown.
    #expect(up.nodeGroup == group && sample.sizes(up) == "?->7 max ? nodes ?")
    #expect(up.outcome == .timedOut && up.error?.failureClass == .timeout && up.error?.code == "timeout")
    #expect(sample.time(up.decidedAt) == "2024-03-13T12:34:34.470823Z")
    #expect(sample.time(up.requestedAt) == "2024-03-13T12:34:34.470823Z")
    #expect(sample.time(up.endedAt) == "2024-03-13T12:49:40.563382Z")
    #expect(sample.duration(up) == 905.500491908)
    try #require(report.failures.count == 1)
    #expect(report.failures[0].failureClass == .timeout && report.failures[0].nodeGroup == group)
    try #require(report.backoffs.count == 1)
    let backoff = report.backoffs[0]
    #expect(backoff.nodeGroup == group && backoff.errorClass == "Other" && backoff.errorCode == "timeout")
    #expect(sample.time(backoff.at) == "2024-03-13T12:49:40.584456Z")
    #expect(backoff.until?.rfc3339 == "2024-03-13T12:54:40.13918732Z")
    // The `not ready for scaleup - backoff` line extends the backoff's evidence, not the count.
    #expect(backoff.evidence.lines == [5, 6])
    #expect(report.scaleDowns.isEmpty && sample.noNoScaleUps && sample.noProcessFacts)
  }

  @Test func failedToFixNodeGroupSizesLoop() throws {
    let sample = try SampleReport("032-aws-failed-to-fix-node-group-sizes-loop")
    let report = sample.report
    #expect(sample.input == "lines 9 records 9 recognized 9 unrecognized 0 malformed 0 skipped 0 continuation 0")
    #expect(sample.year == "2022 message" && report.autoscaler.cloudProvider == "aws")
    try #require(report.failures.count == 1)
    let failure = report.failures[0]
    #expect(failure.operation == .fixNodeGroupSizes && failure.nodeGroup == "worker-stateless-dysprosium-1")
    #expect(failure.message.contains("attempt to delete existing nodes targetSize:5 delta:-1 existingNodes: 5"))
    #expect(!failure.fatal && failure.count == 1 && failure.evidence.lines == [4])
    #expect(sample.time(failure.firstAt) == "2022-04-06T04:33:00.524208Z")
    // "Decreasing size of …" and "1 unregistered nodes present" start no scale-down.
    #expect(report.scaleUps.isEmpty && report.scaleDowns.isEmpty && sample.noBackoffs && sample.noBlocked)
    #expect(sample.noProcessFacts)
  }

  @Test func maxSizeReachedLeavesPodsWithoutScaleUp() throws {
    let sample = try SampleReport("034-kops-cas1.2.3-max-size-reached-quote-prefix")
    let report = sample.report
    // Line 1 keeps its `> ` quote prefix.
    #expect(sample.input == "lines 4 records 4 recognized 4 unrecognized 0 malformed 0 skipped 0 continuation 0")
    #expect(sample.formats == ["klog-text", "pasted"])
    try #require(report.noScaleUps.count == 1)
    let none = report.noScaleUps[0]
    #expect(none.pod == "30 other pods" && none.nodeGroup == "nodes.XXXXXXXX")
    #expect(none.reasons == ["No expansion options", "nodes.XXXXXXXX (max size reached)"])
    #expect(sample.time(none.firstAt) == "2025-12-27T10:48:22.745330Z")
    #expect(sample.time(none.lastAt) == "2025-12-27T10:48:23.118148Z")
    #expect(none.count == 1 && none.evidence.lines == [1, 2, 3, 4])
    #expect(report.scaleUps.isEmpty && report.scaleDowns.isEmpty && sample.noFailures && sample.noBackoffs)
    #expect(sample.noProcessFacts)
  }
}
