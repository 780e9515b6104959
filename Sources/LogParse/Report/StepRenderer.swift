/// Formats episode steps for `follow`: one line of text, or one JSON object per line (NDJSON).
public enum StepRenderer {
  /// `11:50:35.158572  up-1     resize       setting group ASG_NAME size to 5`.
  ///
  /// In colour, a step's kind shows its outcome (failures, timeouts and reverts red and their text
  /// emphasised; backoffs, blocked and pending steps yellow; finished and done steps green).
  public static func text(_ step: EpisodeStep, style: TextStyle = .plain) -> String {
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

  /// One compact JSON object and a newline: `time` (RFC 3339, or null without a readable time),
  /// `kind`, `episode`, `subject` (null when absent), `summary` and `line`, escaped by ``JSONWriter``.
  public static func ndjson(_ step: EpisodeStep, baseYear: Int) -> String {
    var json = JSONWriter(pretty: false)
    json.beginObject()
    json.field("time", step.hasTime && step.time.isKnown ? step.time.rfc3339(baseYear: baseYear) : nil)
    json.field("kind", step.kind.rawValue)
    json.field("episode", step.episodeId)
    json.field("subject", step.subject)
    json.field("summary", step.summary)
    json.field("line", step.line)
    json.endObject()
    return json.output + "\n"
  }
}

extension EpisodeStep.Kind {
  /// The colour role of a step of this kind, or nil for one shown plain.
  fileprivate var role: TextStyle.Role? {
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
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
