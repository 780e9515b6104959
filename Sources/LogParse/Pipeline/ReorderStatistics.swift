/// What putting events in time order took: written out, applied out of order, or lost.
public struct ReorderStatistics: Sendable, Equatable {
  /// Events written to a temporary file while the input ran newest first (and read back in order).
  public var spilled = 0
  /// Events that arrived after a later one had already been applied: applied out of time order.
  public var outOfOrder = 0
  /// Events applied before their turn because the waiting ones held too much memory.
  public var releasedEarly = 0
  /// Events written to a temporary file that could not be read back (an I/O error): missing.
  public var lost = 0

  /// Counts for nothing reordered.
  public init() {}
}
