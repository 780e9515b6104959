import Foundation
import Testing

@testable import LogParse

/// The printf messages CAS 1.35–1.37 added or reworded, and what each means for episodes and findings.
struct RecentReleaseMessagesTests {
  private static let statusEvent =
    "event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", "
    + "Name:\"cluster-autoscaler-status\", UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): "

  private func validator() throws -> JSONSchemaValidator {
    let url = Fixtures.root.appendingPathComponent("Schemas/report.schema.json")
    return try JSONSchemaValidator(schemaData: try Data(contentsOf: url))
  }

  private func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func twoPlansOfOneSalvoAreTwoScaleUpsEachWithItsPods() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:33.000000       1 static_autoscaler.go:400] Starting main loop
      I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-1 is unschedulable
      I0313 12:34:33.900200       1 klogx.go:87] 4 other pods are also unschedulable
      I0313 12:34:34.000000       1 static_autoscaler.go:689] Starting scale up salvo: 5 pods to help, budget: 10s
      I0313 12:34:34.000100       1 static_autoscaler.go:692] Scale up salvo: iteration 0, pods left: 5
      I0313 12:34:34.401300       1 orchestrator.go:177] Final scale-up plan: [{eks-a 1->3 (max: 5)}]
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-a size to 3
      I0313 12:34:35.000000       1 static_autoscaler.go:692] Scale up salvo: iteration 1, pods left: 3
      I0313 12:34:35.401300       1 orchestrator.go:177] Final scale-up plan: [{eks-b 2->4 (max: 5)}]
      I0313 12:34:35.470823       1 executor.go:166] Scale-up: setting group eks-b size to 4
      I0313 12:34:36.000000       1 static_autoscaler.go:716] All unschedulable pods have been helped, finishing the scale up salvo
      I0313 12:34:36.000100       1 static_autoscaler.go:730] Finished scale up salvo after 2 iterations, unschedulable pods left: 0

      """)
    #expect(report.unrecognized == 0)
    try #require(report.scaleUps.count == 2)
    let (first, second) = (report.scaleUps[0], report.scaleUps[1])
    #expect(first.nodeGroup == "eks-a" && first.from == 1 && first.to == 3)
    #expect(first.triggeringPods == ["default/web-1"] && first.triggeringPodCount == 5)
    #expect(second.nodeGroup == "eks-b" && second.from == 2 && second.to == 4)
    // The second iteration helps the pods the first left: three of them, none named.
    #expect(second.triggeringPods.isEmpty && second.triggeringPodCount == 3)
    #expect(second.evidence.lines.contains(8) && !second.evidence.lines.contains(2))
  }

  @Test func aSalvoResizingOneGroupTwiceGivesTwoScaleUpsOfIt() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.401300       1 orchestrator.go:177] Final scale-up plan: [{eks-a 1->3 (max: 8)}]
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-a size to 3
      I0313 12:34:35.401300       1 orchestrator.go:177] Final scale-up plan: [{eks-a 3->5 (max: 8)}]
      I0313 12:34:35.470823       1 executor.go:166] Scale-up: setting group eks-a size to 5
      I0313 12:36:35.000000       1 clusterstate.go:352] Scale up in group eks-a finished successfully in 2m0s

      """)
    try #require(report.scaleUps.count == 2)
    #expect(report.scaleUps.map(\.to) == [3, 5])
    #expect(report.scaleUps.allSatisfy { $0.outcome == .succeeded })
    #expect(report.scaleUps[0].evidence.lines.contains(2) && report.scaleUps[1].evidence.lines.contains(4))
  }

  @Test func aFailedRevertIsCarriedByTheTimedOutScaleUp() throws {
    let (report, steps) = Fixtures.analyzeWithSteps(
      """
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-ng-a size to 7
      W0313 12:49:40.563382       1 clusterstate.go:358] Scale-up timed out for node group eks-ng-a after 15m5.5s
      W0313 12:49:40.570000       1 clusterstate.go:372] Reverting timed-out scale-up for node group eks-ng-a by decreasing target size by 2
      W0313 12:49:40.580000       1 clusterstate.go:376] Failed to revert timed-out scale-up for node group eks-ng-a: \
      AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:SetDesiredCapacity
      W0313 12:49:40.590000       1 \(RecentReleaseMessagesTests.statusEvent)type: 'Warning' reason: 'FailedToRevertScaleUp' \
      Failed to revert timed-out scale-up for node group eks-ng-a: AccessDenied

      """)
    let up = try #require(report.scaleUps.first)
    #expect(up.outcome == .timedOut && up.error?.failureClass == .timeout)
    let revertError = try #require(up.revertError)
    #expect(revertError.failureClass == .iam && revertError.action == "autoscaling:SetDesiredCapacity")
    #expect(up.evidence.lines.contains(4) && up.evidence.lines.contains(5))
    // The log line and its event are one failure.
    #expect(report.failures.filter { $0.failureClass == .iam }.count == 1)
    #expect(steps.contains { $0.kind == .failure && $0.episodeId == up.id && $0.summary.contains("revert") })
    #expect(TextReportRenderer.render(report).contains("revert failed: iam AccessDenied"))
    let json = JSONReportRenderer.render(report)
    let ups = try #require(try object(json)["scaleUps"] as? [[String: Any]])
    #expect((ups.first?["revertError"] as? [String: Any])?["class"] as? String == "iam")
    #expect(try validator().validate(Data(json.utf8)).isEmpty)
  }

  @Test func theRevertEventAloneStillFailsTheRevert() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-ng-a size to 7
      W0313 12:49:40.563382       1 clusterstate.go:358] Scale-up timed out for node group eks-ng-a after 15m5.5s
      W0313 12:49:40.590000       1 \(RecentReleaseMessagesTests.statusEvent)type: 'Warning' reason: 'FailedToRevertScaleUp' \
      Failed to revert timed-out scale-up for node group eks-ng-a: AccessDenied

      """)
    #expect(try #require(report.scaleUps.first).revertError?.code == "AccessDenied")
  }

  @Test func aBackoffThatCouldNotBeRecordedIsAFindingWithoutABackoffWindow() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-ng-a size to 7
      W0313 12:49:40.563382       1 clusterstate.go:358] Scale-up timed out for node group eks-ng-a after 15m5.5s
      E0313 12:49:40.580000       1 clusterstate.go:400] Cannot backoff node group eks-ng-a: failed to get template node info

      """)
    #expect(report.backoffs.isEmpty)
    #expect(report.scaleUps.first?.outcome == .timedOut)
    let failure = try #require(report.failures.first { $0.operation == .template })
    #expect(failure.nodeGroup == "eks-ng-a")
    #expect(report.unrecognized == 0)
  }

  @Test func aScaleUpThatFailedBeforeAnyResizeFailsNoScaleUpUnderWay() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.470823       1 executor.go:166] Scale-up: setting group eks-ng-a size to 7
      E0313 12:34:44.512345       1 static_autoscaler.go:533] Failed to scale up: failed to recompute template node \
      infos: UnauthorizedOperation: You are not authorized to perform this operation.

      """)
    #expect(report.scaleUps.first?.outcome == .pending)
    let failure = try #require(report.failures.first)
    #expect(failure.operation == .template && failure.failureClass == .iam && failure.nodeGroup == nil)
  }

  @Test func aNodeWithoutNodeGroupConfigIsBlocked() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:00:00.000000       1 scale_down_set_processor.go:102] Node ip-10-0-1-5 will not scale down, has no node group config.

      """)
    #expect(report.blockedScaleDowns.first?.detail == "no node group config")
  }

  @Test func onCompletionPodsBlockTheScaleDownWithTheirReason() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:00:00.000000       1 planner.go:178] Node ip-10-0-1-5 has active on-completion pods, delaying scale down
      I0313 12:00:10.000000       1 planner.go:178] Node ip-10-0-1-5 has active on-completion pods, delaying scale down

      """)
    let blocked = try #require(report.blockedScaleDowns.first)
    #expect(blocked.node == "ip-10-0-1-5" && blocked.reason == .onCompletionPod && blocked.count == 2)
    let json = JSONReportRenderer.render(report)
    let blockedJSON = try #require(try object(json)["blockedScaleDowns"] as? [[String: Any]])
    #expect(blockedJSON.first?["reason"] as? String == "onCompletionPod")
    #expect(try validator().validate(Data(json.utf8)).isEmpty)
  }

  @Test func anExpanderThatChoseNoOptionLeavesThePodsWithThatReason() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-1 is unschedulable
      I0313 12:34:34.401000       1 orchestrator.go:1081] Expander filtered out all options, valid options: 2

      """)
    #expect(report.scaleUps.isEmpty)
    let item = try #require(report.noScaleUps.first)
    #expect(item.pod == "default/web-1")
    #expect(item.reasons == ["Expander filtered out all 2 valid options"])
  }

  @Test func aCancelledLoopIsNoted() throws {
    let line =
      "I0313 12:00:00.000000       1 static_autoscaler.go:551] Skipping scale-up/scale-down, context cancelled: context canceled"
    let (id, event) = try #require(Catalog.identify(line))
    #expect(id == "loop.contextCancelled" && event == .noted(id: "loop.contextCancelled"))
    let report = Fixtures.analyze(line + "\n")
    #expect(report.recognized == 1 && report.unrecognized == 0 && report.failures.isEmpty)
  }

  @Test func aCancelledLoopDecidesNothingForTheNextOne() throws {
    let (report, steps) = Fixtures.analyzeWithSteps(
      """
      I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-1 is unschedulable
      I0313 12:34:34.000000       1 static_autoscaler.go:551] Skipping scale-up/scale-down, context cancelled: context canceled
      I0313 12:34:36.900100       1 klogx.go:87] Pod default/web-2 is unschedulable
      I0313 12:34:37.401300       1 orchestrator.go:177] Final scale-up plan: [{eks-a 1->2 (max: 5)}]

      """)
    #expect(try #require(report.scaleUps.first).triggeringPods == ["default/web-2"])
    #expect(steps.contains { $0.kind == .process && $0.line == 2 && $0.summary.contains("context cancelled") })
  }

  @Test func gracefulDegradationEventsAreAPeriodOfTheAutoscaler() throws {
    let (report, steps) = Fixtures.analyzeWithSteps(
      """
      W0313 12:00:00.000000       1 \(RecentReleaseMessagesTests.statusEvent)type: 'Warning' reason: 'GracefulDegradationStarted' \
      Autoscaler is unable to handle the large amount of unschedulable pods. Consider reducing the rate of adding new pods, so autoscaler could auto recover.
      I0313 12:10:00.000000       1 \(RecentReleaseMessagesTests.statusEvent)type: 'Normal' reason: 'GracefulDegradationStopped' \
      Autoscaler exited from GracefulDegradationMode and works normally.
      W0313 12:20:00.000000       1 \(RecentReleaseMessagesTests.statusEvent)type: 'Warning' reason: 'GracefulDegradationStarted' \
      Autoscaler is unable to handle the large amount of unschedulable pods.

      """)
    let periods = report.autoscaler.gracefulDegradations
    try #require(periods.count == 2)
    #expect(periods[0].startedAt?.microsecondOfDay == 43_200_000_000 && periods[0].stoppedAt != nil)
    #expect(periods[1].startedAt != nil && periods[1].stoppedAt == nil)
    #expect(steps.filter { $0.kind == .process && $0.summary.hasPrefix("graceful degradation") }.count == 3)
    #expect(TextReportRenderer.render(report).contains("graceful degradation 2 time(s), still degraded"))
    let json = JSONReportRenderer.render(report)
    let autoscaler = try #require(try object(json)["autoscaler"] as? [String: Any])
    let periodsJSON = try #require(autoscaler["gracefulDegradations"] as? [[String: Any]])
    #expect(periodsJSON.count == 2 && periodsJSON[0]["startedAt"] is String && periodsJSON[1]["stoppedAt"] is NSNull)
    #expect(try validator().validate(Data(json.utf8)).isEmpty)
  }

  @Test func theNotTriggerScaleUpReasonsOf136AreReasonsOfThePod() throws {
    let event =
      "I0313 12:00:00.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"Pod\", "
      + "Namespace:\"default\", Name:\"web-1\", UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): "
      + "type: 'Normal' reason: 'NotTriggerScaleUp' pod didn't trigger scale-up: "
    let report = Fixtures.analyze(
      event
        + "2 expansion options filtered out and no longer considered, 1 exceeded quota: \"cluster-cpu\", resources: cpu, "
        + "3 scale-up execution failed\n"
        + event.replacingOccurrences(of: "12:00:00", with: "12:01:00")
        + "1 not all pods would fit and scale-up is using all-or-nothing strategy\n")
    let item = try #require(report.noScaleUps.first)
    #expect(
      item.reasons == [
        "expansion options filtered out and no longer considered", "exceeded quota: \"cluster-cpu\", resources: cpu",
        "scale-up execution failed", "not all pods would fit and scale-up is using all-or-nothing strategy",
      ])
    #expect(item.reasonNodeGroups["scale-up execution failed"] == 3)
  }

  @Test func quotasCapTheScaleUpOfTheirGroup() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:34.400000       1 orchestrator.go:684] Skipping node group eks-c; "cluster-cpu" quota exceeded, resources: [cpu]
      I0313 12:34:34.401000       1 orchestrator.go:207] Only 2 nodes can be added to eks-a due to resource quotas
      I0313 12:34:34.401100       1 orchestrator.go:737] Capping scale-up of eks-b from 3 to 1 nodes due to quota
      I0313 12:34:34.401300       1 orchestrator.go:177] Final scale-up plan: [{eks-a 1->3 (max: 5)} {eks-b 1->2 (max: 5)}]

      """)
    try #require(report.scaleUps.count == 2)
    #expect(
      report.scaleUps[0].capping?.quotaCappedToNodes == 2 && report.scaleUps[0].capping?.quotaRequestedNodes == nil)
    #expect(report.scaleUps[1].capping?.quotaRequestedNodes == 3 && report.scaleUps[1].capping?.quotaCappedToNodes == 1)
    let text = TextReportRenderer.render(report)
    #expect(
      text.contains("capped to 2 nodes (resource quotas)") && text.contains("capped 3->1 nodes (resource quotas)"))
  }

  @Test func aGroupOverItsQuotaIsAReasonForNoScaleUp() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-1 is unschedulable
      I0313 12:34:34.400000       1 orchestrator.go:684] Skipping node group eks-a; "cluster-cpu" quota exceeded, resources: [cpu]
      I0313 12:34:34.400100       1 orchestrator.go:1074] No expansion options

      """)
    let item = try #require(report.noScaleUps.first)
    #expect(item.reasons == ["No expansion options", "eks-a (quota \"cluster-cpu\" exceeded: [cpu])"])
  }

  @Test func upcomingNodesSkippedForABackedOffGroupAreEvidenceOfItsBackoff() throws {
    let report = Fixtures.analyze(
      """
      W0313 12:49:40.584456       1 clusterstate.go:404] Disabling scale-up for node group eks-ng-a until \
      2026-03-13 12:54:40.1 +0000 UTC m=+2030.4; errorClass=OutOfResource; errorCode=placeholder-cannot-be-fulfilled
      I0313 12:50:01.420000       1 clusterstate.go:1138] Skipping 2 upcoming nodes for backed-off node group eks-ng-a: \
      AWS cannot provision any more instances for this node group
      I0313 12:50:01.420100       1 clusterstate.go:1134] Skipping 1 upcoming nodes for node group eks-ng-b: no active scale-up request

      """)
    try #require(report.backoffs.count == 1)
    #expect(report.backoffs[0].evidence.lines.contains(2))
    #expect(report.unrecognized == 0)
  }
}
