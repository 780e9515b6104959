/// `--color auto|always|never`, and the decision `auto` makes from facts the command line gathers.
public enum ColorChoice: String, Sendable, CaseIterable {
  case auto, always, never

  /// The style to write in: `always` colours, `never` does not, and `auto` colours only when the
  /// output is a terminal and `NO_COLOR` is unset or empty (as ripgrep and stern do; no-color.org).
  public func style(outputIsTerminal: Bool, noColor: String?) -> TextStyle {
    switch self {
    case .always: return .ansi
    case .never: return .plain
    case .auto: return outputIsTerminal && (noColor ?? "").isEmpty ? .ansi : .plain
    }
  }
}
