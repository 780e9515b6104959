/// Holds up to a window of events and releases them in time order.
///
/// Reversed or shuffled excerpts (Log Analytics exports sorted newest first, merged files) then
/// reach the episode builder in the order things happened. Items with equal times keep their
/// input order. The heap orders small keys that point into a slot array, so sifting never copies
/// (or retains) the items themselves.
struct ReorderBuffer<Item> {
  /// How many items may wait; 0 releases every item at once.
  let window: Int
  private var heap: [Key] = []
  private var slots: [Item?] = []
  private var freeSlots: [Int] = []
  private var sequence = 0

  private struct Key {
    var time: LogTime
    var sequence: Int
    var slot: Int

    func precedes(_ other: Key) -> Bool {
      time < other.time || (time == other.time && sequence < other.sequence)
    }
  }

  init(window: Int) {
    self.window = max(0, window)
  }

  /// Adds an item and releases those that fall out of the window, oldest first.
  mutating func push(_ item: Item, at time: LogTime, _ release: (Item) -> Void) {
    sequence += 1
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
    heap.append(Key(time: time, sequence: sequence, slot: slot))
    siftUp(heap.count - 1)
    while heap.count > window, let first = popFirst() { release(first) }
  }

  /// Releases everything still waiting, in time order.
  mutating func drain(_ release: (Item) -> Void) {
    while let first = popFirst() { release(first) }
  }

  private mutating func popFirst() -> Item? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let key = heap.removeLast()
    if !heap.isEmpty { siftDown(0) }
    let item = slots[key.slot].take()
    freeSlots.append(key.slot)
    return item
  }

  private mutating func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].precedes(heap[parent]) else { return }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      var first = left
      if left + 1 < heap.count, heap[left + 1].precedes(heap[left]) { first = left + 1 }
      guard heap[first].precedes(heap[parent]) else { return }
      heap.swapAt(first, parent)
      parent = first
    }
  }
}
