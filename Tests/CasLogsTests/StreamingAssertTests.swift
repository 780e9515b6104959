import Foundation
import Testing

/// `cas-logs assert` on a live stream: a slow writer feeds standard input and keeps the pipe open, as
/// `kubectl logs -f … | cas-logs assert …` does, and the verdict must come without waiting for end of input.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct StreamingAssertTests {
  /// The pause between two lines written to the process.
  static let lineInterval: Duration = .milliseconds(100)
  /// How soon after the deciding line the process must exit.
  static let reactionLimit: Duration = .seconds(1)
  /// The hard limit for one process: past it, it is killed and the test fails.
  static let hardLimit: Duration = .seconds(15)

  /// What the slow writer saw: when the marked line went into the pipe, and whether the process exited early.
  struct Feed {
    /// When the first line containing the marker was fully written, or nil if it never was.
    var markedAt: ContinuousClock.Instant?
    /// How many lines were written before the process exited or the lines ran out.
    var linesWritten = 0
  }

  /// Writes `lines` to the process slowly, leaving the pipe open.
  ///
  /// One line every ``lineInterval``; stops as soon as the process exits, and notes when the first line
  /// containing `marker` was written.
  private func writeSlowly(_ lines: [String], to process: CLIProcess, marking marker: String?) -> Feed {
    var feed = Feed()
    for line in lines {
      if process.hasExited { break }
      guard process.writeLine(line) else { break }
      feed.linesWritten += 1
      if let marker, feed.markedAt == nil, line.contains(marker) {
        feed.markedAt = ContinuousClock.now
      }
      if process.sleep(Self.lineInterval) { break }
    }
    return feed
  }

  /// Waits for the process under the hard limit, killing it on expiry; returns whether it exited by itself.
  private func waitOrKill(_ process: CLIProcess) -> Bool {
    let exited = process.waitForExit(until: process.startedAt.advanced(by: Self.hardLimit))
    if !exited { process.kill() }
    return exited
  }

  /// Streams the blog scale-up log into `assert` with `options`, keeping the pipe open, and checks that it
  /// exits with `expectedCode` within ``reactionLimit`` of the line containing `marker` being written.
  private func expectPromptVerdict(_ options: [String], after marker: String, exitCode expectedCode: Int32) throws {
    let process = try CLIProcess(arguments: ["assert"] + options, stdinPipe: true)
    let feed = writeSlowly(try SampleLogs.lines(SampleLogs.blogScaleUp), to: process, marking: marker)
    let exited = waitOrKill(process)
    let result = process.result()
    try #require(
      exited,
      "did not exit within \(Self.hardLimit) although the verdict was known and stdin stayed open:\n\(result.summary)")
    let markedAt = try #require(
      feed.markedAt,
      "exited before the line containing '\(marker)' was written (\(feed.linesWritten) lines):\n\(result.summary)")
    let exitedAt = try #require(process.exitedAt)
    #expect(result.exitCode == expectedCode, "\(result.summary)")
    let reaction = exitedAt - markedAt
    #expect(
      reaction < Self.reactionLimit,
      "exited \(reaction) after '\(marker)' was written; expected under \(Self.reactionLimit):\n\(result.summary)")
  }

  @Test("--expect-line: exits 0 right after the matching line, while stdin stays open")
  func expectLineIsPrompt() throws {
    try expectPromptVerdict(["--expect-line", "Upcoming 1 nodes"], after: "Upcoming 1 nodes", exitCode: 0)
  }

  @Test("--expect 'scale-up succeeded': exits 0 right after the 'finished successfully' line, stdin open")
  func expectScaleUpIsPrompt() throws {
    try expectPromptVerdict(["--expect", "scale-up succeeded"], after: "finished successfully", exitCode: 0)
  }

  @Test("--forbid-line: exits 1 right after the forbidden line, while stdin stays open")
  func forbidLineIsPrompt() throws {
    try expectPromptVerdict(["--forbid-line", "Upcoming 1 nodes"], after: "Upcoming 1 nodes", exitCode: 1)
  }

  @Test("--forbid EXPR: exits 1 right after the forbidden episode is complete, while stdin stays open")
  func forbidExpressionIsPrompt() throws {
    try expectPromptVerdict(["--forbid", "scale-up succeeded"], after: "finished successfully", exitCode: 1)
  }

  /// One way of waiting for something that never comes.
  struct TimeoutCase: Sendable, CustomTestStringConvertible {
    /// The unmet expectation's options.
    let options: [String]
    /// The text the output must show to name the unmet expectation.
    let named: String
    /// Whether the writer sends the blog scale-up log (true) or nothing at all (false).
    let writes: Bool

    /// How the case reads in test results.
    var testDescription: String { options.joined(separator: " ") + (writes ? " (slow writer)" : " (silent stdin)") }
  }

  @Test(
    "--timeout 1s with an expectation that never holds: exits 1 (3 when nothing was read) after about a second, naming what is unmet",
    arguments: [
      TimeoutCase(
        options: ["--expect-line", "Terminating EC2 instance"], named: "Terminating EC2 instance", writes: true),
      TimeoutCase(options: ["--expect", "scale-down succeeded"], named: "scale-down succeeded", writes: true),
      TimeoutCase(options: ["--expect", "scale-down succeeded"], named: "scale-down succeeded", writes: false),
    ])
  func timeoutIsEnforced(_ timeoutCase: TimeoutCase) throws {
    let process = try CLIProcess(arguments: ["assert", "--timeout", "1s"] + timeoutCase.options, stdinPipe: true)
    if timeoutCase.writes {
      _ = writeSlowly(try SampleLogs.lines(SampleLogs.blogScaleUp), to: process, marking: nil)
    }
    let exited = waitOrKill(process)
    let result = process.result()
    try #require(exited, "did not exit within \(Self.hardLimit) despite --timeout 1s:\n\(result.summary)")
    let elapsed = try #require(process.exitedAt) - process.startedAt
    // Nothing read proves nothing, not even after a timeout: insufficient evidence.
    #expect(result.exitCode == (timeoutCase.writes ? 1 : 3), "\(result.summary)")
    #expect(elapsed >= .milliseconds(900), "exited after \(elapsed), before the 1s timeout:\n\(result.summary)")
    #expect(elapsed < .seconds(2), "exited after \(elapsed), long after the 1s timeout:\n\(result.summary)")
    #expect(result.output.contains(timeoutCase.named), "the output does not name the unmet:\n\(result.summary)")
    #expect(
      result.output.localizedCaseInsensitiveContains("timeout")
        || result.output.localizedCaseInsensitiveContains("timed out"),
      "the output does not say the timeout passed:\n\(result.summary)")
  }

  @Test("end of input with an expectation unmet: exits 1 at once, naming it")
  func endOfInputFails() throws {
    let result = try CLIRunner.run(
      ["assert", "--expect-line", "Terminating EC2 instance"], stdin: try SampleLogs.data(SampleLogs.blogScaleUp),
      timeLimit: .seconds(15))
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(result.output.contains("Terminating EC2 instance"), "\(result.summary)")
  }
}
