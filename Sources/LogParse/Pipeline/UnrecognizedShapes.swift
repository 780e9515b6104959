/// Counts the shapes of records no catalogue entry matched, so a user can see what was not understood.
///
/// A shape is the message's first line cut to 120 bytes with every run of digits replaced by `#`
/// (so `Watch close - *v1.Pod total 7 items` and `… total 12 items` count together). At most
/// ``maximumShapes`` shapes are kept; further new shapes are counted in ``otherCount``.
public struct UnrecognizedShapes: Sendable {
  /// One shape: how often it occurred and its first occurrence.
  public struct Shape: Sendable {
    public var shape: String
    public var count: Int
    public var sample: String
    public var source: Int
    public var line: Int
  }

  /// The most distinct shapes kept.
  public static let maximumShapes = 2_000
  private var indexByKey: [[UInt8]: Int] = [:]
  private(set) var shapes: [Shape] = []
  /// Records whose shape was new after the table was full.
  public private(set) var otherCount = 0

  /// An empty table.
  public init() {}

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
    if let index = indexByKey[key] {
      shapes[index].count += 1
      return
    }
    guard shapes.count < UnrecognizedShapes.maximumShapes else {
      otherCount += 1
      return
    }
    indexByKey[key] = shapes.count
    shapes.append(
      Shape(
        shape: String(decoding: key, as: UTF8.self), count: 1,
        sample: String(decoding: headline.prefix(400), as: UTF8.self), source: record.source, line: record.firstLine))
  }

  /// Adds the counts of a table built over a later stretch of the input.
  ///
  /// Its shapes come in order of first occurrence, so the table ends as if it had seen both
  /// stretches in order. `source` and `lineOffset` place the stretch's samples in the input.
  mutating func absorb(_ later: UnrecognizedShapes, source: Int, lineOffset: Int) {
    let keys = later.indexByKey.sorted { $0.value < $1.value }.map(\.key)
    for (key, shape) in zip(keys, later.shapes) {
      if let index = indexByKey[key] {
        shapes[index].count += shape.count
      } else if shapes.count < UnrecognizedShapes.maximumShapes {
        indexByKey[key] = shapes.count
        var placed = shape
        placed.source = source
        placed.line += lineOffset
        shapes.append(placed)
      } else {
        otherCount += shape.count
      }
    }
    otherCount += later.otherCount
  }

  /// The `limit` most frequent shapes, most frequent first (ties in order of first occurrence).
  public func top(_ limit: Int) -> [Shape] {
    Array(shapes.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.prefix(limit))
      .map(\.element)
  }
}
