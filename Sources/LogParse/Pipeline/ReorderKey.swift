/// A waiting item's place in time order: its time, then its arrival number.
struct ReorderKey: Comparable {
  /// When the item's record was written.
  var time: LogTime
  /// The item's arrival number, unique in its buffer: equal times keep their input order.
  var arrival: Int
  /// Where the item waits in the buffer's slot array (-1 once it is read back from a run).
  var slot: Int32
  /// About how many bytes the item keeps alive (``Spillable/retainedBytes``).
  var bytes: Int

  static func < (lhs: ReorderKey, rhs: ReorderKey) -> Bool {
    lhs.time < rhs.time || (!(rhs.time < lhs.time) && lhs.arrival < rhs.arrival)
  }

  static func == (lhs: ReorderKey, rhs: ReorderKey) -> Bool {
    lhs.arrival == rhs.arrival
  }
}
