import Foundation
import Testing

/// File names are hostile input too: escapes in a log's name never reach the terminal raw, and a
/// long `--output` name still gets its temporary file.
struct HostileNameTests {
  @Test("a log named with ESC and BEL prints escaped on PASS and FAIL lines")
  func escapesInSourceNames() throws {
    let directory = try TemporaryDirectory()
    let text = try String(contentsOfFile: try SampleLogs.path(SampleLogs.blogScaleUp), encoding: .utf8)
    let log = try directory.write("e\u{1b}]0;T\u{07}.log", text: text)
    let result = try CLIRunner.run(["assert", "--expect", "scale-up", "--forbid", "scale-up", log])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(result.stdout.contains("PASS") && result.stdout.contains("FAIL"), "\(result.summary)")
    #expect(!result.stdout.contains("\u{1b}") && !result.stdout.contains("\u{07}"), "\(result.summary)")
    #expect(result.stdout.contains("\\x1b]0;T\\x07.log"), "\(result.summary)")
  }

  @Test("a 250-byte --output name is written (the temporary name does not grow from it)")
  func longOutputName() throws {
    let directory = try TemporaryDirectory()
    let name = String(repeating: "r", count: 245) + ".json"
    let result = try CLIRunner.run([
      "report", "--format", "json", "--output", directory.path(name), try SampleLogs.path(SampleLogs.blogScaleUp),
    ])
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(directory.read(name)?.hasPrefix("{") == true, "\(result.summary)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == [name])
  }
}
