/// Renders a ``Report`` as GitHub-flavoured Markdown tables (a step summary or a pull-request comment).
public enum MarkdownReportRenderer {
  /// The whole report: a summary line, the episode tables, and the input line.
  public static func render(_ report: Report) -> String {
    var text = "# Cluster Autoscaler report\n\n"
    if let signal = report.interrupted {
      text += "**Partial report: interrupted by \(signal) before the end of the input.**\n\n"
    }
    let summary = ReportSummary(report)
    let ups = summary.scaleUps.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    let downs = summary.scaleDowns.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    text += "Scale-ups: \(ups). Scale-downs: \(downs). Failures: \(summary.failures.first?.1 ?? 0).\n\n"
    text += episodeTables(report)
    let counts = report.accounting
    text += "\n_Input: \(counts.lines) lines, \(counts.records) records (\(report.recognized) recognized, "
    text += "\(report.unrecognized) unrecognized), \(counts.malformed) malformed; year \(report.year.baseYear) "
    text += "(\(report.year.source.rawValue))"
    if let note = report.patternLimitNote { text += "; " + note }
    text += "._\n"
    return text
  }

  /// The tables of episodes, failures, backoffs and blocked scale-downs (empty ones left out).
  public static func episodeTables(_ report: Report) -> String {
    let cell = MarkdownText.cell
    var text = ""
    if !report.scaleUps.isEmpty {
      text +=
        "### Scale-ups\n\n| id | node group | size | outcome | duration | decided | trigger pods | error | notes |\n"
      text += "|---|---|---|---|---|---|---|---|---|\n"
      for up in report.scaleUps {
        let size = "\(up.from.map(String.init) ?? "?")→\(up.to.map(String.init) ?? "?")"
        let duration = up.durationSeconds(baseYear: report.year.baseYear).map(formatSeconds) ?? ""
        let pods =
          up.triggeringPods.prefix(3).joined(separator: ", ")
          + (up.triggeringPodCount > min(3, up.triggeringPods.count) ? " (\(up.triggeringPodCount) in all)" : "")
        let error = up.error.map { "\($0.failureClass.rawValue) \($0.code ?? "")" } ?? ""
        let decided = up.decidedAt.map(report.rfc3339) ?? ""
        text += "| \(up.id) | \(cell(up.nodeGroup)) | \(size) | \(up.outcome.rawValue) | \(duration) | \(decided) "
        let notes = ScaleUpNotes.notes(up, report) + [IterationText.span(up.evidence)].compactMap { $0 }
        text += "| \(cell(pods)) | \(cell(error)) | \(cell(notes.joined(separator: "; "))) |\n"
      }
      text += "\n"
    }
    if !report.scaleDowns.isEmpty {
      text += "### Scale-downs\n\n| id | node | kind | outcome | unneeded | started | instance | error |\n"
      text += "|---|---|---|---|---|---|---|---|\n"
      for down in report.scaleDowns {
        let unneeded = down.unneededSeconds.map(formatSeconds) ?? ""
        let error = down.error.map { "\($0.failureClass.rawValue) \($0.code ?? "")" } ?? ""
        text += "| \(down.id) | \(cell(down.node)) | \(down.kind.rawValue) | \(down.outcome.rawValue) | \(unneeded) "
        text += "| \(down.startedAt.map(report.rfc3339) ?? "") | \(cell(down.instanceId ?? "")) | \(cell(error)) |\n"
      }
      text += "\n"
    }
    if !report.failures.isEmpty {
      text += "### Failures\n\n| class | code | action | group | count | first | what to fix |\n"
      text += "|---|---|---|---|---|---|---|\n"
      for failure in report.failures {
        text += "| \(failure.failureClass.rawValue) | \(cell(failure.code ?? "")) | \(cell(failure.action ?? "")) "
        text +=
          "| \(cell(failure.nodeGroup ?? "")) | \(failure.count) | \(report.rfc3339(known: failure.firstAt) ?? "time unknown") "
        text += "| \(cell(FailureAdvice.advice(for: failure))) |\n"
      }
      text += "\n"
    }
    if !report.backoffs.isEmpty {
      text += "### Backoffs\n\n| node group | from | until | error |\n|---|---|---|---|\n"
      for backoff in report.backoffs {
        text +=
          "| \(cell(backoff.nodeGroup)) | \(report.rfc3339(known: backoff.at) ?? "time unknown") | \(backoff.until?.rfc3339 ?? "") "
        text += "| \(cell("\(backoff.errorClass ?? "")/\(backoff.errorCode ?? "")")) |\n"
      }
      text += "\n"
    }
    if !report.blockedScaleDowns.isEmpty {
      text += "### Blocked scale-downs\n\n| node | reason | pod | count |\n|---|---|---|---|\n"
      for blocked in report.blockedScaleDowns {
        text +=
          "| \(cell(blocked.node)) | \(blocked.reason.rawValue) | \(cell(blocked.pod ?? "")) | \(blocked.count) |\n"
      }
      text += "\n"
    }
    if text.isEmpty { text = "No scale-up or scale-down episode in the log.\n" }
    return text
  }
}
