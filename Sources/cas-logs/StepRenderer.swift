import LogParse

/// Formats episode steps for `follow`.
enum StepRenderer {
  /// `11:50:35.158572  up-1     resize       setting group ASG_NAME size to 5`.
  ///
  /// In colour, a step's kind shows its outcome (failures, timeouts and reverts red and their text
  /// emphasised; backoffs, blocked and pending steps yellow; finished and done steps green).
  static func text(_ step: EpisodeStep, style: TextStyle = .plain) -> String {
    let id = (step.episodeId ?? "-").padding(8)
    let summary = TerminalText.sanitize(step.summary)
    let role = step.kind.role
    let kind = role.map { style.paint(step.kind.rawValue, $0) } ?? step.kind.rawValue
    // Padding is computed on the plain name so that colour does not shift the columns.
    let pad = String(repeating: " ", count: max(0, 12 - step.kind.rawValue.count))
    let text = role == .failed ? style.paint(summary, .emphasis) : summary
    let time = step.hasTime && step.time.isKnown ? step.time.timeOfDay : "--:--:--.------"
    return "\(time)  \(id) \(kind)\(pad) \(text)\n"
  }

  /// One JSON object per line.
  static func ndjson(_ step: EpisodeStep, baseYear: Int) -> String {
    var fields: [String] = []
    fields.append(
      "\"time\":" + (step.hasTime && step.time.isKnown ? "\"\(step.time.rfc3339(baseYear: baseYear))\"" : "null"))
    fields.append("\"kind\":\"\(step.kind.rawValue)\"")
    fields.append("\"episode\":" + (step.episodeId.map { "\"\(JSONText.escape($0))\"" } ?? "null"))
    fields.append("\"subject\":" + (step.subject.map { "\"\(JSONText.escape($0))\"" } ?? "null"))
    fields.append("\"summary\":\"\(JSONText.escape(step.summary))\"")
    fields.append("\"line\":\(step.line)")
    return "{" + fields.joined(separator: ",") + "}\n"
  }
}

extension EpisodeStep.Kind {
  /// The colour role of a step of this kind, or nil for one shown plain.
  var role: TextStyle.Role? {
    switch self {
    case .failure, .timeout, .revert: return .failed
    case .backoff, .blocked, .noScaleUp, .podsPending: return .pending
    case .finished, .drained, .termination: return .succeeded
    case .decision, .resize, .upcoming, .unneeded, .removal, .taint, .process: return nil
    }
  }
}

extension String {
  /// The string padded with spaces to `width` characters.
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
