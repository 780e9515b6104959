/// One step of an episode that matters to a person watching live: what `follow` prints.
public struct EpisodeStep: Hashable, Sendable {
  /// What kind of step it is.
  public enum Kind: String, Hashable, Sendable {
    case podsPending, decision, resize, upcoming, finished, timeout, revert, failure, backoff
    case unneeded, removal, taint, drained, termination, blocked, noScaleUp, process
  }

  /// The kind.
  public var kind: Kind
  /// The episode it belongs to (`up-1`, `down-2`), if any.
  public var episodeId: String?
  /// The node group or node it concerns.
  public var subject: String?
  /// One line for a person, without time or id.
  public var summary: String
  /// When the record was written (when ``hasTime``; else only its place in time order).
  public var time: LogTime
  /// Whether the record's time was readable; a step without one prints no time.
  public var hasTime = true
  /// Where it was read.
  public var source: Int
  public var line: Int
}
