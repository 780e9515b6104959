/// Items that wait in arrival order, which is also their time order: a ring buffer without keys.
///
/// The reorder buffer keeps its items here while the input runs in time order (the normal case):
/// adding one and taking the oldest are O(1) and touch neither a slot array, a key nor an
/// `Optional`. Copies share the storage until one of them changes it (copy on write).
struct InOrderQueue<Item> {
  /// One waiting item with its time, the bytes it keeps alive and its place among the arrivals.
  struct Entry {
    var item: Item
    var time: LogTime
    var bytes: Int
    /// The number of the arrival it was (``ReorderBuffer`` counts every item that came).
    var sequence: Int
  }

  private final class Storage {
    var entries: UnsafeMutablePointer<Entry>
    var capacity: Int
    /// The index of the oldest entry, and how many wait.
    var start = 0
    var count = 0

    init(capacity: Int) {
      self.capacity = capacity
      entries = .allocate(capacity: capacity)
    }

    deinit {
      for offset in 0..<count { (entries + (start + offset) % capacity).deinitialize(count: 1) }
      entries.deallocate()
    }

    /// The index `offset` entries after `index`, around the ring (`offset` at most `capacity`).
    @inline(__always)
    func index(_ index: Int, offsetBy offset: Int) -> Int {
      let moved = index + offset
      return moved >= capacity ? moved - capacity : moved
    }

    /// A storage of `capacity` entries holding copies of these, oldest first.
    func copy(capacity newCapacity: Int) -> Storage {
      let copy = Storage(capacity: newCapacity)
      for offset in 0..<count {
        (copy.entries + offset).initialize(to: entries[(start + offset) % capacity])
      }
      copy.count = count
      return copy
    }

    /// A storage of `capacity` entries into which these are moved, oldest first; this one is left empty.
    func moved(capacity newCapacity: Int) -> Storage {
      let moved = Storage(capacity: newCapacity)
      let firstRun = min(count, capacity - start)
      moved.entries.moveInitialize(from: entries + start, count: firstRun)
      (moved.entries + firstRun).moveInitialize(from: entries, count: count - firstRun)
      moved.count = count
      count = 0
      start = 0
      return moved
    }
  }

  private var storage = Storage(capacity: 0)

  /// How many items wait.
  var count: Int { storage.count }
  var isEmpty: Bool { storage.count == 0 }
  /// The time of the newest item.
  @inline(__always)
  var lastTime: LogTime? {
    guard storage.count > 0 else { return nil }
    return storage.entries[storage.index(storage.start, offsetBy: storage.count - 1)].time
  }

  /// The arrival number of the oldest item (the queue must not be empty).
  @inline(__always)
  var firstSequence: Int {
    precondition(storage.count > 0, "the queue is empty")
    return storage.entries[storage.start].sequence
  }

  /// Adds an item after the others.
  @inline(__always)
  mutating func append(_ item: consuming Item, time: LogTime, bytes: Int, sequence: Int) {
    if !isKnownUniquelyReferenced(&storage) {
      storage = storage.copy(
        capacity: max(64, storage.count == storage.capacity ? 2 * storage.capacity : storage.capacity))
    } else if storage.count == storage.capacity {
      // Grown by moving the items: nothing is retained and released again.
      storage = storage.moved(capacity: max(64, 2 * storage.capacity))
    }
    let index = storage.index(storage.start, offsetBy: storage.count)
    (storage.entries + index).initialize(to: Entry(item: item, time: time, bytes: bytes, sequence: sequence))
    storage.count += 1
  }

  /// The oldest item, moved out (the queue must not be empty): no `Optional` to test and destroy.
  mutating func takeFirst() -> Entry {
    precondition(storage.count > 0, "the queue is empty")
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
    let entry = (storage.entries + storage.start).move()
    storage.start = storage.index(storage.start, offsetBy: 1)
    storage.count -= 1
    if storage.count == 0 { storage.start = 0 }
    return entry
  }

  /// The oldest item with its time and bytes, moved out (the queue must not be empty): the item is
  /// then destroyed as itself, not as part of an entry.
  @inline(__always)
  mutating func takeFirstParts() -> (item: Item, time: LogTime, bytes: Int) {
    let entry = takeFirst()
    return (entry.item, entry.time, entry.bytes)
  }

  /// The oldest item, removed.
  mutating func popFirst() -> Entry? {
    guard storage.count > 0 else { return nil }
    return takeFirst()
  }
}

@available(*, unavailable)
extension InOrderQueue: Sendable {}
