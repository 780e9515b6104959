/// Holds up to a window of events and releases them in time order, in bounded memory.
///
/// Reversed or shuffled excerpts (Log Analytics exports sorted newest first, merged files) then
/// reach the episode builder in the order things happened. Items with equal times keep their
/// input order: every item is keyed by its time and its arrival number.
///
/// The waiting keys are a sorted run with room at both ends, where an item in order is appended and
/// one in reverse order is prepended (both O(1)), and a binary heap for anything else (O(log n)),
/// so no arrival order makes an insertion cost more than that. Keys point into a slot array, so
/// moving them never copies or retains the items.
///
/// An input that runs predominantly newest first is reversed whole, not just within the window:
/// releasing its oldest item early would put every later (older) one out of order, so while most
/// items arrive earlier than the one before, every item waits. Memory stays bounded all the same:
/// when the waiting items hold more than ``memoryLimit`` bytes, the newest half is written to a
/// temporary file as a sorted run (``SpillFile``), and the runs are merged back at ``drain(_:)``.
/// From the first spill on, every item waits for the end. An input in time order that holds more
/// than the limit (a few huge records) releases its oldest items early instead.
struct ReorderBuffer<Item: Spillable> {
  /// How many items may wait; 0 releases every item at once.
  let window: Int
  /// How many bytes the waiting items may hold before some are written out or released.
  let memoryLimit: Int
  /// Runs merged into one when this many of one level exist, so that few are read at the end.
  static var runsPerLevel: Int { 16 }

  /// Items that came earlier, and later, than the item before them.
  private var descents = 0
  private var ascents = 0
  private var lastTime: LogTime?
  private var arrivals = 0
  /// The sorted run: `run[head...]` waits.
  private var run: [Key] = []
  private var head = 0
  /// Items that fit neither end of the run.
  private var heap = KeyHeap()
  private var slots: [Item?] = []
  private var freeSlots: [Int] = []
  private var heldBytes = 0
  /// Once items were written out, every item waits for ``drain(_:)``.
  private var holdsAll = false
  private var spill: SpillFile?
  /// Spilled runs by level: byte ranges of the spill file, each sorted by key.
  private var levels: [[Range<Int>]] = []
  /// Items written to the temporary file, and items released before their turn for lack of memory.
  private(set) var spilledItems = 0
  private(set) var releasedEarly = 0

  /// A buffer that lets `window` items wait (more while the input runs newest first), holding at
  /// most about `memoryLimit` bytes of them in memory.
  init(window: Int, memoryLimit: Int = 16 << 20) {
    self.window = max(0, window)
    self.memoryLimit = max(1, memoryLimit)
  }

  private var waiting: Int { run.count - head + heap.count }

  /// Adds an item and releases those that fall out of the window, oldest first.
  mutating func push(_ item: consuming Item, at time: LogTime, _ release: (consuming Item) -> Void) {
    guard window > 0 else {
      release(item)
      return
    }
    let bytes = item.retainedBytes
    let slot: Int
    if let free = freeSlots.popLast() {
      slot = free
      slots[slot] = item
    } else {
      slot = slots.count
      slots.append(item)
    }
    if let lastTime {
      if time < lastTime { descents += 1 } else if lastTime < time { ascents += 1 }
    }
    lastTime = time
    arrivals += 1
    place(Key(time: time, arrival: arrivals, slot: Int32(truncatingIfNeeded: slot), bytes: bytes))
    heldBytes += bytes
    if !holdsAll && descents <= ascents {
      while waiting > window, let first = popFirst() { release(first) }
    }
    if heldBytes > memoryLimit { relieve(release) }
  }

  /// Releases everything still waiting, in time order: the items in memory merged with every run written out.
  mutating func drain(_ release: (consuming Item) -> Void) {
    if let spill {
      var merge = RunMerge<Item>(file: spill, runs: levels.flatMap { $0 })
      var memoryFirst = popFirstKeyed()
      while true {
        let fromFile = merge.peekKey
        if let (key, item) = memoryFirst, fromFile.map({ key < $0 }) ?? true {
          release(item)
          memoryFirst = popFirstKeyed()
        } else if let item = merge.next() {
          release(item)
        } else {
          break
        }
      }
      if merge.failed { releasedEarly += 1 }
    } else {
      while let first = popFirst() { release(first) }
    }
    run.removeAll(keepingCapacity: true)
    head = 0
    heap = KeyHeap()
    holdsAll = false
    spill = nil
    levels = []
    heldBytes = 0
  }

  // MARK: - Keys

  private mutating func place(_ key: Key) {
    if waiting == 0 || run.count == head {
      if run.count == head {
        run.removeAll(keepingCapacity: true)
        head = 0
      }
      run.append(key)
    } else if !(key.time < run[run.count - 1].time) {
      run.append(key)
    } else if key.time < run[head].time {
      if head == 0 {
        // Room at the front for as many keys as wait (doubling: amortised O(1) per prepend).
        let room = max(run.count, 64)
        run.insert(contentsOf: repeatElement(key, count: room), at: 0)
        head = room
      }
      head -= 1
      run[head] = key
    } else {
      heap.push(key)
    }
  }

  /// The earliest waiting key in memory, removed.
  private mutating func popFirstKey() -> Key? {
    let fromRun = head < run.count ? run[head] : nil
    if let top = heap.first, fromRun.map({ top < $0 }) ?? true {
      return heap.popFirst()
    }
    guard let fromRun else { return nil }
    head += 1
    if head >= 4 * max(window, 1024) {
      // Drop released keys now and then (amortised O(1)), keeping room at the front for items
      // that arrive in reverse order.
      let keep = min(window, head)
      run.removeFirst(head - keep)
      head = keep
    }
    return fromRun
  }

  private mutating func popFirstKeyed() -> (Key, Item)? {
    guard let key = popFirstKey() else { return nil }
    return (key, take(key))
  }

  private mutating func popFirst() -> Item? {
    popFirstKey().map { take($0) }
  }

  private mutating func take(_ key: Key) -> Item {
    let slot = Int(key.slot)
    let item = slots[slot].take()!
    freeSlots.append(slot)
    heldBytes -= key.bytes
    return item
  }

  // MARK: - Memory

  /// Brings the bytes held back under the limit: by writing the newest half out, or, for input in
  /// time order (or when no file can be written), by releasing the oldest items before their turn.
  private mutating func relieve(_ release: (consuming Item) -> Void) {
    if holdsAll || descents > ascents, spillNewest() {
      holdsAll = true
      return
    }
    while heldBytes > memoryLimit / 2, let first = popFirst() {
      releasedEarly += 1
      release(first)
    }
  }

  /// Writes the newest waiting items, about half the bytes held, to the spill file as one sorted run.
  private mutating func spillNewest() -> Bool {
    if spill == nil { spill = SpillFile.create() }
    guard let spill else { return false }
    var sorted = Array(run[head...])
    var fromHeap = heap.takeAll()
    fromHeap.sort()
    sorted = Self.merged(sorted, fromHeap)
    var kept = 0
    var bytes = 0
    while kept < sorted.count, bytes + sorted[kept].bytes <= memoryLimit / 2 {
      bytes += sorted[kept].bytes
      kept += 1
    }
    var writer = SpillWriter()
    for key in sorted[kept...] {
      Self.write(key, slots[Int(key.slot)]!, into: &writer)
    }
    let start = spill.length
    guard spill.append(writer.bytes) else {
      // Nothing was taken out: put the keys back as one sorted run.
      run = sorted
      head = 0
      return false
    }
    for key in sorted[kept...] { _ = take(key) }
    spilledItems += sorted.count - kept
    run = Array(sorted[..<kept])
    head = 0
    addRun(start..<spill.length, level: 0, spill)
    return true
  }

  /// Records a run; a level that fills is merged into one run of the next.
  private mutating func addRun(_ range: Range<Int>, level: Int, _ spill: SpillFile) {
    while levels.count <= level { levels.append([]) }
    levels[level].append(range)
    guard levels[level].count >= Self.runsPerLevel else { return }
    var merge = RunMerge<Item>(file: spill, runs: levels[level])
    var writer = SpillWriter()
    let start = spill.length
    var written = true
    while let (key, item) = merge.nextKeyed() {
      Self.write(key, item, into: &writer)
      if writer.bytes.count >= 1 << 20 {
        written = written && spill.append(writer.bytes)
        writer.bytes.removeAll(keepingCapacity: true)
      }
    }
    written = written && spill.append(writer.bytes) && !merge.failed
    guard written else { return }  // the runs stay as they are: still correct, only more of them
    levels[level] = []
    addRun(start..<spill.length, level: level + 1, spill)
  }

  /// Appends one record: its length (4 bytes, little-endian), then the key and the item.
  private static func write(_ key: Key, _ item: Item, into writer: inout SpillWriter) {
    let start = writer.bytes.count
    writer.bytes.append(contentsOf: [0, 0, 0, 0])
    writer.logTime(key.time)
    writer.int(key.arrival)
    writer.int(key.bytes)
    item.spill(into: &writer)
    let length = writer.bytes.count - start - 4
    for shift in 0..<4 { writer.bytes[start + shift] = UInt8(truncatingIfNeeded: length >> (8 * shift)) }
  }

  private static func merged(_ left: [Key], _ right: [Key]) -> [Key] {
    guard !left.isEmpty else { return right }
    guard !right.isEmpty else { return left }
    var result: [Key] = []
    result.reserveCapacity(left.count + right.count)
    var (i, j) = (0, 0)
    while i < left.count, j < right.count {
      if right[j] < left[i] {
        result.append(right[j])
        j += 1
      } else {
        result.append(left[i])
        i += 1
      }
    }
    result.append(contentsOf: left[i...])
    result.append(contentsOf: right[j...])
    return result
  }
}

/// A waiting item's place in time order: its time, then its arrival number.
struct ReorderKey: Comparable {
  var time: LogTime
  var arrival: Int
  var slot: Int32
  var bytes: Int

  static func < (lhs: ReorderKey, rhs: ReorderKey) -> Bool {
    lhs.time < rhs.time || (!(rhs.time < lhs.time) && lhs.arrival < rhs.arrival)
  }

  static func == (lhs: ReorderKey, rhs: ReorderKey) -> Bool {
    lhs.arrival == rhs.arrival
  }
}

extension ReorderBuffer {
  typealias Key = ReorderKey
}

/// A binary min-heap of keys: O(log n) to add or take the earliest.
struct KeyHeap {
  private var keys: [ReorderKey] = []

  var count: Int { keys.count }
  var first: ReorderKey? { keys.first }

  mutating func push(_ key: ReorderKey) {
    keys.append(key)
    var child = keys.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard keys[child] < keys[parent] else { break }
      keys.swapAt(child, parent)
      child = parent
    }
  }

  mutating func popFirst() -> ReorderKey? {
    guard let top = keys.first else { return nil }
    let last = keys.removeLast()
    guard !keys.isEmpty else { return top }
    keys[0] = last
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < keys.count else { break }
      let right = left + 1
      let child = right < keys.count && keys[right] < keys[left] ? right : left
      guard keys[child] < keys[parent] else { break }
      keys.swapAt(child, parent)
      parent = child
    }
    return top
  }

  /// Every key, in no particular order; the heap is left empty.
  mutating func takeAll() -> [ReorderKey] {
    defer { keys = [] }
    return keys
  }
}
