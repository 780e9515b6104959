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
