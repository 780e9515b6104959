import ArgumentParser
import Foundation
import Testing

@testable import cas_logs

/// Thousands of file arguments cost O(1) each: ArgumentParser, whose positional parsing is quadratic
/// in their number, never sees them.
struct ManyFileArgumentsTests {
  @Test("50,000 file arguments are taken out in order; the parser sees only the options")
  func filesAreTakenOut() throws {
    let files = (0..<50_000).map { "f\($0).log" }
    let (parsed, taken, _) = FileArguments.split(["assert", "--expect", "scale-up", "--github"] + files + ["-"])
    #expect(parsed == ["assert", "--expect", "scale-up", "--github"])
    #expect(taken == files + ["-"])
    let command = try CasLogs.parseAsRoot(parsed)
    #expect(command is CasLogs.Assert)
  }

  @Test(
    "the default subcommand, values after options, '=' values and the terminator",
    arguments: [
      (["a.log", "--year", "2024", "b.log"], ["--year", "2024"], ["a.log", "b.log"]),
      (["report", "--format=json", "-", "--", "--odd.log"], ["report", "--format=json"], ["-"]),
      (["follow", "--format", "ndjson"], ["follow", "--format", "ndjson"], []),
      (["catalog", "x"], ["catalog", "x"], []),
      (["help", "report"], ["help", "report"], []),
      (["--generate-completion-script", "zsh"], ["--generate-completion-script", "zsh"], []),
    ])
  func splitsLikeTheParser(arguments: [String], parsed: [String], files: [String]) {
    let split = FileArguments.split(arguments)
    #expect(split.parsed == parsed)
    #expect(split.files == files)
  }

  @Test(
    "the words after the terminator are the command whose output is read, options and all",
    arguments: [
      (
        ["assert", "--expect", "x", "--", "kubectl", "logs", "-f", "--since=1m"],
        ["kubectl", "logs", "-f", "--since=1m"]
      ),
      (["--", "cat", "a.log"], ["cat", "a.log"]),
      (["follow", "--"], []),
    ])
  func takesTheCommand(arguments: [String], command: [String]) {
    let split = FileArguments.split(arguments)
    #expect(split.command == command)
    #expect(split.files.isEmpty)
    #expect(!split.parsed.contains("--"))
  }

  @Test("without a terminator there is no command")
  func noCommand() {
    #expect(FileArguments.split(["report", "a.log"]).command == nil)
    #expect(FileArguments.split(["catalog", "--", "x"]).command == nil)
  }

  /// Every option that takes a value is known to the split, which would otherwise take its value for a file.
  @Test("the options that take a value are exactly those of the commands")
  func valueOptionsMatchTheCommands() {
    var shown: Set<String> = []
    var shownShort: Set<String> = []
    for command in [CasLogs.Report.self, CasLogs.Follow.self, CasLogs.Assert.self] as [any ParsableCommand.Type] {
      let help = CasLogs.helpMessage(for: command, includeHidden: true, columns: 1000)
      for line in help.split(separator: "\n") {
        let words = line.split(separator: " ")
        for (index, word) in words.enumerated() where word.hasPrefix("--") && index + 1 < words.count {
          if words[index + 1].hasPrefix("<") { shown.insert(String(word)) }
          // `-o, --format <format>`: the short name of a value option.
          if index > 0, words[index - 1].hasSuffix(","), words[index + 1].hasPrefix("<") {
            shownShort.insert(String(words[index - 1].dropLast()))
          }
        }
      }
    }
    #expect(shown == FileArguments.valueOptions)
    #expect(shownShort == FileArguments.shortValueOptions)
  }

  @Test("20,000 empty files are reported in seconds, not minutes", .timeLimit(.minutes(1)))
  func manyEmptyFilesAreQuick() throws {
    let directory = try TemporaryDirectory()
    let paths = try (0..<20_000).map { try directory.write("\($0)", text: "") }
    let started = ContinuousClock.now
    let result = try CLIRunner.run(["report"] + paths, timeLimit: .seconds(50))
    let elapsed = ContinuousClock.now - started
    // Empty input is not a clean report: one line says so, and the exit code is 2.
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines == ["cas-logs: error: 0 lines read: the input is empty"], "\(result.summary)")
    #expect(elapsed < .seconds(10), "20,000 empty files took \(elapsed)")
  }
}
