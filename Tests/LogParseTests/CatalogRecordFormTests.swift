import Testing

@testable import LogParse

/// Catalogue messages in the record forms a single example line cannot show: continuation lines
/// of SDK v1 errors, and structured (InfoS) lines of client-go 0.35+.
struct CatalogRecordFormTests {
  @Test func aBackoffStatusSpanningLinesStillGivesItsCause() throws {
    var events: [Event] = []
    let report = Fixtures.analyze(
      Array(
        """
        W0313 12:50:01.422358       1 orchestrator.go:599] Node group eks-ng-a is not ready for scaleup - backoff with \
        status: {true {Other cloudProviderError failed to increase node group size: AccessDenied: User: \
        arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:SetDesiredCapacity
        \tstatus code: 403, request id: 9c7e}}

        """.utf8)
    ) { event, _ in events.append(event) }
    try #require(events.count == 1)
    guard case .groupInBackoff(let group, let errorCode, let backoffFailure) = events[0] else {
      Issue.record("not a backoff: \(events[0])")
      return
    }
    #expect(group == "eks-ng-a")
    #expect(errorCode == "cloudProviderError")
    #expect(backoffFailure?.message.hasSuffix("status code: 403, request id: 9c7e") == true)
    let failure = try #require(report.failures.first)
    #expect(failure.failureClass == .iam)
    #expect(failure.action == "autoscaling:SetDesiredCapacity")
    #expect(failure.nodeGroup == "eks-ng-a")
    #expect(report.backoffs.map(\.nodeGroup) == ["eks-ng-a"])
  }

  @Test func anAsgActivityPrintedOverLinesIsOneCapacityFailure() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.470823       1 executor.go:147] Scale-up: setting group eks-gpu size to 3
      W0313 12:36:00.000000       1 auto_scaling_groups.go:516] ASG eks-gpu scaling failed with {
        ActivityId: "1f2e",
        StatusCode: "Failed",
        StatusMessage: "We currently do not have sufficient g4dn.4xlarge capacity in the Availability Zone you requested."
      }

      """)
    #expect(report.unrecognized == 0)
    let failure = try #require(report.failures.first)
    #expect(report.failures.count == 1)
    #expect(failure.failureClass == .capacity)
    #expect(failure.message.contains("StatusMessage"))
    #expect(report.scaleUps.first?.outcome == .failed)
  }

  @Test func structuredLeaderElectionLinesAreUnderstood() throws {
    let (report, steps) = Fixtures.analyzeWithSteps(
      """
      I0822 08:47:13.123456       1 leaderelection.go:258] "Attempting to acquire leader lease..." lock="kube-system/cluster-autoscaler"
      I0822 08:47:15.123456       1 leaderelection.go:272] "Successfully acquired lease" lock="kube-system/cluster-autoscaler"
      I0822 09:47:15.123456       1 leaderelection.go:297] "Failed to renew lease" lock="kube-system/cluster-autoscaler" err="context deadline exceeded"

      """)
    #expect(report.recognized == 3)
    #expect(report.autoscaler.isLeader == true)
    #expect(report.autoscaler.starts.count == 1)
    // The renewal's error is a failure of its own: the API did not answer in time.
    #expect(
      steps.map(\.summary) == [
        "process started (leader election)", "leadership lost", "network failure: context deadline exceeded",
      ])
  }

  @Test func aStandbyThatOnlyWaitsIsNotTheLeader() {
    let report = Fixtures.analyze(
      """
      I0313 12:00:03.100000       1 leaderelection.go:257] attempting to acquire leader lease kube-system/cluster-autoscaler...
      I0313 12:00:03.200000       1 leaderelection.go:352] failed to acquire lease kube-system/cluster-autoscaler

      """)
    #expect(report.autoscaler.isLeader == false)
  }
}
