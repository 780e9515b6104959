/// How much of a report the text and Markdown renderers list: at most `limit` entries per section.
public struct ReportLayout: Sendable, Hashable {
  /// The default number of entries per section.
  public static let defaultLimit = 20
  /// The most entries per section `--limit` accepts.
  public static let maximumLimit = 1_000_000_000
  /// The longest Markdown a GitHub comment takes, in characters (measured here in UTF-8 bytes, never fewer).
  public static let gitHubCommentLimit = 65_536
  /// The largest step summary GitHub takes, in bytes.
  public static let gitHubStepSummaryLimit = 1 << 20

  /// Entries per section; 0 lists every one.
  var limit: Int
  /// Colours for terminal text (the Markdown renderer ignores it).
  var style: TextStyle

  public init(limit: Int = ReportLayout.defaultLimit, style: TextStyle = .plain) {
    self.limit = limit
    self.style = style
  }

  /// How many of `count` entries a section lists.
  func shown(_ count: Int) -> Int { limit == 0 ? count : min(limit, count) }

  /// `  N more (--limit 0 lists all)` under a section cut at the limit, or nil.
  func moreLine(_ count: Int, indent: String = "  ") -> String? {
    let hidden = count - shown(count)
    return hidden > 0 ? "\(indent)\(hidden) more (--limit 0 lists all)" : nil
  }
}

extension ReportLayout {
  /// The `--limit` a text states: a whole number from 0 to ``maximumLimit``, or nil.
  public static func limit(_ text: String) -> Int? { CountValue.parse(text) }
}
