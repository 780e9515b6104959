import Foundation
import LogParse
import Testing

/// `--since`, `--until`, `--node-group`, `--node`, `--pod` on report, follow and assert, and `follow --only`.
struct ScopeOptionTests {
  /// The blog's logs: a scale-up of ASG_NAME decided at 11:50 and a scale-down of an empty node at 12:07, 2019-09-27.
  private func blog() throws -> [String] {
    ["--year", "2019", try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
  }

  private func ids(_ result: CLIResult) -> [String] {
    result.stdoutLines.filter { $0.hasPrefix("  up-") || $0.hasPrefix("  down-") }.map {
      String($0.dropFirst(2).split(separator: " ")[0])
    }
  }

  @Test(
    "report keeps what each filter names, and says so in its first line",
    arguments: [
      (["--since", "2019-09-27T12:00:00Z"], ["down-1"]), (["--until", "2019-09-27T12:00:00Z"], ["up-1"]),
      (["--since", "2019-09-27T21:00:00+09:00", "--until", "2019-09-27T12:10:00Z"], ["down-1"]),
      (["--node-group", "ASG"], ["up-1"]), (["--node-group", "^SG"], []),
      (["--node", "ip-172-19-67-52"], ["down-1"]), (["--pod", "^echoserver/echoserver-"], ["up-1"]),
      (["--since", "1h"], []), (["--since", "200000h"], ["up-1", "down-1"]),
    ] as [([String], [String])])
  func reportFilters(arguments: [String], expected: [String]) throws {
    let result = try CLIRunner.run(["report"] + arguments + (try blog()))
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(ids(result) == expected, "\(result.summary)")
    #expect(result.stdoutLines.first?.hasPrefix("Scope: ") == true, "\(result.summary)")
    let unfiltered = try CLIRunner.run(["report"] + (try blog()))
    #expect(!unfiltered.stdout.contains("Scope:") && ids(unfiltered) == ["up-1", "down-1"])
  }

  @Test("the JSON report names its scope; Markdown states it")
  func jsonAndMarkdown() throws {
    let json = try CLIRunner.run(["report", "--format", "json", "--node", "^ip-"] + (try blog()))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let scope = try #require(object["scope"] as? [String: Any], "\(json.summary)")
    #expect(scope["node"] as? String == "^ip-" && scope["since"] is NSNull)
    #expect((object["scaleUps"] as? [Any])?.isEmpty == true && (object["scaleDowns"] as? [Any])?.count == 1)
    let markdown = try CLIRunner.run(["report", "--format", "markdown", "--node", "^ip-"] + (try blog()))
    #expect(markdown.stdout.contains("**Scope: node"), "\(markdown.summary)")
  }

  @Test(
    "malformed and out-of-range values are usage errors on report, follow and assert",
    arguments: [
      ["--since", "2x"], ["--since", "-1h"], ["--since", "0s"], ["--until", "876601h"],
      ["--since", "2024-02-30T00:00:00Z"], ["--until", "2024-03-13 12:00:00"],
      ["--since", "2024-03-13T12:00:00Z", "--until", "2024-03-13T11:00:00Z"], ["--node-group", "("],
      ["--node", "[a"], ["--pod", "a{2,1}"], ["--since", "2024-03-13T12:00:00+23:99"],
      ["--until", "2024-03-13T12:00:00+25:00"], ["--since", "1ns"], ["--since", "0.0000001s"],
      ["--since", "500000h"],
    ])
  func usageErrors(arguments: [String]) throws {
    for command in [["report"], ["follow"], ["assert", "--expect", "scale-up"]] {
      let result = try CLIRunner.run(command + arguments + (try blog()))
      #expect(result.exitCode == 2, "\(result.summary)")
      #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("cas-logs: error: "), "\(result.summary)")
    }
  }

  @Test(
    "a duration reaching back before 1970 is refused with the real limit; the smallest and largest offsets are taken")
  func durationLimits() throws {
    let far = try CLIRunner.run(["report", "--since", "500000h"] + (try blog()))
    #expect(far.exitCode == 2 && far.stderr.contains("(back to 1970-01-01)"), "\(far.summary)")
    #expect(!far.stderr.contains("876600h"), "\(far.summary)")
    let hours = ReportScope.longestDurationHours(now: FullTime.now())
    #expect(far.stderr.contains("to \(hours)h") || far.stderr.contains("to \(hours - 1)h"), "\(far.summary)")
    for value in ["1µs", "\(hours - 1)h", "2019-09-27T23:59:00+23:59", "2019-09-27T00:00:00-23:59"] {
      let result = try CLIRunner.run(["report", "--since", value] + (try blog()))
      #expect(result.exitCode == 0, "\(value): \(result.summary)")
    }
  }

  @Test("follow prints only the steps in scope, and --only failures or episodes")
  func follow() throws {
    let all = try CLIRunner.run(["follow"] + (try blog()))
    let steps = all.stdoutLines.prefix { $0 != "--- summary" }
    let down = try CLIRunner.run(["follow", "--node", "ip-172"] + (try blog()))
    let downSteps = down.stdoutLines.prefix { $0 != "--- summary" }
    #expect(!downSteps.isEmpty && downSteps.allSatisfy { $0.contains("ip-172-19-67-52") }, "\(down.summary)")
    #expect(downSteps.count < steps.count)
    #expect(down.stdout.contains("--- summary\nScope: node ~ /ip-172/"), "\(down.summary)")
    let episodes = try CLIRunner.run(["follow", "--only", "episodes"] + (try blog()))
    let episodeSteps = episodes.stdoutLines.prefix { $0 != "--- summary" }
    #expect(!episodeSteps.isEmpty && episodeSteps.allSatisfy { $0.contains(" up-1 ") || $0.contains(" down-1 ") })
    #expect(episodeSteps.count < steps.count, "\(episodes.summary)")
    let failures = try CLIRunner.run(["follow", "--only", "failures", try SampleLogs.path(prefix: "021-")])
    let failureSteps = failures.stdoutLines.prefix { $0 != "--- summary" }
    #expect(failureSteps.count == 1 && failureSteps.first?.contains(" failure ") == true, "\(failures.summary)")
    #expect(try CLIRunner.run(["follow", "--only", "failures"] + (try blog())).stdout.hasPrefix("--- summary\n"))
    let bad = try CLIRunner.run(["follow", "--only", "everything"] + (try blog()))
    #expect(bad.exitCode == 2, "\(bad.summary)")
  }

  @Test("assert evaluates only in scope: expressions on the scoped report, line patterns in the time window")
  func assertInScope() throws {
    let inScope = try CLIRunner.run(["assert", "--expect", "scale-up succeeded"] + (try blog()))
    #expect(inScope.exitCode == 0, "\(inScope.summary)")
    let since = try CLIRunner.run(
      ["assert", "--since", "2019-09-27T12:00:00Z", "--expect", "scale-up succeeded"] + (try blog()))
    #expect(since.exitCode == 1, "\(since.summary)")
    let other = try CLIRunner.run(["assert", "--node-group", "^other$", "--forbid", "scale-up"] + (try blog()))
    #expect(other.exitCode == 0, "\(other.summary)")
    let forbidden = try CLIRunner.run(["assert", "--node-group", "^ASG_NAME$", "--forbid", "scale-up"] + (try blog()))
    #expect(forbidden.exitCode == 1, "\(forbidden.summary)")
    let line = try CLIRunner.run(
      ["assert", "--until", "2019-09-27T12:00:00Z", "--expect-line", "Scale-down: removing empty node"] + (try blog()))
    #expect(line.exitCode == 1, "\(line.summary)")
    let lineAfter = try CLIRunner.run(
      ["assert", "--since", "2019-09-27T12:00:00Z", "--expect-line", "Scale-down: removing empty node"] + (try blog()))
    #expect(lineAfter.exitCode == 0, "\(lineAfter.summary)")
  }
}
