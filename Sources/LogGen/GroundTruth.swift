/// What the generator injected: the episodes a correct analyzer must report, in order.
public struct GroundTruth: Sendable {
  /// One injected episode.
  public struct Episode: Sendable, Equatable {
    /// `up` or `down`.
    public var kind: String
    /// Node group (scale-ups) or node (scale-downs).
    public var subject: String
    /// The outcome the log shows.
    public var outcome: String
    /// For scale-ups: sizes; for failures: the failure class.
    public var detail: String
  }

  /// Injected episodes in order of their first line.
  public internal(set) var episodes: [Episode] = []
  /// Physical lines written.
  public internal(set) var lines = 0
  /// Bytes written.
  public internal(set) var bytes = 0

  /// One line per episode: `kind subject outcome detail`.
  public var text: String {
    episodes.map { "\($0.kind) \($0.subject) \($0.outcome) \($0.detail)" }.joined(separator: "\n") + "\n"
  }
}
