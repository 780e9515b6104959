/// Draws the report's timeline as inline SVG: a time axis and one lane per node group or node.
enum TimelineSVG {
  static let width = 1000.0
  static let labelWidth = 230.0
  static let laneHeight = 26.0
  static let axisHeight = 30.0

  /// The SVG, with one element carrying `data-episode-id` per scale-up and scale-down.
  static func render(_ report: Report) -> String {
    let layout = TimelineLayout(report)
    let e = HTMLText.escape
    let plot = width - labelWidth
    let height = axisHeight + laneHeight * Double(max(1, layout.lanes.count)) + 10
    var svg =
      "<figure><div class=\"timeline\"><svg role=\"img\" aria-label=\"timeline of scale-ups and scale-downs\" viewBox=\"0 0 "
    svg += "\(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    svg += "<g class=\"axis\">"
    for tick in layout.ticks(count: 6) {
      let x = labelWidth + layout.x(tick, width: plot)
      let label = FullTime(epochMicroseconds: tick, fractionDigits: 0).rfc3339
      svg += "<line x1=\"\(f(x))\" y1=\"\(f(axisHeight - 6))\" x2=\"\(f(x))\" y2=\"\(f(height))\"/>"
      svg += "<text x=\"\(f(x))\" y=\"12\" text-anchor=\"middle\">\(e(shortTime(label)))</text>"
    }
    svg += "</g>\n"
    for (number, lane) in layout.lanes.enumerated() {
      let top = axisHeight + laneHeight * Double(number)
      svg += "<g class=\"lane\"><line x1=\"0\" y1=\"\(f(top + laneHeight))\" x2=\"\(Int(width))\" "
      svg += "y2=\"\(f(top + laneHeight))\"/><text class=\"lane-title\" x=\"4\" y=\"\(f(top + 17))\">"
      svg += "\(e(clip(lane.title, 34)))<title>\(e(lane.title))</title></text>"
      // A finding whose time was not readable has no place on the timeline.
      for backoff in lane.backoffs {
        guard let at = backoff.at else { continue }
        let x0 = labelWidth + layout.x(at, width: plot)
        let x1 = labelWidth + (backoff.until.map { layout.x($0.epochMicroseconds, width: plot) } ?? plot)
        svg += "<rect class=\"backoff\" x=\"\(f(x0))\" y=\"\(f(top + 2))\" width=\"\(f(max(2, x1 - x0)))\" "
        svg += "height=\"\(f(laneHeight - 4))\"><title>backoff \(e(backoff.errorCode ?? "")) until "
        svg += "\(e(backoff.until?.rfc3339 ?? "?"))</title></rect>"
      }
      for down in lane.scaleDowns {
        if let since = down.unneededSince, let start = down.startedAt {
          let x0 = labelWidth + layout.x(since.epochMicroseconds, width: plot)
          let x1 = labelWidth + layout.x(start, width: plot)
          svg += "<rect class=\"unneeded\" x=\"\(f(x0))\" y=\"\(f(top + 7))\" width=\"\(f(max(1, x1 - x0)))\" "
          svg += "height=\"\(f(laneHeight - 14))\"><title>unneeded since \(e(since.rfc3339))</title></rect>"
        }
      }
      for blocked in lane.blocked {
        guard let first = blocked.firstAt, let last = blocked.lastAt else { continue }
        let x0 = labelWidth + layout.x(first, width: plot)
        let x1 = labelWidth + layout.x(last, width: plot)
        svg += "<rect class=\"blocked\" x=\"\(f(x0))\" y=\"\(f(top + 5))\" width=\"\(f(max(3, x1 - x0)))\" "
        svg += "height=\"\(f(laneHeight - 10))\"><title>cannot be removed: \(e(blocked.reason.rawValue))"
        svg += "\(blocked.pod.map { " (pod \(e($0)))" } ?? "") ×\(blocked.count)</title></rect>"
      }
      for up in lane.scaleUps {
        let detail = scaleUpDetail(up, report)
        let label = "\(up.from.map(String.init) ?? "?")→\(up.to.map(String.init) ?? "?") \(mark(up.outcome.rawValue))"
        svg += bar(
          id: up.id, outcome: up.outcome.rawValue, start: up.decidedAt, end: up.endedAt ?? report.lastTime,
          top: top, layout: layout, label: label, detail: detail)
      }
      for down in lane.scaleDowns {
        let detail = scaleDownDetail(down, report)
        svg += bar(
          id: down.id, outcome: down.outcome.rawValue, start: down.startedAt, end: down.endedAt ?? report.lastTime,
          top: top, layout: layout, label: "\(down.kind.rawValue) \(mark(down.outcome.rawValue))", detail: detail)
      }
      for failure in lane.failures {
        guard let first = failure.firstAt else { continue }
        let x = labelWidth + layout.x(first, width: plot)
        let y = top + laneHeight / 2
        svg +=
          "<path class=\"failure\" d=\"M\(f(x)) \(f(y - 6))l6 6-6 6-6-6z\"><title>\(e(failure.failureClass.rawValue)) "
        svg += "\(e(failure.code ?? "")) ×\(failure.count): \(e(clip(failure.message, 300)))</title></path>"
      }
      svg += "</g>\n"
    }
    for start in report.autoscaler.starts {
      let x = labelWidth + layout.x(start, width: plot)
      svg += "<line class=\"start\" x1=\"\(f(x))\" y1=\"\(f(axisHeight - 6))\" x2=\"\(f(x))\" y2=\"\(f(height))\">"
      svg += "<title>process start \(e(report.rfc3339(start)))</title></line>\n"
    }
    svg +=
      "</svg></div><figcaption>Times in UTC (year from \(e(report.year.source.rawValue))). Hover or focus a bar for details."
    svg += "</figcaption></figure>\n"
    return svg
  }

  private static func bar(
    id: String, outcome: String, start: LogTime?, end: LogTime?, top: Double, layout: TimelineLayout, label: String,
    detail: String
  ) -> String {
    let plot = width - labelWidth
    let x0 = labelWidth + (start.map { layout.x($0, width: plot) } ?? 0)
    let x1 = labelWidth + (end.map { layout.x($0, width: plot) } ?? plot)
    let barWidth = max(4, x1 - x0)
    var svg = "<g class=\"episode \(outcome)\" data-episode-id=\"\(HTMLText.escape(id))\" tabindex=\"0\">"
    svg += "<title>\(HTMLText.escape(detail))</title>"
    svg +=
      "<rect x=\"\(f(x0))\" y=\"\(f(top + 4))\" width=\"\(f(barWidth))\" height=\"\(f(laneHeight - 8))\" rx=\"2\"/>"
    if barWidth > 40 {
      svg += "<text x=\"\(f(x0 + 4))\" y=\"\(f(top + 17))\">\(HTMLText.escape(clip(label, Int(barWidth / 7))))</text>"
    }
    return svg + "</g>"
  }

  private static func scaleUpDetail(_ up: ScaleUpEpisode, _ report: Report) -> String {
    var text =
      "\(up.id) scale-up of \(up.nodeGroup) \(up.from.map(String.init) ?? "?")→\(up.to.map(String.init) ?? "?")"
    text += ": \(up.outcome.rawValue)"
    if let duration = up.durationSeconds(baseYear: report.year.baseYear) { text += " in \(formatSeconds(duration))" }
    if let decided = up.decidedAt { text += "\ndecided \(report.rfc3339(decided))" }
    if up.triggeringPodCount > 0 {
      text += "\npods (\(up.triggeringPodCount)): " + up.triggeringPods.prefix(5).joined(separator: ", ")
    }
    if let error = up.error { text += "\nerror: \(error.failureClass.rawValue) \(error.code ?? "")" }
    for note in ScaleUpNotes.notes(up, report) { text += "\n" + note }
    if let first = up.evidence.lines.first { text += "\nlines \(report.sourceName(up.evidence)):\(first)…" }
    return text
  }

  private static func scaleDownDetail(_ down: ScaleDownEpisode, _ report: Report) -> String {
    var text = "\(down.id) removal of \(down.node) (\(down.kind.rawValue)): \(down.outcome.rawValue)"
    if let unneeded = down.unneededSeconds { text += "\nunneeded for \(formatSeconds(unneeded))" }
    if let instance = down.instanceId { text += "\ninstance \(instance)" }
    if let error = down.error { text += "\nerror: \(error.failureClass.rawValue) \(error.code ?? "")" }
    if let first = down.evidence.lines.first { text += "\nlines \(report.sourceName(down.evidence)):\(first)…" }
    return text
  }

  private static func mark(_ outcome: String) -> String {
    switch outcome {
    case "succeeded": return "✓"
    case "failed": return "✗"
    case "timedOut": return "!"
    default: return "…"
    }
  }

  /// `2019-09-27T11:50:35Z` → `09-27 11:50:35`.
  private static func shortTime(_ rfc3339: String) -> String {
    let characters = Array(rfc3339)
    guard characters.count >= 19 else { return rfc3339 }
    return String(characters[5..<10]) + " " + String(characters[11..<19])
  }

  private static func clip(_ text: String, _ length: Int) -> String {
    text.count <= length ? text : String(text.prefix(max(1, length - 1))) + "…"
  }

  private static func f(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
