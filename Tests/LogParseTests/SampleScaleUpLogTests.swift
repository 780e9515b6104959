import LogParse
import Testing

/// The real scale-up excerpts in SampleLogs yield everything their SampleLogs/INDEX.md row says.
struct SampleScaleUpLogTests {
  @Test func seedBlogScaleUp() throws {
    let sample = try SampleReport("000-seed-blog-scaleup")
    let report = sample.report
    #expect(sample.input == "lines 11 records 9 recognized 9 unrecognized 0 malformed 0 skipped 2 continuation 0")
    #expect(sample.formats == ["klog-text"] && report.verbosity == 4)
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "ASG_NAME" && sample.sizes(up) == "4->5 max 8 nodes 1" && up.estimate == 1)
    #expect(up.triggeringPods == ["echoserver/echoserver-74fd7d865f-vkzqb"] && up.triggeringPodCount == 1)
    #expect(up.outcome == .succeeded && up.error == nil)
    #expect(sample.time(up.decidedAt) == "2026-09-27T11:50:35.158521Z")
    #expect(sample.time(up.requestedAt) == "2026-09-27T11:50:35.158572Z")
    #expect(sample.time(up.endedAt) == "2026-09-27T11:52:36.144782Z")
    #expect(sample.duration(up) == 120.794268739)
    #expect(up.evidence.lines == [1, 2, 3, 4, 5, 6, 11])
    // 11:50:45: the pod is still unschedulable with 1 node upcoming: no new scale-up, no "no scale-up".
    #expect(sample.noNoScaleUps && report.scaleDowns.isEmpty)
    #expect(sample.noFailures && sample.noBackoffs && sample.noBlocked)
    #expect(report.autoscaler.cloudProvider == nil && sample.noProcessFacts)
  }

  @Test func petstoreScaleUpCappedToMax() throws {
    let sample = try SampleReport("001-eks-petstore-scaleup")
    let report = sample.report
    #expect(sample.input == "lines 31 records 31 recognized 31 unrecognized 0 malformed 0 skipped 0 continuation 0")
    #expect(report.autoscaler.cloudProvider == "aws" && sample.noProcessFacts)
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "eks-18b868fe-c4ef-0de7-33de-faf02876096e")
    // Estimated 6, capped to 1: the plan takes the group to its max.
    #expect(sample.sizes(up) == "2->3 max 3 nodes 1" && up.estimate == 6)
    #expect(TextReportRenderer.render(report).contains("2->3 (max 3, 6 estimated)"))
    #expect(up.outcome == .pending && up.endedAt == nil && sample.duration(up) == nil && up.error == nil)
    #expect(up.triggeringPodCount == 17 && up.triggeringPods.count == 17)
    #expect(up.triggeringPods.allSatisfy { $0.hasPrefix("default/petstore-jwt-57d8c4ff7-") })
    #expect(up.triggeringPods.first == "default/petstore-jwt-57d8c4ff7-sbrg9")
    #expect(up.triggeringPods.contains("default/petstore-jwt-57d8c4ff7-q7h8p"))
    #expect(sample.time(up.decidedAt) == "2026-03-26T09:28:48.700696Z")
    #expect(sample.time(up.requestedAt) == "2026-03-26T09:28:48.700930Z")
    // The capping line, both resize lines, the ScaledUpGroup and TriggeredScaleUp events.
    #expect([26, 28, 29, 30, 31].allSatisfy(up.evidence.lines.contains))
    #expect(Set(up.evidence.lines).count == up.evidence.lines.count)
    #expect(sample.noNoScaleUps && sample.noFailures && sample.noBackoffs && report.scaleDowns.isEmpty)
  }

  @Test func aksOldLayoutScaleUpEndsWithTheCloudConfirmation() throws {
    let sample = try SampleReport("003-aks-acs-pool-scaleup-old")
    let report = sample.report
    // Line 1 is a fragment without severity, date or time: a record without a time, recognised
    // (a V(4) loop step, so the log proves --v=4), and no time of the report comes from it.
    #expect(sample.input == "lines 23 records 23 recognized 23 unrecognized 0 malformed 0 skipped 0 continuation 0")
    #expect(sample.year == "2019 message" && report.verbosity == 4 && report.accounting.untimedRecords == 1)
    #expect(sample.time(report.firstTime) == "2019-05-08T07:51:29.373609Z")
    #expect(report.autoscaler.cloudProvider == "azure" && sample.noProcessFacts)
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "nodepool1" && sample.sizes(up) == "3->4 max 5 nodes 1" && up.estimate == 1)
    #expect(up.triggeringPodCount == 13 && up.triggeringPods.allSatisfy { $0.hasPrefix("tl-int/tlui-6b495c88bb-") })
    #expect(up.triggeringPods.first == "tl-int/tlui-6b495c88bb-6n64d")
    #expect(sample.time(up.decidedAt) == "2019-05-08T07:51:29.839722Z")
    #expect(sample.time(up.requestedAt) == "2019-05-08T07:51:29.988176Z")
    // No `finished` line: "Target size set done" and "Time taken: 2m39.18s" are the success.
    #expect(up.outcome == .succeeded && up.error == nil)
    #expect(sample.time(up.endedAt) == "2019-05-08T07:54:09.484267Z")
    #expect(sample.duration(up) == 159.182059589)
    #expect(up.evidence.lines.contains(21) && up.evidence.lines.contains(22) && !up.evidence.lines.contains(1))
    #expect(sample.noNoScaleUps && sample.noFailures && sample.noBackoffs && report.scaleDowns.isEmpty)
  }

  @Test func workshopOrchestratorLayoutWithElisions() throws {
    let sample = try SampleReport("005-eks-workshop-orchestrator-scaleup")
    let report = sample.report
    #expect(sample.input == "lines 13 records 9 recognized 9 unrecognized 0 malformed 0 skipped 4 continuation 0")
    #expect(sample.formats == ["klog-text", "pasted"] && report.autoscaler.cloudProvider == "aws")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "eks-default-62c766f6-ec38-5423-ce6a-c4633f142631")
    #expect(sample.sizes(up) == "3->4 max 6 nodes 1" && up.estimate == 1)
    #expect(up.triggeringPods == ["ui/ui-68495c748c-dbh22", "ui/ui-68495c748c-98gcq", "ui/ui-68495c748c-8pkdv"])
    #expect(up.triggeringPodCount == 3)
    #expect(up.outcome == .pending && up.endedAt == nil && up.error == nil)
    #expect(sample.time(up.decidedAt) == "2026-04-11T21:26:52.109318Z")
    #expect(sample.time(up.requestedAt) == "2026-04-11T21:26:52.109376Z")
    #expect(up.evidence.lines == Array(3...11))
    #expect(sample.noNoScaleUps && sample.noFailures && sample.noBackoffs && report.scaleDowns.isEmpty)
    #expect(sample.noProcessFacts)
  }

  @Test func hashPrefixedScaleUpWhosePodsLaterFitUpcomingNodes() throws {
    let sample = try SampleReport("011-eks-cas1.26-hash-prefixed-scaleup")
    let report = sample.report
    #expect(sample.input == "lines 22 records 19 recognized 19 unrecognized 0 malformed 0 skipped 3 continuation 0")
    #expect(sample.formats == ["klog-text", "pasted"] && report.autoscaler.cloudProvider == "aws")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "eks-eks-node-group-e0c40d85-c6a1-2ad5-0296-40386965ef34")
    #expect(sample.sizes(up) == "1->3 max 3 nodes 2" && up.estimate == 2)
    #expect(up.triggeringPodCount == 13 && up.triggeringPods.count == 13)
    #expect(up.triggeringPods.allSatisfy { $0.hasPrefix("default/nginx-7f456874f4-") })
    #expect(sample.time(up.decidedAt) == "2026-05-15T20:27:08.661732Z")
    #expect(sample.time(up.requestedAt) == "2026-05-15T20:27:08.661791Z")
    // 20:27:28 "14 pods marked as unschedulable can be scheduled": they fit on the upcoming nodes,
    // so the scale-up is still in flight and nothing reports them as left without a scale-up.
    #expect(up.outcome == .pending && up.endedAt == nil && up.error == nil)
    #expect(sample.noNoScaleUps && sample.noFailures && sample.noBackoffs && report.scaleDowns.isEmpty)
  }

  @Test func grepOfFinalPlansAcrossBalancedGroups() throws {
    let sample = try SampleReport("038-eks-cas1.18.2-grep-final-plan-multi-group")
    let report = sample.report
    // Line 1 is the shell command that grepped the plans.
    #expect(sample.input == "lines 4 records 3 recognized 3 unrecognized 0 malformed 0 skipped 1 continuation 0")
    #expect(sample.formats == ["klog-text", "pasted"])
    let prefix = "ethos51-sbx-va6-k8s-compute-1-"
    let worker1 = prefix + "worker1AutoScalingGroup-1B6NM290ZLLSF"
    let worker2 = prefix + "worker2AutoScalingGroup-IDHHPMVTXE51"
    let worker3 = prefix + "worker3AutoScalingGroup-1F8XJE0VB64EC"
    let expected: [(String, String, String)] = [
      (worker3, "1->7", "05:39:17.111137"), (worker1, "6->7", "05:39:17.111137"),
      (worker1, "7->19", "05:39:28.112155"), (worker3, "7->19", "05:39:28.112155"),
      (worker2, "10->18", "05:39:28.112155"),
      (worker2, "18->31", "05:39:41.005606"), (worker1, "19->30", "05:39:41.005606"),
      (worker3, "19->30", "05:39:41.005606"),
    ]
    try #require(report.scaleUps.count == expected.count)
    for (up, (group, sizes, decided)) in zip(report.scaleUps, expected) {
      #expect(up.nodeGroup == group)
      #expect(sample.sizes(up).hasPrefix(sizes + " max 200 "))
      #expect(sample.time(up.decidedAt) == "2026-01-25T\(decided)Z")
      // Plan lines only: no trigger, resize request or end.
      #expect(up.outcome == .pending && up.triggeringPodCount == 0 && up.requestedAt == nil && up.endedAt == nil)
    }
    let nodesPerDecision = Dictionary(grouping: report.scaleUps) { sample.time($0.decidedAt) ?? "" }
      .mapValues { $0.compactMap(\.nodes).reduce(0, +) }
    #expect(
      nodesPerDecision == [
        "2026-01-25T05:39:17.111137Z": 7, "2026-01-25T05:39:28.112155Z": 32, "2026-01-25T05:39:41.005606Z": 35,
      ])
    #expect(sample.noNoScaleUps && sample.noFailures && sample.noBackoffs && report.scaleDowns.isEmpty)
    #expect(report.autoscaler.cloudProvider == nil && sample.noProcessFacts)
  }
}
