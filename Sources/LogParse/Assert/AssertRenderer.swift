/// Formats a verdict as the lines `cas-logs assert` prints: PASS or FAIL per assertion, notes, a count.
public enum AssertRenderer {
  /// The verdict's lines; with `interrupted` (a signal's name), the results so far, marked partial and
  /// without a verdict.
  public static func text(_ verdict: AssertVerdict, interrupted: String? = nil, style: TextStyle = .plain) -> String {
    var lines: [String] = []
    if let interrupted {
      lines.append(
        "PARTIAL  interrupted by \(interrupted) before the end of the input: no verdict; the results so far:")
    }
    for result in verdict.results {
      let mark = result.passed ? style.paint("PASS", .succeeded) : style.paint("FAIL", .failed)
      let label = TerminalText.sanitize(result.assertion.label)
      lines.append(
        "\(mark)  \(result.passed ? label : style.paint(label, .emphasis))  \(TerminalText.sanitize(result.detail))")
    }
    // Labels, details and notes hold patterns, source file names and log text: never printed raw.
    for result in verdict.results {
      if let missing = result.missingEvidence {
        lines.append(
          "\(style.paint("NOTE", .pending))  \(TerminalText.sanitize(result.assertion.label)): "
            + TerminalText.sanitize(missing))
      }
    }
    if let note = verdict.patternLimitNote {
      lines.append("\(style.paint("NOTE", .pending))  \(TerminalText.sanitize(note))")
    }
    if verdict.timedOut && interrupted == nil {
      if verdict.exitCode == 3 {
        lines.append(
          style.paint("NOTE", .pending) + "  timeout: it passed before any log was read: insufficient evidence")
      } else {
        lines.append(style.paint("FAIL", .failed) + "  timeout: the expectations above marked FAIL were still unmet")
      }
    }
    let passed = verdict.results.count { $0.passed }
    let undecided = verdict.results.count { $0.undecided }
    if let interrupted {
      lines.append(
        "\(passed) passed, \(verdict.results.count - passed) not (yet) met; partial: interrupted by \(interrupted)")
    } else {
      lines.append(
        "\(passed) passed, \(verdict.results.count - passed) failed"
          + (undecided > 0 ? " (\(undecided) undecided: a pattern hit PCRE2's match limit)" : "")
          + (verdict.inputError.map { "; input error, no verdict: " + TerminalText.sanitize($0) } ?? ""))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
