/// Renders a ``Report`` as one self-contained HTML page: a verdict, a timeline of every episode, and tables.
///
/// Everything is inline (no network, no external file); the timeline is server-rendered SVG, readable
/// without JavaScript, with native tooltips; a few lines of script add filtering of the tables.
/// Each scale-up and scale-down is exactly one element carrying `data-episode-id`.
public enum HTMLReportRenderer {
  /// The most rows per table; the rest are counted.
  static let maximumTableRows = 500

  /// The page.
  public static func render(_ report: Report) -> String {
    var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<title>cas-logs report</title>\n<style>\(style)</style>\n</head>\n<body>\n"
    html += "<h1>Cluster Autoscaler report</h1>\n"
    if let signal = report.interrupted {
      html += "<p class=\"partial\"><strong>Partial report: interrupted by \(HTMLText.escape(signal)) "
      html += "before the end of the input.</strong></p>\n"
    }
    if let scope = report.scope {
      html += "<p class=\"scope\"><strong>\(HTMLText.escape(scope.header))</strong> (\(ReportScope.headerNote)).</p>\n"
    }
    html += "<p class=\"verdict\">\(HTMLText.escape(verdict(report)))</p>\n"
    html += summaryList(report)
    html += "<p><label>Zoom: <input id=\"zoom\" type=\"range\" min=\"1\" max=\"20\" value=\"1\"></label> "
    html += "<span id=\"details\" aria-live=\"polite\">Hover or focus a bar to see its details here.</span></p>\n"
    html += TimelineSVG.render(report)
    html += legend
    html += tables(report)
    html += "<p class=\"input\">\(HTMLText.escape(inputLine(report)))</p>\n"
    html += "<script>\(script)</script>\n</body>\n</html>\n"
    return html
  }

  /// The verdict in one line.
  static func verdict(_ report: Report) -> String {
    let summary = ReportSummary(report)
    func count(_ list: [(String, Int)], _ key: String) -> Int { list.first { $0.0 == key }?.1 ?? 0 }
    let failedUps = count(summary.scaleUps, "failed") + count(summary.scaleUps, "timedOut")
    let failures = count(summary.failures, "total")
    if failedUps > 0 || failures > 0 {
      return "Problems: \(failedUps) scale-ups failed or timed out, \(failures) distinct failures"
        + " (\(count(summary.scaleUps, "succeeded")) scale-ups and \(count(summary.scaleDowns, "succeeded")) "
        + "scale-downs succeeded)."
    }
    return
      "No failure: \(count(summary.scaleUps, "succeeded")) scale-ups and \(count(summary.scaleDowns, "succeeded")) "
      + "scale-downs succeeded, \(count(summary.scaleUps, "pending") + count(summary.scaleDowns, "pending")) pending."
  }

  private static func summaryList(_ report: Report) -> String {
    let summary = ReportSummary(report)
    func row(_ name: String, _ counts: [(String, Int)]) -> String {
      "<li><strong>\(name)</strong>: " + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + "</li>"
    }
    return "<ul class=\"summary\">" + row("Scale-ups", summary.scaleUps) + row("Scale-downs", summary.scaleDowns)
      + row("Failures", summary.failures)
      + "<li><strong>Backoffs</strong>: \(report.backoffs.count)</li>"
      + "<li><strong>Blocked scale-downs</strong>: \(report.blockedScaleDowns.count)</li>"
      + "<li><strong>Pods without scale-up</strong>: \(report.noScaleUps.count)</li></ul>\n"
  }

  private static let legend = """
    <p class="legend" aria-label="legend">
    <span class="key succeeded">✓ succeeded</span> <span class="key failed">✗ failed</span>
    <span class="key timedOut">! timed out</span> <span class="key pending">… pending</span>
    <span class="key backoff">backoff</span> <span class="key unneeded">unneeded</span>
    <span class="key failure">◆ failure</span> <span class="key blocked">blocked</span>
    <span class="key start">| process start</span>
    </p>

    """

  private static func tables(_ report: Report) -> String {
    var html = "<p><label>Filter tables: <input id=\"filter\" type=\"search\" placeholder=\"group, node, pod…\">"
    html += "</label></p>\n"
    html += table(
      "Scale-ups",
      ["id", "node group", "size", "outcome", "duration", "decided", "trigger pods", "error", "notes", "lines"],
      report.scaleUps
    ) { up in
      [
        up.id, up.nodeGroup, "\(up.from.map(String.init) ?? "?")→\(up.to.map(String.init) ?? "?")", up.outcome.rawValue,
        up.durationSeconds(baseYear: report.year.baseYear).map(formatSeconds) ?? "",
        up.decidedAt.map(report.rfc3339) ?? "", up.triggeringPods.prefix(5).joined(separator: ", "),
        up.error.map { "\($0.failureClass.rawValue) \($0.code ?? "")" } ?? "",
        (ScaleUpNotes.notes(up, report) + [IterationText.span(up.evidence)].compactMap { $0 }).joined(separator: "; "),
        lines(up.evidence, report),
      ]
    }
    html += table(
      "Scale-downs", ["id", "node", "kind", "outcome", "unneeded", "started", "instance", "error", "lines"],
      report.scaleDowns
    ) { down in
      [
        down.id, down.node, down.kind.rawValue, down.outcome.rawValue, down.unneededSeconds.map(formatSeconds) ?? "",
        down.startedAt.map(report.rfc3339) ?? "", down.instanceId ?? "",
        down.error.map { "\($0.failureClass.rawValue) \($0.code ?? "")" } ?? "", lines(down.evidence, report),
      ]
    }
    html += table(
      "Failures", ["class", "code", "action", "group", "count", "first", "what to fix", "lines"], report.failures
    ) { failure in
      [
        failure.failureClass.rawValue, failure.code ?? "", failure.action ?? "", failure.nodeGroup ?? "",
        String(failure.count), report.rfc3339(known: failure.firstAt) ?? "time unknown",
        FailureAdvice.advice(for: failure),
        lines(failure.evidence, report),
      ]
    }
    html += table("Backoffs", ["node group", "from", "until", "error", "lines"], report.backoffs) { backoff in
      [
        backoff.nodeGroup, report.rfc3339(known: backoff.at) ?? "time unknown", backoff.until?.rfc3339 ?? "",
        "\(backoff.errorClass ?? "")/\(backoff.errorCode ?? "")", lines(backoff.evidence, report),
      ]
    }
    html += table("Blocked scale-downs", ["node", "reason", "pod", "count", "lines"], report.blockedScaleDowns) {
      [$0.node, $0.reason.rawValue, $0.pod ?? "", String($0.count), lines($0.evidence, report)]
    }
    html += table("Pods that did not trigger a scale-up", ["pod", "reasons", "count", "lines"], report.noScaleUps) {
      [$0.pod, $0.reasons.joined(separator: "; "), String($0.count), lines($0.evidence, report)]
    }
    return html
  }

  private static func table<Item>(
    _ title: String, _ headers: [String], _ items: [Item], _ cells: (Item) -> [String]
  ) -> String {
    guard !items.isEmpty else { return "" }
    var html = "<h2>\(HTMLText.escape(title)) (\(items.count))</h2>\n<table class=\"data\"><thead><tr>"
    html += headers.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
    for item in items.prefix(maximumTableRows) {
      html += "<tr>" + cells(item).map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>\n"
    }
    html += "</tbody></table>\n"
    if items.count > maximumTableRows {
      html += "<p class=\"more\">\(items.count - maximumTableRows) more rows not shown; the JSON report has all.</p>\n"
    }
    return html
  }

  private static func lines(_ evidence: Evidence, _ report: Report) -> String {
    guard let first = evidence.lines.first, let last = evidence.lines.last else { return "" }
    return "\(report.sourceName(evidence)):\(first)" + (last != first ? "–\(last)" : "")
  }

  private static func inputLine(_ report: Report) -> String {
    let counts = report.accounting
    return "Input: \(report.sources.joined(separator: ", ")); \(counts.lines) lines, \(counts.records) records "
      + "(\(report.recognized) recognized, \(report.unrecognized) unrecognized), \(counts.malformed) malformed. "
      + (report.patternLimitNote.map { $0 + ". " } ?? "")
      + "Times in UTC; year \(report.year.baseYear) (\(report.year.source.rawValue)). cas-logs \(CasLogsVersion.current)."
      + (report.interrupted.map { " Partial: interrupted by \($0)." } ?? "")
  }

  private static let style = """
    :root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#667;--grid:#d0d7de;--ok:#1a7f37;--bad:#cf222e;\
    --late:#bf8700;--wait:#8250df;--back:rgba(207,34,46,.15);--unneeded:rgba(102,102,119,.25)}
    @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9aa4ae;--grid:#30363d;\
    --ok:#3fb950;--bad:#f85149;--late:#d29922;--wait:#a371f7;--back:rgba(248,81,73,.2);--unneeded:rgba(154,164,174,.25)}}
    body{font:14px/1.45 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:1.5em}
    h1{font-size:1.4em}.verdict{font-size:1.15em;font-weight:600}.summary li{margin:.1em 0}
    svg{width:100%;height:auto;font:11px system-ui,sans-serif}svg text{fill:var(--fg)}
    .axis line,.lane line{stroke:var(--grid)}.axis text,.lane-title{fill:var(--muted)}
    .episode:focus{outline:2px solid var(--fg)}.episode rect{stroke:var(--fg);stroke-width:.5}
    .succeeded rect,.key.succeeded{fill:var(--ok);background:var(--ok)}
    .failed rect,.key.failed{fill:var(--bad);background:var(--bad)}
    .timedOut rect,.key.timedOut{fill:var(--late);background:var(--late)}
    .pending rect,.key.pending{fill:var(--wait);background:var(--wait)}
    .backoff,.key.backoff{fill:var(--back);background:var(--back)}.unneeded,.key.unneeded{fill:var(--unneeded);\
    background:var(--unneeded)}
    .failure,.key.failure{fill:var(--bad)}.start{stroke:var(--muted);stroke-dasharray:4 3}
    .blocked{fill:none;stroke:var(--bad);stroke-dasharray:3 2}.key.blocked{border:1px dashed var(--bad)}
    .timeline{overflow-x:auto}#details{white-space:pre-line;color:var(--muted)}
    .episode text{fill:#fff;font-weight:600}
    .key{display:inline-block;padding:.1em .5em;border-radius:3px;color:#fff;margin-right:.3em}
    .key.backoff,.key.unneeded,.key.failure,.key.start,.key.blocked{color:var(--fg)}
    table.data{border-collapse:collapse;margin:.5em 0 1.5em}table.data td,table.data th{border:1px solid var(--grid);\
    padding:.2em .5em;text-align:left;vertical-align:top}.input,.more{color:var(--muted)}.partial{color:var(--bad)}
    """

  private static let script = """
    var svg=document.querySelector('.timeline svg'),details=document.getElementById('details');\
    document.getElementById('zoom').addEventListener('input',function(e){svg.style.width=(e.target.value*100)+'%';});\
    document.querySelectorAll('.episode').forEach(function(g){var t=g.querySelector('title').textContent;\
    g.addEventListener('focus',function(){details.textContent=t;});\
    g.addEventListener('mouseenter',function(){details.textContent=t;});});
    document.getElementById('filter').addEventListener('input',function(e){var q=e.target.value.toLowerCase();\
    document.querySelectorAll('table.data tbody tr').forEach(function(r){\
    r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});
    """
}
