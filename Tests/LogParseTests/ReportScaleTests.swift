import LogGen
import Testing

@testable import LogParse

/// Reports of a generated log with thousands of episodes: limits per section, "N more", folding,
/// each fix once, failed and newest first, and GitHub's size limits for Markdown and the step summary.
struct ReportScaleTests {
  /// A log with an episode in every loop (thousands of them), and its report.
  static let report: Report = {
    var options = GeneratorOptions()
    options.seed = 17
    options.nodes = 1
    options.loopsPerEpisode = 1
    options.targetBytes = 12_000_000
    var generator = LogGenerator(options: options)
    var bytes: [UInt8] = []
    _ = generator.generate { bytes += Array($0.utf8) }
    return Fixtures.analyze(bytes)
  }()

  /// The lines of `text` under the section headed `title: N` up to the next unindented line.
  static func section(_ title: String, in text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasPrefix(title + ": ") }) else { return [] }
    return Array(lines[(start + 1)...].prefix { $0.hasPrefix("  ") })
  }

  @Test("the log has thousands of episodes, failures in hundreds of groups and many backoffs")
  func logIsLarge() {
    let report = Self.report
    #expect(report.scaleUps.count + report.scaleDowns.count >= 3000)
    #expect(Set(report.failures.compactMap(\.nodeGroup)).count >= 500)
    #expect(report.backoffs.count >= 300)
  }

  @Test("text: at most --limit entries per section, then exactly 'N more' for the rest", arguments: [20, 7, 1])
  func textLimits(limit: Int) {
    let report = Self.report
    let text = TextReportRenderer.render(report, layout: ReportLayout(limit: limit))
    let digest = ReportDigest(report)
    for (title, count) in [
      ("Scale-ups", report.scaleUps.count), ("Scale-downs", report.scaleDowns.count),
      ("Backoffs", report.backoffs.count), ("Node groups with the most problems", digest.groups.count),
    ] {
      let lines = Self.section(title, in: text)
      #expect(lines.count == limit + 1, "\(title): \(lines.count) lines")
      #expect(lines.last == "  \(count - limit) more (--limit 0 lists all)", "\(title): \(lines.last ?? "")")
    }
    #expect(text.split(separator: "\n").count < 8 * (limit + 3) + 10)
  }

  @Test("text --limit 0 lists every episode and no 'more' line")
  func textLimitZero() {
    let report = Self.report
    let text = TextReportRenderer.render(report, layout: ReportLayout(limit: 0))
    #expect(Self.section("Scale-ups", in: text).count == report.scaleUps.count)
    #expect(Self.section("Scale-downs", in: text).count == report.scaleDowns.count)
    #expect(!text.contains(" more (--limit 0 lists all)"))
  }

  @Test("the text report leads with the counts, then the groups with the most problems, then the episodes")
  func textOrderOfSections() throws {
    let text = TextReportRenderer.render(Self.report)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("Summary: scale-ups \(Self.report.scaleUps.count) (") == true, "\(lines[0])")
    let summary = ReportSummary(Self.report)
    for (outcome, count) in summary.scaleUps.dropFirst() where count > 0 {
      #expect(lines[0].contains("\(count) \(outcome)"), "\(lines[0])")
    }
    for (failureClass, count) in summary.failures.dropFirst() { #expect(lines[0].contains("\(count) \(failureClass)")) }
    let groups = try #require(lines.firstIndex { $0.hasPrefix("Node groups with the most problems: ") })
    let ups = try #require(lines.firstIndex { $0.hasPrefix("Scale-ups: ") })
    #expect(groups < ups)
  }

  @Test("episodes are listed failed and timed out first, then pending, then succeeded, newest first in each")
  func episodeOrder() throws {
    let report = Self.report
    let text = TextReportRenderer.render(report, layout: ReportLayout(limit: 0))
    let byId = Dictionary(uniqueKeysWithValues: report.scaleUps.map { ($0.id, $0) })
    let listed = try Self.section("Scale-ups", in: text).map { line in
      try #require(byId[String(line.split(separator: " ")[0])], "\(line)")
    }
    let rank: [ScaleUpOutcome: Int] = [.failed: 0, .timedOut: 0, .pending: 1, .succeeded: 2]
    let year = report.year.baseYear
    for (earlier, later) in zip(listed, listed.dropFirst()) {
      let (a, b) = (rank[earlier.outcome]!, rank[later.outcome]!)
      #expect(a <= b, "\(earlier.id) \(earlier.outcome) before \(later.id) \(later.outcome)")
      if a == b, let t1 = earlier.decidedAt, let t2 = later.decidedAt {
        #expect(t1.epochMicroseconds(baseYear: year) >= t2.epochMicroseconds(baseYear: year))
      }
    }
    // With the default limit, the first listed is the newest problem.
    let newestProblem = report.scaleUps.filter { $0.outcome == .failed || $0.outcome == .timedOut }
      .max { $0.decidedAt! < $1.decidedAt! }
    let first = Self.section("Scale-ups", in: TextReportRenderer.render(report)).first ?? ""
    #expect(first.hasPrefix("  \(newestProblem?.id ?? "?")  "), "\(first)")
  }

  @Test("identical failures fold into one line with their count and groups, and each fix is printed once")
  func foldingAndFixOnce() {
    let report = Self.report
    let text = TextReportRenderer.render(report, layout: ReportLayout(limit: 0))
    let lines = Self.section("Failures", in: text)
    let fixes = lines.filter { $0.hasPrefix("    fix: ") }
    let advice = Set(report.failures.map(FailureAdvice.advice(for:)))
    #expect(fixes.count == advice.count, "\(fixes)")
    #expect(Set(fixes).count == fixes.count)
    let iam = report.failures.filter { $0.failureClass == .iam }
    let iamLines = lines.filter { $0.hasPrefix("  iam AccessDenied") }
    #expect(iamLines.count == 1, "\(iamLines)")
    let groups = Set(iam.compactMap(\.nodeGroup)).count
    #expect(iamLines.first?.contains("in \(groups) groups: ") == true, "\(iamLines)")
    #expect(iamLines.first?.contains("×\(iam.map(\.count).reduce(0, +)) ") == true, "\(iamLines)")
    #expect(text.components(separatedBy: "fix: ").count - 1 == advice.count)
  }

  @Test("a second failure with the same fix says 'fix as above' instead of repeating it")
  func repeatedFixReferencesAbove() {
    let base = Self.report.failures.first { $0.failureClass == .iam }!
    var other = base
    other.code = "UnauthorizedOperation"
    var report = Self.report
    report.failures = [base, other]
    let text = TextReportRenderer.render(report)
    #expect(text.components(separatedBy: "fix: ").count - 1 == 1, "\(text)")
    #expect(text.contains("UnauthorizedOperation") && text.contains("fix as above"))
  }

  @Test("Markdown: the same order and limits as the text, and within a GitHub comment even with --limit 0")
  func markdownLimits() throws {
    let report = Self.report
    let markdown = MarkdownReportRenderer.render(report)
    #expect(markdown.utf8.count <= ReportLayout.gitHubCommentLimit)
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| up-") }
    let text = Self.section("Scale-ups", in: TextReportRenderer.render(report)).dropLast()
    #expect(rows.map { $0.split(separator: " ")[1] } == text.map { $0.split(separator: " ")[0] })
    #expect(markdown.contains("_\(report.scaleUps.count - 20) more scale-ups (--limit 0 lists all)._"))
    #expect(markdown.hasPrefix("# Cluster Autoscaler report\n\nScale-ups: \(report.scaleUps.count) total"))
    let all = MarkdownReportRenderer.render(report, layout: ReportLayout(limit: 0))
    #expect(all.utf8.count <= ReportLayout.gitHubCommentLimit, "\(all.utf8.count)")
    #expect(all.contains("more scale-downs (cut to stay within GitHub's size limit)._"))
    #expect(all.hasSuffix("._\n") && all.contains("_Input: "))
  }

  @Test("the step summary leads with the verdict and counts and stays within 1 MiB, ending with 'N more'")
  func stepSummaryLimit() throws {
    let report = Self.report
    let engine = AssertionEngine(assertions: [try Assertion.expression(.expect, "scale-up succeeded")])
    var evaluated = engine
    evaluated.evaluate(report)
    let verdict = evaluated.verdict(report: report, timedOut: false)
    let unbounded = MarkdownReportRenderer.tables(report, layout: ReportLayout(limit: 0), budget: Int.max)
    #expect(unbounded.utf8.count > ReportLayout.gitHubStepSummaryLimit, "the log is too small to prove the cut")
    let summary = GitHubRenderer.stepSummary(verdict, report: report, layout: ReportLayout(limit: 0))
    #expect(summary.utf8.count <= ReportLayout.gitHubStepSummaryLimit, "\(summary.utf8.count)")
    #expect(summary.hasPrefix("## cas-logs assert: passed\n"))
    let counts = try #require(summary.range(of: "Scale-ups: \(report.scaleUps.count) total"))
    #expect(counts.lowerBound < summary.range(of: "###")!.lowerBound)
    #expect(summary.contains("(cut to stay within GitHub's size limit)._"))
    let small = GitHubRenderer.stepSummary(verdict, report: report, layout: ReportLayout(limit: 0), budget: 20_000)
    #expect(small.utf8.count <= 20_000, "\(small.utf8.count)")
    let byDefault = GitHubRenderer.stepSummary(verdict, report: report)
    #expect(byDefault.contains("_\(report.scaleUps.count - 20) more scale-ups (--limit 0 lists all)._"))
  }
}
