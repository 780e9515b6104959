import Foundation
import Testing

/// `cas-logs assert` exit code 3: every unmet expectation is one the log cannot show.
///
/// A log whose lines prove only `--v=0` cannot show V(4) messages, and a standby replica's log shows no
/// scaling at all; such an unmet expectation is "insufficient evidence" (exit 3, with a NOTE saying what would
/// show it), but any real failure, a forbidden match or an unmet expectation the log could have shown, is exit 1.
struct AssertExitCodeTests {
  /// How the log reaches the command.
  enum Delivery: String, Sendable, CaseIterable {
    case file, stdin
  }

  /// Runs `assert` with `options` on `lines` written to a temporary file, or fed on standard input.
  private func runAssert(_ options: [String], on lines: [String], via delivery: Delivery = .file) throws -> CLIResult {
    switch delivery {
    case .file:
      let directory = try TemporaryDirectory()
      let path = try directory.write("crafted.log", lines: lines)
      return try CLIRunner.run(["assert"] + options + [path])
    case .stdin:
      return try CLIRunner.run(
        ["assert"] + options, stdin: Data(lines.map { $0 + "\n" }.joined().utf8), timeLimit: .seconds(15))
    }
  }

  /// The lines of the result's standard output that start with `NOTE`.
  private func notes(_ result: CLIResult) -> [String] {
    result.stdoutLines.filter { $0.hasPrefix("NOTE") }
  }

  @Test("V(0)-only log, --expect-line 'Upcoming 1 nodes' (a V(4) message): exit 3, NOTE says run with --v=4")
  func verbosityZeroLine() throws {
    let result = try runAssert(["--expect-line", "Upcoming 1 nodes"], on: CraftedLogs.verbosityZero)
    #expect(result.exitCode == 3, "\(result.summary)")
    let note = notes(result)
    #expect(note.count == 1, "expected one NOTE line:\n\(result.summary)")
    #expect(note.first?.contains("Upcoming 1 nodes") == true, "the NOTE does not name the expectation")
    #expect(note.first?.contains("--v=4") == true, "the NOTE does not say to run CAS with --v=4:\n\(result.summary)")
  }

  @Test("V(0)-only log, --expect 'scale-up succeeded' (the end is a V(4) line): exit 3, NOTE says --v=4")
  func verbosityZeroExpression() throws {
    let result = try runAssert(["--expect", "scale-up succeeded"], on: CraftedLogs.verbosityZero)
    #expect(result.exitCode == 3, "\(result.summary)")
    #expect(notes(result).contains { $0.contains("--v=4") }, "no NOTE saying --v=4:\n\(result.summary)")
  }

  @Test("V(0)-only log: what it does show still holds: --expect 'scale-up group=ASG_NAME to=5' exits 0")
  func verbosityZeroShowsTheDecision() throws {
    let result = try runAssert(["--expect", "scale-up group=ASG_NAME to=5"], on: CraftedLogs.verbosityZero)
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(notes(result).isEmpty, "a NOTE although everything holds:\n\(result.summary)")
  }

  @Test("a leader's scale-up beside a standby's lines, an unmet expectation: exit 1, not insufficient evidence")
  func leaderBesideStandby() throws {
    let leader = "[pod/cas-a/cluster-autoscaler] "
    let standby = "[pod/cas-b/cluster-autoscaler] "
    let lines = [
      standby + CraftedLogs.standby[0], standby + CraftedLogs.standby[1],
      leader + "I0313 12:00:13.000000       1 static_autoscaler.go:280] Starting main loop",
      leader + "I0313 12:00:13.200000       1 executor.go:147] Scale-up: setting group ng-blue size to 4",
    ]
    let result = try runAssert(["--expect", "scale-up succeeded"], on: lines)
    #expect(result.exitCode == 1, "\(result.summary)")
  }

  @Test(
    "standby replica's log, --expect 'scale-up succeeded': exit 3, NOTE says read the leader's log",
    arguments: Delivery.allCases)
  func standbyReplica(_ delivery: Delivery) throws {
    let result = try runAssert(["--expect", "scale-up succeeded"], on: CraftedLogs.standby, via: delivery)
    #expect(result.exitCode == 3, "\(result.summary)")
    #expect(
      notes(result).contains { $0.contains("leader's log") }, "no NOTE pointing at the leader's log:\n\(result.summary)"
    )
  }

  @Test("a real failure wins: the verbosity-4 blog log without 'Terminating EC2 instance' exits 1, not 3")
  func realFailureOnVerboseLog() throws {
    let result = try CLIRunner.run(
      ["assert", "--expect-line", "Terminating EC2 instance", try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(notes(result).isEmpty, "a NOTE about missing evidence on a verbose log:\n\(result.summary)")
  }

  @Test("a real failure wins: one unseeable and one ordinary unmet expectation on the V(0) log exit 1")
  func mixedUnmet() throws {
    let result = try runAssert(
      ["--expect-line", "Upcoming 1 nodes", "--expect-line", "no such message in any log"],
      on: CraftedLogs.verbosityZero)
    #expect(result.exitCode == 1, "\(result.summary)")
  }

  @Test("a real failure wins: an unseeable expectation plus a forbidden match on the V(0) log exit 1")
  func forbiddenBeatsUnseeable() throws {
    let result = try runAssert(
      ["--expect", "scale-up succeeded", "--forbid", "scale-up group=ASG_NAME"], on: CraftedLogs.verbosityZero)
    #expect(result.exitCode == 1, "\(result.summary)")
  }

  @Test("`assert --help` documents exit code 3")
  func helpDocumentsExitThree() throws {
    let result = try CLIRunner.run(["assert", "--help"])
    #expect(result.exitCode == 0, "\(result.summary)")
    let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let exitCodes = try #require(
      text.range(of: "Exit codes:").map { String(text[$0.upperBound...]) }, "no 'Exit codes:':\n\(result.summary)")
    #expect(exitCodes.contains(" 3 "), "the help's exit codes do not include 3:\n\(result.summary)")
    #expect(
      exitCodes.localizedCaseInsensitiveContains("insufficient evidence"),
      "the help does not say what exit 3 means:\n\(result.summary)")
  }
}
