/// Holds up to a window of events and releases them in time order.
///
/// Reversed or shuffled excerpts (Log Analytics exports sorted newest first, merged files) reach the episode builder in
/// the order things happened. Events with equal times keep their input order.
struct ReorderBuffer<Item> {
  /// How many events may wait; 0 releases every event at once.
  let window: Int
  private var items: [(time: LogTime, sequence: Int, item: Item)] = []
  private var head = 0
  private var sequence = 0

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
    // Most logs arrive in order: appending is the common case.
    var position = items.count
    while position > head, time < items[position - 1].time { position -= 1 }
    items.insert((time, sequence, item), at: position)
    while items.count - head > window {
      release(items[head].item)
      head += 1
    }
    compactIfNeeded()
  }

  /// Releases everything still waiting, in time order.
  mutating func drain(_ release: (Item) -> Void) {
    while head < items.count {
      release(items[head].item)
      head += 1
    }
    items.removeAll(keepingCapacity: true)
    head = 0
  }

  private mutating func compactIfNeeded() {
    if head > 1024, head * 2 > items.count {
      items.removeFirst(head)
      head = 0
    }
  }
}
