import ArgumentParser
import Glibc
import LogParse

/// `-- COMMAND [ARGS…]` of report, follow and assert: the command's standard output is the input.
///
/// The words after `--` are taken out by ``FileArguments`` (``InputOptions/files``'s help documents
/// them: ArgumentParser allows no positional after an array of them); ``start(_:)`` runs the command and puts its output pipe on standard input, so every command reads
/// it as it reads a pipe, and ``end(verdictCertain:)`` ends and reaps the command once reading stops.
enum CommandInput {
  /// How long the command is given to exit after SIGTERM, and its output to close after it exited.
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

  /// How the command ended, as the verdict sees it.
  enum Ending: Equatable {
    /// It succeeded, or cas-logs ended it (verdict certain, a signal), or none ran.
    case fine
    /// It failed by itself (the error line, already printed).
    case failed(String)
    /// The deadline passed while waiting for it to exit after closing its output.
    case timedOut

    var failed: Bool { if case .failed = self { return true } else { return false } }
  }

  /// How long a command that closed its output is waited for to exit, without a deadline.
  static let exitWaitMilliseconds: Int64 = 60_000

  /// Whether the command exited by itself ``graceMilliseconds`` ago while its output stays open (a
  /// process it left in the background holds the pipe): reading stops then.
  static func outputAbandoned() -> Bool {
    guard let child = running else { return false }
    if !abandoned, child.exited(atLeastMilliseconds: graceMilliseconds) { abandoned = true }
    return abandoned
  }

  nonisolated(unsafe) private static var abandoned = false

  /// Ends the command, if one runs, once reading stopped.
  ///
  /// Failing is exiting non-zero, or being ended by a signal cas-logs did not send, before the verdict
  /// was certain; one error line says so. When the output ended, the command's exit is waited for (until
  /// `deadline`, in epoch microseconds, or ``exitWaitMilliseconds``) to take its status; one that does
  /// not exit by then is ended, and is ``Ending/timedOut`` with a deadline, a failure without. With
  /// `verdictCertain`, or after SIGINT or SIGTERM, the command is ended at once and how it ended does
  /// not matter.
  static func end(verdictCertain: Bool = false, deadline: Int64? = nil) -> Ending {
    guard let child = running else { return .fine }
    running = nil
    if verdictCertain || Signals.pending != nil {
      child.end(graceMilliseconds: graceMilliseconds)
      return .fine
    }
    let words = TerminalText.sanitize(Self.display(commandWords))
    let termination: ChildProcess.Termination
    if abandoned {
      termination = child.endGroup()
      Diagnostics.warning(
        "input command '\(words)' exited, but its output stayed open (a process it left running?): "
          + "stopped reading \(graceMilliseconds / 1000) s later and ended its process group")
    } else {
      let limit = deadline.map { max(0, ($0 - FullTime.now().epochMicroseconds) / 1000) } ?? exitWaitMilliseconds
      let exited = child.waitForExit(milliseconds: limit) { Signals.pending != nil }
      termination = child.end(graceMilliseconds: graceMilliseconds)
      if !exited {
        if Signals.pending != nil { return .fine }
        if deadline != nil { return .timedOut }
        let message =
          "input command '\(words)' closed its output but did not exit within \(exitWaitMilliseconds / 1000) s: "
          + "ended, its exit status unknown"
        Diagnostics.error(message)
        return .failed(message)
      }
    }
    if termination.succeeded { return .fine }
    let last = child.lastErrorLine().map { ": " + TerminalText.sanitize($0) } ?? " (it wrote nothing on stderr)"
    let message = "input command '\(words)' \(termination)\(last)"
    Diagnostics.error(message)
    return .failed(message)
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
