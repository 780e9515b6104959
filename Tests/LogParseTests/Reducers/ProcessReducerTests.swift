import Testing

@testable import LogParse

/// The process reducer alone, over hand-written events: versions, starts, leadership and loops.
struct ProcessReducerTests {
  /// Applies `events` in order, one a second from 12:00:00 on March 13, each on the stream given.
  private static func apply(_ events: [Event], stream: UInt16 = 0, loops: [LoopId?] = []) -> (
    ProcessReducer, [EpisodeStep]
  ) {
    var reducer = ProcessReducer()
    var steps: [EpisodeStep] = []
    for (offset, event) in events.enumerated() {
      var context = Reducer.context(offset, stepSeconds: 1)
      context.stream = stream
      context.loop = offset < loops.count ? loops[offset] : nil
      _ = reducer.noteIteration(context)
      reducer.apply(event, context, &steps)
    }
    return (reducer, steps)
  }

  @Test func aBannerCountsAStartAndTheLeaseAttemptAMomentLaterIsTheSameStart() {
    let (reducer, steps) = Self.apply([.processStarted(version: "1.30.1"), .leaseAcquiring])
    #expect(reducer.autoscaler.versions == ["1.30.1"])
    #expect(reducer.autoscaler.startCount == 1)
    #expect(steps.map(\.summary) == ["Cluster Autoscaler 1.30.1 started"])
  }

  @Test func aLeaseAttemptWithoutABannerIsAStart() {
    let (reducer, steps) = Self.apply([.leaseAcquiring])
    #expect(reducer.autoscaler.startCount == 1)
    #expect(steps.map(\.summary) == ["process started (leader election)"])
  }

  @Test func aStandbyThatLosesNoLeaseItHeldStaysAStandbyAndALeaderThatLosesItsLeaseIsNoLongerOne() {
    let (standby, _) = Self.apply([.leaderElection(acquired: false), .leadershipLost])
    #expect(standby.autoscaler.isLeader == false)
    #expect(standby.logShowsLeader == false)
    let (leader, steps) = Self.apply([.leaderElection(acquired: true), .leadershipLost], stream: 1)
    #expect(leader.autoscaler.isLeader == true, "the log showed a leader")
    #expect(leader.replicaList.map(\.acquired) == [true])
    #expect(leader.replicaList.map(\.heldByOther) == [false], "a lease it held: the loss is not another's lease")
    #expect(steps.map(\.summary) == ["leadership lost"])
  }

  @Test func aStandbyThatRunsLoopsShowsALeader() {
    let (reducer, _) = Self.apply([.leaderElection(acquired: false), .mainLoopStarted])
    #expect(reducer.autoscaler.isLeader == false)
    #expect(reducer.logShowsLeader == true)
  }

  @Test func aLaterImpliedProcessStartIsARestart() {
    let base = Reducer.context(0).time.epochMicroseconds(baseYear: 2000)
    let first = FullTime(epochMicroseconds: base - 3_600_000_000)
    let second = FullTime(epochMicroseconds: base - 1_000_000)
    let date = FullTime(epochMicroseconds: base)
    let (reducer, _) = Self.apply([
      .datedNote(id: "a", date: date, processStart: first), .datedNote(id: "a", date: date, processStart: first),
      .datedNote(id: "a", date: date, processStart: second),
    ])
    #expect(reducer.autoscaler.startCount == 1, "one restart between the second and the third reading")
  }

  @Test func aNewIterationHashIsANewProcess() {
    let loops: [LoopId?] = [
      .structured(IterationId(process: 1, number: 1)), .structured(IterationId(process: 1, number: 2)),
      .structured(IterationId(process: 2, number: 1)),
    ]
    let (reducer, _) = Self.apply([.noted(id: "x"), .noted(id: "x"), .noted(id: "x")], loops: loops)
    #expect(reducer.autoscaler.startCount == 1)
    #expect(reducer.actingSeen, "a process running loops acts as the leader")
  }

  @Test func eventsOfOtherConcernsAreNotProcessFacts() {
    let (reducer, steps) = Self.apply([
      .scaleUpRequested(group: "ng", size: 3), .scaleDownEmpty(node: "n1"), .noExpansionOptions,
    ])
    #expect(steps.isEmpty)
    #expect(reducer.autoscaler.startCount == 0 && reducer.autoscaler.isLeader == nil)
    #expect(reducer.logShowsLeader == nil)
  }
}
