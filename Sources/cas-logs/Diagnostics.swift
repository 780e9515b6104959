import Glibc
import LogParse

/// Writes diagnostics to stderr, one line each, with the log's text made terminal-safe.
enum Diagnostics {
  /// `cas-logs: error: MESSAGE`.
  static func error(_ message: String) {
    _ = Output.writeAll("cas-logs: error: " + TerminalText.sanitize(message) + "\n", to: STDERR_FILENO)
  }

  /// `cas-logs: warning: MESSAGE`.
  static func warning(_ message: String) {
    _ = Output.writeAll("cas-logs: warning: " + TerminalText.sanitize(message) + "\n", to: STDERR_FILENO)
  }
}
