import ArgumentParser
import Glibc
import LogParse

/// `-- COMMAND [ARGS…]` of report, follow and assert: the command's standard output is the input.
///
/// The words after `--` are taken out by ``FileArguments`` (``InputOptions/files``'s help documents
/// them: ArgumentParser allows no positional after an array of them); ``start(_:)`` runs the command and puts its output pipe on standard input, so every command reads
/// it as it reads a pipe, and ``end(verdictCertain:)`` ends and reaps the command once reading stops.
enum CommandInput {
  /// How long the command is given to exit after SIGTERM, and to exit by itself after closing its output.
  static let graceMilliseconds: Int32 = 2000

  /// The running command, between ``start(_:)`` and ``end(verdictCertain:)``.
  nonisolated(unsafe) private static var running: ChildProcess?

  /// Starts `command` with its output on standard input; a command that cannot start is one error
  /// line and exit 2.
  static func start(_ command: [String]) throws {
    do {
      let child = try ChildProcess.start(command)
      dup2(child.output, STDIN_FILENO)
      StandardStreams.inputReplaced()
      running = child
      commandWords = command
    } catch {
      Diagnostics.error(TerminalText.sanitize(error.description))
      throw ExitCode(2)
    }
  }

  /// Ends the command, if one runs, once reading stopped; false when it failed by itself.
  ///
  /// Failing is exiting non-zero, or being ended by a signal cas-logs did not send, before the verdict
  /// was certain; one error line says so. With `verdictCertain`, or after SIGINT or SIGTERM, the command
  /// is ended at once and how it ended does not matter.
  static func end(verdictCertain: Bool = false) -> Bool {
    guard let child = running else { return true }
    running = nil
    if verdictCertain || Signals.pending != nil {
      child.end(graceMilliseconds: graceMilliseconds)
      return true
    }
    // The output ended: the command normally exits with it; one that lingers is ended, not waited for.
    let exited = child.waitForExit(milliseconds: graceMilliseconds)
    let termination = child.end(graceMilliseconds: graceMilliseconds)
    if !exited || termination.succeeded { return true }
    let words = TerminalText.sanitize(Self.display(commandWords))
    let last = child.lastErrorLine().map { ": " + TerminalText.sanitize($0) } ?? " (it wrote nothing on stderr)"
    Diagnostics.error("input command '\(words)' \(termination)\(last)")
    return false
  }

  /// The words of the running command, for messages.
  nonisolated(unsafe) private static var commandWords: [String] = []

  /// `words` joined by spaces, cut to 80 characters.
  private static func display(_ words: [String]) -> String {
    let text = words.joined(separator: " ")
    return text.count > 80 ? String(text.prefix(77)) + "..." : text
  }
}

extension CommandInput {
  /// Starts the command given after `--` for `parsed` (a reading subcommand), if there is one.
  static func startIfGiven(_ command: [String]?, for parsed: any ParsableCommand) throws {
    guard let command else { return }
    guard let reading = parsed as? any ReadsFiles else { return }
    guard !command.isEmpty else {
      throw ValidationError("'--' must be followed by a command whose output is the log (e.g. -- kubectl logs -f …)")
    }
    guard reading.input.files.isEmpty else {
      throw ValidationError("give log files or a command after '--', not both")
    }
    try start(command)
  }
}
