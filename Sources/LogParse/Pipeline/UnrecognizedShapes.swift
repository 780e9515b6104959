/// Counts the shapes of records no catalogue entry matched, so a user can see what was not understood.
///
/// A shape is the message's first line cut to 120 bytes with every run of digits replaced by `#`
/// (so `Watch close - *v1.Pod total 7 items` and `… total 12 items` count together).
///
/// The table gives the same result however the input is cut into segments and merged, in bounded
/// memory, for any input:
/// - Every distinct shape is kept while there are at most `2 × capacity` of them; then the counts
///   and samples are exact and the distinct count is exact.
/// - Beyond that, the kept shapes are the `capacity` shapes of smallest ``rank(of:)`` (a fixed
///   64-bit hash of the shape, ties broken by the shape's bytes): a bottom-k sample of the
///   shapes that does not depend on their order or frequency. A shape among them ranks below all
///   but `capacity - 1` shapes of the whole input, so also of any stretch of it: each stretch's
///   table kept it from its first record, and its count and sample (its first record in input
///   order) are exact. The distinct count is then estimated from the rank of the last kept shape
///   (relative error about `1/√capacity`), and a frequent shape may be missing from the sample.
/// - At most `2 × capacity` shapes are held; ``otherCount`` counts the records of the shapes not kept.
public struct UnrecognizedShapes: Sendable {
  /// One shape: how often it occurred and its first occurrence.
  public struct Shape: Sendable {
    public var shape: String
    public var count: Int
    public var sample: String
    public var source: Int
    public var line: Int
  }

  /// How many shapes are counted, exactly and in every read order: the distinct shapes seen, or a
  /// hash sample of them when there are too many.
  public struct Totals: Sendable, Equatable {
    /// Unrecognised records counted.
    public var records: Int
    /// Distinct shapes: exact when ``distinctIsExact``, otherwise an estimate.
    public var distinct: Int
    /// Whether every distinct shape was kept (so ``distinct`` is exact and no shape is missing).
    public var distinctIsExact: Bool
    /// Shapes whose counts are kept: all of them, or the hash sample.
    public var kept: Int
  }

  /// A kept shape, its rank and its key.
  private struct Entry: Sendable {
    var rank: UInt64
    var key: [UInt8]
    var shape: Shape

    /// Whether this entry ranks before `other`.
    func precedes(_ other: Entry) -> Bool { UnrecognizedShapes.ranks(rank, key, before: (other.rank, other.key)) }
  }

  /// The default number of shapes counted when there are too many to keep them all.
  public static let maximumShapes = 2_000
  /// The number of shapes counted when there are too many (at most twice as many are held).
  public let capacity: Int
  private var indexByKey: [[UInt8]: Int] = [:]
  private var entries: [Entry] = []
  /// Only shapes ranking before this one are kept (nil: every shape seen is kept).
  private var bound: (rank: UInt64, key: [UInt8])?
  /// Unrecognised records counted.
  public private(set) var total = 0

  /// An empty table that counts up to `capacity` shapes when there are too many to keep them all.
  public init(capacity: Int = UnrecognizedShapes.maximumShapes) {
    self.capacity = max(1, capacity)
  }

  /// Counts one unrecognised record.
  mutating func add(_ record: Record) {
    let headline = record.headline
    var key: [UInt8] = []
    key.reserveCapacity(120)
    var inDigits = false
    for byte in headline.prefix(120) {
      if isDigit(byte) {
        if !inDigits { key.append(UInt8(ascii: "#")) }
        inDigits = true
      } else {
        key.append(byte)
        inDigits = false
      }
    }
    total += 1
    if let index = indexByKey[key] {
      entries[index].shape.count += 1
      return
    }
    let rank = UnrecognizedShapes.rank(of: key)
    guard UnrecognizedShapes.ranks(rank, key, before: bound) else { return }
    indexByKey[key] = entries.count
    entries.append(
      Entry(
        rank: rank, key: key,
        shape: Shape(
          shape: String(decoding: key, as: UTF8.self), count: 1,
          sample: String(decoding: headline.prefix(400), as: UTF8.self), source: record.source,
          line: record.firstLine)))
    if entries.count > 2 * capacity { compact() }
  }

  /// Adds the counts of a table built over a later stretch of the input.
  ///
  /// A shape both tables keep keeps this table's sample (the earlier one); `source` and
  /// `lineOffset` place the later stretch's samples in the input. The union is cut to the lower
  /// of the two bounds, so the result is what one table over both stretches gives.
  mutating func absorb(_ later: UnrecognizedShapes, source: Int, lineOffset: Int) {
    total += later.total
    var lowest = bound
    if let other = later.bound, UnrecognizedShapes.ranks(other.rank, other.key, before: lowest) { lowest = other }
    for entry in later.entries {
      if let index = indexByKey[entry.key] {
        entries[index].shape.count += entry.shape.count
        continue
      }
      guard UnrecognizedShapes.ranks(entry.rank, entry.key, before: lowest) else { continue }
      var placed = entry
      placed.shape.source = source
      placed.shape.line += lineOffset
      indexByKey[entry.key] = entries.count
      entries.append(placed)
    }
    if let lowest, bound?.rank != lowest.rank || bound?.key != lowest.key {
      bound = lowest
      entries.removeAll { !UnrecognizedShapes.ranks($0.rank, $0.key, before: lowest) }
      reindex()
    }
    if entries.count > 2 * capacity { compact() }
  }

  /// The kept shapes: all of them, or the `capacity` of smallest rank once some were dropped.
  private var kept: [Entry] {
    guard bound != nil || entries.count > capacity else { return entries }
    return Array(entries.sorted { $0.precedes($1) }.prefix(capacity))
  }

  /// The `limit` most frequent kept shapes, most frequent first (ties: the first to occur, then the shape's text).
  public func top(_ limit: Int) -> [Shape] {
    let shapes = kept.map(\.shape)
    return Array(
      shapes.sorted {
        if $0.count != $1.count { return $0.count > $1.count }
        if $0.source != $1.source { return $0.source < $1.source }
        if $0.line != $1.line { return $0.line < $1.line }
        return $0.shape.utf8.lexicographicallyPrecedes($1.shape.utf8)
      }.prefix(limit))
  }

  /// Records whose shape is not among the kept ones.
  public var otherCount: Int { total - kept.reduce(0) { $0 + $1.shape.count } }

  /// How many records and shapes were counted, and whether the distinct count is exact.
  public var totals: Totals {
    guard bound != nil else {
      return Totals(records: total, distinct: entries.count, distinctIsExact: true, kept: kept.count)
    }
    let sample = kept
    // The k-minimum-values estimate: k ranks spread over [0, 2^64) put the k-th at about k/n of the range.
    let last = Double(sample.last?.rank ?? UInt64.max) + 1
    let estimate = Double(sample.count - 1) * 18_446_744_073_709_551_616.0 / last
    let distinct = max(2 * capacity + 1, Int(min(estimate, Double(Int.max / 2)).rounded()))
    return Totals(records: total, distinct: distinct, distinctIsExact: false, kept: sample.count)
  }

  /// A shape's rank: FNV-1a over its bytes, mixed by the SplitMix64 finaliser.
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

  /// Keeps the `capacity` entries of smallest rank; the next one becomes the bound.
  private mutating func compact() {
    entries.sort { $0.precedes($1) }
    let next = entries[capacity]
    bound = (next.rank, next.key)
    entries.removeSubrange(capacity...)
    reindex()
  }

  private mutating func reindex() {
    indexByKey.removeAll(keepingCapacity: true)
    for (index, entry) in entries.enumerated() { indexByKey[entry.key] = index }
  }

  /// Whether a shape of `rank` and `key` ranks before `bound` (rank first, then the key's bytes); any does before nil.
  private static func ranks(_ rank: UInt64, _ key: [UInt8], before bound: (rank: UInt64, key: [UInt8])?) -> Bool {
    guard let bound else { return true }
    return rank != bound.rank ? rank < bound.rank : key.lexicographicallyPrecedes(bound.key)
  }
}
