import LogGen
import Testing

@testable import LogParse

/// The loop tracker's short path for a plain record gives the loop, the counts and the state the
/// full assignment gives.
struct LoopTrackerShortPathTests {
  static let messages = [
    "Starting main loop", "No unschedulable pods", "\"Starting main loop\" iterationId=\"1f0c9a7e-1\"",
    "\"Starting main loop\" iterationId=\"1f0c9a7e-2\"", "\"Scale down status\" err=\"x\" iterationId=\"2a0c9a7e-1\"",
    "\"quoted\" no=\"id\"", "",
  ]

  @Test func shortPathAssignsAsTheFullOne() {
    var random = SplitMix64(seed: 5)
    var short = LoopTracker()
    var full = LoopTracker()
    var taken = 0
    let boundaries: [LoopTracker.Boundary] = [.none, .none, .none, .starts, .ends]
    for _ in 0..<20_000 {
      let bytes = Array(Self.messages[Int(random.next() % UInt64(Self.messages.count))].utf8)
      let source = random.next() % 8 == 0 ? Int(random.next() % 3) : 0
      let boundary = boundaries[Int(random.next() % UInt64(boundaries.count))]
      let jsonHasFields = random.next() % 16 == 0
      let jsonIteration = random.next() % 16 == 0 ? IterationId(process: 7, number: Int(random.next() % 3)) : nil
      if random.next() % 50 == 0 {
        short.enter(source: source + 1)
        full.enter(source: source + 1)
      }
      bytes.withUnsafeBufferPointer { message in
        var record = Record(
          source: source, firstLine: 1, lineCount: 1, severity: .info,
          time: LogTime(month: 3, day: 13, microsecondOfDay: 0), file: UnsafeBufferPointer(start: nil, count: 0),
          sourceLine: 1, message: message, verbosity: nil)
        record.jsonHasFields = jsonHasFields
        record.jsonIteration = jsonIteration
        if boundary == .none, !jsonHasFields, jsonIteration == nil, message.first != UInt8(ascii: "\"") { taken += 1 }
        #expect(short.loop(of: record, boundary: boundary) == full.loopInFull(of: record, boundary: boundary))
      }
      #expect(short.current == full.current && short.ordinals == full.ordinals)
      #expect(short.startedLoop == full.startedLoop)
      #expect(short.printfRecords == full.printfRecords && short.structuredRecords == full.structuredRecords)
    }
    #expect(taken > 3_000)
  }
}
