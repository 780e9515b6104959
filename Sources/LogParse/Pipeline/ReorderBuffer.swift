/// Holds up to a window of events and releases them in time order.
///
/// Reversed or shuffled excerpts (Log Analytics exports sorted newest first, merged files) then
/// reach the episode builder in the order things happened. Items with equal times keep their
/// input order. The waiting keys form a sorted run with room at both ends: an item in order is
/// appended and one in reverse order is prepended, both in O(1); anything else is placed by binary
/// search. Keys point into a slot array, so moving them never copies or retains the items.
///
/// An input that runs predominantly newest first is reversed whole, not just within the window:
/// releasing its oldest item early would put every later (older) one out of order, so while most
/// items arrive earlier than the one before, up to ``descendingGrowth`` times the window may wait.
struct ReorderBuffer<Item> {
  /// How many items may wait; 0 releases every item at once.
  let window: Int
  /// How many windows may wait while the input runs newest first.
  static var descendingGrowth: Int { 64 }
  /// Items that came earlier, and later, than the item before them.
  private var descents = 0
  private var ascents = 0
  private var lastTime: LogTime?
  private var keys: [Key] = []
  private var head = 0
  private var slots: [Item?] = []
  private var freeSlots: [Int] = []

  private struct Key {
    var time: LogTime
    var slot: Int
  }

  init(window: Int) {
    self.window = max(0, window)
  }

  private var waiting: Int { keys.count - head }

  /// Adds an item and releases those that fall out of the window, oldest first.
  mutating func push(_ item: consuming Item, at time: LogTime, _ release: (consuming Item) -> Void) {
    guard window > 0 else {
      release(item)
      return
    }
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
    let key = Key(time: time, slot: slot)
    if waiting == 0 || !(time < keys[keys.count - 1].time) {
      keys.append(key)
    } else if time < keys[head].time {
      if head == 0 {
        // Room at the front for as many keys as wait (doubling: amortised O(1) per prepend).
        let room = max(waiting, 64)
        keys.insert(contentsOf: repeatElement(key, count: room), at: 0)
        head = room
      }
      head -= 1
      keys[head] = key
    } else {
      // After every key with an equal or earlier time: equal times keep their input order.
      var low = head
      var high = keys.count
      while low < high {
        let middle = (low + high) / 2
        if time < keys[middle].time { high = middle } else { low = middle + 1 }
      }
      keys.insert(key, at: low)
    }
    let limit = descents > ascents ? window * Self.descendingGrowth : window
    while waiting > limit, let first = popFirst() { release(first) }
  }

  /// Releases everything still waiting, in time order.
  mutating func drain(_ release: (consuming Item) -> Void) {
    while let first = popFirst() { release(first) }
    keys.removeAll(keepingCapacity: true)
    head = 0
  }

  private mutating func popFirst() -> Item? {
    guard waiting > 0 else { return nil }
    let key = keys[head]
    head += 1
    if head >= 4 * max(window, 1024) {
      // Drop released keys now and then (amortised O(1)), keeping room at the front for items
      // that arrive in reverse order.
      keys.removeFirst(head - window)
      head = window
    }
    let item = slots[key.slot].take()
    freeSlots.append(key.slot)
    return item
  }
}
