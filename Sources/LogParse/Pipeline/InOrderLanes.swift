/// Items waiting in arrival order, each held whole or in its item type's compact form.
///
/// The reorder buffer's in-order queue (``InOrderQueue``) in two lanes: whole items in one, compact
/// forms (``CompactlyHeld/Compact``: the dominant line's reading, without the general event's
/// enum) in the other, and one bit per waiting item, in arrival order, saying which lane holds it.
/// Taking the oldest reads that bit; a compact form is expanded into its item only where a caller
/// asks for whole items (keying them when disorder appears, draining, releasing early).
struct InOrderLanes<Item: CompactlyHeld> {
  typealias Entry = InOrderQueue<Item>.Entry

  private var whole = InOrderQueue<Item>()
  private var compact = InOrderQueue<Item.Compact>()
  /// Which lane holds each waiting item, oldest first (set: compact).
  private var lanes = BitRing()
  /// The time of the newest item.
  private(set) var lastTime: LogTime?

  /// How many items wait.
  var count: Int { lanes.count }
  var isEmpty: Bool { lanes.count == 0 }

  /// Adds a whole item after the others.
  @inline(__always)
  mutating func append(_ item: consuming Item, time: LogTime, bytes: Int) {
    whole.append(item, time: time, bytes: bytes)
    lanes.append(false)
    lastTime = time
  }

  /// Adds an item in its compact form after the others.
  @inline(__always)
  mutating func append(compact item: consuming Item.Compact, time: LogTime, bytes: Int) {
    compact.append(item, time: time, bytes: bytes)
    lanes.append(true)
    lastTime = time
  }

  /// Removes the oldest item (the lanes must not be empty) and lends it to the closure for its
  /// lane, without expanding a compact one; returns its time and bytes.
  @inline(__always)
  mutating func releaseFirst(
    _ release: (Item) -> Void, _ releaseCompact: (Item.Compact) -> Void
  ) -> (time: LogTime, bytes: Int) {
    if lanes.removeFirst() {
      let (item, time, bytes) = compact.takeFirstParts()
      releaseCompact(item)
      if lanes.count == 0 { lastTime = nil }
      return (time, bytes)
    }
    let (item, time, bytes) = whole.takeFirstParts()
    release(item)
    if lanes.count == 0 { lastTime = nil }
    return (time, bytes)
  }

  /// The oldest item, removed, a compact one expanded into its item.
  mutating func popFirst() -> Entry? {
    guard lanes.count > 0 else { return nil }
    defer { if lanes.count == 0 { lastTime = nil } }
    if lanes.removeFirst() {
      let entry = compact.takeFirst()
      return Entry(item: Item(expanding: entry.item), time: entry.time, bytes: entry.bytes)
    }
    return whole.takeFirst()
  }
}

@available(*, unavailable)
extension InOrderLanes: Sendable {}

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
    var index = start &+ count
    if index >= words.count &* 64 { index &-= words.count &* 64 }
    let mask = UInt64(1) << UInt64(index & 63)
    if bit { words[index >> 6] |= mask } else { words[index >> 6] &= ~mask }
    count &+= 1
  }

  /// The oldest bit, removed (the ring must not be empty).
  @inline(__always)
  mutating func removeFirst() -> Bool {
    precondition(count > 0, "the ring is empty")
    let bit = words[start >> 6] & (UInt64(1) << UInt64(start & 63)) != 0
    start &+= 1
    if start == words.count &* 64 { start = 0 }
    count &-= 1
    if count == 0 { start = 0 }
    return bit
  }

  /// Doubles the ring, its bits moved to the front in order.
  private mutating func grow() {
    var grown = [UInt64](repeating: 0, count: max(4, 2 * words.count))
    for offset in 0..<count {
      var index = start + offset
      if index >= words.count * 64 { index -= words.count * 64 }
      if words[index >> 6] & (UInt64(1) << UInt64(index & 63)) != 0 {
        grown[offset >> 6] |= UInt64(1) << UInt64(offset & 63)
      }
    }
    words = grown
    start = 0
  }
}
