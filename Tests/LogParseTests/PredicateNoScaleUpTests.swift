import Testing

@testable import LogParse

/// Pods a loop shows failing predicates, that no scale-up took, are pods without a scale-up.
struct PredicateNoScaleUpTests {
  private static let affinity =
    "can't schedule pod ml/trainer-0: predicate \"NodeAffinity\" didn't pass (predicateReasons=[node(s) didn't "
    + "match Pod's node affinity/selector])"

  @Test func predicateFailuresWithoutAScaleUpAreNoScaleUpsAtTheEndOfTheLoop() throws {
    let events: [Event] = [
      .mainLoopStarted,
      .podUnschedulable(pod: "ml/trainer-0"),
      .podDoesNotFitGroup(pod: "ml/trainer-0", group: "ng-cpu", reason: Self.affinity),
      .noPodFitsGroup(group: "ng-gpu"),
      .mainLoopStarted,
    ]
    let builder = Reducer.apply(events)
    let entries = builder.noScaleUps.elements
    try #require(entries.count == 1)
    #expect(entries[0].pod == "ml/trainer-0")
    #expect(entries[0].reasons == ["ng-cpu: \(Self.affinity)", "No pod can fit to ng-gpu"])
    #expect(entries[0].nodeGroup == nil)
  }

  @Test func theLastLoopCountsAtTheEndOfTheLog() throws {
    let builder = Reducer.apply([
      .podUnschedulable(pod: "ml/trainer-0"),
      .podDoesNotFitGroup(pod: "trainer-0", group: "ng-cpu", reason: "Insufficient cpu"),
    ])
    #expect(builder.noScaleUps.elements.isEmpty)
    let entries = builder.noScaleUpsAtEnd.elements
    try #require(entries.count == 1)
    #expect(entries[0].pod == "ml/trainer-0", "the bare predicate name joins the pod line's name")
    #expect(entries[0].reasons == ["ng-cpu: Insufficient cpu"])
    #expect(entries[0].nodeGroup == "ng-cpu")
  }

  @Test func podsAScaleUpTookAreNotNoScaleUps() {
    for order in Reducer.permutations([
      Event.podDoesNotFitGroup(pod: "ml/trainer-0", group: "ng-cpu", reason: "Insufficient cpu"),
      .scaleUpPlan([PlannedResize(group: "ng-gpu", from: 0, to: 1, max: 4)]),
    ]) {
      let builder = Reducer.apply([.podUnschedulable(pod: "ml/trainer-0")] + order + [.mainLoopStarted])
      #expect(builder.noScaleUpsAtEnd.elements.isEmpty, "\(order)")
      #expect(builder.scaleUps.elements.count == 1)
    }
  }

  @Test func everyLoopOfThePodFoldsIntoOneEntry() throws {
    let loop: [Event] = [
      .mainLoopStarted, .podUnschedulable(pod: "ml/trainer-0"),
      .podDoesNotFitGroup(pod: "ml/trainer-0", group: "ng-cpu", reason: "Insufficient memory"),
    ]
    let entries = Reducer.apply(loop + loop + loop + [.mainLoopStarted], stepSeconds: 3).noScaleUps.elements
    try #require(entries.count == 1)
    #expect(entries[0].count == 3)
  }

  @Test func predicateLinesOfALogGiveTheNoScaleUp() throws {
    let report = Fixtures.analyze(
      """
      I0313 09:00:00.000000       1 static_autoscaler.go:280] Starting main loop
      I0313 09:00:00.100000       1 klogx.go:87] Pod ml/trainer-0 is unschedulable
      I0313 09:00:00.200000       1 orchestrator.go:546] Pod ml/trainer-0 can't be scheduled on ng-cpu, predicate \
      checking error: Insufficient nvidia.com/gpu; predicateName=NodeResourcesFit; reasons: Insufficient nvidia.com/gpu; \
      debugInfo=
      I0313 09:00:00.300000       1 orchestrator.go:157] No pod can fit to ng-cpu

      """)
    try #require(report.noScaleUps.count == 1)
    #expect(report.noScaleUps[0].pod == "ml/trainer-0")
    #expect(report.noScaleUps[0].reasons.count == 2)
    #expect(report.noScaleUps[0].reasons.last == "No pod can fit to ng-cpu")
    #expect(report.noScaleUps[0].nodeGroup == "ng-cpu")
  }

  @Test func groupsSkippedWithoutAScaleUpAreTheReasonPodsGotNone() throws {
    let group = "https://www.googleapis.com/compute/v1/projects/p/zones/z-b/instanceGroups/pool-b"
    let builder = Reducer.apply([.maxSizeReached(group: group), .groupNotReady(group: "pool-c", reason: "unhealthy")])
    let entries = builder.noScaleUpsAtEnd.elements
    try #require(entries.count == 1)
    #expect(entries[0].reasons == ["\(group) (max size reached)", "pool-c (unhealthy)"])
    #expect(entries[0].nodeGroup == nil)
    let one = Reducer.apply([.maxSizeReached(group: group)]).noScaleUpsAtEnd.elements
    #expect(one.first?.nodeGroup == group, "a group name with a colon is still the one group")
  }

  /// `No expansion options` in a loop whose only pod evidence is a predicate line names that pod,
  /// with the predicate and no-fit reasons, not a placeholder.
  @Test func noExpansionOptionsNamesThePredicatePod() throws {
    let log = """
      I0402 09:10:11.000100       1 scale_up.go:288] Pod backup-7xq2 can't be scheduled on ng-gpu-a, predicate checking error: node(s) had untolerated taint {gpu: true}; predicateName=TaintToleration; reasons: node(s) had untolerated taint {gpu: true}; debugInfo=
      I0402 09:10:11.000200       1 scale_up.go:437] No pod can fit to ng-gpu-a
      I0402 09:10:11.000300       1 scale_up.go:441] No expansion options

      """
    let report = Fixtures.analyze(log)
    let item = try #require(report.noScaleUps.first)
    #expect(report.noScaleUps.count == 1)
    #expect(item.pod == "backup-7xq2")
    #expect(item.reasons.contains("No expansion options"))
    #expect(item.reasons.contains("No pod can fit to ng-gpu-a"))
    #expect(item.reasons.contains { $0.contains("untolerated taint") })
  }
}
