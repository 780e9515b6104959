/// A record time the log does not give: a relative age (`89s`), a time of day without a date.
///
/// The unknown time is month 0, which no log time has. It is never printed as a time (the JSON
/// report writes null), never used in a duration, and sorts by line order: the reorder buffer
/// places it at the last known time before it (``EventApplier``).
extension LogTime {
  /// The time of a record whose log gives none.
  public static let unknown = LogTime(month: 0, day: 0, microsecondOfDay: 0, fractionDigits: 0)

  /// Whether the log gave this time (it is not ``unknown``).
  public var isKnown: Bool { month != 0 }

  /// This time when the log gave it, else nil.
  public var known: LogTime? { isKnown ? self : nil }
}
