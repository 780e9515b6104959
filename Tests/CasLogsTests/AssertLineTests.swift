import Foundation
import Testing

/// `cas-logs assert --expect-line`: PCRE2 patterns that some record's message must match, on saved files.
struct AssertLineTests {
  /// The two `--expect-line` options used throughout: one from each blog log.
  static let expectations = ["--expect-line", "Upcoming 1 nodes", "--expect-line", "Terminating EC2 instance"]

  @Test("both expected lines are found across the two blog logs: exit 0")
  func bothLinesFound() throws {
    let files = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let result = try CLIRunner.run(["assert"] + Self.expectations + files)
    #expect(result.exitCode == 0, "\(result.summary)")
  }

  @Test("on the scale-up log alone the scale-down line is missing: exit 1, naming the failing expectation")
  func missingLineFails() throws {
    let file = try SampleLogs.path(SampleLogs.blogScaleUp)
    let result = try CLIRunner.run(["assert"] + Self.expectations + [file])
    #expect(result.exitCode == 1, "\(result.summary)")
    let failing = result.output.components(separatedBy: "\n").filter { $0.contains("Terminating EC2 instance") }
    #expect(!failing.isEmpty, "the output does not name the unmet expectation:\n\(result.summary)")
    #expect(
      failing.contains { $0.localizedCaseInsensitiveContains("fail") || $0.localizedCaseInsensitiveContains("unmet") },
      "no line marks 'Terminating EC2 instance' as failed:\n\(result.summary)")
    let passing = result.output.components(separatedBy: "\n").filter { $0.contains("Upcoming 1 nodes") }
    #expect(
      !passing.contains { $0.localizedCaseInsensitiveContains("fail") },
      "the expectation that held is reported as failed:\n\(result.summary)")
  }
}
