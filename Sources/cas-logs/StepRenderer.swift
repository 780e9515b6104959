import LogParse

/// Formats episode steps for `follow`.
enum StepRenderer {
  /// `11:50:35.158572  up-1     resize       setting group ASG_NAME size to 5`.
  static func text(_ step: EpisodeStep) -> String {
    let id = (step.episodeId ?? "-").padding(8)
    let time = step.hasTime ? step.time.timeOfDay : "-".padding(15)
    return "\(time)  \(id) \(step.kind.rawValue.padding(12)) \(TerminalText.sanitize(step.summary))\n"
  }

  /// One JSON object per line.
  static func ndjson(_ step: EpisodeStep, baseYear: Int) -> String {
    var fields: [String] = []
    fields.append("\"time\":" + (step.hasTime ? "\"\(step.time.rfc3339(baseYear: baseYear))\"" : "null"))
    fields.append("\"kind\":\"\(step.kind.rawValue)\"")
    fields.append("\"episode\":" + (step.episodeId.map { "\"\(JSONText.escape($0))\"" } ?? "null"))
    fields.append("\"subject\":" + (step.subject.map { "\"\(JSONText.escape($0))\"" } ?? "null"))
    fields.append("\"summary\":\"\(JSONText.escape(step.summary))\"")
    fields.append("\"line\":\(step.line)")
    return "{" + fields.joined(separator: ",") + "}\n"
  }
}

extension String {
  /// The string padded with spaces to `width` characters.
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
