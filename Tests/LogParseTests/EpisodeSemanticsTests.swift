import LogParse
import Testing

/// How episodes end in the less common ways: instances that never came, failed deletions, unregistered nodes.
struct EpisodeSemanticsTests {
  @Test func instancesThatNeverCameFailTheScaleUpAsCapacity() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.470823       1 executor.go:147] Scale-up: setting group eks-gpu size to 3
      I0313 12:40:00.000000       1 clusterstate.go:1094] Failed adding 1 nodes (1 unseen previously) to group eks-gpu \
      due to OutOfResource.placeholder-cannot-be-fulfilled; errorMessages=[]string{"AWS cannot provision any more"}
      W0313 12:40:00.100000       1 clusterstate.go:297] Disabling scale-up for node group eks-gpu until \
      2024-03-13 12:45:00.1 +0000 UTC m=+1.0; errorClass=OutOfResource; errorCode=placeholder-cannot-be-fulfilled

      """)
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].outcome == .failed)
    #expect(report.scaleUps[0].error?.failureClass == .capacity)
    #expect(report.scaleUps[0].error?.code == "placeholder-cannot-be-fulfilled")
    #expect(report.backoffs.count == 1)
  }

  @Test func aDeletionThatFailsFailsTheScaleDown() throws {
    let report = Fixtures.analyze(
      """
      I0313 13:01:02.300000       1 actuator.go:176] Scale-down: removing empty node "ip-10-0-1-5.ec2.internal"
      E0313 13:01:05.000000       1 delete_in_batch.go:191] Scale-down: couldn't delete empty node \
      "ip-10-0-1-5.ec2.internal", failed to delete nodes from group eks-ng-a: AccessDenied: User: \
      arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup

      """)
    try #require(report.scaleDowns.count == 1)
    #expect(report.scaleDowns[0].outcome == .failed)
    #expect(report.scaleDowns[0].error?.failureClass == .iam)
    #expect(report.scaleDowns[0].error?.action == "autoscaling:TerminateInstanceInAutoScalingGroup")
  }

  @Test func unregisteredNodesAreRemovedAsTheirOwnKind() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:50:00.000000       1 static_autoscaler.go:860] Marking unregistered node i-0abc for removal
      I0313 12:50:00.400000       1 auto_scaling_groups.go:343] Terminating EC2 instance: i-0abc

      """)
    try #require(report.scaleDowns.count == 1)
    #expect(report.scaleDowns[0].kind == .unregistered)
    #expect(report.scaleDowns[0].outcome == .succeeded)
  }

  @Test func nodesWithoutPlaceForTheirPodsAreBlocked() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:00:00.000000       1 cluster.go:175] node ip-10-0-1-5 is not suitable for removal: can reschedule only 0 out of 2 pods
      I0313 12:00:10.000000       1 cluster.go:175] node ip-10-0-1-5 is not suitable for removal: can reschedule only 0 out of 2 pods
      I0313 12:00:20.000000       1 eligibility.go:104] Skipping ip-10-0-1-6 - scale down disabled annotation found

      """)
    try #require(report.blockedScaleDowns.count == 2)
    #expect(report.blockedScaleDowns[0].reason == .noPlaceToMovePods && report.blockedScaleDowns[0].count == 2)
    #expect(report.blockedScaleDowns[1].reason == .scaleDownDisabled)
  }
}

/// The 1.29+ backoff status line carries the error that started the backoff.
struct BackoffStatusTests {
  @Test func theStatusErrorBecomesAFoldedFailure() throws {
    let status =
      "is not ready for scaleup - backoff with status: {true {Other cloudProviderError failed to increase node "
      + "group size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: "
      + "autoscaling:SetDesiredCapacity on resource: x\n\tstatus code: 403, request id: 9c7e}}"
    let report = Fixtures.analyze(
      "W0313 12:50:01.430981       1 orchestrator.go:599] Node group eks-ng-a \(status)\n"
        + "W0313 12:50:11.430981       1 orchestrator.go:599] Node group eks-ng-a \(status)\n"
        + "W0313 12:50:21.430981       1 orchestrator.go:582] Node group eks-ng-b is not ready for scaleup - backoff\n")
    try #require(report.failures.count == 1)
    #expect(report.failures[0].failureClass == .iam)
    #expect(report.failures[0].action == "autoscaling:SetDesiredCapacity")
    #expect(report.failures[0].nodeGroup == "eks-ng-a")
    #expect(report.failures[0].count == 2)
    #expect(report.backoffs.map(\.nodeGroup) == ["eks-ng-a", "eks-ng-b"])
  }
}

/// Pods no scale-up took carry every reason the loop gave.
struct NoScaleUpReasonTests {
  @Test func predicateFailuresBecomeReasons() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:00:00.000000       1 klogx.go:87] Pod default/web-1 is unschedulable
      I0313 12:00:00.100000       1 orchestrator.go:546] Pod default/web-1 can't be scheduled on ng-a, predicate checking \
      error: Insufficient cpu; predicateName=NodeResourcesFit; reasons: Insufficient cpu; debugInfo=
      I0313 12:00:00.200000       1 orchestrator.go:588] Pod default/web-1 can't be scheduled on ng-b, predicate checking \
      error: can't schedule pod default/web-1: predicate "NodeAffinity" didn't pass (predicateReasons=[node(s) didn't \
      match Pod's node affinity/selector]; debugInfo=)
      I0313 12:00:00.300000       1 orchestrator.go:1074] No expansion options

      """)
    try #require(report.noScaleUps.count == 1)
    let reasons = report.noScaleUps[0].reasons
    #expect(report.noScaleUps[0].pod == "default/web-1")
    #expect(reasons.contains("No expansion options"))
    #expect(reasons.contains("ng-a: Insufficient cpu"))
    #expect(reasons.contains("ng-b: node(s) didn't match Pod's node affinity/selector"))
    #expect(report.scaleUps.isEmpty)
  }
}

/// The cloud provider is named from the messages only one provider writes, not only from file names.
struct CloudProviderTests {
  @Test(arguments: [
    ("Setting asg g size to 3", "aws"), ("Terminating EC2 instance: i-0abc", "aws"),
    (
      "Deleting vmss instances [azure:///subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/"
        + "virtualMachineScaleSets/pool-vmss/virtualMachines/6]", "azure"
    ),
  ])
  func namedByMessage(message: String, provider: String) {
    let report = Fixtures.analyze("I0101 10:00:00.000000       1 a.go:1] \(message)\n")
    #expect(report.autoscaler.cloudProvider == provider)
    #expect(TextReportRenderer.render(report).contains("cloud \(provider)"))
  }
}
