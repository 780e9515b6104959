import Foundation
import Testing

@testable import LogParse

/// A catalogue pattern that hits PCRE2's match limit is counted once per record, and every report
/// format says that events may be missing.
struct PatternLimitReportTests {
  /// An entry for messages starting with `a` whose pattern backtracks exponentially over a run of `a`s.
  static func hostileEntry(_ id: String) -> CatalogEntry {
    CatalogEntry(
      id, literal: "a", pattern: "(?:(a+)+b|FORBIDDEN)", v: 0, versions: "", examples: [],
      build: { _ in .mainLoopStarted })
  }

  /// The report of `lines` analysed with two hostile entries as the whole catalogue.
  static func report(_ lines: [String]) -> Report {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.records.extractor = EventExtractor(entries: [hostileEntry("first"), hostileEntry("second")])
    analyzer.beginSource("test.log")
    analyzer.feed(Array(lines.map { $0 + "\n" }.joined().utf8))
    analyzer.finish()
    return analyzer.report()
  }

  /// A record both entries are tried on and give up on, and one they reject at once.
  static let lines = [
    "I0927 11:50:35.158391       1 x.go:1] " + String(repeating: "a", count: 4096) + " FORBIDDEN",
    "I0927 11:50:36.158391       1 x.go:1] aab",
  ]

  @Test func aRecordBothPatternsGiveUpOnCountsOnce() {
    let report = Self.report(Self.lines)
    #expect(report.accounting.records == 2)
    #expect(report.patternErrors == 1)
  }

  @Test func everyFormatSaysEventsMayBeMissing() throws {
    let report = Self.report(Self.lines)
    let note = "1 record hit a PCRE2 limit and count as unrecognized: events may be missing"
    #expect(TextReportRenderer.render(report).contains(note))
    #expect(MarkdownReportRenderer.render(report).contains(note))
    #expect(HTMLReportRenderer.render(report).contains(note))
    let json = try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any]
    let input = try #require(json?["input"] as? [String: Any])
    #expect(input["patternLimitHits"] as? Int == 1)
  }
}
