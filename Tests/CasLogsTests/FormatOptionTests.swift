import Foundation
import Testing

@testable import cas_logs

/// `-o FORMAT` is `--format FORMAT`; `--output FILE` takes its format from the extension when none is
/// given, and a format that contradicts the extension is a usage error.
struct FormatOptionTests {
  @Test(
    "-o is --format, on report and follow",
    arguments: [("report", "json"), ("report", "markdown"), ("follow", "ndjson")])
  func shortFormat(command: String, format: String) throws {
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    let long = try CLIRunner.run([command, "--format", format, log])
    let short = try CLIRunner.run([command, "-o", format, log])
    #expect(short.exitCode == 0, "\(short.summary)")
    #expect(short.stdout == long.stdout)
    #expect(short.stdout != (try CLIRunner.run([command, log])).stdout)
  }

  @Test("-o's value is not taken for a log file")
  func shortValueIsNoFile() {
    let split = FileArguments.split(["report", "-o", "json", "a.log"])
    #expect(split.parsed == ["report", "-o", "json"])
    #expect(split.files == ["a.log"])
  }

  @Test(
    "--output's extension chooses the format when none is given",
    arguments: [
      ("r.json", "json"), ("r.md", "markdown"), ("R.MARKDOWN", "markdown"), ("r.html", "html"), ("r.htm", "html"),
      ("r.txt", "text"), ("r", "text"), ("r.log", "text"), (".json", "text"),
    ])
  func extensionChoosesTheFormat(file: String, format: String) throws {
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    let directory = try TemporaryDirectory()
    let result = try CLIRunner.run(["report", "--output", directory.path(file), log])
    #expect(result.exitCode == 0, "\(result.summary)")
    let expected = try CLIRunner.run(["report", "--format", format, log])
    #expect(directory.read(file) == expected.stdout, "\(file) should hold the \(format) report")
  }

  @Test("a given format that agrees with the extension is fine; one that contradicts it is a usage error")
  func conflict() throws {
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    let directory = try TemporaryDirectory()
    let agreeing = try CLIRunner.run(["report", "-o", "html", "--output", directory.path("a.html"), log])
    #expect(agreeing.exitCode == 0, "\(agreeing.summary)")
    // Any format for a name without a known extension.
    let unknown = try CLIRunner.run(["report", "-o", "json", "--output", directory.path("a.out"), log])
    #expect(unknown.exitCode == 0, "\(unknown.summary)")
    #expect(directory.read("a.out")?.hasPrefix("{") == true)
    for (format, file) in [("json", "r.md"), ("text", "r.html"), ("markdown", "r.json"), ("html", "r.txt")] {
      let result = try CLIRunner.run(["report", "-o", format, "--output", directory.path(file), log])
      #expect(result.exitCode == 2, "\(result.summary)")
      #expect(result.stderrLines.count == 1, "\(result.summary)")
      #expect(result.stderr.hasPrefix("cas-logs: error: --format \(format) contradicts --output"), "\(result.summary)")
      #expect(directory.read(file) == nil, "\(file) was written")
    }
  }
}

/// The format given twice.
struct RepeatedFormatTests {
  @Test(
    "two different formats are a usage error; the same one twice is fine",
    arguments: [
      ("report", ["--format", "json", "-o", "text"]), ("report", ["-o", "markdown", "--format", "html"]),
      ("follow", ["-o", "ndjson", "--format", "text"]),
    ])
  func differentFormats(command: String, formats: [String]) throws {
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    let result = try CLIRunner.run([command] + formats + [log])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    #expect(result.stderr.hasPrefix("cas-logs: error: -o/--format given twice"), "\(result.summary)")
    #expect(result.stdout.isEmpty, "\(result.summary)")
    let same = try CLIRunner.run([command, "-o", formats[1], "--format", formats[1], log])
    #expect(same.exitCode == 0, "\(same.summary)")
  }
}
