import Foundation
import Testing

@testable import cas_logs

/// A mistyped subcommand gets "did you mean", unless the word names a file (then it is the default
/// `report`'s log); a reading command on a terminal with no input says how to give one.
struct CommandSuggestionTests {
  /// Typos of `name`: each pair of neighbours swapped, each letter dropped, each letter doubled.
  static func typos(of name: String) -> [String] {
    let letters = Array(name)
    var words: Set<String> = []
    for index in letters.indices {
      var dropped = letters
      dropped.remove(at: index)
      words.insert(String(dropped))
      var doubled = letters
      doubled.insert(letters[index], at: index)
      words.insert(String(doubled))
      if index + 1 < letters.count {
        var swapped = letters
        swapped.swapAt(index, index + 1)
        words.insert(String(swapped))
      }
    }
    return words.filter { $0 != name }.sorted()
  }

  @Test("every typo of every subcommand is recognised as one", arguments: CommandSuggestion.names)
  func typosAreSuggested(name: String) {
    for typo in Self.typos(of: name) {
      #expect(CommandSuggestion.suggestion(for: typo, exists: { _ in false }) == name, "\(typo)")
      #expect(CommandSuggestion.suggestion(for: typo.uppercased(), exists: { _ in false }) == name, "\(typo)")
      // An existing file of that name is a log, as ever.
      #expect(CommandSuggestion.suggestion(for: typo, exists: { $0 == typo }) == nil, "\(typo)")
    }
  }

  @Test(
    "subcommands, paths and far words are not typos",
    arguments: ["report", "follow", "x.log", "./reprot", "logs/reprot", "cluster-autoscaler", "rep", "-", "kubectl"])
  func notTypos(word: String) {
    #expect(CommandSuggestion.suggestion(for: word, exists: { _ in false }) == nil)
  }

  @Test("the first positional word skips options and their values, and stops at --")
  func firstWord() {
    #expect(CommandSuggestion.firstWord(["--year", "2024", "-o", "json", "reprot"]) == "reprot")
    #expect(CommandSuggestion.firstWord(["--unrecognized", "x.log"]) == "x.log")
    #expect(CommandSuggestion.firstWord(["--", "reprot"]) == nil)
  }

  @Test("cas-logs reprot x.log: did you mean 'report'?, exit 2, one line", arguments: ["reprot", "folow", "asert"])
  func suggestsOnTheCommandLine(typo: String) throws {
    let result = try CLIRunner.run(["--year", "2024", typo, "x.log"])
    #expect(result.exitCode == 2, "\(result.summary)")
    let expected = ["reprot": "report", "folow": "follow", "asert": "assert"][typo] ?? ""
    #expect(
      result.stderrLines == [
        "cas-logs: error: unknown command '\(typo)' (and no such file): did you mean '\(expected)'?"
      ],
      "\(result.summary)")
  }

  @Test("a file named like a typo is still read as a log, and a missing log is still file-not-found")
  func filesStayFiles() throws {
    let directory = try TemporaryDirectory()
    let log = try String(contentsOfFile: try SampleLogs.path(SampleLogs.blogScaleUp), encoding: .utf8)
    _ = try directory.write("reprot", text: log)
    let process = Process()
    process.executableURL = try CLIRunner.binaryURL()
    process.arguments = ["reprot"]
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path("."))
    process.environment = CLIRunner.childEnvironment(overriding: [:])
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(text.contains("Scale-ups: 1"), "\(text)")
    let missing = try CLIRunner.run(["missing.log"])
    #expect(missing.exitCode == 2)
    #expect(missing.stderr.contains("cannot open 'missing.log'"), "\(missing.summary)")
  }

  @Test("the hint is given only with no files, no command and a terminal on standard input")
  func hintDecision() {
    #expect(NoInputHint.applies(files: [], command: nil, inputIsTerminal: true))
    #expect(!NoInputHint.applies(files: [], command: nil, inputIsTerminal: false))
    #expect(!NoInputHint.applies(files: ["-"], command: nil, inputIsTerminal: true))
    #expect(!NoInputHint.applies(files: ["a.log"], command: nil, inputIsTerminal: true))
    #expect(!NoInputHint.applies(files: [], command: ["kubectl", "logs"], inputIsTerminal: true))
  }

  /// Runs `arguments` with a pseudo-terminal on standard input (through python3's `pty` module), and
  /// returns the exit code and standard error; nil without python3.
  static func runOnATerminal(_ arguments: [String]) throws -> (Int32, String)? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return nil }
    let script = """
      import os, subprocess, sys
      primary, secondary = os.openpty()
      child = subprocess.Popen(sys.argv[1:], stdin=secondary, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
      os.close(secondary)
      try:
          _, err = child.communicate(timeout=10)
      except subprocess.TimeoutExpired:
          child.kill()
          _, err = child.communicate()
          sys.stderr.buffer.write(b"still waiting after 10 s\\n")
          sys.exit(99)
      sys.stderr.buffer.write(err)
      sys.exit(child.returncode)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", script, try CLIRunner.binaryURL().path] + arguments
    process.environment = CLIRunner.childEnvironment(overriding: [:])
    let error = Pipe()
    process.standardError = error
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  @Test("bare cas-logs (and follow, assert) on a terminal prints a hint and exits 2 instead of waiting")
  func bareOnATerminal() throws {
    for arguments in [[], ["report"], ["follow"], ["assert", "--expect", "scale-up"]] {
      guard let (code, stderr) = try Self.runOnATerminal(arguments) else { return }
      #expect(code == 2, "\(arguments): \(stderr)")
      #expect(stderr == "cas-logs: error: \(NoInputHint.text)\n", "\(arguments)")
    }
  }

  @Test("the top-level help lists every exit code cas-logs uses")
  func helpListsExitCodes() throws {
    let help = try CLIRunner.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
    let paragraph = try #require(help.range(of: "Exit codes:").map { String(help[$0.lowerBound...]) })
    // The verdicts (0, 1, 3), usage/input/output errors (2), and 128 + SIGINT or SIGTERM.
    for code in [0, 1, 2, 3, 128 + Int(SIGINT), 128 + Int(SIGTERM)] {
      #expect(
        paragraph.contains(" \(code) ") || paragraph.contains(" \(code)/") || paragraph.contains("/\(code) "), "\(code)"
      )
    }
  }
}
