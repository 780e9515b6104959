import Testing

@testable import LogParse

/// The scale-down reducer alone, over hand-written events: candidacies and the removals they become.
struct ScaleDownReducerTests {
  /// Applies `events` in order, half a second apart from 12:00:00 on March 13.
  private static func apply(_ events: [Event], to reducer: inout ScaleDownReducer) -> [EpisodeStep] {
    var steps: [EpisodeStep] = []
    for (offset, event) in events.enumerated() {
      reducer.apply(event, Reducer.context(offset), &steps)
    }
    return steps
  }

  @Test func aCandidacyBecomesTheRemovalOfItsNode() throws {
    var reducer = ScaleDownReducer()
    let steps = Self.apply(
      [
        .nodeUtilization(node: "n1", utilization: 0.25),
        .nodeUnneededSince(node: "n1", since: nil, seconds: 30),
        .scaleDownDrain(node: "n1", utilization: nil, pods: ["default/web-1"]),
        .drainFinished(node: "n1"),
      ], to: &reducer)
    let downs = reducer.scaleDowns.elements
    try #require(downs.count == 1)
    #expect(downs[0].id == "down-1")
    #expect(downs[0].kind == .drain)
    #expect(downs[0].utilization == 0.25)
    #expect(downs[0].unneededSeconds == 30)
    #expect(downs[0].evictedPods == ["default/web-1"])
    #expect(downs[0].drainedAt != nil)
    #expect(downs[0].isOpen, "drained, not yet terminated")
    #expect(reducer.candidacies["n1"] == nil, "the candidacy went into the removal")
    #expect(steps.map(\.kind) == [.unneeded, .removal, .drained])
  }

  @Test func aTerminatedInstanceEndsTheOldestOpenRemoval() throws {
    var reducer = ScaleDownReducer()
    _ = Self.apply(
      [.scaleDownEmpty(node: "n1"), .scaleDownEmpty(node: "n2"), .instanceTerminated(instanceId: "i-1")],
      to: &reducer)
    let downs = reducer.scaleDowns.elements
    try #require(downs.count == 2)
    #expect(downs.map(\.id) == ["down-1", "down-2"])
    #expect(downs[0].outcome == .succeeded && downs[0].instanceId == "i-1")
    #expect(downs[1].isOpen)
    #expect(reducer.openScaleDowns.keys.sorted() == ["n2"])
  }

  @Test func aFailureOfANodeWithoutARemovalInfersAFailedOne() throws {
    var reducer = ScaleDownReducer()
    let failure = Failure(
      failureClass: .other, code: nil, action: nil, principal: nil, nodeGroup: nil, node: "n1",
      operation: .scaleDown, fatal: false, message: "failed to drain", firstAt: nil, lastAt: nil, count: 1,
      evidence: Evidence(source: 0, lines: 1...1))
    let index = reducer.failOrInferScaleDown(node: "n1", kind: .drain, failure: failure, Reducer.context(0))
    #expect(reducer.scaleDowns[index].outcome == .failed)
    #expect(reducer.scaleDowns[index].inferredFrom == .failure)
    // The removal line of the same moment joins the episode the failure showed.
    _ = Self.apply([.scaleDownDrain(node: "n1", utilization: nil, pods: [])], to: &reducer)
    #expect(reducer.scaleDowns.totalCount == 1)
    #expect(reducer.scaleDowns[index].inferredFrom == nil)
  }

  @Test func droppedRemovalsAreCountedAndForgotten() {
    var reducer = ScaleDownReducer()
    let count = EpisodeBuilder.maximumEpisodes + 1
    let events = (0..<count).map { Event.scaleDownEmpty(node: "n\($0)") }
    _ = Self.apply(events, to: &reducer)
    #expect(reducer.scaleDowns.totalCount == count)
    #expect(reducer.droppedOutcomes[.pending] == reducer.scaleDowns.droppedCount)
    #expect(reducer.scaleDowns.droppedCount > 0)
    #expect(reducer.openScaleDowns.values.allSatisfy(reducer.scaleDowns.isKept))
    #expect(reducer.openScaleDowns["n0"] == nil, "the oldest removal was dropped, and its index with it")
    #expect(reducer.scaleDowns.last?.id == "down-\(count)", "ids count every removal")
  }

  @Test func candidaciesAreBoundedAndKeepTheirLines() {
    var reducer = ScaleDownReducer()
    let limit = EpisodeBuilder.maximumTrackedKeys
    _ = Self.apply((0..<limit).map { .nodeUtilization(node: "node-\($0)", utilization: 0.5) }, to: &reducer)
    #expect(reducer.candidacies.count == limit)
    // A node already held updates in place: nothing is dropped.
    var steps: [EpisodeStep] = []
    reducer.apply(.nodeUtilization(node: "node-7", utilization: 0.25), Reducer.context(limit), &steps)
    reducer.apply(.nodeUnneededFor(node: "node-7", seconds: 40), Reducer.context(limit + 1), &steps)
    #expect(reducer.candidacies.count == limit)
    #expect(reducer.candidacies["node-7"]?.utilization == 0.25)
    #expect(reducer.candidacies["node-7"]?.unneededSeconds == 40)
    #expect(reducer.candidacies["node-7"]?.evidence.lines == [8, limit + 1, limit + 2])
    // A new node when the table is full starts it again.
    reducer.apply(.nodeUnneededSince(node: "fresh", since: nil, seconds: 10), Reducer.context(limit + 2), &steps)
    #expect(reducer.candidacies.count == 1)
    #expect(reducer.candidacies["node-7"] == nil)
    #expect(reducer.candidacies["fresh"]?.unneededSeconds == 10)
    #expect(steps.map(\.kind) == [.unneeded])
    // A utilization line of a new node when the table is full again starts it again too.
    _ = Self.apply((1..<limit).map { .nodeUtilization(node: "again-\($0)", utilization: 0.5) }, to: &reducer)
    #expect(reducer.candidacies.count == limit)
    reducer.apply(.nodeUtilization(node: "late", utilization: 0.75), Reducer.context(7), &steps)
    #expect(reducer.candidacies.count == 1)
    #expect(reducer.candidacies["late"]?.utilization == 0.75)
    #expect(reducer.candidacies["late"]?.evidence.lines == [8])
  }

  /// The builder hands a utilization line straight to the candidacy, except in a structured loop,
  /// whose boundary it still notes first.
  @Test func theBuilderTakesUtilizationStraightToTheCandidacyAndStillNotesStructuredLoops() {
    var builder = EpisodeBuilder()
    var steps: [EpisodeStep] = []
    builder.apply(.nodeUtilization(node: "n1", utilization: 0.5), Reducer.context(0), into: &steps)
    #expect(builder.down.candidacies["n1"]?.utilization == 0.5)
    #expect(builder.process.loopProcesses.isEmpty)
    var structured = Reducer.context(1)
    structured.loop = .structured(IterationId(process: 7, number: 3))
    builder.apply(.nodeUtilization(node: "n1", utilization: 0.25), structured, into: &steps)
    #expect(builder.down.candidacies["n1"]?.utilization == 0.25)
    #expect(builder.down.candidacies["n1"]?.evidence.lines == [1, 2])
    #expect(builder.process.loopProcesses[structured.replica]?.last == IterationId(process: 7, number: 3))
    #expect(builder.process.lastIdentifiedTime == structured.time)
    #expect(steps.isEmpty)
  }

  @Test func blockedNodesAndScaleUpsAreNotRemovals() {
    var reducer = ScaleDownReducer()
    let steps = Self.apply(
      [
        .scaleDownBlocked(node: "n1", reason: .podDisruptionBudget, detail: "pdb", pod: nil),
        .scaleUpRequested(group: "ng", size: 2),
      ], to: &reducer)
    #expect(steps.isEmpty)
    #expect(reducer.scaleDowns.totalCount == 0)
  }
}
