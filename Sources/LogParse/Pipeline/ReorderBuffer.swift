/// Holds up to a window of events and releases them in time order.
///
/// Reversed or shuffled excerpts (Log Analytics exports sorted newest first, merged files) then
/// reach the episode builder in the order things happened. Items with equal times keep their
/// input order. In-order input costs one comparison per item; out-of-order items cost O(log *n*)
/// in a binary heap.
struct ReorderBuffer<Item> {
  /// How many items may wait; 0 releases every item at once.
  let window: Int
  private var heap: [Entry] = []
  private var sequence = 0

  private struct Entry {
    var time: LogTime
    var sequence: Int
    var item: Item

    func precedes(_ other: Entry) -> Bool {
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
    heap.append(Entry(time: time, sequence: sequence, item: item))
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
    let entry = heap.removeLast()
    if !heap.isEmpty { siftDown(0) }
    return entry.item
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
