/// Finds which of many literals occur in a text in one pass, with a bit per byte pair.
///
/// Every literal (at least two bytes) sets the bit of its first two bytes in a 64 Kibit table; the
/// scan reads each pair of adjacent bytes once and compares literals only where a bit is set. The
/// result is a bit set of the groups whose literals occur: up to 64 groups.
struct LiteralPrefilter: Sendable {
  /// One bit per byte pair: `pairs[pair >> 6] & (1 << (pair & 63))`.
  private let pairs: [UInt64]
  /// The literals, sorted by their first byte pair, with their group.
  private let literals: [(pair: Int, bytes: [UInt8], group: Int)]
  /// Where the literals of each first byte pair start in ``literals`` (`UInt16.max`: none); read
  /// only where the pair's bit is set, so only those entries are ever loaded.
  private let firstByPair: [UInt16]

  /// A prefilter for `groups`: group `n` occurs when one of `groups[n]` does (at most 64 groups).
  init(groups: [[String]]) {
    precondition(groups.count <= 64, "a prefilter holds at most 64 groups")
    precondition(groups.reduce(0) { $0 + $1.count } < Int(UInt16.max), "too many prefilter literals")
    var table = [UInt64](repeating: 0, count: 1024)
    var all: [(pair: Int, bytes: [UInt8], group: Int)] = []
    for (group, words) in groups.enumerated() {
      for word in words {
        let bytes = Array(word.utf8)
        precondition(bytes.count >= 2, "a prefilter literal has at least two bytes: \(word)")
        let pair = Int(bytes[0]) << 8 | Int(bytes[1])
        table[pair >> 6] |= 1 << UInt64(pair & 63)
        all.append((pair, bytes, group))
      }
    }
    all.sort { $0.pair < $1.pair }
    var first = [UInt16](repeating: .max, count: 65536)
    for (index, literal) in all.enumerated() where first[literal.pair] == .max { first[literal.pair] = UInt16(index) }
    pairs = table
    literals = all
    firstByPair = first
  }

  /// The groups whose literals occur in `text` at or after `start`, as a bit set.
  func groups(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> UInt64 {
    guard let base = text.baseAddress, text.count - start >= 2, start >= 0 else { return 0 }
    var found: UInt64 = 0
    pairs.withUnsafeBufferPointer { table in
      var previous = Int(base[start])
      var index = start + 1
      while index < text.count {
        let byte = Int(base[index])
        let pair = previous << 8 | byte
        if table[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
          found |= matches(pair, at: index - 1, in: text)
        }
        previous = byte
        index += 1
      }
    }
    return found
  }

  /// The groups of the literals with first byte pair `pair` that occur at `offset`.
  private func matches(_ pair: Int, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var index = Int(firstByPair[pair])
    guard index != Int(UInt16.max) else { return 0 }
    var found: UInt64 = 0
    let rest = UnsafeBufferPointer(rebasing: text[offset...])
    while index < literals.count, literals[index].pair == pair {
      let literal = literals[index]
      if found & (1 << UInt64(literal.group)) == 0, ByteSearch.hasPrefix(rest, literal.bytes) {
        found |= 1 << UInt64(literal.group)
      }
      index += 1
    }
    return found
  }
}
