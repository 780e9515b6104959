/// Reads sorted runs back from a ``SpillFile`` and merges them, earliest key first.
struct RunMerge<Item: Spillable> {
  private var readers: [RunReader]
  /// Each reader's next item and its key, read ahead (kept apart so that comparing keys retains nothing).
  private var headKeys: [ReorderKey?]
  private var headItems: [Item?]
  /// Reader indices ordered by their head's key (a binary min-heap).
  private var order: [Int] = []
  /// Items of the runs that could not be read back (an I/O error, or bytes that are not an item).
  private(set) var lost = 0
  private var delivered: [Int]
  private let counts: [Int]

  /// A merge of `runs`, each holding items sorted by key.
  init(runs: [SpilledRun]) {
    readers = runs.map { RunReader(file: $0.file, range: 0..<$0.file.length) }
    counts = runs.map(\.count)
    delivered = Array(repeating: 0, count: runs.count)
    headKeys = Array(repeating: nil, count: readers.count)
    headItems = Array(repeating: nil, count: readers.count)
    for index in readers.indices { advance(index) }
  }

  /// The key of the next item, if any.
  var peekKey: ReorderKey? { order.first.flatMap { headKeys[$0] } }

  /// The next item and its key, removed.
  mutating func nextKeyed() -> (ReorderKey, Item)? {
    guard let index = order.first, let key = headKeys[index], let item = headItems[index].take() else { return nil }
    popTop()
    advance(index)
    return (key, item)
  }

  /// Reads reader `index`'s next item into its head, and orders it.
  private mutating func advance(_ index: Int) {
    guard let (key, item) = read(index) else {
      headKeys[index] = nil
      return
    }
    headKeys[index] = key
    headItems[index] = item
    push(index)
  }

  /// The next item, removed.
  mutating func next() -> Item? {
    nextKeyed()?.1
  }

  private mutating func read(_ index: Int) -> (ReorderKey, Item)? {
    switch readers[index].next(Item.self) {
    case .item(let key, let item):
      delivered[index] += 1
      return (key, item)
    case .end, .failed:
      // What the run held and was not read is lost; the count says how much.
      lost += max(0, counts[index] - delivered[index])
      delivered[index] = counts[index]
      return nil
    }
  }

  private func isBefore(_ left: Int, _ right: Int) -> Bool {
    guard let leftKey = headKeys[left], let rightKey = headKeys[right] else { return false }
    return leftKey < rightKey
  }

  private mutating func push(_ index: Int) {
    order.append(index)
    var child = order.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard isBefore(order[child], order[parent]) else { break }
      order.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func popTop() {
    let last = order.removeLast()
    guard !order.isEmpty else { return }
    order[0] = last
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < order.count else { break }
      let right = left + 1
      let child = right < order.count && isBefore(order[right], order[left]) ? right : left
      guard isBefore(order[child], order[parent]) else { break }
      order.swapAt(child, parent)
      parent = child
    }
  }
}
