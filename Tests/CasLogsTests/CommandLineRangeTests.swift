import Foundation
import Glibc
import LogParse
import Testing

/// Every number on the command line is range-checked: out of range is one usage error line, exit 2, never a trap.
struct CommandLineRangeTests {
  @Test(
    "an out-of-range value is a one-line usage error",
    arguments: [
      ["report", "--format", "json", "--year", "300000"], ["report", "--format", "json", "--year=-300000"],
      ["report", "--format", "html", "--year", "1969"], ["report", "--year", "10000"],
      ["assert", "--expect", "scale-up", "--timeout", "9999999999999h"],
      ["assert", "--expect", "scale-up", "--timeout=-5s"], ["assert", "--expect", "scale-up", "--timeout", "8785h"],
      ["report", "--pipe-wait", "inf"], ["report", "--pipe-wait", "nan"], ["report", "--pipe-wait=-1"],
      ["report", "--pipe-wait", "1e300"], ["report", "--threads", "0"], ["report", "--threads=-3"],
      ["report", "--max-line-length", "0"], ["report", "--max-line-length=-5"],
      ["report", "--max-line-length", "99999999999999"], ["follow", "--year", "300000"],
    ])
  func outOfRange(arguments: [String]) throws {
    let result = try CLIRunner.run(arguments + [try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(!result.terminatedBySignal, "\(result.summary)")
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "stderr is not one line:\n\(result.summary)")
    #expect(result.stderr.hasPrefix("cas-logs: error: "), "\(result.summary)")
  }

  @Test(
    "the limits themselves are accepted",
    arguments: [
      ["report", "--format", "json", "--year", "1970"], ["report", "--format", "json", "--year", "9999"],
      ["assert", "--expect-line", "Upcoming", "--timeout", "8784h"], ["report", "--pipe-wait", "0"],
    ])
  func limitsAccepted(arguments: [String]) throws {
    let result = try CLIRunner.run(arguments + [try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 0, "\(result.summary)")
  }

  /// The shortest line length is accepted, and lines cut that short hold no record: the one line
  /// says they were cut, not that the option is wrong.
  @Test func theShortestLineLengthIsAcceptedAndItsCutsAreNamed() throws {
    let result = try CLIRunner.run(
      ["report", "--max-line-length", "16", try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    #expect(result.stderr.contains("cut at --max-line-length"), "\(result.summary)")
  }

  /// A huge `--threads` once exhausted the machine's process limit; it is capped at the usable cores.
  ///
  /// The thread count is sampled every few milliseconds while a large stream is parsed in segments,
  /// and the most seen is checked: a single sample could come before the workers exist.
  @Test func threadsAreCappedAtTheCoreCount() throws {
    let process = try CLIProcess(arguments: ["report", "--threads", "64"], stdinPipe: true)
    let most = try ThreadSampling.mostThreadsWhileParsing(process)
    let cores = UsableCores.count()
    #expect(most > 1 || cores == 1, "no worker thread was ever seen (\(most))")
    #expect(most <= cores + 1, "\(most) threads on \(cores) cores")
    #expect(process.result().exitCode == 0, "\(process.result().summary)")
  }
}
