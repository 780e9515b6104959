import Testing

@testable import LogParse

/// The findings reducer alone, over hand-written events: failures, backoffs, blocked nodes and decreases.
struct FindingsReducerTests {
  /// Applies `events` in order, half a second apart from 12:00:00 on March 13.
  private static func apply(_ events: [Event], to reducer: inout FindingsReducer, from offset: Int = 0)
    -> [EpisodeStep]
  {
    var steps: [EpisodeStep] = []
    for (index, event) in events.enumerated() {
      reducer.apply(event, Reducer.context(offset + index), &steps)
    }
    return steps
  }

  private static func failure(_ message: String, group: String? = "ng", at offset: Int) -> Failure {
    let context = Reducer.context(offset)
    return Failure(
      failureClass: .capacity, code: "OutOfResource", action: nil, principal: nil, nodeGroup: group, node: nil,
      operation: .scaleUp, fatal: false, message: message, firstAt: context.knownTime, lastAt: context.knownTime,
      count: 1, evidence: context.evidence)
  }

  @Test func theSameFailureFoldsIntoOneWithACountAndItsLastTime() throws {
    var reducer = FindingsReducer()
    let first = reducer.record(Self.failure("no capacity", at: 0))
    let second = reducer.record(Self.failure("no capacity", at: 4))
    let other = reducer.record(Self.failure("no capacity", group: "ng-2", at: 5))
    #expect(first == second)
    #expect(other != first)
    let failures = reducer.failures.elements
    try #require(failures.count == 2)
    #expect(failures[0].count == 2)
    #expect(failures[0].lastAt == Reducer.context(4).time)
    #expect(failures[0].evidence.lines.count == 2, "both records are its evidence")
  }

  @Test func aBlockedNodeFoldsPerNodeReasonAndPodAndShowsOnce() {
    var reducer = FindingsReducer()
    let blocked = Event.scaleDownBlocked(node: "n1", reason: .localStorage, detail: "local storage", pod: "db-0")
    let steps = Self.apply(
      [blocked, blocked, .scaleDownBlocked(node: "n1", reason: .localStorage, detail: "local storage", pod: "db-1")],
      to: &reducer)
    #expect(reducer.blockedScaleDowns.elements.map(\.count) == [2, 1])
    #expect(steps.count == 2, "a repeat is no new step")
  }

  @Test func aBackoffAndTheGroupInBackoffLinesAfterItAreOneBackoff() {
    var reducer = FindingsReducer()
    let steps = Self.apply(
      [
        .backoffStarted(
          group: "ng", until: nil, errorClass: "OutOfResource", errorCode: "capacity", failureClass: .capacity),
        .groupInBackoff(group: "ng", errorCode: nil, failure: nil),
        .groupInBackoff(group: "ng-2", errorCode: nil, failure: nil),
      ], to: &reducer)
    let backoffs = reducer.backoffs.elements
    #expect(backoffs.map(\.nodeGroup) == ["ng", "ng-2"])
    #expect(backoffs.first?.errorCode == "capacity")
    #expect(backoffs.first?.evidence.lines.count == 2)
    #expect(steps.map(\.summary) == ["group ng in backoff (capacity)"])
  }

  @Test func aDecreaseAndItsCloudCallAMomentLaterAreOneDecrease() {
    var reducer = FindingsReducer()
    _ = Self.apply([.groupSizeDecreasing(group: "ng", from: 5, to: 3)], to: &reducer)
    let time = Reducer.context(1).knownTime
    #expect(reducer.isDecrease("ng", to: 3, at: time, known: 3), "the decrease's own cloud call")
    #expect(reducer.isDecrease("ng", to: 2, at: time, known: 3))
    #expect(!reducer.isDecrease("ng", to: 4, at: time, known: 3))
    var steps: [EpisodeStep] = []
    reducer.recordSizeDecrease(group: "ng", from: nil, to: 3, reason: nil, Reducer.context(1), &steps)
    #expect(steps.isEmpty)
    #expect(reducer.sizeDecreases.elements.count == 1)
    #expect(reducer.sizeDecreases.elements.first?.reason == .fixNodeGroupSizes)
    #expect(reducer.sizeDecreases.elements.first?.evidence.lines.count == 2)
  }

  @Test func droppedFailuresAreCountedByClass() {
    var reducer = FindingsReducer()
    let count = EpisodeBuilder.maximumEpisodes + 1
    for offset in 0..<count { reducer.record(Self.failure("no capacity", group: "ng-\(offset)", at: 0)) }
    #expect(reducer.failures.totalCount == count)
    #expect(reducer.failures.droppedCount > 0)
    #expect(reducer.droppedFailureClasses[.capacity] == reducer.failures.droppedCount)
    #expect(reducer.failureIndex.values.allSatisfy(reducer.failures.isKept))
  }

  @Test func aDroppedBackoffIsForgottenSoItsGroupStartsANewOne() {
    var reducer = FindingsReducer()
    var events: [Event] = [
      .backoffStarted(group: "ng-old", until: nil, errorClass: "", errorCode: "", failureClass: .other)
    ]
    for offset in 0..<EpisodeBuilder.maximumEpisodes {
      events.append(
        .backoffStarted(
          group: offset.isMultiple(of: 2) ? "a" : "b", until: nil, errorClass: "", errorCode: "", failureClass: .other))
    }
    _ = Self.apply(events, to: &reducer)
    #expect(reducer.backoffs.droppedCount > 0)
    #expect(reducer.openBackoffs["ng-old"] == nil, "its backoff was dropped, and the index with it")
    _ = Self.apply([.groupInBackoff(group: "ng-old", errorCode: nil, failure: nil)], to: &reducer)
    #expect(reducer.backoffs.last?.nodeGroup == "ng-old")
    #expect(reducer.openBackoffs["ng-old"] == reducer.backoffs.endIndex - 1)
  }

  @Test func episodeEventsAreNoFindings() {
    var reducer = FindingsReducer()
    let steps = Self.apply(
      [.scaleUpRequested(group: "ng", size: 3), .scaleDownEmpty(node: "n1"), .leaderElection(acquired: true)],
      to: &reducer)
    #expect(steps.isEmpty)
    #expect(reducer.failures.totalCount + reducer.backoffs.totalCount + reducer.sizeDecreases.totalCount == 0)
  }
}
