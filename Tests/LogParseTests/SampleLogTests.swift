import LogParse
import Testing

/// Each real excerpt in SampleLogs yields what SampleLogs/INDEX.md says about scale-ups, scale-downs and failures.
struct SampleLogTests {
  private func report(_ prefix: String) throws -> Report {
    Fixtures.analyze(try Fixtures.sample(prefix))
  }

  @Test func seedBlogScaleUp() throws {
    let report = try report("000-seed-blog-scaleup")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "ASG_NAME")
    #expect(up.from == 4 && up.to == 5 && up.max == 8 && up.nodes == 1)
    #expect(up.outcome == .succeeded)
    #expect(up.triggeringPods == ["echoserver/echoserver-74fd7d865f-vkzqb"])
    #expect(up.triggeringPodCount == 1)
    #expect(up.printedDurationSeconds == 120.794268739)
    #expect(report.rfc3339(try #require(up.decidedAt)).hasSuffix("T11:50:35.158521Z"))
    #expect(report.rfc3339(try #require(up.endedAt)).hasSuffix("T11:52:36.144782Z"))
    #expect(report.scaleDowns.isEmpty && report.failures.isEmpty)
    #expect(report.accounting.lines == 11 && report.accounting.skipped == 2)
  }

  @Test func seedBlogScaleDown() throws {
    let report = try report("000-seed-blog-scaledown")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-172-19-67-52.ap-northeast-1.compute.internal")
    #expect(down.kind == .empty)
    #expect(down.outcome == .succeeded)
    #expect(down.instanceId == "i-066bc60549f083e38")
    #expect(down.utilization == 0.055)
    #expect(down.unneededSeconds == 604.367847963)
    #expect(down.unneededSince?.rfc3339 == "2019-09-27T11:57:07.773690521Z")
    #expect(down.nodeGroup == nil)
    #expect(report.rfc3339(try #require(down.startedAt)) == "2019-09-27T12:07:12.161868Z")
    #expect(report.rfc3339(try #require(down.endedAt)) == "2019-09-27T12:07:12.391908Z")
    #expect(report.year.source == .message && report.year.baseYear == 2019)
    #expect(report.scaleUps.isEmpty)
  }

  @Test func petstoreScaleUpCappedToMax() throws {
    let report = try report("001-eks-petstore-scaleup")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "eks-18b868fe-c4ef-0de7-33de-faf02876096e")
    #expect(up.from == 2)
    #expect(up.to == 3)
    #expect(up.max == 3)
    #expect(up.outcome == .pending)
    #expect(up.triggeringPodCount == 17)
    #expect(up.triggeringPods.contains("default/petstore-jwt-57d8c4ff7-q7h8p"))
  }

  @Test func petstoreScaleDownAndGarbageLastLine() throws {
    let report = try report("002-eks-petstore-scaledown")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-172-31-37-121.us-east-2.compute.internal")
    #expect(down.kind == .empty && down.outcome == .succeeded)
    #expect(down.instanceId == "i-0c417a69aee25fd41")
    #expect(down.unneededSeconds == 602.836440719)
    #expect(down.utilization == 0.056995)
    #expect(report.accounting.malformed == 1)
    #expect(report.scaleUps.isEmpty)
  }

  @Test func aksOldLayoutScaleUp() throws {
    let report = try report("003-aks-acs-pool-scaleup-old")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "nodepool1" && up.from == 3 && up.to == 4 && up.max == 5)
    #expect(up.triggeringPodCount == 13)
    #expect(report.accounting.malformed == 1)
  }

  @Test func workshopOrchestratorLayoutWithElisions() throws {
    let report = try report("005-eks-workshop-orchestrator-scaleup")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "eks-default-62c766f6-ec38-5423-ce6a-c4633f142631")
    #expect(up.from == 3 && up.to == 4 && up.max == 6)
    #expect(up.triggeringPods == ["ui/ui-68495c748c-dbh22", "ui/ui-68495c748c-98gcq", "ui/ui-68495c748c-8pkdv"])
    #expect(report.accounting.skipped == 4)
  }

  @Test func terraformScaleDownOnlyThePastThresholdNode() throws {
    let report = try report("008-eks-terraform-scaledown-aws_manager")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-10-0-0-16.ap-northeast-1.compute.internal")
    #expect(down.instanceId == "i-05df3b79e52165a1d" && down.outcome == .succeeded && down.kind == .empty)
    #expect(down.unneededSeconds == 604.589275269)
  }

  @Test(arguments: ["009-", "016-", "032-", "034-", "036-"])
  func excerptsWithoutEpisodes(prefix: String) throws {
    let report = try report(prefix)
    #expect(report.scaleUps.isEmpty)
    #expect(report.scaleDowns.isEmpty)
    #expect(!report.failures.contains { $0.failureClass == .iam || $0.failureClass == .credentials })
  }

  @Test func hashPrefixedScaleUp() throws {
    let report = try report("011-eks-cas1.26-hash-prefixed-scaleup")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "eks-eks-node-group-e0c40d85-c6a1-2ad5-0296-40386965ef34")
    #expect(up.from == 1 && up.to == 3 && up.max == 3 && up.estimate == 2)
    #expect(up.triggeringPodCount == 13)
    #expect(report.formats.contains(.pasted))
  }

  @Test func accessDeniedOnSetDesiredCapacity() throws {
    let report = try report("021-eks-accessdenied")
    #expect(report.accounting.lines == 2 && report.accounting.records == 1)
    try #require(report.failures.count == 1)
    let failure = report.failures[0]
    #expect(failure.failureClass == .iam)
    #expect(failure.code == "AccessDenied")
    #expect(failure.action == "autoscaling:SetDesiredCapacity")
    #expect(
      failure.principal
        == "arn:aws:sts::12345678912345:assumed-role/rtl-di-eks-cluster234567000000000001233/i-0d324j234h432423")
    #expect(failure.nodeGroup == "rtl-di-eks-cluster-xxxxxxxxxx")
    #expect(failure.message.contains("status code: 403"))
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].outcome == .failed)
    #expect(report.scaleUps[0].error?.failureClass == .iam)
  }

  @Test func webIdentityFatalAtStartup() throws {
    let report = try report("024-eks-irsa-webidentityerr-fatal")
    #expect(report.accounting.lines == 5 && report.accounting.records == 2)
    #expect(report.scaleUps.isEmpty && report.scaleDowns.isEmpty)
    try #require(report.failures.count == 2)
    for failure in report.failures {
      #expect(failure.failureClass == .credentials)
      #expect(failure.code == "WebIdentityErr")
      #expect(failure.action == "sts:AssumeRoleWithWebIdentity")
    }
    #expect(report.failures.map(\.fatal) == [false, true])
    #expect(report.failures.map(\.operation) == [.refresh, .startup])
  }

  @Test func scaleUpThenCloudProviderBackoffWithoutInventedCause() throws {
    let report = try report("029-eks-scaleup-then-backoff")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.nodeGroup == "eks-ue1-prod-XXX-worker-group-staging-120200506102140590500000013")
    #expect(up.to == 2 && up.outcome == .failed)
    #expect(up.error?.code == "cloudProviderError")
    #expect(!report.failures.contains { $0.failureClass == .iam })
    try #require(report.backoffs.count == 1)
    #expect(report.backoffs[0].until?.rfc3339 == "2020-05-06T17:20:54.593474242Z")
  }

  @Test func scaleUpTimedOutThenBackoff() throws {
    let report = try report("030-eks-cas1.28.2-scaleup-timeout-backoff")
    try #require(report.scaleUps.count == 1)
    let up = report.scaleUps[0]
    #expect(up.to == 7 && up.from == nil)
    #expect(up.outcome == .timedOut)
    #expect(up.printedDurationSeconds == 905.500491908)
    #expect(up.error?.failureClass == .timeout)
    try #require(report.backoffs.count == 1)
    #expect(report.backoffs[0].errorCode == "timeout")
    #expect(report.backoffs[0].evidence.lines.count == 2)
  }

  @Test func grepOfFinalPlansAcrossBalancedGroups() throws {
    let report = try report("038-eks-cas1.18.2-grep-final-plan-multi-group")
    #expect(report.scaleUps.count == 8)
    #expect(Set(report.scaleUps.compactMap(\.decidedAt)).count == 3)
    #expect(report.scaleUps.allSatisfy { $0.outcome == .pending && $0.max == 200 })
    let requested: [Int] = report.scaleUps.compactMap(\.nodes)
    #expect(requested.reduce(0, +) == 74)
    #expect(report.accounting.skipped == 1)
  }

  @Test func reverseOrderedAzureDrain() throws {
    let report = try report("046-aks-vmss-scaledown-log-analytics-reverse-order")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "aks-npuser01-61737176-vmss000006")
    #expect(down.kind == .drain && down.outcome == .succeeded)
    #expect(down.unneededSeconds == 120.633795839)
    #expect(report.rfc3339(try #require(down.startedAt)).hasSuffix("T09:09:51.687640Z"))
  }

  @Test func drainWithPartialHeaders() throws {
    let report = try report("048-eks-cas1.26.3-actuator-drain-partial-headers")
    try #require(report.scaleDowns.count == 1)
    let down = report.scaleDowns[0]
    #expect(down.node == "ip-10-160-50-114.us-west-2.compute.internal")
    #expect(down.kind == .drain && down.outcome == .pending)
    #expect(abs((down.utilization ?? 0) - 0.6940581542351454) < 1e-12)
    #expect(down.evictedPods == ["pod-hbhqf", "pod-lx6fg"])
    #expect(report.accounting.malformed == 0)
  }
}
