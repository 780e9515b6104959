/// Renders an assert verdict for GitHub Actions: workflow-command annotations and a step summary.
public enum GitHubRenderer {
  /// The most annotations of each kind; GitHub shows only a few per step anyway.
  static let maximumAnnotations = 10

  /// `::error …::` lines for failed expectations and `::warning …::` lines for failures in the log.
  public static func annotations(_ verdict: AssertVerdict, report: Report) -> String {
    var errors: [String] = []
    for result in verdict.results where !result.passed {
      var properties = ["title=cas-logs assert"]
      if let location = result.location, location.source != "-" {
        properties.append("file=\(location.source)")
        properties.append("line=\(location.line)")
      }
      var message = "\(result.assertion.label): \(result.detail)"
      if let missing = result.missingEvidence { message += " — \(missing)" }
      errors.append(command("error", properties, message))
    }
    if verdict.timedOut {
      errors.append(command("error", ["title=cas-logs assert"], "the timeout passed before every expectation held"))
    }
    var warnings: [String] = []
    if let note = verdict.patternLimitNote { warnings.append(command("warning", ["title=cas-logs assert"], note)) }
    for failure in report.failures {
      var properties = ["title=Cluster Autoscaler \(failure.failureClass.rawValue) failure"]
      let source = report.sourceName(failure.evidence)
      if source != "-", let line = failure.evidence.lines.first {
        properties.append("file=\(source)")
        properties.append("line=\(line)")
      }
      let what = [failure.code, failure.action, failure.nodeGroup].compactMap { $0 }.joined(separator: " ")
      warnings.append(
        command("warning", properties, "\(what) ×\(failure.count): \(FailureAdvice.advice(for: failure))"))
    }
    var lines = Array(errors.prefix(maximumAnnotations)) + Array(warnings.prefix(maximumAnnotations))
    let hidden = max(0, errors.count - maximumAnnotations) + max(0, warnings.count - maximumAnnotations)
    if hidden > 0 {
      lines.append(command("notice", ["title=cas-logs"], "\(hidden) more annotations not shown; see the job log"))
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// The Markdown appended to `$GITHUB_STEP_SUMMARY`: the verdict table and the counts, then the
  /// tables of the report in the order and limits of `layout`, all within GitHub's 1 MiB.
  public static func stepSummary(
    _ verdict: AssertVerdict, report: Report, layout: ReportLayout = ReportLayout(),
    budget: Int = ReportLayout.gitHubStepSummaryLimit
  ) -> String {
    let passed = verdict.exitCode == 0
    let outcome = verdict.exitCode == 3 ? "insufficient evidence" : verdict.exitCode == 2 ? "input error" : "failed"
    var text = "## cas-logs assert: " + (passed ? "passed" : outcome)
    if let error = verdict.inputError { text += "\n\n> ❌ \(MarkdownText.cell(error))" }
    text += "\n\n| | expectation | evidence |\n|---|---|---|\n"
    for result in verdict.results {
      let detail = result.detail + (result.missingEvidence.map { " — " + $0 } ?? "")
      text +=
        "| \(result.passed ? "✅" : result.undecided ? "⚠️ undecided" : "❌") | \(MarkdownText.cell(result.assertion.label)) | \(MarkdownText.cell(detail)) |\n"
    }
    if let note = verdict.patternLimitNote { text += "\n> ⚠️ \(MarkdownText.cell(note))\n" }
    if let scope = report.scope { text += "\n**\(MarkdownText.cell(scope.header))** (\(ReportScope.headerNote)).\n" }
    text += "\n" + MarkdownReportRenderer.summaryLine(report) + "\n\n"
    return text + MarkdownReportRenderer.tables(report, layout: layout, budget: budget - text.utf8.count)
  }

  /// A workflow command with its properties and message escaped as GitHub requires.
  static func command(_ name: String, _ properties: [String], _ message: String) -> String {
    let props = properties.map { property -> String in
      guard let equals = property.firstIndex(of: "=") else { return property }
      return property[..<equals] + "=" + escapeProperty(String(property[property.index(after: equals)...]))
    }
    return "::\(name) \(props.joined(separator: ","))::\(escapeData(message))"
  }

  /// Escapes a message: `%`, CR and LF.
  static func escapeData(_ text: String) -> String {
    TerminalText.sanitize(text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A"))
  }

  /// Escapes a property value: as a message, plus `:` and `,`.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
  }
}
