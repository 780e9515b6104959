import Foundation
import Testing

/// `report`, `follow` and `assert` read gzip files and gzip on standard input, recognised by the
/// magic bytes whatever the name; corrupt or truncated data is one error line, exit 2 for report and
/// 3 (insufficient evidence) for assert.
struct GzipInputTests {
  /// The JSON report of `arguments`, with `name` (a path, or `-`) replaced by `SOURCE`.
  private static func json(_ arguments: [String], name: String, stdin: Data? = nil) throws -> String {
    let result = try CLIRunner.run(["report", "--format", "json"] + arguments, stdin: stdin)
    #expect(result.exitCode == 0 && result.stderr.isEmpty, "\(result.summary)")
    return result.stdout.replacingOccurrences(of: "\"\(name)\"", with: "\"SOURCE\"")
  }

  @Test func everySampleCompressedGivesThePlainReportWhateverItsName() throws {
    let directory = try TemporaryDirectory()
    let names = try FileManager.default.contentsOfDirectory(atPath: SampleLogs.directory.path)
      .filter { $0.hasSuffix(".log") }.sorted()
    #expect(names.count >= 10)
    for name in names {
      let path = try SampleLogs.path(name)
      let compressed = Data(try GzipTool.compress([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
      let plain = try Self.json([path], name: path)
      for target in ["saved.log.gz", "0.log.20240101-000000.gz", "no-suffix.log"] {
        let file = directory.path(target)
        try compressed.write(to: URL(fileURLWithPath: file))
        #expect(try Self.json([file], name: file) == plain, "\(name) as \(target)")
      }
    }
  }

  @Test func gzipOnStandardInputIsInflated() throws {
    let path = try SampleLogs.path(prefix: "021-")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let compressed = Data(try GzipTool.compress([UInt8](bytes)))
    let plain = try Self.json([], name: "-", stdin: bytes)
    #expect(try Self.json([], name: "-", stdin: compressed) == plain)
    // follow prints the same steps and summary.
    let followPlain = try CLIRunner.run(["follow"], stdin: bytes)
    let followCompressed = try CLIRunner.run(["follow"], stdin: compressed)
    #expect(
      followCompressed.exitCode == 0 && followCompressed.stdout == followPlain.stdout, "\(followCompressed.summary)")
    // assert sees the failure in it.
    let assert = try CLIRunner.run(["assert", "--forbid", "failure class=iam"], stdin: compressed)
    #expect(assert.exitCode == 1, "\(assert.summary)")
  }

  @Test func concatenatedMembersAreOneLog() throws {
    let scaleUp = try Data(contentsOf: URL(fileURLWithPath: try SampleLogs.path(SampleLogs.blogScaleUp)))
    let scaleDown = try Data(contentsOf: URL(fileURLWithPath: try SampleLogs.path(SampleLogs.blogScaleDown)))
    let directory = try TemporaryDirectory()
    let plain = directory.path("both.log")
    try (scaleUp + scaleDown).write(to: URL(fileURLWithPath: plain))
    let members = directory.path("both.log.gz")
    try Data(try GzipTool.compress([UInt8](scaleUp)) + GzipTool.compress([UInt8](scaleDown), level: 1))
      .write(to: URL(fileURLWithPath: members))
    #expect(try Self.json([members], name: members) == Self.json([plain], name: plain))
  }

  @Test func truncatedGzipIsAnInputErrorAndInsufficientEvidence() throws {
    let path = try SampleLogs.path(SampleLogs.blogScaleUp)
    let compressed = try GzipTool.compress([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    let directory = try TemporaryDirectory()
    let file = directory.path("cut.log.gz")
    try Data(compressed[..<(compressed.count / 2)]).write(to: URL(fileURLWithPath: file))
    let report = try CLIRunner.run(["report", file])
    #expect(report.exitCode == 2, "\(report.summary)")
    #expect(report.stderrLines.count == 1 && report.stderr.contains("truncated gzip data"), "\(report.summary)")
    #expect(report.stdout.contains("Scale-ups"), "what was read is still reported: \(report.summary)")
    let assert = try CLIRunner.run(["assert", "--forbid", "failure class=iam", file])
    #expect(assert.exitCode == 3, "\(assert.summary)")
    #expect(assert.stderr.contains("truncated gzip data") && !assert.stdout.contains("PASS"), "\(assert.summary)")
  }

  @Test func garbageGzipIsAnInputErrorAndInsufficientEvidence() throws {
    var generator = SystemRandomNumberGenerator()
    let garbage = Data([0x1F, 0x8B] + (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) })
    let directory = try TemporaryDirectory()
    let file = directory.path("garbage.log.gz")
    try garbage.write(to: URL(fileURLWithPath: file))
    for (arguments, stdin) in [([file], nil), ([], garbage)] as [([String], Data?)] {
      let report = try CLIRunner.run(["report"] + arguments, stdin: stdin)
      #expect(report.exitCode == 2, "\(report.summary)")
      #expect(report.stderrLines.count == 1 && report.stderr.contains("corrupt gzip data"), "\(report.summary)")
      let assert = try CLIRunner.run(["assert", "--forbid", "failure class=iam"] + arguments, stdin: stdin)
      #expect(assert.exitCode == 3, "\(assert.summary)")
      #expect(assert.stdout.contains("corrupt gzip data") && !assert.stdout.contains("PASS"), "\(assert.summary)")
    }
  }
}
