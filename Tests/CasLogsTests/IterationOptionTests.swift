import Foundation
import Testing

/// `--iteration ID` on `report`, `follow` and `assert`: exactly the records of one loop, one line each.
struct IterationOptionTests {
  /// Two loops of one process and one of the next, in the structured form, with printf lines
  /// of the core (klogx) and the AWS provider between them.
  static let structured = [
    #"I1201 10:00:00.000000       1 static_autoscaler.go:300] "Starting main loop" iterationId="1f0c9a7e-41""#,
    "I1201 10:00:01.000000       1 klogx.go:87] Pod default/web-1 is unschedulable",
    #"I1201 10:00:10.000000       1 static_autoscaler.go:300] "Starting main loop" iterationId="1f0c9a7e-42""#,
    #"I1201 10:00:11.000000       1 executor.go:148] "Scale-up: setting group size" iterationId="1f0c9a7e-42" nodeGroupId="ng-a" size=5"#,
    "I1201 10:00:12.000000       1 auto_scaling_groups.go:221] Setting asg ng-a size to 5",
    #"E1201 10:00:13.000000       1 static_autoscaler.go:310] "Failed to fix node group sizes" err="x \"\u{1B}[31m\"" iterationId="1f0c9a7e-42""#,
    "I1201 10:00:20.000000       1 main.go:553] Cluster Autoscaler 1.38.0",
    #"I1201 10:00:30.000000       1 static_autoscaler.go:300] "Starting main loop" iterationId="9a0b1c2d-1""#,
    "I1201 10:00:31.000000       1 klogx.go:87] Pod default/web-2 is unschedulable",
  ]

  /// An older log: loops delimited by `Starting main loop`.
  static let printf = [
    "I1201 10:00:00.000000       1 static_autoscaler.go:280] Starting main loop",
    "I1201 10:00:01.000000       1 klogx.go:87] Pod default/web-1 is unschedulable",
    "I1201 10:00:10.000000       1 static_autoscaler.go:280] Starting main loop",
    "I1201 10:00:12.000000       1 auto_scaling_groups.go:221] Setting asg ng-a size to 5",
    "I1201 10:00:13.000000       1 some_file.go:1] a line no entry knows",
    "I1201 10:00:20.000000       1 static_autoscaler.go:280] Starting main loop",
  ]

  private func run(_ command: [String], _ lines: [String]) throws -> CLIResult {
    let directory = try TemporaryDirectory()
    let path = try directory.write("cas.log", lines: lines)
    let result = try CLIRunner.run(command + [path])
    return CLIResult(
      arguments: result.arguments, exitCode: result.exitCode, terminatedBySignal: result.terminatedBySignal,
      stdout: result.stdout.replacingOccurrences(of: path, with: "cas.log"), stderr: result.stderr)
  }

  /// `cas.log:LINE  …  MEANING  TEXT` for each of the given lines of `log`.
  private func expected(_ log: [String], _ lines: [(Int, String)]) -> [String] {
    lines.map { number, meaning in
      let text = log[number - 1]
      let message = String(text[text.index(text.firstIndex(of: "]")!, offsetBy: 2)...])
      return "cas.log:\(number)  2025-12-01T\(text.dropFirst(6).prefix(15))Z  \(meaning)  \(message)"
    }
  }

  @Test("report --iteration hex-n on a structured log prints that loop's records and nothing else")
  func structuredFullId() throws {
    let result = try run(["report", "--year", "2025", "--iteration", "1f0c9a7e-42"], Self.structured)
    #expect(result.exitCode == 0, "\(result.summary)")
    var lines = expected(
      Self.structured, [(3, "mainLoopStarted"), (4, "scaleUpRequested"), (5, "cloudResize"), (6, "failure")])
    // The escape byte in the err value is shown, not sent to the terminal.
    lines[3] = lines[3].replacingOccurrences(of: "\u{1B}", with: "\\x1b")
    #expect(result.stdoutLines == lines, "\(result.summary)")
    #expect(!result.stdout.contains("\u{1B}"), "\(result.summary)")
    #expect(result.stderr.isEmpty, "\(result.summary)")
  }

  @Test("a loop number alone names the loop of the only process that has it")
  func structuredNumber() throws {
    let result = try run(["report", "--year", "2025", "--iteration", "1"], Self.structured)
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdoutLines == expected(Self.structured, [(8, "mainLoopStarted"), (9, "podUnschedulable")]))
  }

  @Test("report --iteration N on an older log prints the N-th Starting main loop loop")
  func printfOrdinal() throws {
    let result = try run(["report", "--year", "2025", "--iteration", "2"], Self.printf)
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(
      result.stdoutLines
        == expected(Self.printf, [(3, "mainLoopStarted"), (4, "cloudResize"), (5, "unrecognised")]),
      "\(result.summary)")
  }

  @Test("follow and assert show the same loop; assert adds its verdict")
  func followAndAssert() throws {
    let report = try run(["report", "--year", "2025", "--iteration", "2"], Self.printf)
    let follow = try run(["follow", "--year", "2025", "--iteration", "2"], Self.printf)
    #expect(follow.exitCode == 0 && follow.stdout == report.stdout, "\(follow.summary)")
    let assert = try run(
      ["assert", "--year", "2025", "--iteration", "2", "--expect-line", "Setting asg"], Self.printf)
    #expect(assert.exitCode == 0, "\(assert.summary)")
    #expect(assert.stdout.hasPrefix(report.stdout), "\(assert.summary)")
    #expect(assert.stdoutLines.count > report.stdoutLines.count, "\(assert.summary)")
  }

  @Test("a loop number that two processes have is one error line naming both, exit 2")
  func ambiguousNumber() throws {
    let log = [
      #"I1201 10:00:00.000000       1 static_autoscaler.go:300] "Starting main loop" iterationId="1f0c9a7e-1""#,
      #"I1201 10:00:30.000000       1 static_autoscaler.go:300] "Starting main loop" iterationId="9a0b1c2d-1""#,
    ]
    let result = try run(["report", "--iteration", "1"], log)
    #expect(result.exitCode == 2 && result.stdout.isEmpty, "\(result.summary)")
    #expect(
      result.stderrLines == [
        "cas-logs: error: --iteration 1: loops of several processes have this number (1f0c9a7e-1, 9a0b1c2d-1): "
          + "give the full id"
      ], "\(result.summary)")
    let full = try run(["report", "--iteration", "9a0b1c2d-1"], log)
    #expect(full.exitCode == 0 && full.stdoutLines.count == 1 && full.stdout.hasPrefix("cas.log:2 "), "\(full.summary)")
  }

  @Test("an unknown or malformed id is one error line and exit 2")
  func unknownId() throws {
    for (log, id) in [
      (Self.structured, "1f0c9a7e-7"), (Self.structured, "17"), (Self.printf, "4"), (Self.printf, "x-1"),
    ] {
      for command in ["report", "follow"] {
        let result = try run([command, "--iteration", id], log)
        #expect(result.exitCode == 2, "\(result.summary)")
        #expect(result.stdout.isEmpty && result.stderrLines.count == 1, "\(result.summary)")
        #expect(result.stderr.hasPrefix("cas-logs: error: --iteration \(id)"), "\(result.summary)")
      }
    }
  }
}
