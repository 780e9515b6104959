import LogParse
import Testing

/// The real scale-down excerpts in SampleLogs yield everything their SampleLogs/INDEX.md row says.
struct SampleScaleDownLogTests {
  @Test func seedBlogScaleDown() throws {
    let sample = try SampleReport("000-seed-blog-scaledown")
    let report = sample.report
    #expect(sample.input == "lines 8 records 7 recognized 7 unrecognized 0 malformed 0 skipped 1 continuation 0")
    #expect(sample.year == "2019 message" && report.autoscaler.cloudProvider == "aws")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-172-19-67-52.ap-northeast-1.compute.internal" && down.nodeGroup == nil)
    #expect(down.kind == .empty && down.outcome == .succeeded && down.error == nil && down.evictedPods.isEmpty)
    #expect(down.utilization == 0.055)
    #expect(down.unneededSince?.rfc3339 == "2019-09-27T11:57:07.773690521Z")
    #expect(down.unneededSeconds == 604.367847963)
    #expect(sample.time(down.startedAt) == "2019-09-27T12:07:12.161868Z")
    // The instance is terminated ~0.23 s after the removal decision.
    #expect(sample.time(down.endedAt) == "2019-09-27T12:07:12.391908Z")
    #expect(down.instanceId == "i-066bc60549f083e38")
    #expect(down.evidence.lines == [1, 2, 4, 5, 6, 7, 8])
    #expect(report.scaleUps.isEmpty && sample.noFailures && sample.noBlocked && sample.noProcessFacts)
  }

  @Test func petstoreScaleDownAfterTheThresholdAndGarbageLastLine() throws {
    let sample = try SampleReport("002-eks-petstore-scaledown")
    let report = sample.report
    // The informer's "Watch close" is the one unrecognised record; the bare node name is malformed.
    #expect(sample.input == "lines 29 records 28 recognized 27 unrecognized 1 malformed 1 skipped 0 continuation 0")
    #expect(report.unrecognizedShapes.map(\.line) == [4])
    // The dates in `unneeded since`, `lastScaleUpTime=` and `next refresh after` give the year.
    #expect(sample.year == "2020 message" && report.autoscaler.cloudProvider == "aws")
    // 09:46:23: unneeded for 9m52s, "No candidates for scale down": the removal starts at 09:46:33.
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-172-31-37-121.us-east-2.compute.internal" && down.nodeGroup == nil)
    #expect(down.kind == .empty && down.outcome == .succeeded && down.error == nil)
    #expect(down.utilization == 0.056995)
    #expect(down.unneededSince?.rfc3339 == "2020-03-26T09:36:30.663647562Z")
    #expect(down.unneededSeconds == 602.836440719)
    #expect(sample.time(down.startedAt) == "2020-03-26T09:46:33.502547Z")
    #expect(sample.time(down.endedAt) == "2020-03-26T09:46:33.719841Z")
    #expect(down.instanceId == "i-0c417a69aee25fd41")
    // The ScaleDownEmpty events, the taint and "empty node … removed" are its evidence.
    #expect([21, 22, 23, 28].allSatisfy(down.evidence.lines.contains) && !down.evidence.lines.contains(29))
    let blocked = report.blockedScaleDowns.map { "\($0.node) \($0.reason) \($0.count) \($0.pod ?? "-")" }
    #expect(
      blocked == [
        "ip-172-31-3-184.us-east-2.compute.internal utilization 1 -",
        "ip-172-31-24-135.us-east-2.compute.internal utilization 1 -",
      ])
    #expect(
      report.blockedScaleDowns.map(\.detail).map { $0.contains("0.898367") || $0.contains("0.632124") } == [true, true])
    // lastScaleUpTime (09:28:48.69) is a scale-up before the excerpt, not one in it.
    #expect(report.scaleUps.isEmpty && sample.noFailures && sample.noNoScaleUps && sample.noProcessFacts)
  }

  @Test func terraformScaleDownOnlyThePastThresholdNode() throws {
    let sample = try SampleReport("008-eks-terraform-scaledown-aws_manager")
    let report = sample.report
    #expect(sample.input == "lines 7 records 7 recognized 7 unrecognized 0 malformed 0 skipped 0 continuation 0")
    #expect(report.autoscaler.cloudProvider == "aws")
    // ip-10-0-1-177 (unneeded 7m18s, below the threshold) is neither removed nor blocked.
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-10-0-0-16.ap-northeast-1.compute.internal" && down.nodeGroup == nil)
    #expect(down.kind == .empty && down.outcome == .succeeded && down.error == nil)
    #expect(down.unneededSeconds == 604.589275269 && down.unneededSince == nil && down.utilization == nil)
    #expect(sample.time(down.startedAt) == "2026-07-27T15:41:44.937768Z")
    #expect(sample.time(down.endedAt) == "2026-07-27T15:41:45.162880Z")
    #expect(down.instanceId == "i-05df3b79e52165a1d")
    #expect(down.evidence.lines == [1, 3, 4, 5, 6, 7])
    #expect(sample.noBlocked && report.scaleUps.isEmpty && sample.noFailures && sample.noProcessFacts)
  }

  @Test func minSizeLeavesNoCandidates() throws {
    let sample = try SampleReport("009-eks-cas1.26-minsize-no-candidates")
    let report = sample.report
    #expect(sample.input == "lines 6 records 6 recognized 6 unrecognized 0 malformed 0 skipped 0 continuation 0")
    // `lastScaleUpTime=2023-05-14 … m=-3578.29` in the status line dates the log.
    #expect(sample.year == "2023 message" && report.verbosity == 4)
    let blocked = report.blockedScaleDowns.map { "\($0.node) \($0.reason) \($0.detail)" }
    #expect(
      blocked == [
        "ip-192-168-222-24.eu-central-1.compute.internal minSize node group min size reached (current: 2, min: 2)",
        "ip-192-168-177-9.eu-central-1.compute.internal minSize node group min size reached (current: 2, min: 2)",
      ])
    #expect(
      report.blockedScaleDowns.map { sample.time($0.firstAt) ?? "" } == [
        "2023-05-14T21:48:09.465922Z", "2023-05-14T21:48:09.465938Z",
      ])
    #expect(report.scaleDowns.isEmpty && report.scaleUps.isEmpty && sample.noFailures && sample.noNoScaleUps)
    #expect(report.autoscaler.cloudProvider == nil && sample.noProcessFacts)
  }

  @Test func fastEvaluationBlockedByKubeSystemPod() throws {
    let sample = try SampleReport("016-eks-fast-evaluation-blocked-kube-system-pod")
    let report = sample.report
    #expect(sample.input == "lines 1 records 1 recognized 1 unrecognized 0 malformed 0 skipped 0 continuation 0")
    try #require(report.blockedScaleDowns.count == 1)
    let blocked = report.blockedScaleDowns[0]
    #expect(blocked.node == "ip-10-1-2-3.ap-northeast-2.compute.internal" && blocked.reason == .kubeSystemPod)
    #expect(blocked.pod == "aws-load-balancer-controller-597c675c8f-d79h5" && blocked.count == 1)
    #expect(sample.time(blocked.firstAt) == "2026-06-19T07:11:46.774431Z" && blocked.evidence.lines == [1])
    #expect(report.scaleDowns.isEmpty && report.scaleUps.isEmpty && sample.noFailures && sample.noProcessFacts)
  }

  @Test func grepPrefixedLocalStorageBlock() throws {
    let sample = try SampleReport("036-hetzner-grep-n-prefix-local-storage-blocks-scaledown")
    let report = sample.report
    // Line 1 is the shell command; line 2 keeps its `15214:` grep prefix.
    #expect(sample.input == "lines 2 records 1 recognized 1 unrecognized 0 malformed 0 skipped 1 continuation 0")
    #expect(sample.formats == ["klog-text", "pasted"])
    try #require(report.blockedScaleDowns.count == 1)
    let blocked = report.blockedScaleDowns[0]
    #expect(blocked.node == "hz-dev-apps-burst-6cdd1eeb4bf5b2a1" && blocked.reason == .localStorage)
    #expect(blocked.pod == "traefik-b67d8d13f-9md5h" && blocked.count == 1 && blocked.evidence.lines == [2])
    #expect(sample.time(blocked.firstAt) == "2026-04-30T18:32:17.878590Z")
    #expect(report.scaleDowns.isEmpty && report.scaleUps.isEmpty && sample.noFailures && sample.noProcessFacts)
  }

  @Test func reverseOrderedAzureDrain() throws {
    let sample = try SampleReport("046-aks-vmss-scaledown-log-analytics-reverse-order")
    let report = sample.report
    #expect(sample.input == "lines 13 records 8 recognized 8 unrecognized 0 malformed 0 skipped 5 continuation 0")
    #expect(sample.formats == ["klog-text", "pasted"] && report.autoscaler.cloudProvider == "azure")
    #expect(sample.time(report.firstTime) == "2026-05-04T09:09:51.655112Z")
    #expect(sample.time(report.lastTime) == "2026-05-04T09:10:17.929359Z")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "aks-npuser01-61737176-vmss000006" && down.nodeGroup == "aks-npuser01-61737176-vmss")
    #expect(down.kind == .drain && down.outcome == .succeeded && down.error == nil)
    #expect(down.unneededSeconds == 120.633795839)
    // Tainted 09:09:51.687640, drained and deleted 26.2 s later.
    #expect(sample.time(down.startedAt) == "2026-05-04T09:09:51.687640Z")
    #expect(sample.time(down.drainedAt) == "2026-05-04T09:10:17.928963Z")
    #expect(sample.time(down.endedAt) == "2026-05-04T09:10:17.929205Z")
    #expect(TextReportRenderer.render(report).contains("drained in 26.24s"))
    #expect(down.instanceId?.hasSuffix("/virtualMachineScaleSets/aks-npuser01-61737176-vmss/virtualMachines/6") == true)
    #expect([2, 3, 5, 13].allSatisfy(down.evidence.lines.contains))
    #expect(report.scaleUps.isEmpty && sample.noFailures && sample.noBlocked && sample.noProcessFacts)
  }

  @Test func drainStartWithPartialHeaders() throws {
    let sample = try SampleReport("048-eks-cas1.26.3-actuator-drain-partial-headers")
    let report = sample.report
    // The first two lines lost their thread id and still count as records.
    #expect(sample.input == "lines 3 records 3 recognized 3 unrecognized 0 malformed 0 skipped 0 continuation 0")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-10-160-50-114.us-west-2.compute.internal")
    #expect(down.kind == .drain && down.outcome == .pending && down.endedAt == nil && down.instanceId == nil)
    #expect(down.drainedAt == nil)
    #expect(down.utilization == 0.6940581542351454)
    #expect(down.evictedPods == ["pod-hbhqf", "pod-lx6fg"])
    #expect(sample.time(down.startedAt) == "2026-04-14T10:21:40.293272Z")
    #expect(report.scaleUps.isEmpty && sample.noFailures && sample.noBlocked && sample.noProcessFacts)
  }
}
