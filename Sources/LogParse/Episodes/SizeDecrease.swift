/// A node group's target size set back to a smaller value: not a scale-up, a finding of its own.
///
/// CAS lowers a target size when nodes it asked for never registered (`Decreasing size of …`,
/// fixNodeGroupSizes), when it reverts a timed-out scale-up (1.36+), and the cloud provider logs the
/// call (AWS `Setting asg GROUP size to N` below the size the log last showed).
public struct SizeDecrease: Hashable, Sendable {
  /// Why the size was lowered, as the log says.
  public enum Reason: String, Hashable, Sendable {
    /// `Decreasing size of GROUP, expected=E current=C …`: nodes that never registered.
    case fixNodeGroupSizes
    /// `Reverting timed-out scale-up for node group GROUP …` (1.36+).
    case scaleUpRevert
  }

  /// The node group.
  public var nodeGroup: String
  /// The size before, when the log shows it.
  public var from: Int?
  /// The size after, when the log shows it.
  public var to: Int?
  /// Why, when a CAS line says; nil when only the cloud provider's resize line shows the decrease.
  public var reason: Reason?
  /// When it was logged; nil when the record's time was not readable.
  public var at: LogTime?
  /// Evidence lines.
  public var evidence: Evidence
}
