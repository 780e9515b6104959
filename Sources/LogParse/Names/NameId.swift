/// A node, node group or pod name as an event carries it: four bytes instead of a string.
///
/// Ids come from one ``NameTable`` and mean nothing without it; the table turns them back into
/// names when a report is made. Ids are handed out in increasing order and never reused while the
/// table lives (they wrap only after 2³² names).
struct NameId: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The id's number.
  let rawValue: UInt32

  /// The id numbered `rawValue`.
  init(rawValue: UInt32) { self.rawValue = rawValue }

  static func < (lhs: NameId, rhs: NameId) -> Bool { lhs.rawValue < rhs.rawValue }

  var description: String { "#\(rawValue)" }
}
