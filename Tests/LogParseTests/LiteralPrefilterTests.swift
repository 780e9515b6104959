import LogGen
import Testing

@testable import LogParse

/// The prefilter's one pass finds exactly the groups a search for each literal finds.
struct LiteralPrefilterTests {
  @Test func findsWhatASearchForEachLiteralFinds() {
    var random = SplitMix64(seed: 3)
    // A small alphabet, so literals occur often, overlap and share anchor pairs.
    let alphabet = Array("abAB .:/".utf8)
    func text(_ count: Int) -> [UInt8] { (0..<count).map { _ in alphabet[Int(random.next() % 8)] } }
    func occurs(_ literal: [UInt8], in text: [UInt8]) -> Bool {
      guard literal.count <= text.count else { return false }
      return (0...(text.count - literal.count)).contains { Array(text[$0..<($0 + literal.count)]) == literal }
    }
    var hits = 0
    for _ in 0..<40 {
      let groups = (0..<Int(random.next() % 6 + 1)).map { _ in
        (0..<Int(random.next() % 3 + 1)).map { _ in text(Int(random.next() % 4) + 2) }
      }
      let filter = LiteralPrefilter(groups: groups.map { $0.map { String(decoding: $0, as: UTF8.self) } })
      for _ in 0..<50 {
        let bytes = text(Int(random.next() % 40))
        var expected: UInt64 = 0
        for (number, literals) in groups.enumerated() where literals.contains(where: { occurs($0, in: bytes) }) {
          expected |= 1 << UInt64(number)
        }
        if expected != 0 { hits += 1 }
        #expect(bytes.withUnsafeBufferPointer { filter.groups(in: $0) } == expected)
      }
    }
    #expect(hits > 200)
  }
}
