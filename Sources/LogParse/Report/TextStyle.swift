/// Whether terminal text is coloured: the renderers take the choice, the command line decides it
/// (`--color auto|always|never`, a terminal, `NO_COLOR`).
public enum TextStyle: Sendable, Hashable {
  /// No escape sequences at all.
  case plain
  /// ANSI SGR colours: problems red, pending yellow, success green, failures and fixes bold.
  case ansi

  /// The roles text can have.
  enum Role: Sendable {
    case failed, pending, succeeded, emphasis
  }

  /// `text` in the colour of `role`, unchanged when plain.
  ///
  /// `text` must already be terminal-safe.
  func paint(_ text: String, _ role: Role) -> String {
    guard self == .ansi, !text.isEmpty else { return text }
    let code: String
    switch role {
    case .failed: code = "31"
    case .pending: code = "33"
    case .succeeded: code = "32"
    case .emphasis: code = "1"
    }
    return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
  }

  /// A scale-up outcome's name in its colour.
  func outcome(_ outcome: ScaleUpOutcome) -> String {
    switch outcome {
    case .failed, .timedOut: return paint(outcome.rawValue, .failed)
    case .pending: return paint(outcome.rawValue, .pending)
    case .succeeded: return paint(outcome.rawValue, .succeeded)
    }
  }

  /// A scale-down outcome's name in its colour.
  func outcome(_ outcome: ScaleDownOutcome) -> String {
    switch outcome {
    case .failed: return paint(outcome.rawValue, .failed)
    case .pending: return paint(outcome.rawValue, .pending)
    case .succeeded: return paint(outcome.rawValue, .succeeded)
    }
  }
}
