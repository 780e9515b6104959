import Testing

@testable import LogParse

/// Log text in Markdown (a report posted as a pull-request comment, the GitHub step summary)
/// reads as written but pings nobody, links no issue, strikes nothing out and starts no math.
struct MarkdownTextTests {
  /// Text a hostile or careless log may carry: mentions, references, strikethrough, math.
  static let hostile = "@octocat @org/team #123 owner/repo#45 GH-67 gh-8 ~~gone~~ ~x~ $a+b$ $$c$$"

  /// The places where `markdown` would still be live on GitHub, if any.
  static func liveSyntax(_ escaped: String) -> [String] {
    // The entity is what GitHub's autolinkers see as the character it stands for.
    let markdown = escaped.replacing(MarkdownText.zeroWidthSpace, with: "\u{200B}")
    let patterns: [(String, Regex<Substring>)] = [
      ("mention", /@[A-Za-z0-9]/),
      ("reference", /#[0-9]/),
      ("GH reference", /(?i)\bGH-[0-9]/),
    ]
    var live = patterns.flatMap { name, pattern in markdown.matches(of: pattern).map { "\(name): \($0.output)" } }
    // Escaped tildes and wrapped dollars are not live; any other is.
    let rest = markdown.replacing("\\~", with: "").replacing("<span>$</span>", with: "")
    live += rest.filter { $0 == "~" || $0 == "$" }.map { "unescaped \($0)" }
    return live
  }

  /// What a reader sees of an escaped cell: the zero-width spaces, spans and backslashes gone.
  static func shown(_ cell: String) -> String {
    cell.replacing(MarkdownText.zeroWidthSpace, with: "").replacing("<span>$</span>", with: "$")
      .replacing("\\~", with: "~").replacing("&amp;", with: "&")
  }

  @Test func mentionsReferencesStrikethroughAndMathAreNeutralised() {
    let cell = MarkdownText.cell(Self.hostile)
    #expect(Self.liveSyntax(cell) == [], "\(cell)")
    #expect(Self.shown(cell) == Self.hostile)
  }

  @Test func harmlessNeighboursStayAsTheyAre() {
    // An e-mail-like `@` before punctuation, a `#` before a letter, `-` after other letters.
    for text in ["a@ b", "#x", "BGH-1", "pod-1", "a @-b"] {
      #expect(MarkdownText.cell(text) == text, "\(text)")
    }
  }

  /// A scale-up of a node group and a pod whose names carry the hostile text, and a failure message.
  static let lines = [
    "I0927 11:50:35.158353       1 klogx.go:86] Pod default/@octocat-#12 is unschedulable",
    "I0927 11:50:35.158556       1 scale_up.go:472] Final scale-up plan: [{@octocat/team#123~~x~~$y$ 4->5 (max: 8)}]",
    "I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group @octocat/team#123~~x~~$y$ size to 5",
  ]

  @Test func aRenderedReportLeavesNothingLive() throws {
    let report = Fixtures.analyze(Self.lines.joined(separator: "\n") + "\n")
    let group = try #require(report.scaleUps.first?.nodeGroup)
    #expect(group.contains("@octocat") && group.contains("#123") && group.contains("~~") && group.contains("$y$"))
    let markdown = MarkdownReportRenderer.render(report)
    #expect(Self.liveSyntax(markdown) == [], "\(markdown)")
    #expect(markdown.contains(MarkdownText.cell(group)))
  }

  @Test func theGitHubStepSummaryLeavesNothingLive() throws {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    var engine = AssertionEngine(assertions: [
      try Assertion.line(.expect, "setting group @octocat"), try Assertion.line(.forbid, "#123~~x~~"),
      try Assertion.line(.expect, "@nobody #9 ~~z~~ $w$"),
    ])
    analyzer.beginSource("test.log")
    analyzer.onRecord = { engine.observe($0) }
    analyzer.feed(Array((Self.lines.joined(separator: "\n") + "\n").utf8))
    analyzer.finish()
    let report = analyzer.report()
    let verdict = engine.verdict(report: report, timedOut: false)
    let summary = GitHubRenderer.stepSummary(verdict, report: report)
    #expect(summary.contains("@" + MarkdownText.zeroWidthSpace + "octocat"), "\(summary)")
    #expect(Self.liveSyntax(summary) == [], "\(summary)")
  }

  @Test(
    "URL autolinks are broken by a zero-width space",
    arguments: [
      "setting group https://e.vil/x size to 7", "http://e.vil", "ftp://e.vil/f", "see www.e.vil now", "WWW.e.vil",
    ])
  func urlsLinkNothing(text: String) {
    let cell = MarkdownText.cell(text).replacing(MarkdownText.zeroWidthSpace, with: "")
    #expect(cell == text)
    let escaped = MarkdownText.cell(text)
    #expect(!escaped.contains("://") && !escaped.lowercased().contains("www."), "\(escaped)")
  }

  @Test func wordsEndingInWwwAreLeftAlone() {
    #expect(MarkdownText.cell("awww.x") == "awww.x")
  }
}
