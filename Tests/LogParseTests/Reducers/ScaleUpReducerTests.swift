import Testing

@testable import LogParse

/// The scale-up reducer alone, over hand-written events: a loop's decision, the scale-ups it makes
/// and the pods it leaves without one.
struct ScaleUpReducerTests {
  /// Applies `events` in order, `stepSeconds` apart from 12:00:00 on March 13.
  private static func apply(_ events: [Event], to reducer: inout ScaleUpReducer, stepSeconds: Double = 0.5)
    -> [EpisodeStep]
  {
    var steps: [EpisodeStep] = []
    for (offset, event) in events.enumerated() {
      reducer.apply(event, Reducer.context(offset, stepSeconds: stepSeconds), &steps)
    }
    return steps
  }

  @Test func aLoopsPodsPlanAndResizeAreOneScaleUpThatFinishes() throws {
    var reducer = ScaleUpReducer()
    let steps = Self.apply(
      [
        .podUnschedulable(pod: "default/web-1"), .podUnschedulable(pod: "default/web-2"),
        .estimatedNodes(count: 2, group: "ng"),
        .scaleUpPlan([PlannedResize(group: "ng", from: 1, to: 3, max: 10)]),
        .scaleUpRequested(group: "ng", size: 3), .scaleUpFinished(group: "ng", seconds: 61.5),
      ], to: &reducer)
    let ups = reducer.scaleUps.elements
    try #require(ups.count == 1)
    #expect(ups[0].id == "up-1")
    #expect(ups[0].triggeringPods == ["default/web-1", "default/web-2"])
    #expect(ups[0].estimate == 2)
    #expect((ups[0].from, ups[0].to, ups[0].max) == (1, 3, 10))
    #expect(ups[0].outcome == .succeeded)
    #expect(ups[0].printedDurationSeconds == 61.5)
    #expect(reducer.openScaleUps.isEmpty)
    #expect(reducer.knownSizes["ng"] == 3)
    #expect(steps.map(\.kind) == [.podsPending, .decision, .resize, .finished])
  }

  @Test func aDecisionSilentForLongerThanItsWindowIsOverAndItsPodsAreLeftWithoutAScaleUp() throws {
    var reducer = ScaleUpReducer()
    _ = Self.apply(
      [.podUnschedulable(pod: "default/web-1"), .maxSizeReached(group: "ng"), .podUnschedulable(pod: "default/db")],
      to: &reducer, stepSeconds: 6)
    let pods = reducer.noScaleUps.elements
    try #require(pods.count == 1, "the first loop ended 12 s later, at the third line")
    #expect(pods[0].pod == "default/web-1")
    #expect(pods[0].reasons == ["ng (max size reached)"])
    #expect(pods[0].nodeGroup == "ng")
    #expect(reducer.decision.pods == ["default/db"], "the third line opened the next decision")
  }

  @Test func noExpansionOptionsLeavesTheLoopsPodsWithoutAScaleUpOnce() throws {
    var reducer = ScaleUpReducer()
    let events: [Event] = [.podUnschedulable(pod: "default/web-1"), .noExpansionOptions]
    let steps = Self.apply(events + events, to: &reducer)
    let pods = reducer.noScaleUps.elements
    try #require(pods.count == 1)
    #expect(pods[0].count == 2)
    #expect(pods[0].reasons == ["No expansion options"])
    #expect(reducer.scaleUps.totalCount == 0)
    #expect(steps.filter { $0.kind == .noScaleUp }.count == 2)
  }

  @Test func aFailureWithoutAResizeInfersAFailedScaleUpThatTheResizeLineJoins() throws {
    var reducer = ScaleUpReducer()
    let failure = Failure(
      failureClass: .capacity, code: "OutOfResource", action: nil, principal: nil, nodeGroup: "ng", node: nil,
      operation: .scaleUp, fatal: false, message: "no capacity", firstAt: nil, lastAt: nil, count: 1,
      evidence: Evidence(source: 0, lines: 1...1))
    let id = reducer.failOrInferScaleUp(group: "ng", failure: failure, inference: .failure, Reducer.context(0))
    #expect(id == "up-1")
    var steps: [EpisodeStep] = []
    reducer.apply(.cloudResize(group: "ng", size: 4), Reducer.context(1), &steps)
    let ups = reducer.scaleUps.elements
    try #require(ups.count == 1, "the resize of the same moment is the same attempt")
    #expect(ups[0].outcome == .failed)
    #expect(ups[0].inferredFrom == nil, "a line shows it now")
    #expect(ups[0].to == 4)
  }

  @Test func aRevertMarksTheGroupsLatestScaleUp() {
    var reducer = ScaleUpReducer()
    let steps = Self.apply(
      [.scaleUpRequested(group: "ng", size: 5), .scaleUpReverted(group: "ng", delta: 2)], to: &reducer)
    #expect(reducer.scaleUps.elements.first?.revertedNodes == 2)
    #expect(steps.last?.kind == .revert)
  }

  @Test func droppedScaleUpsAreCountedAndTheirIndicesForgotten() {
    var reducer = ScaleUpReducer()
    let count = EpisodeBuilder.maximumEpisodes + 1
    // One scale-up of ng-old, then scale-ups of two other groups, each to a new size.
    let events =
      [Event.scaleUpRequested(group: "ng-old", size: 1)]
      + (1..<count).map { Event.scaleUpRequested(group: $0.isMultiple(of: 2) ? "a" : "b", size: $0 + 1) }
    _ = Self.apply(events, to: &reducer, stepSeconds: 0)
    #expect(reducer.scaleUps.totalCount == count)
    #expect(reducer.scaleUps.droppedCount > 0)
    #expect(reducer.droppedOutcomes[.pending] == reducer.scaleUps.droppedCount)
    #expect(reducer.openScaleUps["ng-old"] == nil, "its scale-up was dropped, and the index with it")
    #expect(reducer.lastScaleUpByGroup["ng-old"] == nil)
    #expect(reducer.openScaleUps.values.allSatisfy { $0.allSatisfy(reducer.scaleUps.isKept) })
    #expect(reducer.scaleUps.last?.id == "up-\(count)", "ids count every scale-up")
  }

  @Test func timeoutsBackoffsAndRemovalsAreNotTheDecisionsOwn() {
    var reducer = ScaleUpReducer()
    let steps = Self.apply(
      [
        .scaleUpTimedOut(group: "ng", seconds: nil),
        .backoffStarted(group: "ng", until: nil, errorClass: "", errorCode: "", failureClass: .other),
        .scaleDownEmpty(node: "n1"),
      ], to: &reducer)
    #expect(steps.isEmpty)
    #expect(reducer.scaleUps.totalCount == 0 && reducer.decision.startedAt == nil)
  }
}
