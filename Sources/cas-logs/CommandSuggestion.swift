import ArgumentParser
import Glibc
import LogParse

/// "did you mean 'report'?" for a mistyped subcommand, and a hint instead of a silent wait.
///
/// A first word that is no subcommand is a log file of the default `report` (`cas-logs x.log`); only a
/// word that names no existing file and is close to a subcommand's name (`reprot`) is taken for a typo.
enum CommandSuggestion {
  /// The names suggested.
  static let names = ["report", "follow", "assert", "catalog", "help"]

  /// The largest edit distance (insertions, deletions, substitutions, swaps of neighbours) of a typo.
  static let largestDistance = 2

  /// The first positional word of `arguments` (options and the values of value options skipped), if it
  /// comes before any `--`.
  static func firstWord(_ arguments: [String]) -> String? {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" || FileArguments.parserValueOptions.contains(argument) { return nil }
      if argument.hasPrefix("-") && argument != "-" {
        if FileArguments.valueOptions.contains(argument) || FileArguments.shortValueOptions.contains(argument) {
          index += 1
        }
        continue
      }
      return argument
    }
    return nil
  }

  /// The subcommand `word` is probably a typo of, or nil: a subcommand, a path with `/` or `.`, or a
  /// word `exists` says names a file, is none.
  static func suggestion(for word: String, exists: (String) -> Bool) -> String? {
    guard !FileArguments.commands.contains(word), !word.contains("/"), !word.contains("."), word.count <= 20
    else { return nil }
    let lowered = Array(word.lowercased().utf8)
    let best = names.map { (name: $0, distance: distance(lowered, Array($0.utf8))) }.min { $0.distance < $1.distance }
    guard let best, best.distance <= min(largestDistance, max(1, lowered.count / 3)) else { return nil }
    return exists(word) ? nil : best.name
  }

  /// Throws the one-line usage error for a mistyped subcommand at the start of `arguments`.
  static func check(_ arguments: [String]) throws {
    guard let word = firstWord(arguments),
      let name = suggestion(
        for: word,
        exists: { path in
          var info = stat()
          return stat(path, &info) == 0
        })
    else { return }
    throw ValidationError(
      "unknown command '\(TerminalText.sanitize(word))' (and no such file): did you mean '\(name)'?")
  }

  /// The optimal-string-alignment distance of `a` and `b`.
  static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { rows[i][0] = i }
    for j in 0...b.count { rows[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, rows[i - 2][j - 2] + 1) }
        rows[i][j] = value
      }
    }
    return rows[a.count][b.count]
  }
}

/// The hint a reading command gives, instead of waiting silently, when it would read a terminal.
enum NoInputHint {
  /// The one line printed (as an error, exit 2).
  static let text =
    "no input: give log files (cas-logs report FILE...), pipe a log in (kubectl logs ... | cas-logs report), "
    + "run a command after -- (cas-logs follow -- kubectl logs -f ...), or '-' to read the terminal; see cas-logs --help"

  /// Whether to give the hint: no files and no command, and standard input is a terminal.
  static func applies(files: [String], command: [String]?, inputIsTerminal: Bool) -> Bool {
    files.isEmpty && command == nil && inputIsTerminal
  }

  /// Throws the hint for a reading subcommand that would wait on a terminal.
  static func check(_ parsed: any ParsableCommand, command: [String]?) throws {
    guard let reading = parsed as? any ReadsFiles else { return }
    let terminal = !StandardStreams.inputClosed && isatty(STDIN_FILENO) == 1
    if applies(files: reading.input.files, command: command, inputIsTerminal: terminal) {
      throw ValidationError(text)
    }
  }
}
