import Testing

@testable import LogParse

/// Events written to the reorder buffer's temporary file read back as the same events.
struct SpillCodingTests {
  private static func roundTrip(_ event: PendingEvent) -> PendingEvent? {
    var writer = SpillWriter()
    event.spill(into: &writer)
    return writer.bytes.withUnsafeBufferPointer { bytes in
      var reader = SpillReader(bytes)
      return PendingEvent(unspilling: &reader)
    }
  }

  private static let context = EventContext(
    time: LogTime(month: 12, day: 31, microsecondOfDay: 86_399_999_999, yearOffset: -3, fractionDigits: 3),
    source: 2, lines: 7...9, severity: .warning)

  @Test(arguments: CatalogTests.exampleKeys)
  func everyCatalogueExampleEventReadsBackTheSame(key: String) throws {
    let parts = key.split(separator: "#")
    let entry = try #require(Catalog.entries.first { $0.id == String(parts[0]) })
    let example = entry.examples[try #require(Int(parts[1]))]
    let (_, event) = try #require(Catalog.identify(example.line))
    let back = try #require(Self.roundTrip(PendingEvent(event: event, context: Self.context)))
    #expect(back.event == event)
    #expect(back.context == Self.context)
  }

  @Test func everyKubernetesEventMeaningReadsBackWithoutBeingReadAgain() throws {
    // The messages state none of it: an event read back from its message would lose its meaning.
    let failure = FailureDetail(operation: .scaleUp, nodeGroup: "g", fatal: false, message: "AccessDenied")
    let meanings: [KubernetesEventMeaning] = [
      .groupResized(group: "g", size: 5, from: nil, max: 9),
      .scaleUpTriggered(pod: "ns/p", resizes: [PlannedResize(group: "g", from: 1, to: 2, max: 3)]),
      .unregisteredNodeRemoved(node: "n"), .unregisteredNodeRemovalFailed(node: "n", failure: failure),
      .scaleUpFailed(group: nil, failure: failure), .scaleUpTimedOut(group: "g"),
      .scaleDown(.nodeFailed(node: "n", failure: failure)), .scaleDown(.nodeRemovedByAutoscaler(node: "n")),
      .scaleDown(.nodeNoted(node: "n")), .scaleDown(.podEvicted(pod: "ns/p", name: "p")),
      .scaleDown(.nodeRemoved(node: "n", empty: true)), .scaleDown(.nodeRemoving(node: "n", empty: false)),
      .scaleUpNotTriggered(pod: "ns/p", reasons: [NotTriggerScaleUpText.Reason(text: "r", nodeGroups: nil)]),
      .revertFailed(group: "g", failure: failure), .gracefulDegradation(started: false), .unread,
    ]
    for meaning in meanings {
      let event = Event.kubernetesEvent(
        KubernetesEvent(
          kind: "ConfigMap", namespace: "kube-system", name: "s", type: "Normal", reason: "R", message: "x",
          meaning: meaning))
      let back = try #require(Self.roundTrip(PendingEvent(event: event, context: Self.context)))
      #expect(back.event == event, "\(meaning)")
    }
  }

  @Test func optionalsExtremesAndUnicodeReadBackTheSame() throws {
    let events: [Event] = [
      .failure(FailureDetail(operation: nil, nodeGroup: "ng-ü", node: nil, fatal: true, message: "a\nb\tc 🚀")),
      .failure(FailureDetail(operation: .scaleDown, nodeGroup: nil, node: "n", fatal: false, message: "")),
      .nodeUnneededSince(node: "n", since: nil, seconds: -.infinity),
      .nodeUnneededSince(node: "n", since: FullTime(epochMicroseconds: .min, fractionDigits: 9), seconds: .nan),
      .scaleUpPlan([PlannedResize(group: "g", from: .min, to: .max, max: 0)]),
      .scaleDownDrain(node: "n", utilization: nil, pods: []),
      .groupInBackoff(group: "", errorCode: nil, failure: .backoffStatus(group: "", errorCode: nil, message: "")),
      .groupInBackoff(group: "g", errorCode: "c", failure: nil),
      .scaleDownBlocked(node: "n", reason: .podDisruptionBudget, detail: "d", pod: nil),
    ]
    for event in events {
      let back = try #require(Self.roundTrip(PendingEvent(event: event, context: Self.context)))
      if case .nodeUnneededSince(_, _, let seconds?) = event, seconds.isNaN {
        guard case .nodeUnneededSince(_, _, let read?) = back.event else {
          Issue.record("not read back: \(event)")
          continue
        }
        #expect(read.isNaN)
      } else {
        #expect(back.event == event)
      }
    }
  }

  /// The utilization line's event, counted apart from the others for speed, keeps the bytes the
  /// rule for every node event gives: the event, its box, and its name.
  @Test func aUtilizationEventCountsTheBytesOfEveryNodeEvent() {
    for node in ["n1", "ip-10-0-12-34.us-west-2.compute.internal", String(repeating: "ä", count: 40)] {
      let bytes = Event.nodeUtilization(node: node, utilization: 0.5).retainedBytes
      #expect(bytes == Event.nodeUnneededFor(node: node, seconds: 30).retainedBytes)
      #expect(bytes == MemoryLayout<Event>.stride + 48 + node.utf8.count + 16)
    }
  }

  @Test func truncatedOrForeignBytesAreNotAnEvent() {
    var writer = SpillWriter()
    PendingEvent(event: .podUnschedulable(pod: "ns/pod"), context: Self.context).spill(into: &writer)
    for length in 0..<writer.bytes.count {
      let read = Array(writer.bytes[..<length]).withUnsafeBufferPointer { bytes in
        var reader = SpillReader(bytes)
        return PendingEvent(unspilling: &reader)
      }
      #expect(read == nil, "read an event from \(length) of \(writer.bytes.count) bytes")
    }
    let foreign: [UInt8] = [0xFE, 0x01]
    let read = foreign.withUnsafeBufferPointer { bytes in
      var reader = SpillReader(bytes)
      return PendingEvent(unspilling: &reader)
    }
    #expect(read == nil)
  }
}
