import Testing

@testable import LogParse

/// Evidence keeps a record's lines in the order seen, at most ``Evidence/maximumLines``, counting
/// the rest; a line at or before the last one is not kept again: the short paths for one line after
/// the last and for full evidence give what adding line by line gives.
struct EvidenceTests {
  /// What `add` must give: each line of each range, while there is room kept unless it is at or
  /// before the last line and already held (a later line is taken as new), else counted.
  private static func expected(_ ranges: [ClosedRange<Int>]) -> (lines: [Int], omitted: Int) {
    var lines: [Int] = []
    var omitted = 0
    for range in ranges {
      for line in range {
        if lines.count < Evidence.maximumLines {
          if let last = lines.last, line <= last, lines.contains(line) { continue }
          lines.append(line)
        } else {
          omitted += 1
        }
      }
    }
    return (lines, omitted)
  }

  private static func evidence(_ ranges: [ClosedRange<Int>]) -> Evidence {
    var evidence = Evidence(source: 0, lines: ranges[0])
    for range in ranges.dropFirst() { evidence.add(range) }
    return evidence
  }

  @Test func linesInOrderAreKeptThenCounted() {
    let ranges = (1...100).map { $0...$0 }
    let evidence = Self.evidence(ranges)
    #expect(evidence.lines == Array(1...Evidence.maximumLines))
    #expect(evidence.omittedLines == 100 - Evidence.maximumLines)
  }

  @Test func aLineAlreadyHeldIsKeptOnce() {
    let ranges = [5...5, 9...9, 5...5, 9...9, 7...7, 10...12, 11...13, 3...3]
    let evidence = Self.evidence(ranges)
    let expected = Self.expected(ranges)
    #expect(evidence.lines == expected.lines)
    #expect(evidence.lines == [5, 9, 7, 10, 11, 12, 13, 3])
    #expect(evidence.omittedLines == 0)
  }

  @Test func rangesAcrossTheLimitAreCountedLineByLine() {
    let ranges = [1...60, 58...70, 71...71, 2...2, 80...89]
    let evidence = Self.evidence(ranges)
    let expected = Self.expected(ranges)
    #expect(evidence.lines == expected.lines)
    #expect(evidence.omittedLines == expected.omitted)
    #expect(evidence.lines == Array(1...Evidence.maximumLines))
    #expect(evidence.omittedLines == 18)
  }

  @Test func shuffledLinesGiveWhatLineByLineGives() {
    var state: UInt64 = 7
    var ranges: [ClosedRange<Int>] = []
    for _ in 0..<200 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let start = Int((state >> 33) % 90) + 1
      let length = (state >> 20) % 4 == 0 ? Int((state >> 40) % 3) : 0
      ranges.append(start...(start + length))
    }
    let evidence = Self.evidence(ranges)
    let expected = Self.expected(ranges)
    #expect(evidence.lines == expected.lines)
    #expect(evidence.omittedLines == expected.omitted)
  }
}
