import LogGen
import Testing

@testable import LogParse

/// The counts of what waiting events may do to candidacies, and which events reach which.
struct WaitingNamesTests {
  private static func hash(_ name: String) -> UInt64 { NameKeyedTable<Void>.hash(name) }

  @Test func aNameWaitsUntilAsManyLeaveAsEntered() {
    var waiting = WaitingNames()
    #expect(!waiting.mayTouch(nameHash: Self.hash("n1")))
    waiting.enter(.node("n1"))
    waiting.enter(nameHash: Self.hash("n1"))
    #expect(waiting.mayTouch(nameHash: Self.hash("n1")))
    #expect(waiting.named == 2)
    waiting.leave(.node("n1"))
    #expect(waiting.mayTouch(nameHash: Self.hash("n1")))
    waiting.leave(nameHash: Self.hash("n1"))
    #expect(!waiting.mayTouch(nameHash: Self.hash("n1")))
    #expect(waiting.named == 0)
  }

  @Test func anEventReachingAnyCandidacyHoldsEveryName() {
    var waiting = WaitingNames()
    waiting.enter(.any)
    #expect(waiting.mayTouch(nameHash: Self.hash("n1")))
    #expect(waiting.mayTouch(nameHash: Self.hash("other")))
    waiting.leave(.any)
    #expect(!waiting.mayTouch(nameHash: Self.hash("n1")))
    waiting.enter(.none)
    #expect(!waiting.mayTouch(nameHash: Self.hash("n1")) && waiting.named == 0)
  }

  /// Leaving more often than entering never makes a count negative, which would let a later
  /// reading of the name go ahead of an event naming it.
  @Test func countsNeverGoBelowZero() {
    var waiting = WaitingNames()
    waiting.leave(.node("n1"))
    waiting.leave(.any)
    waiting.enter(.node("n1"))
    #expect(waiting.mayTouch(nameHash: Self.hash("n1")))
    #expect(waiting.named == 1 && waiting.reachingAny == 0)
  }

  /// Against a dictionary of counts: random names entering and leaving, many sharing a slot.
  @Test func agreesWithExactCounts() {
    var waiting = WaitingNames()
    var exact: [String: Int] = [:]
    var generator = SplitMix64(seed: 7)
    let names = (0..<10_000).map { "ip-10-0-\($0 / 256)-\($0 % 256).ec2.internal" }
    for _ in 0..<50_000 {
      let name = names[Int.random(in: 0..<names.count, using: &generator)]
      if exact[name, default: 0] > 0, Bool.random(using: &generator) {
        waiting.leave(.node(name))
        exact[name, default: 0] -= 1
      } else {
        waiting.enter(.node(name))
        exact[name, default: 0] += 1
      }
    }
    #expect(waiting.named == exact.values.reduce(0, +))
    for (name, count) in exact where count > 0 {
      #expect(waiting.mayTouch(nameHash: Self.hash(name)), "\(name) waits")
    }
    for (name, count) in exact { for _ in 0..<count { waiting.leave(.node(name)) } }
    #expect(waiting.named == 0)
    #expect(names.allSatisfy { !waiting.mayTouch(nameHash: Self.hash($0)) })
  }

  @Test func eventsReachTheCandidaciesTheirReducerTouches() {
    let failure = { (operation: FailureOperation?) in
      Event.failure(
        FailureDetail(operation: operation, nodeGroup: nil, node: nil, fatal: false, message: "failed: boom"))
    }
    #expect(Event.nodeUtilization(node: "n1", utilization: 0.5).candidacyReach == .node("n1"))
    #expect(Event.nodeUnneededSince(node: "n1", since: nil, seconds: 3).candidacyReach == .node("n1"))
    #expect(Event.nodeUnneededFor(node: "n1", seconds: 3).candidacyReach == .node("n1"))
    #expect(Event.scaleDownEmpty(node: "n1").candidacyReach == .node("n1"))
    #expect(Event.scaleDownDrain(node: "n1", utilization: nil, pods: []).candidacyReach == .node("n1"))
    #expect(Event.deletionTaintAdded(node: "n1").candidacyReach == .node("n1"))
    #expect(Event.unregisteredNodeRemoval(node: "n1").candidacyReach == .node("n1"))
    #expect(Event.drainFinished(node: "n1").candidacyReach == .node("n1"))
    #expect(failure(.scaleDown).candidacyReach == .any)
    #expect(failure(.unregisteredRemoval).candidacyReach == .any)
    #expect(failure(.scaleUp).candidacyReach == .none)
    #expect(failure(nil).candidacyReach == .none)
    #expect(Event.mainLoopStarted.candidacyReach == .none)
    #expect(Event.instanceTerminated(instanceId: "i-1").candidacyReach == .none)
    #expect(
      Event.scaleDownBlocked(node: "n1", reason: .other, detail: "", pod: nil).candidacyReach == .none,
      "a blocked node is a finding")
  }
}
