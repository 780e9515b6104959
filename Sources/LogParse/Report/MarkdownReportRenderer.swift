/// Renders a ``Report`` as GitHub-flavoured Markdown tables (a step summary or a pull-request comment).
///
/// The same order and limits as the text report: counts first, then the node groups and nodes with
/// the most problems, then episodes (failed first, newest first), folded failures with each fix once,
/// at most `layout.limit` rows per table; and the whole stays within a size budget (by default a
/// GitHub comment, 65,536 characters), each cut table ending with "N more".
public enum MarkdownReportRenderer {
  /// The whole report: a summary line, the tables, and the input line.
  public static func render(
    _ report: Report, layout: ReportLayout = ReportLayout(), budget: Int = ReportLayout.gitHubCommentLimit
  ) -> String {
    var text = "# Cluster Autoscaler report\n\n"
    if let signal = report.interrupted {
      text += "**Partial report: interrupted by \(signal) before the end of the input.**\n\n"
    }
    if let scope = report.scope { text += "**\(MarkdownText.cell(scope.header))** (\(ReportScope.headerNote)).\n\n" }
    text += summaryLine(report) + "\n\n"
    let counts = report.accounting
    var tail = "\n_Input: \(counts.lines) lines, \(counts.records) records (\(report.recognized) recognized, "
    tail += "\(report.unrecognized) unrecognized), \(counts.malformed) malformed; year \(report.year.baseYear) "
    tail += "(\(report.year.source.rawValue))"
    if let note = report.patternLimitNote { tail += "; " + note }
    tail += "._\n"
    return text + tables(report, layout: layout, budget: budget - text.utf8.count - tail.utf8.count) + tail
  }

  /// `Scale-ups: 12 total, 3 succeeded, …. Scale-downs: …. Failures: 9 (iam 9).`, counting omitted entries.
  public static func summaryLine(_ report: Report) -> String {
    let summary = ReportSummary(report)
    let ups = summary.scaleUps.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    let downs = summary.scaleDowns.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    let classes = summary.failures.dropFirst().map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    return "Scale-ups: \(ups). Scale-downs: \(downs). Failures: \(summary.failures.first?.1 ?? 0)"
      + (classes.isEmpty ? "" : " (\(classes))") + "."
  }

  /// The tables of problem groups and nodes, episodes, failures, backoffs and blocked scale-downs
  /// (empty ones left out), within `budget` bytes.
  public static func tables(_ report: Report, layout: ReportLayout, budget: Int) -> String {
    let cell = MarkdownText.cell
    let digest = ReportDigest(report)
    var out = MarkdownBudget(limit: budget, reserve: 0, tables: 7)
    for (title, list, episodes) in [
      ("Node groups with the most problems", digest.groups, "scale-ups"),
      ("Nodes with the most problems", digest.nodes, "scale-downs"),
    ] {
      let column = episodes == "scale-ups" ? "node group" : "node"
      out.table(
        heading: "### \(title)", header: "| \(column) | problems |\n|---|---|\n", noun: "\(column)s",
        count: list.count, shown: layout.shown(list.count)
      ) { index in
        "| \(cell(list[index].name)) | \(TextReportRenderer.problemText(list[index], episodes: episodes)) |\n"
      }
    }
    out.table(
      heading: "### Scale-ups",
      header: "| id | node group | size | outcome | duration | decided | trigger pods | error | notes |\n"
        + "|---|---|---|---|---|---|---|---|---|\n",
      noun: "scale-ups", count: report.scaleUps.count, shown: layout.shown(report.scaleUps.count)
    ) { index in scaleUpRow(report.scaleUps[digest.scaleUpOrder[index]], report) }
    out.table(
      heading: "### Scale-downs",
      header:
        "| id | node | kind | outcome | unneeded | started | instance | error |\n|---|---|---|---|---|---|---|---|\n",
      noun: "scale-downs", count: report.scaleDowns.count, shown: layout.shown(report.scaleDowns.count)
    ) { index in
      let down = report.scaleDowns[digest.scaleDownOrder[index]]
      let unneeded = down.unneededSeconds.map(formatSeconds) ?? ""
      let error = down.error.map { "\($0.failureClass.rawValue) \($0.code ?? "")" } ?? ""
      return "| \(down.id) | \(cell(down.node)) | \(down.kind.rawValue) | \(down.outcome.rawValue) | \(unneeded) "
        + "| \(down.startedAt.map(report.rfc3339) ?? "") | \(cell(down.instanceId ?? "")) | \(cell(error)) |\n"
    }
    let folded = digest.failures
    out.table(
      heading: "### Failures",
      header: "| class | code | action | group | count | first | what to fix |\n|---|---|---|---|---|---|---|\n",
      noun: "failures", count: folded.count, shown: layout.shown(folded.count)
    ) { index in
      let failure = folded[index]
      let groups =
        failure.groups.count <= 1
        ? failure.groups.first ?? ""
        : "\(failure.groups.count) groups: " + failure.groups.prefix(3).joined(separator: ", ")
          + (failure.groups.count > 3 ? " +\(failure.groups.count - 3) more" : "")
      let first = failure.first
      return "| \(first.failureClass.rawValue) | \(cell(first.code ?? "")) | \(cell(first.action ?? "")) "
        + "| \(cell(groups)) | \(failure.count) | \(report.rfc3339(known: failure.firstAt) ?? "time unknown") "
        + "| \(failure.adviceRepeated ? "as above" : cell(failure.advice)) |\n"
    }
    let backoffs = Array(report.backoffs.reversed())
    out.table(
      heading: "### Backoffs", header: "| node group | from | until | error |\n|---|---|---|---|\n", noun: "backoffs",
      count: backoffs.count, shown: layout.shown(backoffs.count)
    ) { index in
      let backoff = backoffs[index]
      return
        "| \(cell(backoff.nodeGroup)) | \(report.rfc3339(known: backoff.at) ?? "time unknown") | \(backoff.until?.rfc3339 ?? "") "
        + "| \(cell("\(backoff.errorClass ?? "")/\(backoff.errorCode ?? "")")) |\n"
    }
    let blocked = report.blockedScaleDowns
    out.table(
      heading: "### Blocked scale-downs", header: "| node | reason | pod | count |\n|---|---|---|---|\n",
      noun: "blocked scale-downs", count: blocked.count, shown: layout.shown(blocked.count)
    ) { index in
      "| \(cell(blocked[index].node)) | \(blocked[index].reason.rawValue) | \(cell(blocked[index].pod ?? "")) "
        + "| \(blocked[index].count) |\n"
    }
    return out.text.isEmpty ? "No scale-up or scale-down episode in the log.\n" : out.text
  }

  private static func scaleUpRow(_ up: ScaleUpEpisode, _ report: Report) -> String {
    let cell = MarkdownText.cell
    let size = "\(up.from.map(String.init) ?? "?")→\(up.to.map(String.init) ?? "?")"
    let duration = up.durationSeconds(baseYear: report.year.baseYear).map(formatSeconds) ?? ""
    let pods =
      up.triggeringPods.prefix(3).joined(separator: ", ")
      + (up.triggeringPodCount > min(3, up.triggeringPods.count) ? " (\(up.triggeringPodCount) in all)" : "")
    let error = up.error.map { "\($0.failureClass.rawValue) \($0.code ?? "")" } ?? ""
    let decided = up.decidedAt.map(report.rfc3339) ?? ""
    let notes = ScaleUpNotes.notes(up, report) + [IterationText.span(up.evidence)].compactMap { $0 }
    return "| \(up.id) | \(cell(up.nodeGroup)) | \(size) | \(up.outcome.rawValue) | \(duration) | \(decided) "
      + "| \(cell(pods)) | \(cell(error)) | \(cell(notes.joined(separator: "; "))) |\n"
  }
}
