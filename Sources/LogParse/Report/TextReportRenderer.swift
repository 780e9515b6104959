/// Renders a ``Report`` as text a person reads in ten seconds: one line per episode and finding.
public enum TextReportRenderer {
  /// The most frequent unrecognised message shapes, for `report --unrecognized`.
  public static func renderUnrecognized(_ report: Report) -> String {
    guard !report.unrecognizedShapes.isEmpty else { return "Unrecognized: none\n" }
    let totals = report.unrecognizedTotals
    var out = ["Unrecognized message shapes (most frequent first; digits shown as #):"]
    if totals.distinctIsExact {
      out[0] += " \(totals.distinct) distinct in \(totals.records) records"
    } else {
      out[0] += " about \(totals.distinct) distinct in \(totals.records) records; the \(totals.kept) most frequent "
      out[0] += "are counted, each count at most its \"+N\" above the truth"
    }
    for shape in report.unrecognizedShapes {
      let source = report.sourceName(shape.source)
      let bound = shape.overcount > 0 ? " (+\(shape.overcount))" : ""
      out.append("  \(shape.count)×\(bound)  \(TerminalText.sanitize(shape.shape))")
      out.append("        e.g. \(TerminalText.sanitize(source)):\(shape.line): \(TerminalText.sanitize(shape.sample))")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The report as text; everything from the log is made terminal-safe.
  ///
  /// It leads with the counts by outcome and failure class, then the node groups and nodes with the
  /// most problems, then the episodes (failed and timed out first, newest first), at most
  /// `layout.limit` per section with "N more" where cut; identical failures are folded into one line
  /// with the groups they touched, and each fix is printed once.
  public static func render(_ report: Report, layout: ReportLayout = ReportLayout()) -> String {
    var out: [String] = []
    let safe = TerminalText.sanitize
    let style = layout.style
    let digest = ReportDigest(report)
    if let scope = report.scope { out.append(safe(scope.header) + " (\(ReportScope.headerNote))") }
    out.append(summaryLine(report, style))
    problemSection("Node groups with the most problems", digest.groups, "scale-ups", layout, &out)
    problemSection("Nodes with the most problems", digest.nodes, "scale-downs", layout, &out)
    out.append("Scale-ups: \(report.scaleUps.count)")
    for index in digest.scaleUpOrder.prefix(layout.shown(report.scaleUps.count)) {
      out.append(scaleUpLine(report.scaleUps[index], report, style))
    }
    if let more = layout.moreLine(report.scaleUps.count) { out.append(more) }
    out.append("Scale-downs: \(report.scaleDowns.count)")
    for index in digest.scaleDownOrder.prefix(layout.shown(report.scaleDowns.count)) {
      out.append(scaleDownLine(report.scaleDowns[index], report, style))
    }
    if let more = layout.moreLine(report.scaleDowns.count) { out.append(more) }
    if !report.failures.isEmpty {
      let folded = digest.failures
      out.append(
        "Failures: \(report.failures.count)"
          + (folded.count < report.failures.count ? " (\(folded.count) after folding identical ones)" : ""))
      for failure in folded.prefix(layout.shown(folded.count)) {
        out.append(failureLine(failure, report, style))
        if !failure.adviceRepeated { out.append("    fix: " + style.paint(safe(failure.advice), .emphasis)) }
      }
      if let more = layout.moreLine(folded.count) { out.append(more) }
    }
    if !report.backoffs.isEmpty {
      out.append("Backoffs: \(report.backoffs.count)")
      // Newest first: the last backoffs are the ones still in force.
      for backoff in report.backoffs.reversed().prefix(layout.shown(report.backoffs.count)) {
        var line = "  \(safe(backoff.nodeGroup))  from \(report.rfc3339(known: backoff.at) ?? "time unknown")"
        if let until = backoff.until { line += " until \(until.rfc3339)" }
        if let code = backoff.errorCode { line += "  \(safe(backoff.errorClass ?? "?"))/\(safe(code))" }
        out.append(line)
      }
      if let more = layout.moreLine(report.backoffs.count) { out.append(more) }
    }
    if !report.blockedScaleDowns.isEmpty {
      out.append("Blocked scale-downs: \(report.blockedScaleDowns.count)")
      let blockedOrder = report.blockedScaleDowns.indices.sorted {
        (report.blockedScaleDowns[$0].count, $1) > (report.blockedScaleDowns[$1].count, $0)
      }
      for blocked in blockedOrder.prefix(layout.shown(blockedOrder.count)).map({ report.blockedScaleDowns[$0] }) {
        var line = "  \(safe(blocked.node))  \(blocked.reason.rawValue)"
        if let pod = blocked.pod { line += "  pod \(safe(pod))" }
        if blocked.count > 1 { line += "  ×\(blocked.count)" }
        out.append(line)
      }
      if let more = layout.moreLine(report.blockedScaleDowns.count) { out.append(more) }
    }
    if !report.noScaleUps.isEmpty {
      out.append("Pods that did not trigger a scale-up: \(report.noScaleUps.count)")
      for item in report.noScaleUps.prefix(layout.shown(report.noScaleUps.count)) {
        let reasons = item.reasons.map { reason in
          safe(reason) + (item.reasonNodeGroups[reason].map { " (\($0) node groups)" } ?? "")
        }
        out.append("  \(safe(item.pod))  " + reasons.joined(separator: "; "))
      }
      if let more = layout.moreLine(report.noScaleUps.count) { out.append(more) }
    }
    if !report.omitted.isEmpty {
      let omitted = report.omitted
      let parts = [
        ("scale-ups", omitted.scaleUps.values.reduce(0, +)), ("scale-downs", omitted.scaleDowns.values.reduce(0, +)),
        ("failures", omitted.failures.values.reduce(0, +)), ("backoffs", omitted.backoffs),
        ("blocked scale-downs", omitted.blockedScaleDowns), ("pods without scale-up", omitted.noScaleUps),
      ].filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
      out.append(
        "Older entries not listed (memory bound): " + parts.joined(separator: ", ") + "; the JSON summary counts them.")
    }
    if report.accounting.records > 0, (report.verbosity ?? 0) < 4 {
      let proven = report.verbosity.map { "This log proves only --v=\($0)" } ?? "Nothing in this log proves a verbosity"
      out.append(
        "Note: \(proven). Scale-up completion (`finished successfully`), `Upcoming N nodes`, "
          + "unneeded nodes and `Terminating EC2 instance` are V(4) lines: run CAS with --v=4 to see them.")
    }
    for failure in report.failures where failure.fatal {
      // A fatal record ends the process: nothing after it in that process's log comes.
      var line =
        "Stopped: the autoscaler exited on a fatal error at \(report.rfc3339(known: failure.lastAt) ?? "an unknown time")"
      if failure.count > 1 {
        line +=
          " (the last of \(failure.count) exits, the first at \(report.rfc3339(known: failure.firstAt) ?? "an unknown time")))"
      }
      line += ": \(failure.failureClass.rawValue)" + (failure.code.map { " " + safe($0) } ?? "")
      if let operation = failure.operation { line += " during \(operation.rawValue)" }
      line += "  (\(safe(report.sourceName(failure.evidence))):\(failure.evidence.lines.last ?? 0))"
      out.append(line)
    }
    if report.autoscaler.isLeader == false {
      out.append("Warning: this log shows only a standby replica waiting for the lease; read the leader's log.")
    }
    if let autoscaler = autoscalerLine(report.autoscaler) { out.append(autoscaler) }
    out.append(inputLine(report))
    return out.joined(separator: "\n") + "\n"
  }

  /// `Summary: scale-ups 12 (3 succeeded, 9 failed); scale-downs 0; failures 9 (iam 9)`, counting omitted entries.
  static func summaryLine(_ report: Report, _ style: TextStyle) -> String {
    let summary = ReportSummary(report)
    func counts(_ list: [(String, Int)], paint: (String) -> String) -> String {
      let total = list.first?.1 ?? 0
      let parts = list.dropFirst().filter { $0.1 > 0 }.map { paint("\($0.1) \($0.0)") }
      return "\(total)" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }
    func role(_ name: String) -> TextStyle.Role {
      name.hasSuffix(" succeeded") ? .succeeded : name.hasSuffix(" pending") ? .pending : .failed
    }
    let ups = counts(summary.scaleUps) { style.paint($0, role($0)) }
    let downs = counts(summary.scaleDowns) { style.paint($0, role($0)) }
    let failures = counts(summary.failures) { style.paint($0, .failed) }
    return "Summary: scale-ups \(ups); scale-downs \(downs); failures \(failures)"
  }

  /// A ranked list of groups or nodes with their problems, cut at the limit; nothing when none has any.
  private static func problemSection(
    _ title: String, _ list: [ReportDigest.Problems], _ episodes: String, _ layout: ReportLayout, _ out: inout [String]
  ) {
    guard !list.isEmpty else { return }
    out.append("\(title): \(list.count)")
    for item in list.prefix(layout.shown(list.count)) {
      out.append(
        "  \(TerminalText.sanitize(item.name))  " + layout.style.paint(problemText(item, episodes: episodes), .failed))
    }
    if let more = layout.moreLine(list.count) { out.append(more) }
  }

  /// `2 failed scale-ups, 1 timed out, 40 failures, 1 backoff`: the non-zero problem counts of a group or node.
  static func problemText(_ item: ReportDigest.Problems, episodes: String) -> String {
    let counts: [(Int, String)] = [
      (item.failedEpisodes, "failed \(episodes)"), (item.timedOut, "timed out"), (item.failures, "failures"),
      (item.backoffs, "backoffs"), (item.blocked, "blocked"),
    ]
    var parts: [String] = []
    for (count, noun) in counts where count > 0 {
      parts.append("\(count) " + (count == 1 && noun.hasSuffix("s") ? String(noun.dropLast()) : noun))
    }
    return parts.joined(separator: ", ")
  }

  private static func scaleUpLine(_ up: ScaleUpEpisode, _ report: Report, _ style: TextStyle) -> String {
    let safe = TerminalText.sanitize
    var line = "  \(up.id)  \(safe(up.nodeGroup))  \(sizes(up))  \(style.outcome(up.outcome))"
    if let duration = up.durationSeconds(baseYear: report.year.baseYear),
      duration > 0 || up.printedDurationSeconds != nil
    {
      line += " in \(formatSeconds(duration))"
    }
    if let decided = up.decidedAt { line += "  decided \(report.rfc3339(decided))" }
    if up.triggeringPodCount > 0 {
      let shown = up.triggeringPods.prefix(3).map(safe).joined(separator: ", ")
      let more = up.triggeringPodCount - min(3, up.triggeringPods.count)
      line +=
        "  pods: " + (shown.isEmpty ? "" : shown) + (more > 0 ? (shown.isEmpty ? "" : " ") + "+\(more) more" : "")
    }
    if let error = up.error {
      line += "  " + style.paint("error: \(error.failureClass.rawValue) \(safe(error.code ?? ""))", .failed)
    }
    line += details(up, report)
    if let loops = IterationText.span(up.evidence) { line += "  " + loops }
    return line
  }

  private static func scaleDownLine(_ down: ScaleDownEpisode, _ report: Report, _ style: TextStyle) -> String {
    let safe = TerminalText.sanitize
    var line = "  \(down.id)  \(safe(down.node))  \(down.kind.rawValue)  \(style.outcome(down.outcome))"
    if let started = down.startedAt { line += "  started \(report.rfc3339(started))" }
    if let started = down.startedAt, let drained = down.drainedAt {
      line += "  drained in \(formatSeconds(drained.seconds(since: started, baseYear: report.year.baseYear)))"
    }
    if let unneeded = down.unneededSeconds { line += "  unneeded \(formatSeconds(unneeded))" }
    if let utilization = down.utilization { line += "  utilization \(percent(utilization))" }
    if let instance = down.instanceId { line += "  instance \(safe(instance))" }
    if !down.evictedPods.isEmpty {
      line += "  evicted: " + down.evictedPods.prefix(5).map(safe).joined(separator: ", ")
    }
    if let error = down.error {
      line += "  " + style.paint("error: \(error.failureClass.rawValue) \(safe(error.code ?? ""))", .failed)
    }
    if let loops = IterationText.span(down.evidence) { line += "  " + loops }
    return line
  }

  /// One folded failure: what failed, where (one group, or how many and the first few), how often and when.
  private static func failureLine(_ folded: ReportDigest.FoldedFailure, _ report: Report, _ style: TextStyle) -> String
  {
    let safe = TerminalText.sanitize
    let failure = folded.first
    var head = failure.failureClass.rawValue
    if let code = failure.code { head += " \(safe(code))" }
    if let action = failure.action { head += " \(safe(action))" }
    var line = "  " + style.paint(head, .failed)
    line += places("group", "groups", folded.groups)
    line += places("node", "nodes", folded.nodes)
    if let operation = failure.operation { line += "  during \(operation.rawValue)" }
    if failure.fatal { line += "  " + style.paint("FATAL", .failed) }
    line +=
      folded.count > 1
      ? "  ×\(folded.count) \(report.rfc3339(known: folded.firstAt) ?? "time unknown")…"
        + (report.rfc3339(known: folded.lastAt) ?? "time unknown")
      : "  at \(report.rfc3339(known: folded.firstAt) ?? "time unknown")"
    line += "  (\(safe(report.sourceName(failure.evidence))):\(failure.evidence.lines.first ?? 0))"
    if folded.adviceRepeated { line += "  fix as above" }
    return line
  }

  /// `  group g`, or `  in 12 groups: a, b, c +9 more`, or nothing.
  private static func places(_ one: String, _ many: String, _ names: [String]) -> String {
    guard let first = names.first else { return "" }
    if names.count == 1 { return "  \(one) \(TerminalText.sanitize(first))" }
    let shown = names.prefix(3).map(TerminalText.sanitize).joined(separator: ", ")
    return "  in \(names.count) \(many): \(shown)" + (names.count > 3 ? " +\(names.count - 3) more" : "")
  }

  /// `Autoscaler: 1.28.0, cloud aws, 2 starts, leader` — only what the log shows.
  private static func autoscalerLine(_ autoscaler: AutoscalerInfo) -> String? {
    var parts: [String] = []
    if !autoscaler.versions.isEmpty { parts.append("version " + autoscaler.versions.joined(separator: ", ")) }
    if let cloud = autoscaler.cloudProvider { parts.append("cloud \(cloud)") }
    if autoscaler.startCount > 0 { parts.append("\(autoscaler.startCount) process start(s)") }
    if let leader = autoscaler.isLeader { parts.append(leader ? "leader" : "standby replica") }
    if !autoscaler.replicas.isEmpty {
      let each = autoscaler.replicas.map { replica in
        let role = replica.isLeader.map { $0 ? "leader" : "standby" } ?? "role unknown"
        return "\(replica.name ?? "stream \(replica.stream)") (\(role), \(replica.startCount) start(s))"
      }
      parts.append("replicas " + each.joined(separator: "; "))
    }
    if let last = autoscaler.gracefulDegradations.last {
      let count = autoscaler.gracefulDegradationCount
      parts.append("graceful degradation \(count) time(s)" + (last.stoppedAt == nil ? ", still degraded" : ""))
    }
    if autoscaler.logFormat != .printf { parts.append("\(autoscaler.logFormat.rawValue) logging") }
    return parts.isEmpty ? nil : "Autoscaler: " + TerminalText.sanitize(parts.joined(separator: ", "))
  }

  /// `4->5 (max 8)`, `->7`, or `+3 nodes`.
  private static func sizes(_ up: ScaleUpEpisode) -> String {
    if let from = up.from, let to = up.to {
      // An estimate above the nodes requested was capped (to the group's max or the cluster's).
      let capped =
        up.estimate.flatMap { estimate in up.nodes.map { estimate > $0 } == true ? ", \(estimate) estimated" : nil }
        ?? ""
      return "\(from)->\(to)" + (up.max.map { " (max \($0)\(capped))" } ?? capped)
    }
    if let to = up.to { return "?->\(to)" }
    if let nodes = up.nodes { return "+\(nodes) nodes" }
    return "size unknown"
  }

  /// `  capped 6->1 nodes (group set capacity)  balanced with a, b  reverted -2 at T`, as far as logged.
  private static func details(_ up: ScaleUpEpisode, _ report: Report) -> String {
    ScaleUpNotes.notes(up, report).map { "  " + TerminalText.sanitize($0) }.joined()
  }

  private static func percent(_ value: Double) -> String {
    let tenths = (value * 1000).rounded() / 10
    return "\(tenths)%"
  }

  private static func inputLine(_ report: Report) -> String {
    let counts = report.accounting
    var line = "Input: \(counts.lines) lines, \(counts.records) records (\(report.recognized) recognized, "
    line += "\(report.unrecognized) unrecognized), \(counts.malformed) malformed, \(counts.skipped) skipped"
    if counts.truncated > 0 { line += ", \(counts.truncated) truncated" }
    if counts.truncatedFields > 0 { line += ", \(counts.truncatedFields) fields cut" }
    if counts.outOfRangeValues > 0 { line += ", \(counts.outOfRangeValues) values out of range" }
    if !report.formats.isEmpty { line += "; formats: " + report.formats.map(\.rawValue).joined(separator: ", ") }
    line += "; year \(report.year.baseYear) (\(report.year.source.rawValue))"
    if let verbosity = report.verbosity { line += "; verbosity >= \(verbosity)" }
    if let note = report.patternLimitNote { line += "; " + note }
    let outOfOrder = report.reorder.outOfOrder + report.reorder.releasedEarly
    if outOfOrder > 0 { line += "; \(outOfOrder) events applied out of time order" }
    if report.reorder.lost > 0 {
      line += "; \(report.reorder.lost) events lost (the temporary file could not be read back)"
    }
    if let signal = report.interrupted { line += "; partial: interrupted by \(signal) before the end of the input" }
    return line
  }
}
