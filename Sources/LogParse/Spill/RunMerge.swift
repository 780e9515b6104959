/// Reads sorted runs back from a ``SpillFile`` and merges them, earliest key first.
struct RunMerge<Item: Spillable> {
  private var readers: [RunReader]
  /// Each reader's next item and its key, read ahead (kept apart so that comparing keys retains nothing).
  private var headKeys: [ReorderKey?]
  private var headItems: [Item?]
  /// Reader indices ordered by their head's key (a binary min-heap).
  private var order: [Int] = []
  /// Whether some run could not be read back whole (an I/O error, or bytes that are not an item).
  private(set) var failed = false

  /// A merge of `runs`, byte ranges of `file` that each hold items sorted by key.
  init(file: SpillFile, runs: [Range<Int>]) {
    readers = runs.map { RunReader(file: file, range: $0) }
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
    case .item(let key, let item): return (key, item)
    case .end: return nil
    case .failed:
      failed = true
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

/// Reads the records of one run sequentially through a small buffer.
struct RunReader {
  /// What reading the next record gave.
  enum Next<Item> {
    case item(ReorderKey, Item)
    case end
    case failed
  }

  /// The bytes read at a time.
  static var chunkBytes: Int { 32 << 10 }

  private let file: SpillFile
  private var offset: Int
  private let end: Int
  private var buffer: [UInt8] = []
  private var position = 0

  init(file: SpillFile, range: Range<Int>) {
    self.file = file
    offset = range.lowerBound
    end = range.upperBound
  }

  /// The next record of the run.
  mutating func next<Item: Spillable>(_: Item.Type) -> Next<Item> {
    guard ensure(4) else { return buffer.count == position && offset == end ? .end : .failed }
    var length = 0
    for shift in 0..<4 { length |= Int(buffer[position + shift]) << (8 * shift) }
    position += 4
    guard ensure(length) else { return .failed }
    let decoded: Next<Item> = buffer.withUnsafeBufferPointer { bytes in
      var reader = SpillReader(UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]))
      guard let time = reader.logTime(), let arrival = reader.int(), let retained = reader.int(),
        let item = Item(unspilling: &reader)
      else { return .failed }
      return .item(ReorderKey(time: time, arrival: arrival, slot: -1, bytes: retained), item)
    }
    position += length
    return decoded
  }

  /// Whether `count` bytes are buffered after the position, reading more if needed.
  private mutating func ensure(_ count: Int) -> Bool {
    while buffer.count - position < count {
      guard offset < end else { return false }
      if position > 0 {
        buffer.removeFirst(position)
        position = 0
      }
      let want = min(max(count - buffer.count, Self.chunkBytes), end - offset)
      let start = buffer.count
      buffer.append(contentsOf: repeatElement(0, count: want))
      let got = buffer.withUnsafeMutableBytes { raw in
        file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: raw[start..<(start + want)]))
      }
      guard got > 0 else {
        buffer.removeLast(want)
        return false
      }
      buffer.removeLast(want - got)
      offset += got
    }
    return true
  }
}

@available(*, unavailable)
extension RunReader: Sendable {}
