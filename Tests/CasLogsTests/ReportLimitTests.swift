import Foundation
import Testing

/// `report --limit N`: sections cut at N entries with "N more", folded failures, and bad values as usage errors.
struct ReportLimitTests {
  /// A log of 30 IAM failures, each in another node group.
  private func log() throws -> (TemporaryDirectory, String) {
    let directory = try TemporaryDirectory()
    return (directory, try directory.write("many.log", lines: CraftedLogs.accessDenied(count: 30)))
  }

  @Test("30 identical failures in 30 groups: one failure line, one fix; groups and scale-ups cut at --limit")
  func foldedAndCut() throws {
    let (directory, file) = try log()
    defer { _ = directory }
    for (arguments, shown) in [([String](), 20), (["--limit", "5"], 5), (["--limit", "0"], 30)] {
      let result = try CLIRunner.run(["report"] + arguments + [file])
      #expect(result.exitCode == 0, "\(result.summary)")
      let lines = result.stdoutLines
      #expect(
        lines.first == "Summary: scale-ups 30 (30 failed); scale-downs 0; failures 30 (30 iam)", "\(result.summary)")
      let failures = lines.filter { $0.hasPrefix("  iam AccessDenied autoscaling:SetDesiredCapacity") }
      #expect(failures.count == 1 && failures[0].contains("in 30 groups: ") && failures[0].contains("×30 "))
      #expect(lines.filter { $0.hasPrefix("    fix: ") }.count == 1, "\(result.summary)")
      let groups = lines.filter { $0.hasPrefix("  group-") }
      #expect(groups.count == shown, "\(result.summary)")
      let more = lines.filter { $0.hasSuffix(" more (--limit 0 lists all)") }
      // The groups and the scale-ups are cut alike.
      let expected = Array(repeating: "  \(30 - shown) more (--limit 0 lists all)", count: shown < 30 ? 2 : 0)
      #expect(more == expected, "\(result.summary)")
      #expect(lines.filter { $0.hasPrefix("  up-") }.count == shown, "\(result.summary)")
    }
  }

  @Test("--limit must be a whole number from 0 to 1000000000", arguments: ["-1", "x", "1000000001", "", "2.5"])
  func badLimit(value: String) throws {
    let (directory, file) = try log()
    defer { _ = directory }
    let result = try CLIRunner.run(["report", "--limit", value, file])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1 && result.stderr.contains("--limit"), "\(result.summary)")
  }
}
