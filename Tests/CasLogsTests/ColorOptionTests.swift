import Foundation
import Testing

/// `--color auto|always|never` on report, follow and assert, with and without a terminal and NO_COLOR.
struct ColorOptionTests {
  private static let escape = "\u{1B}["

  /// Runs `cas-logs arguments` with standard output on a pseudo-terminal (Python's `pty`), with
  /// `NO_COLOR` set to `noColor` or unset; returns what the terminal showed.
  private func onTerminal(_ arguments: [String], noColor: String?) throws -> String {
    let script = """
      import os, subprocess, sys
      master, slave = os.openpty()
      child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL)
      os.close(slave)
      out = b""
      while True:
          try:
              data = os.read(master, 65536)
          except OSError:
              break
          if not data:
              break
          out += data
      child.wait()
      sys.stdout.buffer.write(out)
      sys.exit(child.returncode)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, try CLIRunner.binaryURL().path] + arguments
    var environment = CLIRunner.childEnvironment(overriding: [:])
    environment["NO_COLOR"] = noColor
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 pty run failed: \(process.terminationStatus)")
    return String(decoding: data, as: UTF8.self)
  }

  private func sample() throws -> String { try SampleLogs.path(prefix: "021-") }

  @Test("--color always colours a piped report, --color never and the default (auto, not a terminal) do not")
  func alwaysNeverAutoPiped() throws {
    let always = try CLIRunner.run(["report", "--color", "always", try sample()])
    #expect(always.exitCode == 0 && always.stdout.contains(Self.escape + "31mfailed"), "\(always.summary)")
    for arguments in [["--color", "never"], []] {
      let result = try CLIRunner.run(["report"] + arguments + [try sample()])
      #expect(result.exitCode == 0 && !result.stdout.contains("\u{1B}"), "\(result.summary)")
    }
  }

  @Test("auto on a terminal colours; NO_COLOR=1 stops it; an empty NO_COLOR does not; never wins on a terminal")
  func autoOnTerminal() throws {
    let file = try sample()
    #expect(try onTerminal(["report", file], noColor: nil).contains(Self.escape + "31mfailed"))
    #expect(try onTerminal(["report", file], noColor: "").contains(Self.escape + "31mfailed"))
    #expect(!(try onTerminal(["report", file], noColor: "1")).contains("\u{1B}"))
    #expect(!(try onTerminal(["report", "--color", "never", file], noColor: nil)).contains("\u{1B}"))
    #expect(try onTerminal(["report", "--color", "always", file], noColor: "1").contains(Self.escape))
  }

  @Test("follow and assert colour too: finished green, PASS green, FAIL red")
  func followAndAssert() throws {
    let blog = try SampleLogs.path(SampleLogs.blogScaleUp)
    let follow = try CLIRunner.run(["follow", "--color", "always", blog])
    #expect(follow.stdout.contains(Self.escape + "32mfinished"), "\(follow.summary)")
    let assert = try CLIRunner.run(
      ["assert", "--color", "always", "--expect", "scale-up succeeded", "--expect", "failure", blog])
    #expect(assert.exitCode == 1, "\(assert.summary)")
    #expect(assert.stdout.contains(Self.escape + "32mPASS") && assert.stdout.contains(Self.escape + "31mFAIL"))
    let plain = try CLIRunner.run(["assert", "--expect", "scale-up succeeded", blog])
    #expect(!plain.stdout.contains("\u{1B}"), "\(plain.summary)")
    #expect(try onTerminal(["follow", blog], noColor: nil).contains(Self.escape + "32mfinished"))
  }

  @Test("a bad --color value is a usage error")
  func badValue() throws {
    let result = try CLIRunner.run(["report", "--color", "sometimes", try sample()])
    #expect(result.exitCode == 2 && result.stderrLines.count == 1, "\(result.summary)")
  }

  @Test("with --color always, escapes in a log name are still shown, not obeyed, in report and follow")
  func escapesNeutralised() throws {
    let directory = try TemporaryDirectory()
    let file = try directory.write("evil.log", lines: CraftedLogs.scaleUp(group: "evil\u{1B}[2J\u{1B}]0;t\u{07}"))
    for command in ["report", "follow"] {
      let result = try CLIRunner.run([command, "--color", "always", file])
      #expect(result.stdout.contains("evil\\x1b[2J\\x1b]0;t\\x07"), "\(result.summary)")
      let own = try NSRegularExpression(pattern: "\u{1B}\\[[0-9]+m")
      let stripped = own.stringByReplacingMatches(
        in: result.stdout, range: NSRange(result.stdout.startIndex..., in: result.stdout), withTemplate: "")
      #expect(!stripped.contains("\u{1B}") && !stripped.contains("\u{07}"), "\(result.summary)")
    }
  }
}
