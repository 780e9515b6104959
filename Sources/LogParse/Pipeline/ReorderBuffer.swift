/// Holds up to a window of events and releases them in time order, in bounded memory.
///
/// Reversed or shuffled excerpts (Log Analytics exports sorted newest first, merged files) then
/// reach the episode builder in the order things happened. Items with equal times keep their
/// input order: every item is keyed by its time and its arrival number (``ReorderKey``).
///
/// While the input runs in time order and nothing waits with a key, the waiting items are an
/// ``InOrderLanes`` in arrival order: pushing and releasing cost no key, no slot and no search, and
/// an item pushed in its compact form (``CompactlyHeld``) waits and is released in that form.
/// The first item older than the newest waiting one gives the queued items keys, and from then on
/// the waiting keys are a sorted run with room at both ends, where an item in order is appended and
/// one in reverse order is prepended (both O(1)), and a binary heap (``KeyHeap``) for anything else
/// (O(log n)), so no arrival order makes an insertion cost more than that. Keys point into a slot
/// array, so moving them never copies or retains the items. Once a window's worth of items has come
/// in order again and the heap is empty, the run's items go back to the lanes.
///
/// While the input runs in time order (``runsInOrder``), `window` items wait. Any other input (newest
/// first, newest-first runs interleaved, heavy shuffling) is put in order whole, not just within the
/// window, and so is everything after an item that arrives older than one already released
/// (overlapping files): then every item waits for ``drain(_:)``. Memory stays
/// bounded all the same: when the waiting items hold more than ``memoryLimit`` bytes, the newest
/// half is written out as a sorted run (``SpillFile``); runs are merged sixteen at a time as they
/// accumulate and with the items in memory at the end (``RunMerge``). An input in time order that
/// holds more than the limit (a few huge records) releases its oldest items early instead.
/// ``statistics`` counts what was written out, applied out of order or lost.
struct ReorderBuffer<Item: CompactlyHeld> {
  private typealias Key = ReorderKey

  /// How many items may wait; 0 releases every item at once.
  let window: Int
  /// How many bytes the waiting items may hold before some are written out or released.
  let memoryLimit: Int
  /// Runs merged into one when this many of one level exist, so that few are read at the end.
  static var runsPerLevel: Int { 16 }

  /// What was written out, applied out of order, released early or lost.
  private(set) var statistics = ReorderStatistics()

  /// Items that came earlier, and later, than the item before them.
  private var descents = 0
  private var ascents = 0
  private var lastTime: LogTime?
  /// The time of the latest item released so far: an item earlier than it comes too late.
  private var releasedTime: LogTime?
  private var arrivals = 0
  /// How many items came, waiting or passed over (``passOver(at:_:_:)``): the arrival numbers of
  /// the in-order lanes.
  private var pushed = 0
  /// The sorted run: `run[head...]` waits.
  private var run: [Key] = []
  private var head = 0
  /// Items that fit neither end of the run.
  private var heap = KeyHeap()
  private var slots: [Item?] = []
  private var freeSlots: [Int] = []
  private var heldBytes = 0
  /// Whether every item waits for ``drain(_:)``: after a spill, or an item that came too late.
  private var holdsAll = false
  /// Spilled runs by level (a level-n run merged 16^n level-0 runs).
  private var levels: [[SpilledRun]] = []
  /// Whether merging runs failed once (it is not tried again: more runs are still correct).
  private var mergeFailed = false
  /// Items in time order waiting without keys, whole or compact: used while nothing waits with a key.
  private var queue = InOrderLanes<Item>()
  /// How many items in a row came no earlier than the one before.
  private var inOrderStreak = 0
  /// What ``nextReleased()`` does next.
  private var phase = ReleasePhase.done
  /// The item a window of 0 passes straight on.
  private var passing: Item?

  /// The steps of releasing after a push: the window, then the memory limit.
  private enum ReleasePhase {
    case passing, window, memoryLimit, releasingEarly, done
  }

  /// A buffer that lets `window` items wait (more while the input runs newest first), holding at
  /// most about `memoryLimit` bytes of them in memory.
  init(window: Int, memoryLimit: Int = 4 << 20) {
    self.window = max(0, window)
    self.memoryLimit = max(1, memoryLimit)
  }

  private var waiting: Int { queue.count + keyedCount }

  /// Whether the oldest item of the in-order lanes has had a window's worth of items come after
  /// it, itself included (waiting or passed over): it is released.
  @inline(__always)
  private var lanesOutgrowWindow: Bool {
    guard let first = queue.firstSequence else { return false }
    return pushed - first >= window
  }
  /// How many items wait with a key (in the run or the heap).
  private var keyedCount: Int { run.count - head + heap.count }

  /// Whether the input so far runs in time order.
  ///
  /// More than four items arrive later than the one before for each that arrives earlier. Otherwise (newest first, interleaved newest-first runs,
  /// heavy shuffling) releasing any item early would put older ones after it, so every item waits.
  private var runsInOrder: Bool { ascents > 4 * descents }

  /// Adds an item and releases those that fall out of the window, oldest first.
  ///
  /// Compact forms waiting are expanded for `release` (see ``push(_:at:_:_:)``).
  @inline(__always)
  mutating func push(_ item: consuming Item, at time: LogTime, _ release: (Item) -> Void) {
    push(item, at: time, release) { release(Item(expanding: $0)) }
  }

  /// Adds an item and releases those that fall out of the window, oldest first: whole items to
  /// `release`, compact forms (``push(compact:at:_:_:)``) to `releaseCompact`.
  @inline(__always)
  mutating func push(
    _ item: consuming Item, at time: LogTime, _ release: (Item) -> Void,
    _ releaseCompact: (Item.Compact) -> Void
  ) {
    push(item, at: time)
    releaseAfterPush(release, releaseCompact)
  }

  /// Adds an item in its compact form and releases those that fall out of the window, as
  /// ``push(_:at:_:_:)`` does.
  ///
  /// It waits in that form while the input runs in time order and nothing waits with a key, and is
  /// expanded into its item otherwise: the order of release is the one its item would have had.
  @inline(__always)
  mutating func push(
    compact item: consuming Item.Compact, at time: LogTime, _ release: (Item) -> Void,
    _ releaseCompact: (Item.Compact) -> Void
  ) {
    push(compact: item, at: time)
    releaseAfterPush(release, releaseCompact)
  }

  /// Releases what the last push lets out.
  ///
  /// While the input runs in time order and nothing waits with a key (the normal case), each item
  /// is moved out of the in-order lanes and lent to its closure (a closure's argument is borrowed):
  /// no copy, and no `Optional` made and destroyed for it. Otherwise the items come from
  /// ``nextReleased()``.
  @inline(__always)
  private mutating func releaseAfterPush(_ release: (Item) -> Void, _ releaseCompact: (Item.Compact) -> Void) {
    if phase == .window, keyedCount == 0, !holdsAll, runsInOrder {
      // The window's step of ``nextReleased()``, in place.
      while lanesOutgrowWindow {
        let (time, bytes) = queue.releaseFirst(release, releaseCompact)
        if releasedTime.map({ $0 < time }) ?? true { releasedTime = time }
        heldBytes -= bytes
      }
      guard heldBytes > memoryLimit else {
        phase = .done
        return
      }
      phase = .memoryLimit
    }
    while let released = nextReleased() { release(released) }
  }

  /// Adds an item; ``nextReleased()`` then gives, until it returns nil, those that fall out of the window.
  ///
  /// While nothing waits with a key and the item is not older than the newest waiting one, it joins
  /// the in-order lanes: no slot, no key. Otherwise the lanes are keyed first, and the item with it.
  mutating func push(_ item: consuming Item, at time: LogTime) {
    guard window > 0 else {
      passing = item
      phase = .passing
      return
    }
    let bytes = item.retainedBytes
    if admit(at: time, bytes: bytes) {
      queue.append(item, time: time, bytes: bytes, sequence: pushed)
      return
    }
    keyAndPlace(item, at: time, bytes: bytes)
  }

  /// Adds an item in its compact form, as ``push(_:at:)`` adds an item: it joins the in-order lanes
  /// in that form, or is expanded where it needs a key.
  mutating func push(compact item: consuming Item.Compact, at time: LogTime) {
    guard window > 0 else {
      push(Item(expanding: item), at: time)
      return
    }
    let bytes = Item.retainedBytes(of: item)
    if admit(at: time, bytes: bytes) {
      queue.append(compact: item, time: time, bytes: bytes, sequence: pushed)
      return
    }
    keyAndPlace(Item(expanding: item), at: time, bytes: bytes)
  }

  /// Whether the buffer releases in arrival order and an item at `time` would come in order: the
  /// input runs in time order, nothing waits with a key or for ``drain(_:)``, and `time` is not
  /// older than the item pushed last.
  @inline(__always)
  func waitsInArrivalOrder(at time: LogTime) -> Bool {
    window > 0 && keyedCount == 0 && !holdsAll && runsInOrder && !(lastTime.map { time < $0 } ?? false)
  }

  /// How many items wait.
  var waitingCount: Int { waiting }

  /// Counts an item that came at `time` and was applied without waiting, and releases those it
  /// lets out of the window, as ``push(_:at:_:_:)`` does.
  ///
  /// Only while ``waitsInArrivalOrder(at:)`` holds for `time`: the item would have waited in the
  /// lanes and been released once a window's worth of items came after it, before any item that
  /// came after it. It holds no bytes and takes no room, but counts as an arrival, so the window
  /// reaches over as many items as if it had waited.
  @inline(__always)
  mutating func passOver(at time: LogTime, _ release: (Item) -> Void, _ releaseCompact: (Item.Compact) -> Void) {
    assert(waitsInArrivalOrder(at: time))
    if let lastTime, lastTime < time { ascents += 1 }
    inOrderStreak += 1
    lastTime = time
    pushed += 1
    // No bytes came: only the window may release (the memory limit held after the last push).
    if lanesOutgrowWindow {
      phase = .window
      releaseAfterPush(release, releaseCompact)
    }
  }

  /// How many more items ``passOver(at:_:_:)`` may count before it releases one: the oldest
  /// waiting item's window is not yet full (none waits: any number).
  ///
  /// Mutating only so that it reads the buffer in place.
  @inline(__always)
  mutating func arrivalsBeforeRelease() -> Int {
    guard let first = queue.firstSequence else { return Int.max }
    return max(0, window - (pushed - first) - 1)
  }

  /// Counts `count` items applied without waiting, the last at `lastTime` and `ascents` of them
  /// later than the item before: what as many calls of ``passOver(at:_:_:)`` count, while they
  /// release nothing (at most ``arrivalsBeforeRelease()``) and come in time order.
  @inline(__always)
  mutating func passOver(count: Int, ascents: Int, lastTime: LogTime) {
    self.ascents += ascents
    inOrderStreak += count
    self.lastTime = lastTime
    pushed += count
  }

  /// Counts an item arriving at `time` holding `bytes`; returns whether it joins the in-order lanes.
  @inline(__always)
  private mutating func admit(at time: LogTime, bytes: Int) -> Bool {
    pushed += 1
    var descends = false
    if let lastTime {
      if time < lastTime {
        descends = true
        descents += 1
        inOrderStreak = 0
      } else {
        if lastTime < time { ascents += 1 }
        inOrderStreak += 1
      }
    }
    lastTime = time
    if let releasedTime, time < releasedTime {
      // It comes after a later item was applied: count it, and from now on let everything wait.
      statistics.outOfOrder += 1
      holdsAll = true
    }
    heldBytes += bytes
    phase = .window
    // While nothing waits with a key, the lanes' newest item is no newer than the one pushed or
    // passed over last (keys empty the lanes, and only an unkeyed run with the item after it
    // refills them), to which `descends` compared it.
    assert(keyedCount != 0 || queue.isEmpty || descends || queue.lastTime.map { !(time < $0) } == true)
    return keyedCount == 0 && (queue.isEmpty || !descends)
  }

  /// Keys the waiting items and places `item` among them, or, after a window's worth in order,
  /// moves them all back to the lanes.
  private mutating func keyAndPlace(_ item: consuming Item, at time: LogTime, bytes: Int) {
    keyQueued()
    if heap.count == 0, inOrderStreak >= max(window, 64), levels.isEmpty, !(time < run[run.count - 1].time) {
      // In order again for a window's worth of items: the keyed items go back to the lanes (their
      // order is the run's), so the rest of an in-order input takes the short path again.
      unkeyRun()
      queue.append(item, time: time, bytes: bytes, sequence: pushed)
      return
    }
    place(key(item, at: time, bytes: bytes))
  }

  /// The next item the last ``push(_:at:)`` releases (nil when it releases no more).
  mutating func nextReleased() -> Item? {
    switch phase {
    case .passing:
      phase = .done
      return passing.take()
    case .window:
      if !holdsAll && runsInOrder && (keyedCount == 0 ? lanesOutgrowWindow : waiting > window),
        let first = popFirst()
      {
        return first
      }
      phase = .memoryLimit
      return nextReleased()
    case .memoryLimit:
      phase = .done
      guard heldBytes > memoryLimit else { return nil }
      if holdsAll || !runsInOrder {
        keyQueued()
        if spillNewest() {
          holdsAll = true
          return nil
        }
      }
      phase = .releasingEarly
      return nextReleased()
    case .releasingEarly:
      // Brings the bytes held back under the limit by releasing the oldest items before their turn.
      if heldBytes > memoryLimit / 2, let first = popFirst() {
        statistics.releasedEarly += 1
        return first
      }
      phase = .done
      return nil
    case .done:
      return nil
    }
  }

  /// Releases everything still waiting, in time order: the items in memory merged with every run written out.
  mutating func drain(_ release: (consuming Item) -> Void) {
    while let released = nextReleased() { release(released) }
    if !levels.isEmpty {
      keyQueued()
      var merge = RunMerge<Item>(runs: levels.flatMap { $0 })
      levels = []
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
      statistics.lost += merge.lost
    } else {
      while let first = popFirst() { release(first) }
    }
    run.removeAll(keepingCapacity: true)
    head = 0
    heap = KeyHeap()
    holdsAll = false
    releasedTime = nil
    heldBytes = 0
  }

  // MARK: - Keys

  /// A key for an item that arrives now, the item put in a slot.
  private mutating func key(_ item: consuming Item, at time: LogTime, bytes: Int) -> Key {
    let slot: Int
    if let free = freeSlots.popLast() {
      slot = free
      slots[slot] = item
    } else {
      slot = slots.count
      slots.append(item)
    }
    arrivals += 1
    return Key(time: time, arrival: arrivals, slot: Int32(truncatingIfNeeded: slot), bytes: bytes)
  }

  /// Gives every item of the in-order queue a key, oldest first (their arrival order is kept).
  private mutating func keyQueued() {
    while let entry = queue.popFirst() { place(key(entry.item, at: entry.time, bytes: entry.bytes)) }
  }

  /// Moves the run's items back to the in-order queue (the heap is empty: the run is every keyed item).
  private mutating func unkeyRun() {
    // Numbered as if they had just come, one after another before the item pushed now: each waits
    // until as many items came after it as the window holds.
    let first = pushed - (run.count - head)
    for index in head..<run.count {
      let key = run[index]
      let slot = Int(key.slot)
      queue.append(slots[slot].take()!, time: key.time, bytes: key.bytes, sequence: first + index - head)
      freeSlots.append(slot)
    }
    run.removeAll(keepingCapacity: true)
    head = 0
  }

  private mutating func place(_ key: Key) {
    if run.count == head {
      run.removeAll(keepingCapacity: true)
      head = 0
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

  /// The earliest item in memory, removed; its time becomes the latest released.
  private mutating func popFirst() -> Item? {
    if keyedCount == 0, let entry = queue.popFirst() {
      if releasedTime.map({ $0 < entry.time }) ?? true { releasedTime = entry.time }
      heldBytes -= entry.bytes
      return entry.item
    }
    guard let key = popFirstKey() else { return nil }
    if releasedTime.map({ $0 < key.time }) ?? true { releasedTime = key.time }
    return take(key)
  }

  private mutating func take(_ key: Key) -> Item {
    let slot = Int(key.slot)
    let item = slots[slot].take()!
    freeSlots.append(slot)
    heldBytes -= key.bytes
    return item
  }

  // MARK: - Memory

  /// Writes the newest waiting items, about half the bytes held, to a new spill file as one sorted run.
  private mutating func spillNewest() -> Bool {
    guard let file = SpillFile.create() else { return false }
    var fromHeap = heap.takeAll()
    fromHeap.sort()
    let sorted = Self.merged(Array(run[head...]), fromHeap)
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
    run = sorted
    head = 0
    guard file.append(writer.bytes) else { return false }
    for key in sorted[kept...] { _ = take(key) }
    statistics.spilled += sorted.count - kept
    run.removeSubrange(kept...)
    addRun(SpilledRun(file: file, count: sorted.count - kept), level: 0)
    return true
  }

  /// Records a run; a level that fills is merged into one run of the next.
  private mutating func addRun(_ spilled: SpilledRun, level: Int) {
    while levels.count <= level { levels.append([]) }
    levels[level].append(spilled)
    guard levels[level].count >= Self.runsPerLevel, !mergeFailed, let file = SpillFile.create() else { return }
    var merge = RunMerge<Item>(runs: levels[level])
    var writer = SpillWriter()
    var written = true
    var count = 0
    while let (key, item) = merge.nextKeyed() {
      Self.write(key, item, into: &writer)
      count += 1
      if writer.bytes.count >= 1 << 20 {
        written = written && file.append(writer.bytes)
        writer.bytes.removeAll(keepingCapacity: true)
      }
    }
    guard written, file.append(writer.bytes), merge.lost == 0 else {
      // The runs stay as they are: still correct, only more of them.
      mergeFailed = true
      return
    }
    levels[level] = []
    addRun(SpilledRun(file: file, count: count), level: level + 1)
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
