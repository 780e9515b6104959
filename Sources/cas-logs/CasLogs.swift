import ArgumentParser
import Glibc
import LogParse

/// The `cas-logs` command: answers from Cluster Autoscaler logs.
@main
struct CasLogs: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cas-logs",
    abstract: "Turn Kubernetes Cluster Autoscaler logs into answers: episodes, timings, failures.",
    discussion: """
      Exit codes: 0 success; 1 an assertion failed or its --timeout passed (assert); 2 usage, input or \
      output error (a mistyped subcommand, no input on a terminal, a command after -- that fails); \
      3 insufficient evidence (assert); 130/143 interrupted by SIGINT/SIGTERM (what was read is \
      reported, marked partial).
      """,
    version: CasLogsVersion.current,
    subcommands: [Report.self, Follow.self, Assert.self, CatalogList.self],
    defaultSubcommand: Report.self
  )

  /// Runs the command, printing every error as one line on stderr.
  static func main() {
    AllocatorTuning.install()
    StandardStreams.install()
    Signals.install()
    do {
      // The files are taken out first: ArgumentParser's positional parsing is quadratic in their number.
      let (arguments, files, childCommand) = FileArguments.split(Array(CommandLine.arguments.dropFirst()))
      try CommandSuggestion.check(Array(CommandLine.arguments.dropFirst()))
      var command = try parseAsRoot(arguments)
      if var reading = command as? any ReadsFiles, !files.isEmpty {
        reading.input.files = files + reading.input.files
        command = reading
      }
      try NoInputHint.check(command, command: childCommand)
      try CommandInput.startIfGiven(childCommand, for: command)
      try command.run()
    } catch let exit as ExitCode {
      Glibc.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        Output.standard(fullMessage(for: error) + "\n")
        Glibc.exit(0)
      }
      Diagnostics.error(firstLine(fullMessage(for: error)))
      Glibc.exit(2)
    }
  }

  private static func firstLine(_ text: String) -> String {
    var line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
    if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
    return line
  }
}
