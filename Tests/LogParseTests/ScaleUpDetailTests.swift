import Foundation
import LogParse
import Testing

/// Details of a scale-up decision and its aftermath: capping, balancing, the 1.36 revert, pod counts.
struct ScaleUpDetailTests {
  @Test func cappingIsRecordedOnTheEpisodesOfTheDecision() throws {
    let report = Fixtures.analyze(
      """
      I0326 09:28:48.700500       1 orchestrator.go:185] Best option to resize: eks-1
      I0326 09:28:48.700600       1 orchestrator.go:189] Estimated 6 nodes needed in eks-1
      I0326 09:28:48.700700       1 orchestrator.go:621] Capping size to max cluster total size (9)
      I0326 09:28:48.700826       1 balancing_processor.go:109] Requested scale-up (6) exceeds node group set capacity, capping to 1
      I0326 09:28:48.700900       1 orchestrator.go:295] Final scale-up plan: [{eks-1 2->3 (max: 3)}]

      """)
    let up = try #require(report.scaleUps.first)
    #expect(up.capping == ScaleUpCapping(requestedNodes: 6, cappedToNodes: 1, clusterMaxSize: 9))
    #expect(TextReportRenderer.render(report).contains("capped 6->1 nodes (group set capacity)"))
  }

  @Test func aDecisionWithoutCappingHasNone() throws {
    let report = Fixtures.analyze(
      """
      I0326 09:28:48.700900       1 orchestrator.go:295] Final scale-up plan: [{eks-1 2->3 (max: 3)}]

      """)
    #expect(try #require(report.scaleUps.first).capping == nil)
  }

  @Test func oneDecisionBalancedOverSimilarGroupsNamesTheOthersOnEachEpisode() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.401000       1 orchestrator.go:185] Best option to resize: eks-a
      I0313 12:34:34.401200       1 orchestrator.go:285] Splitting scale-up between 3 similar node groups: {eks-a, eks-b, eks-c}
      I0313 12:34:34.401300       1 orchestrator.go:295] Final scale-up plan: [{eks-a 1->2 (max: 5)} {eks-b 1->2 (max: 5)}]
      I0313 12:34:34.470823       1 executor.go:147] Scale-up: setting group eks-a size to 2
      I0313 12:34:34.470923       1 executor.go:147] Scale-up: setting group eks-b size to 2

      """)
    try #require(report.scaleUps.count == 2)
    #expect(report.scaleUps[0].nodeGroup == "eks-a" && report.scaleUps[0].balancedWith == ["eks-b"])
    #expect(report.scaleUps[1].nodeGroup == "eks-b" && report.scaleUps[1].balancedWith == ["eks-a"])
    #expect(TextReportRenderer.render(report).contains("balanced with eks-b"))
  }

  @Test func aSplitThatEndsInOneGroupStillNamesTheSimilarOnes() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.401200       1 orchestrator.go:285] Splitting scale-up between 2 similar node groups: {eks-a, eks-b}
      I0313 12:34:34.401300       1 orchestrator.go:295] Final scale-up plan: [{eks-a 1->2 (max: 5)}]

      """)
    #expect(try #require(report.scaleUps.first).balancedWith == ["eks-b"])
  }

  @Test func theRevertOfATimedOutScaleUpIsAStepOfThatEpisode() throws {
    let (report, steps) = Fixtures.analyzeWithSteps(
      """
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-ng-a size to 7
      W0313 12:49:40.563382       1 clusterstate.go:358] Scale-up timed out for node group eks-ng-a after 15m5.5s
      W0313 12:49:40.570000       1 clusterstate.go:372] Reverting timed-out scale-up for node group eks-ng-a by decreasing target size by 2
      W0313 12:49:40.584456       1 clusterstate.go:404] Disabling scale-up for node group eks-ng-a until \
      2026-03-13 12:54:40.1 +0000 UTC m=+2030.4; errorClass=Other; errorCode=timeout

      """)
    let up = try #require(report.scaleUps.first)
    #expect(up.outcome == .timedOut)
    #expect(up.revertedNodes == 2)
    #expect(up.evidence.lines.contains(3))
    let revert = try #require(steps.first { $0.kind == .revert })
    #expect(revert.episodeId == up.id)
    #expect(revert.line == 3)
    #expect(TextReportRenderer.render(report).contains("reverted -2"))
  }

  @Test func aFailedRevertIsAFailureOfTheGroup() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-ng-a size to 7
      W0313 12:49:40.563382       1 clusterstate.go:358] Scale-up timed out for node group eks-ng-a after 15m5.5s
      W0313 12:49:40.580000       1 clusterstate.go:376] Failed to revert timed-out scale-up for node group eks-ng-a: \
      AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:SetDesiredCapacity

      """)
    #expect(report.scaleUps.first?.outcome == .timedOut)
    let failure = try #require(report.failures.first { $0.failureClass == .iam })
    #expect(failure.nodeGroup == "eks-ng-a")
    #expect(failure.action == "autoscaling:SetDesiredCapacity")
  }

  @Test func theCleanupOfInstancesThatNeverCameIsEvidenceOfTheirScaleUp() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.470823       1 executor.go:147] Scale-up: setting group eks-gpu size to 3
      I0313 12:34:40.000000       1 executor.go:147] Scale-up: setting group eks-cpu size to 2
      I0313 12:40:00.000000       1 clusterstate.go:1094] Failed adding 1 nodes (1 unseen previously) to group eks-gpu \
      due to OutOfResource.placeholder-cannot-be-fulfilled; errorMessages=[]string{"AWS cannot provision any more"}
      I0313 12:40:10.000000       1 static_autoscaler.go:845] Deleting 1 from eks-gpu node group because of create errors

      """)
    try #require(report.scaleUps.count == 2)
    #expect(report.scaleUps[0].outcome == .failed)
    #expect(report.scaleUps[0].evidence.lines.contains(4))
    #expect(!report.scaleUps[1].evidence.lines.contains(4))
  }

  @Test func theLoopsUnschedulableCountStandsInWhenPodLinesAreMissing() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:33.900000       1 static_autoscaler.go:1403] Found 42 pods in the cluster: 37 scheduled, \
      1 with nominated node, 4 unschedulable, 0 unprocessed by scheduler, 0 ignored by allowed schedulers \
      (most likely using custom scheduler), 0 ignored due to dissallowed schedulers
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-ng-a size to 7

      """)
    #expect(try #require(report.scaleUps.first).triggeringPodCount == 4)
  }

  @Test func namedPodsAndOtherPodsCountBeforeTheLoopsTotal() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:33.900000       1 static_autoscaler.go:1403] Found 42 pods in the cluster: 30 scheduled, \
      0 with nominated node, 12 unschedulable, 0 unprocessed by scheduler, 0 ignored by allowed schedulers \
      (most likely using custom scheduler), 0 ignored due to dissallowed schedulers
      I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-1 is unschedulable
      I0313 12:34:33.900200       1 klogx.go:87] 2 other pods are also unschedulable
      I0313 12:34:34.401300       1 orchestrator.go:177] Final scale-up plan: [{eks-a 1->2 (max: 5)}]

      """)
    #expect(try #require(report.scaleUps.first).triggeringPodCount == 3)
  }
}
