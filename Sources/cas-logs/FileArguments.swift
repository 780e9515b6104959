import ArgumentParser

/// Takes the log file arguments out of the command line before ArgumentParser sees it.
///
/// ArgumentParser's positional parsing costs O(n) per argument (it removes each used argument from an
/// array and copies the set of inputs it came from), so 30,000 file arguments took seconds of parsing
/// alone. The files of `report`, `follow` and `assert` are taken out here in one O(n) pass and handed
/// to ``InputOptions`` after parsing (``ReadsFiles``); options, their values and everything else are parsed as before.
enum FileArguments {
  /// The subcommands whose positional arguments are log files.
  static let readingCommands: Set<String> = ["report", "follow", "assert"]
  /// The short options that take a value as the next argument (`-o json`).
  static let shortValueOptions: Set<String> = ["-o"]
  /// ArgumentParser's own options whose value is the next argument (`--generate-completion-script
  /// zsh`): a command line with one is left whole to the parser.
  static let parserValueOptions: Set<String> = ["--generate-completion-script"]
  /// Every subcommand name (the first positional word is one, or the default `report` is meant).
  static let commands: Set<String> = readingCommands.union(["catalog", "help"])

  /// The long options that take a value as the next argument (`--output FILE`); every other option
  /// stands alone or carries its value after `=`.
  static let valueOptions: Set<String> = [
    "--year", "--max-line-length", "--threads", "--pipe-wait", "--format", "--output", "--expect-line",
    "--forbid-line", "--expect", "--then", "--forbid", "--timeout", "--junit", "--iteration",
    // Report layout, colour and scope (LayoutOptions, ColorOptions, ScopeOptions).
    "--limit", "--color", "--since", "--until", "--node-group", "--node", "--pod", "--only",
    "--junit-suite",
  ]

  /// `arguments` (without the program name) without the log files of a reading subcommand, those
  /// files in order, and the words after a `--` terminator (the command whose output is read,
  /// ``CommandInput``; nil without a terminator); for any other subcommand, `arguments` unchanged.
  static func split(_ arguments: [String]) -> (parsed: [String], files: [String], command: [String]?) {
    var parsed: [String] = []
    var files: [String] = []
    var childCommand: [String]?
    parsed.reserveCapacity(arguments.count)
    var command: String?
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        // After the terminator comes the command whose output is read, for a reading command.
        guard command.map(readingCommands.contains) ?? true else { return (arguments, [], nil) }
        childCommand = Array(arguments[index...])
        break
      }
      if parserValueOptions.contains(argument) { return (arguments, [], nil) }
      if argument.hasPrefix("-") && argument != "-" {
        parsed.append(argument)
        if valueOptions.contains(argument) || shortValueOptions.contains(argument), index < arguments.count {
          parsed.append(arguments[index])
          index += 1
        }
        continue
      }
      if command == nil {
        if commands.contains(argument) {
          command = argument
          guard readingCommands.contains(argument) else { return (arguments, [], nil) }
          parsed.append(argument)
          continue
        }
        command = "report"
      }
      files.append(argument)
    }
    return (parsed, files, childCommand)
  }
}

/// A subcommand that reads log files given as arguments.
protocol ReadsFiles: ParsableCommand {
  var input: InputOptions { get set }
}

extension CasLogs.Report: ReadsFiles {}
extension CasLogs.Follow: ReadsFiles {}
extension CasLogs.Assert: ReadsFiles {}
