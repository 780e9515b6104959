/// A queue of bits in a ring of words: appending and taking the oldest are O(1) amortised.
struct BitRing: Sendable {
  private var words: [UInt64] = []
  /// The index of the oldest bit in the ring, and how many bits wait.
  private var start = 0
  private(set) var count = 0

  /// An empty ring.
  init() {}

  /// An empty ring with room for `capacity` bits before it grows.
  init(capacity: Int) {
    words = [UInt64](repeating: 0, count: max(0, capacity + 63) / 64)
  }

  /// Adds a bit after the others.
  @inline(__always)
  mutating func append(_ bit: Bool) {
    if count == words.count &* 64 { grow() }
    let index = position(count)
    let mask = UInt64(1) << UInt64(index & 63)
    if bit { words[index >> 6] |= mask } else { words[index >> 6] &= ~mask }
    count &+= 1
  }

  /// The newest bit, if any.
  var last: Bool? {
    guard count > 0 else { return nil }
    return bit(at: position(count &- 1))
  }

  /// The oldest bit, if any.
  @inline(__always)
  var first: Bool? {
    guard count > 0 else { return nil }
    return bit(at: start)
  }

  /// The oldest bit, removed (the ring must not be empty).
  @inline(__always)
  mutating func removeFirst() -> Bool {
    precondition(count > 0, "the ring is empty")
    let oldest = bit(at: start)
    start = position(1)
    count &-= 1
    if count == 0 { start = 0 }
    return oldest
  }

  /// Doubles the ring, its bits moved to the front in order.
  private mutating func grow() {
    var grown = [UInt64](repeating: 0, count: max(4, 2 * words.count))
    for offset in 0..<count {
      if bit(at: position(offset)) { grown[offset >> 6] |= UInt64(1) << UInt64(offset & 63) }
    }
    words = grown
    start = 0
  }

  /// Where in the storage the bit `offset` places after the oldest is (`offset` at most the capacity).
  @inline(__always)
  private func position(_ offset: Int) -> Int {
    let index = start &+ offset
    return index >= words.count &* 64 ? index &- words.count &* 64 : index
  }

  /// The bit at `index` of the ring's storage.
  @inline(__always)
  private func bit(at index: Int) -> Bool { words[index >> 6] & (UInt64(1) << UInt64(index & 63)) != 0 }
}
