import ArgumentParser
import LogParse

/// `--limit N` of report, follow and assert: how many entries each section of the text and Markdown
/// reports (assert's GitHub step summary included) lists.
struct LayoutOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      List at most N entries per section of the text and Markdown reports (episodes, failures, groups \
      and nodes with problems, backoffs, …; assert's GitHub step summary too), each cut section ending with "N more"; 0 lists every one. \
      Counts always cover everything. Markdown also stays within GitHub's 65,536 characters.
      """, valueName: "N"))
  var limit: String = "\(ReportLayout.defaultLimit)"

  func validate() throws {
    guard ReportLayout.limit(limit) != nil else {
      throw ValidationError(
        "--limit '\(TerminalText.sanitize(limit))': expected a whole number from 0 to \(ReportLayout.maximumLimit)")
    }
  }

  /// The layout the options ask for, in `style`.
  func layout(style: TextStyle = .plain) -> ReportLayout {
    ReportLayout(limit: ReportLayout.limit(limit) ?? ReportLayout.defaultLimit, style: style)
  }
}
