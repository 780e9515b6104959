import Foundation
import Testing

/// `cas-logs assert --github` and its automatic mode under GitHub Actions: workflow-command annotations on
/// standard output, and the Markdown step summary appended to `$GITHUB_STEP_SUMMARY`.
struct AssertGitHubTests {
  /// One workflow command line, `::NAME key=value,key=value::MESSAGE`, split as the runner splits it.
  struct Annotation {
    /// The whole line.
    let line: String
    /// `error`, `warning` or `notice`.
    let name: String
    /// The properties, values still escaped.
    let properties: [String: String]
    /// The raw text of the properties, between the name and `::`.
    let rawProperties: String
    /// The message, still escaped.
    let message: String

    /// Splits `line`; nil when it is not a workflow command.
    init?(_ line: String) {
      guard line.hasPrefix("::") else { return nil }
      let rest = line.dropFirst(2)
      guard let end = rest.range(of: "::") else { return nil }
      let head = rest[..<end.lowerBound]
      self.line = line
      message = String(rest[end.upperBound...])
      let space = head.firstIndex(of: " ") ?? head.endIndex
      name = String(head[..<space])
      rawProperties = String(head[space...].dropFirst())
      var properties: [String: String] = [:]
      for property in rawProperties.split(separator: ",") {
        let pair = property.split(separator: "=", maxSplits: 1)
        properties[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
      }
      self.properties = properties
    }
  }

  /// The workflow commands in standard output.
  private func annotations(_ result: CLIResult) -> [Annotation] {
    result.stdoutLines.compactMap(Annotation.init)
  }

  /// The workflow commands called `name`.
  private func annotations(_ result: CLIResult, _ name: String) -> [Annotation] {
    annotations(result).filter { $0.name == name }
  }

  /// Lines anywhere in the output that start a workflow command.
  private func commandLines(_ result: CLIResult) -> [String] {
    (result.stdoutLines + result.stderrLines).filter { $0.hasPrefix("::") }
  }

  /// The AccessDenied sample as a path relative to the package root (the runs' working directory), the way a
  /// workflow passes it, so that `file=` can point into the repository.
  private func relativeAccessDenied() throws -> String {
    "SampleLogs/" + URL(fileURLWithPath: try SampleLogs.path(prefix: "021-")).lastPathComponent
  }

  @Test("--github on the AccessDenied sample: ::error for the unmet, ::warning at file=SampleLogs/021-… line=1")
  func errorAndWarning() throws {
    let log = try relativeAccessDenied()
    let result = try CLIRunner.run(["assert", "--github", "--expect", "scale-up succeeded", log])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(
      result.stdoutLines.contains { $0.hasPrefix("::error title=cas-logs assert") },
      "no ::error line:\n\(result.summary)")
    let errors = annotations(result, "error")
    #expect(errors.count == 1, "\(result.summary)")
    #expect(errors.first?.message.contains("--expect 'scale-up succeeded'") == true, "\(result.summary)")
    let warnings = annotations(result, "warning")
    #expect(warnings.count == 1, "one classified failure, one warning:\n\(result.summary)")
    let warning = try #require(warnings.first, "no ::warning line:\n\(result.summary)")
    #expect(warning.line.hasPrefix("::warning "), "\(result.summary)")
    #expect(warning.properties["file"] == log, "\(result.summary)")
    #expect(warning.properties["line"] == "1", "\(result.summary)")
    #expect(warning.message.contains("autoscaling:SetDesiredCapacity"), "\(result.summary)")
  }

  @Test("every annotation is a well-formed workflow command: known properties, none with a raw ':' or ','")
  func wellFormedCommands() throws {
    let directory = try TemporaryDirectory()
    // A file name with the two characters a property value must escape.
    let log = try directory.write("odd,name:here.log", text: String(decoding: try sampleData("021-"), as: UTF8.self))
    let result = try CLIRunner.run(
      ["assert", "--github", "--expect", "scale-up succeeded", "--expect-line", "x%y,z:w", log])
    #expect(result.exitCode == 1, "\(result.summary)")
    let all = annotations(result)
    #expect(all.count == 3, "\(result.summary)")
    for annotation in all {
      #expect(["error", "warning", "notice"].contains(annotation.name), "\(annotation.line)")
      for (key, value) in annotation.properties {
        #expect(["title", "file", "line", "col", "endLine", "endColumn"].contains(key), "\(annotation.line)")
        #expect(!value.contains(":") && !value.contains(","), "unescaped property value: \(annotation.line)")
      }
    }
    let warning = try #require(annotations(result, "warning").first, "\(result.summary)")
    #expect(
      warning.properties["file"]
        == log.replacing("%", with: "%25").replacing(":", with: "%3A").replacing(
          ",", with: "%2C"),
      "file= is not the escaped path:\n\(result.summary)")
  }

  /// The bytes of the one sample starting with `prefix`.
  private func sampleData(_ prefix: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: try SampleLogs.path(prefix: prefix)))
  }

  @Test("a label with '%' and ',' appears in the ::error message with %25 (and the comma kept)")
  func messageEscapesPercent() throws {
    let result = try CLIRunner.run(["assert", "--github", "--expect-line", "a%b,c", try relativeAccessDenied()])
    #expect(result.exitCode == 1, "\(result.summary)")
    let error = try #require(annotations(result, "error").first, "no ::error line:\n\(result.summary)")
    #expect(error.message.contains("--expect-line 'a%25b,c'"), "\(result.summary)")
    #expect(!error.message.contains("a%b"), "an unescaped '%':\n\(result.summary)")
  }

  @Test("a label with a line feed and a carriage return stays on one line, as %0A and %0D")
  func messageEscapesNewlines() throws {
    let result = try CLIRunner.run(["assert", "--github", "--expect-line", "a\nb\rc", try relativeAccessDenied()])
    #expect(result.exitCode == 1, "\(result.summary)")
    let error = try #require(annotations(result, "error").first, "no ::error line:\n\(result.summary)")
    #expect(!result.stdout.contains("\r"), "a raw carriage return in the output:\n\(result.summary)")
    #expect(error.message.contains("--expect-line 'a%0Ab%0Dc'"), "LF and CR not escaped as %0A, %0D:\n\(error.line)")
  }

  /// `count` expectation lines that no record matches.
  private func unmetLines(_ count: Int) -> [String] {
    (1...count).flatMap { ["--expect-line", "no such line \($0)"] }
  }

  @Test("12 failed expectations: exactly 10 ::error lines, the first ten, and one ::notice for the rest")
  func errorsCapped() throws {
    let result = try CLIRunner.run(["assert", "--github"] + unmetLines(12) + [try relativeAccessDenied()])
    #expect(result.exitCode == 1, "\(result.summary)")
    let errors = annotations(result, "error")
    #expect(errors.count == 10, "\(result.summary)")
    for (index, error) in errors.enumerated() {
      #expect(error.message.hasPrefix("--expect-line 'no such line \(index + 1)'"), "\(error.line)")
    }
    #expect(annotations(result, "notice").count == 1, "\(result.summary)")
  }

  @Test("exactly 10 failed expectations: 10 ::error lines and no ::notice")
  func errorsAtTheCap() throws {
    let result = try CLIRunner.run(["assert", "--github"] + unmetLines(10) + [try relativeAccessDenied()])
    #expect(annotations(result, "error").count == 10, "\(result.summary)")
    #expect(annotations(result, "notice").isEmpty, "\(result.summary)")
  }

  @Test("12 classified failures in the log: exactly 10 ::warning lines and one ::notice")
  func warningsCapped() throws {
    let directory = try TemporaryDirectory()
    let log = try directory.write("denied.log", lines: CraftedLogs.accessDenied(count: 12))
    let result = try CLIRunner.run(["assert", "--github", "--expect-line", "Upcoming 1 nodes", log])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(annotations(result, "error").count == 1, "\(result.summary)")
    #expect(annotations(result, "warning").count == 10, "\(result.summary)")
    #expect(annotations(result, "notice").count == 1, "\(result.summary)")
  }

  @Test("GITHUB_ACTIONS=true without --github: annotations, and the step summary appended to the file")
  func automaticUnderActions() throws {
    let directory = try TemporaryDirectory()
    let summaryPath = try directory.write("summary.md", text: "# An earlier step\n")
    let result = try CLIRunner.run(
      [
        "assert", "--expect-line", "Upcoming 1 nodes", "--expect", "failure class=iam",
        try relativeAccessDenied(),
      ],
      environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summaryPath])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(annotations(result, "error").count == 1, "\(result.summary)")
    #expect(annotations(result, "warning").count == 1, "\(result.summary)")

    let summary = try #require(directory.read("summary.md"), "no step summary")
    #expect(summary.hasPrefix("# An earlier step\n"), "the summary file was overwritten, not appended to:\n\(summary)")
    #expect(summary.components(separatedBy: "\n").contains("## cas-logs assert: failed"), "\(summary)")
    let verdict = try #require(
      MarkdownTables.tables(in: summary).first { $0.heading == "## cas-logs assert: failed" },
      "no verdict table under the heading:\n\(summary)")
    #expect(verdict.rows.count == 2, "one row per expectation:\n\(verdict)")
    let unmet = verdict.rows.first { $0.contains("--expect-line 'Upcoming 1 nodes'") }
    let held = verdict.rows.first { $0.contains("--expect 'failure class=iam'") }
    #expect(unmet?.contains("❌") == true, "\(verdict)")
    #expect(held?.contains("✅") == true, "\(verdict)")
    #expect(summary.contains("### Scale-ups"), "\(summary)")
    #expect(MarkdownTables.table("### Failures", in: summary) != nil, "no Failures table:\n\(summary)")
  }

  /// A run whose verdict gives a known step-summary heading.
  struct SummaryCase: Sendable, CustomTestStringConvertible {
    /// The expectation options.
    let options: [String]
    /// The lines of the log.
    let lines: [String]
    /// The exit code, which the heading states.
    let exitCode: Int32
    /// The heading's verdict word.
    let verdict: String

    /// How the case reads in test results.
    var testDescription: String { "exit \(exitCode): \(verdict)" }
  }

  @Test(
    "the step summary heading states the verdict",
    arguments: [
      SummaryCase(
        options: ["--expect", "scale-up group=ASG_NAME to=5"], lines: CraftedLogs.verbosityZero, exitCode: 0,
        verdict: "passed"),
      SummaryCase(
        options: ["--expect-line", "no such line"], lines: CraftedLogs.verbosityZero, exitCode: 1, verdict: "failed"),
      SummaryCase(
        options: ["--expect-line", "Upcoming 1 nodes"], lines: CraftedLogs.verbosityZero, exitCode: 3,
        verdict: "insufficient evidence"),
    ])
  func summaryHeading(_ summaryCase: SummaryCase) throws {
    let directory = try TemporaryDirectory()
    let log = try directory.write("crafted.log", lines: summaryCase.lines)
    let summaryPath = directory.path("summary.md")
    let result = try CLIRunner.run(
      ["assert"] + summaryCase.options + [log],
      environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summaryPath])
    #expect(result.exitCode == summaryCase.exitCode, "\(result.summary)")
    let summary = try #require(directory.read("summary.md"), "no step summary:\n\(result.summary)")
    #expect(summary.hasPrefix("## cas-logs assert: \(summaryCase.verdict)\n"), "\(summary)")
  }

  @Test("a '|' in an expectation is escaped in the summary's verdict table, which keeps its columns")
  func summaryEscapesPipes() throws {
    let directory = try TemporaryDirectory()
    let summaryPath = directory.path("summary.md")
    let result = try CLIRunner.run(
      ["assert", "--expect-line", "Upcoming|Terminating", "--expect-line", "a|b", try relativeAccessDenied()],
      environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summaryPath])
    #expect(result.exitCode == 1, "\(result.summary)")
    let summary = try #require(directory.read("summary.md"), "no step summary:\n\(result.summary)")
    let tables = MarkdownTables.tables(in: summary)
    #expect(tables.count >= 2, "\(summary)")
    for table in tables {
      let columns = MarkdownTables.separatorCount(table.header)
      for row in [table.delimiter] + table.rows {
        #expect(MarkdownTables.separatorCount(row) == columns, "a row with other columns than its header:\n\(table)")
      }
    }
    let verdict = try #require(tables.first, "\(summary)")
    #expect(verdict.rows.contains { $0.contains(#"--expect-line 'a\|b'"#) }, "\(verdict)")
    #expect(verdict.rows.compactMap { verdict.cell($0, "expectation") }.contains("--expect-line 'a|b'"), "\(verdict)")
  }

  @Test("--no-github under GITHUB_ACTIONS=true: no workflow command at all, and no step summary")
  func noGitHubWins() throws {
    let directory = try TemporaryDirectory()
    let summaryPath = directory.path("summary.md")
    let result = try CLIRunner.run(
      ["assert", "--no-github", "--expect", "scale-up succeeded", try relativeAccessDenied()],
      environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summaryPath])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(commandLines(result).isEmpty, "\(result.summary)")
    #expect(directory.read("summary.md") == nil, "a step summary was written despite --no-github")
  }

  @Test(
    "outside GitHub Actions (unset, or GITHUB_ACTIONS=false) and without --github: no workflow command",
    arguments: [[:], ["GITHUB_ACTIONS": "false"]] as [[String: String]])
  func offByDefault(_ environment: [String: String]) throws {
    let result = try CLIRunner.run(
      ["assert", "--expect", "scale-up succeeded", try relativeAccessDenied()], environment: environment)
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(commandLines(result).isEmpty, "\(result.summary)")
  }

  @Test("the test runner's child environment drops GITHUB_ACTIONS and GITHUB_STEP_SUMMARY unless a test sets them")
  func childEnvironmentIsIsolated() {
    let parent = ["PATH": "/bin", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "/tmp/summary.md"]
    let isolated = CLIRunner.childEnvironment(overriding: [:], base: parent)
    #expect(isolated == ["PATH": "/bin"])
    let overridden = CLIRunner.childEnvironment(overriding: ["GITHUB_ACTIONS": "false", "X": "1"], base: parent)
    #expect(overridden == ["PATH": "/bin", "GITHUB_ACTIONS": "false", "X": "1"])
  }
}

/// `assert --limit N`: the step summary's tables list N entries, as report's do.
struct AssertSummaryLimitTests {
  @Test("assert takes --limit for its step summary, whose cut sections name it")
  func limit() throws {
    let directory = try TemporaryDirectory()
    let log = try SampleLogs.path(prefix: "024-")
    func summary(_ extra: [String]) throws -> String {
      let path = directory.path("summary-\(extra.joined()).md")
      let result = try CLIRunner.run(
        ["assert", "--github", "--forbid", "failure"] + extra + [log], environment: ["GITHUB_STEP_SUMMARY": path])
      #expect(result.exitCode == 1, "\(result.summary)")
      return directory.read("summary-\(extra.joined()).md") ?? ""
    }
    let one = try summary(["--limit", "1"])
    #expect(one.contains("(--limit 0 lists all)"), "\(one)")
    let all = try summary(["--limit", "0"])
    #expect(!all.contains("(--limit 0 lists all)") && all.count > one.count, "\(all)")
  }
}
