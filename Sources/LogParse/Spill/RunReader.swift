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
