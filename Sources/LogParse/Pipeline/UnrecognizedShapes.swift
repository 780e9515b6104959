import Glibc

/// Counts the shapes of records no catalogue entry matched, so a user can see what was not understood.
///
/// A shape is the message's first line cut to 120 bytes with every run of digits replaced by `#`
/// (so `Watch close - *v1.Pod total 7 items` and `… total 12 items` count together).
///
/// Memory is bounded for any input, and the result is the same however the input is cut into
/// segments: a table that parses one segment (``init(capacity:recordsOccurrences:)`` with `true`)
/// only records each unrecognised record's first line, in order (bounded by the segment's own
/// bytes), and ``absorb(_:source:lineOffset:)`` replays them into the table that reads the whole
/// input, exactly as a sequential read would have counted them.
///
/// The whole-input table counts with the Space-Saving algorithm over `capacity` entries:
/// - While there are at most `capacity` distinct shapes, every count, sample and the distinct
///   count are exact.
/// - Beyond that, a new shape takes the place of the least counted one (the one admitted first among
///   equals) and starts from its count: every shape that makes up more than `1/capacity` of the
///   records is kept, each count is an upper bound at most ``Shape/overcount`` above the truth, and
///   the distinct count is estimated from the `capacity` smallest shape hashes (relative error about
///   `1/√capacity`).
public struct UnrecognizedShapes: Sendable {
  /// One shape: how often it occurred and a record of it.
  public struct Shape: Sendable {
    public var shape: String
    /// How many records had this shape (an upper bound once shapes were replaced; see ``overcount``).
    public var count: Int
    /// How much ``count`` may exceed the true count: 0 when exact.
    public var overcount: Int
    /// The first record of this shape since the table last took it in.
    public var sample: String
    public var source: Int
    public var line: Int
  }

  /// How many records and shapes were counted, and whether the counts are exact.
  public struct Totals: Sendable, Equatable {
    /// Unrecognised records counted.
    public var records: Int
    /// Distinct shapes: exact when ``distinctIsExact``, otherwise an estimate.
    public var distinct: Int
    /// Whether every distinct shape was kept (so ``distinct`` and every count are exact).
    public var distinctIsExact: Bool
    /// Shapes held in the table.
    public var kept: Int
  }

  /// A counted shape and its place in the order of replacement.
  private struct Entry: Sendable {
    var key: [UInt8]
    /// The key's hash (``NameGeneration/hash(_:)``): where the entry is filed in the key index.
    var hash: UInt64
    var shape: Shape
    /// When the shape was (last) taken in: ties of count are replaced oldest first.
    var admitted: Int
  }

  /// A record a segment's table keeps for replay: its first line's bytes in the arena, and its line.
  private struct Occurrence: Sendable {
    var start: Int32
    var length: Int32
    var line: Int
  }

  /// The default number of shapes counted.
  static let maximumShapes = 2_000
  /// Bytes of a record's first line kept as its sample.
  static let sampleBytes = 400
  /// Bytes of a record's first line that make its shape.
  static let shapeBytes = 120

  /// The number of shapes counted.
  let capacity: Int
  /// Whether this table records occurrences for replay (a segment's) instead of counting them.
  private let recordsOccurrences: Bool

  /// The entries by the hash of their key.
  private var keyIndex = ProbeIndex()
  /// Where a record's key is folded, reused: only a new shape's key becomes an array of its own.
  private var scratch = [UInt8](repeating: 0, count: UnrecognizedShapes.shapeBytes)
  private var entries: [Entry] = []
  /// Entry indices as a binary min-heap by (count, admitted), and each entry's place in it.
  private var heap: [Int] = []
  private var heapPosition: [Int] = []
  private var admissions = 0
  private var replaced = false
  /// The `capacity` smallest shape hashes seen (a max-heap) and the same as a set.
  private var smallestRanks: [UInt64] = []
  private var smallestRankSet: Set<UInt64> = []

  private var arena: [UInt8] = []
  private var occurrences: [Occurrence] = []

  /// Unrecognised records counted.
  private(set) var total = 0

  /// An empty table that counts up to `capacity` shapes, or records every occurrence for a later
  /// replay when it parses one segment of the input.
  init(capacity: Int = UnrecognizedShapes.maximumShapes, recordsOccurrences: Bool = false) {
    self.capacity = max(1, capacity)
    self.recordsOccurrences = recordsOccurrences
  }

  /// Counts one unrecognised record.
  mutating func add(_ record: Record) {
    let headline = UnsafeBufferPointer(rebasing: record.headline.prefix(Self.sampleBytes))
    guard !recordsOccurrences else {
      occurrences.append(
        Occurrence(
          start: Int32(truncatingIfNeeded: arena.count), length: Int32(truncatingIfNeeded: headline.count),
          line: record.firstLine))
      arena.append(contentsOf: headline)
      total += 1
      return
    }
    count(headline, source: record.source, line: record.firstLine)
  }

  /// Replays the records of a table built over a later stretch of the input, as if read here.
  ///
  /// `source` and `lineOffset` place the later stretch's records in the input.
  mutating func absorb(_ later: UnrecognizedShapes, source: Int, lineOffset: Int) {
    if recordsOccurrences {
      for occurrence in later.occurrences {
        var placed = occurrence
        placed.start += Int32(truncatingIfNeeded: arena.count)
        placed.line += lineOffset
        occurrences.append(placed)
      }
      arena.append(contentsOf: later.arena)
      total += later.total
      return
    }
    later.arena.withUnsafeBufferPointer { arena in
      for occurrence in later.occurrences {
        let start = Int(occurrence.start)
        let headline = UnsafeBufferPointer(rebasing: arena[start..<(start + Int(occurrence.length))])
        count(headline, source: source, line: occurrence.line + lineOffset)
      }
    }
  }

  /// The shape of a first line: its first bytes, digit runs folded to `#`.
  static func key(of headline: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var key = [UInt8](repeating: 0, count: Self.shapeBytes)
    let length = key.withUnsafeMutableBufferPointer { fold(headline, into: $0.baseAddress!) }
    key.removeSubrange(length...)
    return key
  }

  /// Writes the shape of `headline` to `key` (room for ``shapeBytes``) and returns its length.
  ///
  /// Eight bytes at a time up to the next digit (a word test: the lowest byte whose xor with `0`
  /// is below 10 is exactly the first digit), digits byte by byte.
  static func fold(_ headline: UnsafeBufferPointer<UInt8>, into key: UnsafeMutablePointer<UInt8>) -> Int {
    let count = min(headline.count, Self.shapeBytes)
    guard count > 0, let base = headline.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let target = UnsafeMutableRawPointer(key)
    var offset = 0
    var length = 0
    var inDigits = false
    while offset < count {
      if offset + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let folded = word ^ 0x3030_3030_3030_3030
        let digits = (folded &- 0x0A0A_0A0A_0A0A_0A0A) & ~folded & 0x8080_8080_8080_8080
        let clean = digits == 0 ? 8 : digits.trailingZeroBitCount >> 3
        if clean > 0 {
          // All eight are stored; the bytes past `clean` are written over by what follows.
          target.storeBytes(of: word, toByteOffset: length, as: UInt64.self)
          offset += clean
          length += clean
          inDigits = false
          continue
        }
      }
      let byte = base[offset]
      if byte &- 0x30 < 10 {
        if !inDigits {
          key[length] = UInt8(ascii: "#")
          length += 1
        }
        inDigits = true
      } else {
        key[length] = byte
        length += 1
        inDigits = false
      }
      offset += 1
    }
    return length
  }

  private mutating func count(_ headline: UnsafeBufferPointer<UInt8>, source: Int, line: Int) {
    total += 1
    // The key is folded into the reused buffer; a shape already held costs no allocation.
    let length = scratch.withUnsafeMutableBufferPointer { Self.fold(headline, into: $0.baseAddress!) }
    let (found, hash): (Int?, UInt64) = scratch.withUnsafeBufferPointer { buffer in
      let folded = UnsafeBufferPointer(rebasing: buffer[..<length])
      let hash = NameGeneration.hash(folded)
      return (find(folded, hash: hash), hash)
    }
    if let index = found {
      entries[index].shape.count += 1
      siftDown(heapPosition[index])
      return
    }
    let key = Array(scratch[..<length])
    noteRank(Self.rank(of: key))
    admissions += 1
    let shape = Shape(
      shape: String(decoding: key, as: UTF8.self), count: 1, overcount: 0,
      sample: String(decoding: headline, as: UTF8.self), source: source, line: line)
    if entries.count < capacity {
      let index = entries.count
      entries.append(Entry(key: key, hash: hash, shape: shape, admitted: admissions))
      keyIndex.add(index, hash: hash) { entries[$0].hash }
      heapPosition.append(heap.count)
      heap.append(index)
      siftUp(heap.count - 1)
      return
    }
    // Space-Saving: the least counted shape makes room and hands on its count.
    replaced = true
    let index = heap[0]
    let floor = entries[index].shape.count
    keyIndex.remove(index, hash: entries[index].hash) { entries[$0].hash }
    var taken = shape
    taken.count = floor + 1
    taken.overcount = floor
    entries[index] = Entry(key: key, hash: hash, shape: taken, admitted: admissions)
    keyIndex.place(index, hash: hash)
    siftDown(0)
  }

  // MARK: - The entries by key

  /// The entry whose key is `key` (its hash `hash`), if any.
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    keyIndex.find(hash: hash) { entries[$0].hash == hash && Self.equal(entries[$0].key, key) }
  }

  private static func equal(_ stored: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard stored.count == key.count else { return false }
    return stored.withUnsafeBufferPointer { stored in
      guard let left = stored.baseAddress, let right = key.baseAddress else { return true }
      return memcmp(left, right, key.count) == 0
    }
  }

  /// The `limit` most frequent shapes, most frequent first (ties: the first to occur, then the shape's text).
  func top(_ limit: Int) -> [Shape] {
    let shapes = entries.map(\.shape)
    return Array(
      shapes.sorted {
        if $0.count != $1.count { return $0.count > $1.count }
        if $0.source != $1.source { return $0.source < $1.source }
        if $0.line != $1.line { return $0.line < $1.line }
        return $0.shape.utf8.lexicographicallyPrecedes($1.shape.utf8)
      }.prefix(limit))
  }

  /// How many records and shapes were counted, and whether the counts are exact.
  var totals: Totals {
    guard replaced else {
      return Totals(records: total, distinct: entries.count, distinctIsExact: true, kept: entries.count)
    }
    // The k-minimum-values estimate: k hashes spread over [0, 2^64) put the k-th at about k/n of the range.
    let kth = Double(smallestRanks.first ?? UInt64.max) + 1
    let estimate = Double(smallestRanks.count - 1) * 18_446_744_073_709_551_616.0 / kth
    let distinct = max(capacity + 1, Int(min(estimate, Double(Int.max / 2)).rounded()))
    return Totals(records: total, distinct: distinct, distinctIsExact: false, kept: entries.count)
  }

  /// A shape's hash: FNV-1a over its bytes, mixed by the SplitMix64 finaliser.
  ///
  /// Fixed across runs and machines (Swift's `Hasher` is seeded per process), so reports are reproducible.
  static func rank(of key: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
    hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
    return hash ^ (hash >> 31)
  }

  // MARK: - The smallest hashes, for the distinct estimate

  /// Keeps `rank` if it is among the `capacity` smallest distinct ranks seen.
  private mutating func noteRank(_ rank: UInt64) {
    if smallestRanks.count == capacity {
      guard rank < smallestRanks[0], !smallestRankSet.contains(rank) else { return }
      smallestRankSet.remove(smallestRanks[0])
      smallestRanks[0] = rank
      smallestRankSet.insert(rank)
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < smallestRanks.count else { break }
        let right = left + 1
        let child = right < smallestRanks.count && smallestRanks[right] > smallestRanks[left] ? right : left
        guard smallestRanks[child] > smallestRanks[parent] else { break }
        smallestRanks.swapAt(child, parent)
        parent = child
      }
      return
    }
    guard smallestRankSet.insert(rank).inserted else { return }
    smallestRanks.append(rank)
    var child = smallestRanks.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard smallestRanks[child] > smallestRanks[parent] else { break }
      smallestRanks.swapAt(child, parent)
      child = parent
    }
  }

  // MARK: - The heap of entries by (count, admitted)

  private func isBefore(_ left: Int, _ right: Int) -> Bool {
    // Only the two fields: a copy of each entry would retain its key and strings.
    let (leftCount, rightCount) = (entries[left].shape.count, entries[right].shape.count)
    return leftCount != rightCount ? leftCount < rightCount : entries[left].admitted < entries[right].admitted
  }

  private mutating func swapHeap(_ i: Int, _ j: Int) {
    heap.swapAt(i, j)
    heapPosition[heap[i]] = i
    heapPosition[heap[j]] = j
  }

  private mutating func siftUp(_ position: Int) {
    var child = position
    while child > 0 {
      let parent = (child - 1) / 2
      guard isBefore(heap[child], heap[parent]) else { break }
      swapHeap(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ position: Int) {
    var parent = position
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { break }
      let right = left + 1
      let child = right < heap.count && isBefore(heap[right], heap[left]) ? right : left
      guard isBefore(heap[child], heap[parent]) else { break }
      swapHeap(child, parent)
      parent = child
    }
  }
}
