/// Whether an input was read as a Cluster Autoscaler log, and if not, what it looks like.
///
/// One classification for every command: `report` exits 2 and `assert` exits 3 (insufficient
/// evidence) when the input was not read, with ``reason`` as their one line. It is decided from the
/// line counts the pipeline keeps and, only when they say nothing was read, from the first bytes of
/// the input (``InputSniffer``), so it costs nothing per line.
public enum InputVerdict: Sendable, Hashable {
  /// Records were read (whether or not the catalogue recognised them).
  case read
  /// No line at all: an empty file, `/dev/null`, a pipe that ended at once.
  case empty
  /// Lines, but no record to speak of: what the input looks like instead.
  case unreadable(String)

  /// The share of malformed lines past which a log with records, none recognised, is not read:
  /// more malformed lines than this many times the records.
  static let malformedPerRecord = 1

  /// Whether the input was read as a log.
  public var isRead: Bool { self == .read }

  /// The one line that says why the input was not read, or nil when it was.
  public var reason: String? {
    switch self {
    case .read: return nil
    case .empty: return "0 lines read: the input is empty"
    case .unreadable(let text): return text
    }
  }

  /// The verdict on input with these counts whose first bytes are `sample`.
  ///
  /// Not read: no line (`incompleteInput` says why, when the input could not be decoded); lines but no record; or records none of which the catalogue recognised,
  /// outnumbered by malformed lines (a foreign file with a few header-like lines).
  static func classify(
    accounting: LineAccounting, recognized: Int, sample: [UInt8], incompleteInput: String? = nil
  ) -> InputVerdict {
    if accounting.lines == 0 {
      return incompleteInput.map { .unreadable("0 lines read: the input is \($0)") } ?? .empty
    }
    let records = accounting.records
    if records > 0 && (recognized > 0 || accounting.malformed <= malformedPerRecord * records) { return .read }
    let counts =
      records == 0
      ? "no Cluster Autoscaler record in \(lines(accounting.lines))"
      : "no Cluster Autoscaler record recognised in \(lines(accounting.lines)) "
        + "(\(accounting.malformed) without a klog header, \(records) record\(records == 1 ? "" : "s"))"
    // Lines cut too short to hold a header are the reason, whatever the bytes look like.
    if accounting.truncated * 2 > accounting.lines {
      return .unreadable(counts + ": \(accounting.truncated) of them were cut at --max-line-length")
    }
    return .unreadable(counts + ": " + InputSniffer.describe(sample))
  }

  private static func lines(_ count: Int) -> String { count == 1 ? "1 line" : "\(count) lines" }
}
