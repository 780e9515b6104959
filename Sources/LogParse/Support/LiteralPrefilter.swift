import Glibc

/// Finds which of many literals occur in a text in one pass, with an entry per byte pair.
///
/// Each literal (at least two bytes) is anchored at its rarest-looking byte pair (a CamelCase
/// step `sD` before a letter pair, letters before spaces), whose entry in a table of every pair
/// names the first literal anchored there; the scan reads each pair of adjacent bytes once, as one
/// two-byte load (the pair's key: its first byte plus 256 times the second), and compares
/// literals only where the pair's entry names one. The result is a bit set of the groups whose
/// literals occur: up to 64 groups.
struct LiteralPrefilter: Sendable {
  /// The literals' bytes end to end, sorted by anchor pair; literal `n` is `bytes[starts[n]..<starts[n + 1]]`.
  private let bytes: [UInt8]
  private let starts: [Int]
  /// Each literal's anchor pair (its key), the offset of the anchor in it, and its group.
  private let anchorPairs: [UInt16]
  private let anchorOffsets: [Int]
  private let literalGroups: [UInt8]
  /// Where the literals of each anchor pair start, by the pair's key (`UInt16.max`: none).
  private let firstByPair: [UInt16]

  /// A prefilter for `groups`: group `n` occurs when one of `groups[n]` does (at most 64 groups).
  init(groups: [[String]]) {
    precondition(groups.count <= 64, "a prefilter holds at most 64 groups")
    var all: [(pair: Int, offset: Int, bytes: [UInt8], group: Int)] = []
    for (group, words) in groups.enumerated() {
      for word in words {
        let bytes = Array(word.utf8)
        precondition(bytes.count >= 2, "a prefilter literal has at least two bytes: \(word)")
        let offset = LiteralPrefilter.anchor(bytes)
        let pair = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        all.append((pair, offset, bytes, group))
      }
    }
    precondition(all.count < Int(UInt16.max), "too many prefilter literals")
    all.sort { $0.pair < $1.pair }
    var first = [UInt16](repeating: .max, count: 65536)
    var flat: [UInt8] = []
    var starts: [Int] = []
    for (index, literal) in all.enumerated() {
      if first[literal.pair] == .max { first[literal.pair] = UInt16(index) }
      starts.append(flat.count)
      flat += literal.bytes
    }
    starts.append(flat.count)
    bytes = flat
    self.starts = starts
    anchorPairs = all.map { UInt16($0.pair) }
    anchorOffsets = all.map(\.offset)
    literalGroups = all.map { UInt8($0.group) }
    firstByPair = first
  }

  private init(copying prefilter: LiteralPrefilter) {
    bytes = prefilter.bytes.ownCopy()
    starts = prefilter.starts.ownCopy()
    anchorPairs = prefilter.anchorPairs.ownCopy()
    anchorOffsets = prefilter.anchorOffsets.ownCopy()
    literalGroups = prefilter.literalGroups.ownCopy()
    firstByPair = prefilter.firstByPair.ownCopy()
  }

  /// The same prefilter in buffers of its own (``ExtractorTables/ownCopy()``).
  func ownCopy() -> LiteralPrefilter { LiteralPrefilter(copying: self) }

  /// The offset of the byte pair of `literal` least likely in ordinary text.
  private static func anchor(_ literal: [UInt8]) -> Int {
    func kind(_ byte: UInt8) -> Int {
      switch byte {
      case 0x61...0x7A: return 0  // lower case
      case 0x41...0x5A: return 1  // upper case
      case 0x20: return 3  // space
      default: return 2  // digits, punctuation
      }
    }
    // Lower then upper (`sD`) is rare in prose, upper-upper and punctuation less so, letters and spaces common.
    let cost = [[4, 0, 2, 6], [3, 1, 2, 6], [2, 2, 3, 6], [5, 4, 5, 7]]
    var best = 0
    var bestCost = Int.max
    for offset in 0..<(literal.count - 1) {
      let pairCost = cost[kind(literal[offset])][kind(literal[offset + 1])]
      if pairCost < bestCost {
        best = offset
        bestCost = pairCost
      }
    }
    return best
  }

  /// The groups whose literals occur in `text`, as a bit set.
  func groups(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let base = text.baseAddress, text.count >= 2 else { return 0 }
    var found: UInt64 = 0
    firstByPair.withUnsafeBufferPointer { table in
      guard let first = table.baseAddress else { return }
      let raw = UnsafeRawPointer(base)
      let last = text.count &- 1
      var index = 0
      while index < last {
        let pair = Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt16.self)))
        if first[pair] != UInt16.max { found |= matches(pair, at: index, in: text) }
        index &+= 1
      }
    }
    return found
  }

  /// The groups of the literals anchored at pair `pair` that occur with their anchor at `offset`.
  private func matches(_ pair: Int, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var index = Int(firstByPair[pair])
    guard index != Int(UInt16.max) else { return 0 }
    var found: UInt64 = 0
    bytes.withUnsafeBufferPointer { literalBytes in
      while index < anchorPairs.count, Int(anchorPairs[index]) == pair {
        let start = offset - anchorOffsets[index]
        let length = starts[index + 1] - starts[index]
        let bit: UInt64 = 1 << UInt64(literalGroups[index])
        if found & bit == 0, start >= 0, start + length <= text.count,
          memcmp(text.baseAddress! + start, literalBytes.baseAddress! + starts[index], length) == 0
        {
          found |= bit
        }
        index += 1
      }
    }
    return found
  }
}
