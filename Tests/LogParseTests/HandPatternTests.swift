import LogGen
import Testing

@testable import LogParse

/// The hand-written matchers answer as PCRE2 does on their patterns: the same groups on a match,
/// no match where PCRE2 finds none, on the catalogue's lines and on variants damaged at random.
struct HandPatternTests {
  /// Lines of the three patterns' shapes, and their near misses.
  static let seeds = [
    "Node ip-10-0-0-11.ec2.internal unremovable: cpu requested (91.2% of allocatable) is above the scale-down utilization threshold",
    "Node ip-10-0-9-9 unremovable: nvidia.com/gpu requested (100% of allocatable) is above the threshold",
    "Node ip-172-31-3-184.us-east-2.compute.internal is not suitable for removal - utilization too big (0.898367)",
    "Node ip-10-0-1-5 is not suitable for removal - cpu utilization too big (0.750000)",
    "Node ip-10-0-1-5 is not suitable for removal - utilization utilization too big (0.7)",
    "Node ip-10-0-0-49.ec2.internal - cpu requested is 31.9% of allocatable",
    "Node ip-10-0-1-5 - utilization 0.055000",
    "ip-10-0-0-10.ec2.internal is unneeded since 2024-01-10 09:00:00.1 +0000 UTC m=+900.2 duration 0s",
    "ip-172-19-67-52.ap-northeast-1.compute.internal is unneeded since 2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.491422805 duration 30s",
    "n is unneeded since  duration  duration 5m duration x",
    "n is unneeded since x duration \n duration 1s",
  ]

  /// `seed` with a few bytes replaced, inserted or removed, from an alphabet of the patterns' own bytes.
  static func variant(_ seed: String, _ random: inout SplitMix64) -> [UInt8] {
    var bytes = Array(seed.utf8)
    let alphabet = Array(" \t\n\r().%-:/_0123456789eE+Nnodexz\u{7F}".utf8) + [0x0B, 0x0C, 0xC3, 0xFF]
    for _ in 0..<Int(random.next() % 4) {
      let at = Int(random.next() % UInt64(bytes.count + 1))
      let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
      switch random.next() % 3 {
      case 0 where at < bytes.count: bytes[at] = byte
      case 1 where at < bytes.count: bytes.remove(at: at)
      default: bytes.insert(byte, at: at)
      }
    }
    return bytes
  }

  @Test(arguments: HandPattern.allCases)
  func answersAsPCRE2Does(hand: HandPattern) throws {
    let matcher = Matcher(try BytePattern(hand.pattern))
    var random = SplitMix64(seed: 71)
    var matched = 0
    var missed = 0
    var offsets = [Int](repeating: 0, count: 2 * hand.groupCount)
    for round in 0..<30_000 {
      let seed = Self.seeds[round % Self.seeds.count]
      let subject = round < Self.seeds.count ? Array(seed.utf8) : Self.variant(seed, &random)
      try subject.withUnsafeBufferPointer { bytes in
        let verdict = offsets.withUnsafeMutableBufferPointer { hand.match(bytes, $0) }
        let found = try matcher.matches(bytes)
        let text = String(decoding: subject, as: UTF8.self)
        switch verdict {
        case .unsure: break
        case .noMatch:
          missed += 1
          #expect(!found, "\(hand) missed \(text)")
        case .matched(let groupsSet):
          matched += 1
          #expect(found, "\(hand) matched \(text)")
          guard found else { return }
          #expect(groupsSet == Int(matcher.lastResult), "\(text)")
          // Groups that took part have the same offsets; PCRE2 leaves the others unset (-1).
          for index in 0..<(2 * groupsSet) {
            #expect(offsets[index] == matcher.offsets[index], "\(hand) group \(index / 2) of \(text)")
          }
        }
      }
    }
    // Sure of most lines: matches where the pattern has groups to give, misses everywhere.
    #expect(missed > 10_000)
    if hand != .utilization { #expect(matched > 1_500) }
  }

  /// Every matcher implements a pattern of the catalogue, so the extractor uses it.
  @Test func everyMatcherIsACataloguePattern() {
    for hand in HandPattern.allCases {
      #expect(Catalog.entries.filter { $0.pattern == hand.pattern }.count == 1, "\(hand)")
      #expect(ExtractorTables.catalog.handPatterns.contains(hand))
    }
  }

  /// A subject longer than a matcher answers for is left to PCRE2.
  @Test func leavesLongSubjectsToPCRE2() {
    let long = Array(("n is unneeded since " + String(repeating: "x", count: 5000) + " duration 1s").utf8)
    var offsets = [Int](repeating: 0, count: 8)
    let verdict = long.withUnsafeBufferPointer { bytes in
      offsets.withUnsafeMutableBufferPointer { HandPattern.unneededSince.match(bytes, $0) }
    }
    #expect(verdict == .unsure)
  }
}
