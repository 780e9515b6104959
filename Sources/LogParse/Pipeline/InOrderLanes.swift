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

  /// The time of the newest item: the newest of the lane the last bit names.
  var lastTime: LogTime? {
    guard let last = lanes.last else { return nil }
    return last ? compact.lastTime : whole.lastTime
  }

  /// The arrival number of the oldest item, if any.
  @inline(__always)
  var firstSequence: Int? {
    guard let first = lanes.first else { return nil }
    return first ? compact.firstSequence : whole.firstSequence
  }

  /// How many items wait.
  var count: Int { lanes.count }
  var isEmpty: Bool { lanes.count == 0 }

  /// Adds a whole item after the others.
  @inline(__always)
  mutating func append(_ item: consuming Item, time: LogTime, bytes: Int, sequence: Int) {
    whole.append(item, time: time, bytes: bytes, sequence: sequence)
    lanes.append(false)
  }

  /// Adds an item in its compact form after the others.
  @inline(__always)
  mutating func append(compact item: consuming Item.Compact, time: LogTime, bytes: Int, sequence: Int) {
    compact.append(item, time: time, bytes: bytes, sequence: sequence)
    lanes.append(true)
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
      return (time, bytes)
    }
    let (item, time, bytes) = whole.takeFirstParts()
    release(item)
    return (time, bytes)
  }

  /// The oldest item, removed, a compact one expanded into its item.
  mutating func popFirst() -> Entry? {
    guard lanes.count > 0 else { return nil }
    if lanes.removeFirst() {
      let entry = compact.takeFirst()
      return Entry(item: Item(expanding: entry.item), time: entry.time, bytes: entry.bytes, sequence: entry.sequence)
    }
    return whole.takeFirst()
  }
}

@available(*, unavailable)
extension InOrderLanes: Sendable {}
