import Foundation
import Testing

/// Options every user tries first: `--version`, and what happens with a flag that does not exist.
struct GlobalOptionsTests {
  @Test("--version prints a version number and exits 0")
  func version() throws {
    let result = try CLIRunner.run(["--version"])
    #expect(result.exitCode == 0, "\(result.summary)")
    let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let semver = #"^(cas-logs )?v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$"#
    #expect(line.range(of: semver, options: .regularExpression) != nil, "not a version: '\(line)'")
    #expect(result.stderr.isEmpty, "\(result.summary)")
  }

  @Test(
    "an unknown flag is a usage error with a single stderr line naming the flag",
    arguments: [
      ["--frobnicate"], ["report", "--frobnicate"], ["follow", "--frobnicate"], ["assert", "--frobnicate"],
      ["assert", "--expect-lines", "Upcoming 1 nodes"], ["report", "--formats", "json"],
    ])
  func unknownFlag(arguments: [String]) throws {
    let flag = try #require(arguments.first { $0.hasPrefix("--") })
    let result = try CLIRunner.run(arguments + [try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "stderr is not exactly one line:\n\(result.summary)")
    #expect(result.stderrLines.first?.contains(flag) == true, "the error does not name \(flag):\n\(result.summary)")
  }
}
