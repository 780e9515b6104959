import Testing

@testable import LogParse

/// Every reason that names the pod keeping a node gives that pod.
struct BlockingPodTests {
  @Test(arguments: [
    (
      "not enough pod disruption budget to move payments/ledger-2", BlockReason.podDisruptionBudget, "payments/ledger-2"
    ),
    (
      "non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: metrics-agent-x1", .kubeSystemPod,
      "metrics-agent-x1"
    ),
    ("non-deamonset, non-mirrored, non-pdb-assignedkube-system pod present: dns-a", .kubeSystemPod, "dns-a"),
    ("pod with local storage present: scratch-7", .localStorage, "scratch-7"),
    ("payments/batch-9 is not replicated", .notReplicated, "payments/batch-9"),
    ("pod payments/batch-9 is not replicated", .notReplicated, "payments/batch-9"),
    ("pod annotated as not safe to evict present: cache-3", .notSafeToEvict, "cache-3"),
    (
      "failed to get pod: pods \"ledger-2\" is forbidden: User \"system:serviceaccount:kube-system:ca\" cannot get "
        + "resource \"pods\" in API group \"\"", .kubernetesApi, "ledger-2"
    ),
  ])
  func theReasonNamesItsPod(detail: String, reason: BlockReason, pod: String) {
    let result = BlockReason.classify(detail)
    #expect(result.0 == reason)
    #expect(result.pod == pod)
  }

  @Test func anApiRefusalWithoutAPodIsKubernetesApi() {
    let result = BlockReason.classify(
      "failed to list pod disruption budgets: poddisruptionbudgets.policy is forbidden: User \"system:anonymous\" "
        + "cannot list resource \"poddisruptionbudgets\"")
    #expect(result.0 == .kubernetesApi)
    #expect(result.pod == nil)
    #expect(BlockReason.classify("Unauthorized").0 == .kubernetesApi)
  }

  @Test func aDisruptionBudgetLineInALogNamesThePod() throws {
    let report = Fixtures.analyze(
      "I0313 10:00:00.000000       1 cluster.go:151] Node ip-10-2-3-4 cannot be removed: not enough pod disruption "
        + "budget to move payments/ledger-2\n")
    try #require(report.blockedScaleDowns.count == 1)
    #expect(report.blockedScaleDowns[0].reason == .podDisruptionBudget)
    #expect(report.blockedScaleDowns[0].pod == "payments/ledger-2")
  }
}
