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
      let source = report.sources.indices.contains(shape.source) ? report.sources[shape.source] : "-"
      let bound = shape.overcount > 0 ? " (+\(shape.overcount))" : ""
      out.append("  \(shape.count)×\(bound)  \(TerminalText.sanitize(shape.shape))")
      out.append("        e.g. \(TerminalText.sanitize(source)):\(shape.line): \(TerminalText.sanitize(shape.sample))")
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The report as text; everything from the log is made terminal-safe.
  public static func render(_ report: Report) -> String {
    var out: [String] = []
    let safe = TerminalText.sanitize
    out.append("Scale-ups: \(report.scaleUps.count)")
    for up in report.scaleUps {
      var line = "  \(up.id)  \(safe(up.nodeGroup))  \(sizes(up))  \(up.outcome.rawValue)"
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
      if let error = up.error { line += "  error: \(error.failureClass.rawValue) \(safe(error.code ?? ""))" }
      line += details(up, report)
      if let loops = IterationText.span(up.evidence) { line += "  " + loops }
      out.append(line)
    }
    out.append("Scale-downs: \(report.scaleDowns.count)")
    for down in report.scaleDowns {
      var line = "  \(down.id)  \(safe(down.node))  \(down.kind.rawValue)  \(down.outcome.rawValue)"
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
      if let error = down.error { line += "  error: \(error.failureClass.rawValue) \(safe(error.code ?? ""))" }
      if let loops = IterationText.span(down.evidence) { line += "  " + loops }
      out.append(line)
    }
    if !report.failures.isEmpty {
      out.append("Failures: \(report.failures.count)")
      for failure in report.failures {
        var line = "  \(failure.failureClass.rawValue)"
        if let code = failure.code { line += " \(safe(code))" }
        if let action = failure.action { line += " \(safe(action))" }
        if let group = failure.nodeGroup { line += "  group \(safe(group))" }
        if let operation = failure.operation { line += "  during \(operation.rawValue)" }
        if failure.fatal { line += "  FATAL" }
        line +=
          failure.count > 1
          ? "  ×\(failure.count) \(report.rfc3339(known: failure.firstAt) ?? "time unknown")…\(report.rfc3339(known: failure.lastAt) ?? "time unknown")"
          : "  at \(report.rfc3339(known: failure.firstAt) ?? "time unknown")"
        line += "  (\(safe(report.sourceName(failure.evidence))):\(failure.evidence.lines.first ?? 0))"
        out.append(line)
        out.append("    fix: " + safe(FailureAdvice.advice(for: failure)))
      }
    }
    if !report.backoffs.isEmpty {
      out.append("Backoffs: \(report.backoffs.count)")
      for backoff in report.backoffs {
        var line = "  \(safe(backoff.nodeGroup))  from \(report.rfc3339(known: backoff.at) ?? "time unknown")"
        if let until = backoff.until { line += " until \(until.rfc3339)" }
        if let code = backoff.errorCode { line += "  \(safe(backoff.errorClass ?? "?"))/\(safe(code))" }
        out.append(line)
      }
    }
    if !report.blockedScaleDowns.isEmpty {
      out.append("Blocked scale-downs: \(report.blockedScaleDowns.count)")
      for blocked in report.blockedScaleDowns {
        var line = "  \(safe(blocked.node))  \(blocked.reason.rawValue)"
        if let pod = blocked.pod { line += "  pod \(safe(pod))" }
        if blocked.count > 1 { line += "  ×\(blocked.count)" }
        out.append(line)
      }
    }
    if !report.noScaleUps.isEmpty {
      out.append("Pods that did not trigger a scale-up: \(report.noScaleUps.count)")
      for item in report.noScaleUps {
        let reasons = item.reasons.map { reason in
          safe(reason) + (item.reasonNodeGroups[reason].map { " (\($0) node groups)" } ?? "")
        }
        out.append("  \(safe(item.pod))  " + reasons.joined(separator: "; "))
      }
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
    if report.autoscaler.isLeader == false {
      out.append("Warning: this log shows only a standby replica waiting for the lease; read the leader's log.")
    }
    if let autoscaler = autoscalerLine(report.autoscaler) { out.append(autoscaler) }
    out.append(inputLine(report))
    return out.joined(separator: "\n") + "\n"
  }

  /// `Autoscaler: 1.28.0, cloud aws, 2 starts, leader` — only what the log shows.
  private static func autoscalerLine(_ autoscaler: AutoscalerInfo) -> String? {
    var parts: [String] = []
    if !autoscaler.versions.isEmpty { parts.append("version " + autoscaler.versions.joined(separator: ", ")) }
    if let cloud = autoscaler.cloudProvider { parts.append("cloud \(cloud)") }
    if autoscaler.startCount > 0 { parts.append("\(autoscaler.startCount) process start(s)") }
    if let leader = autoscaler.isLeader { parts.append(leader ? "leader" : "standby replica") }
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
