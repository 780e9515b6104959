import Foundation
import Glibc
import Testing

/// The binary on hostile input and in hostile surroundings: escapes, pipes, signals, odd files.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct HostileInputCLITests {
  /// A log whose pod name tries to clear the screen and set the terminal title.
  private static let hostileLog = [
    "I0927 11:50:35.158353       1 scale_up.go:263] Pod ns/echo\u{1B}[2J\u{1B}]0;pwned\u{07} is unschedulable",
    "I0927 11:50:35.158556       1 scale_up.go:529] Final scale-up plan: [{g\u{1B}[31m 4->5 (max: 8)}]",
    "I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group g\u{1B}[31m size to 5",
  ]

  @Test(arguments: [["report"], ["follow"], ["report", "--format", "markdown"]])
  func escapeSequencesNeverReachTheTerminal(arguments: [String]) throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("hostile.log", lines: Self.hostileLog)
    let result = try CLIRunner.run(arguments + [path])
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(result.summary)")
    #expect(result.stdout.contains("\\x1b"), "the escape is shown, escaped:\n\(result.summary)")
  }

  @Test func jsonOfInvalidBytesIsValidJSON() throws {
    let directory = try TemporaryDirectory()
    var bytes = Data(Self.hostileLog.joined(separator: "\n").utf8)
    bytes.append(contentsOf: [0x0A, 0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x0A])
    let path = directory.path("bytes.log")
    try bytes.write(to: URL(fileURLWithPath: path))
    let result = try CLIRunner.run(["report", "--format", "json", path])
    #expect(result.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    #expect(object is [String: Any])
  }

  @Test func aClosedPipeEndsQuietly() throws {
    let binary = try CLIRunner.binaryURL().path
    let sample = try SampleLogs.path(SampleLogs.blogScaleUp)
    // `report … | head -1`: the reader leaves after one line; no noise, no crash.
    let script =
      "for i in $(seq 1 200); do cat '\(sample)'; done > big.log; '\(binary)' report --format json big.log | head -1"
    let directory = try TemporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "cd '\(directory.url.path)' && " + script]
    let stderr = Pipe()
    let stdout = Pipe()
    process.standardError = stderr
    process.standardOutput = stdout
    try process.run()
    process.waitUntilExit()
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(output == "{\n")
    #expect(errors.isEmpty, "stderr: \(errors)")
  }

  @Test(arguments: [(SIGINT, 130), (SIGTERM, 143)] as [(Int32, Int32)])
  func followPrintsTheSummaryWhenStopped(signalNumber: Int32, exitCode: Int32) throws {
    let process = try CLIProcess(arguments: ["follow"], stdinPipe: true)
    for line in try SampleLogs.lines(SampleLogs.blogScaleUp) { _ = process.writeLine(line) }
    // Signalled once the handlers are installed and every line was read, not after a fixed sleep.
    try #require(process.waitUntilHandlingSignals(), "no signal handlers:\n\(process.result().summary)")
    process.waitUntilStdinIsRead()
    process.send(signalNumber)
    let exited = process.waitForExit(timeout: .seconds(5))
    if !exited { process.kill() }
    let result = process.result()
    try #require(exited, "follow did not stop on signal \(signalNumber):\n\(result.summary)")
    #expect(result.exitCode == exitCode, "\(result.summary)")
    #expect(result.stdout.contains("finished"), "\(result.summary)")
    #expect(result.stdout.contains("--- summary"), "\(result.summary)")
  }

  @Test func aDirectoryIsAnInputError() throws {
    let directory = try TemporaryDirectory()
    let result = try CLIRunner.run(["report", directory.url.path])
    #expect(result.exitCode == 2)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("is a directory"), "\(result.summary)")
  }

  @Test func aNamedPipeWithoutWriterIsAnInputErrorNotAHang() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("pipe")
    try #require(mkfifo(path, 0o600) == 0)
    let started = ContinuousClock.now
    let result = try CLIRunner.run(["report", "--pipe-wait", "0.3", path], timeLimit: .seconds(10))
    #expect(ContinuousClock.now - started < .seconds(5))
    #expect(result.exitCode == 2)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("named pipe"), "\(result.summary)")
  }

  @Test func aRunawayUserPatternIsReportedNotHungOn() throws {
    let directory = try TemporaryDirectory()
    let line = "I0927 11:50:35.158572       1 a.go:1] " + String(repeating: "a", count: 30_000) + "b"
    let path = try directory.write("runaway.log", lines: [line])
    let started = ContinuousClock.now
    let result = try CLIRunner.run(["assert", "--expect-line", "^(a+)+$", path], timeLimit: .seconds(20))
    #expect(ContinuousClock.now - started < .seconds(10))
    // PCRE2 gave up, so whether the record matches is unknown: insufficient evidence, not a verdict.
    #expect(result.exitCode == 3)
    #expect(result.stdout.contains("match limit"), "\(result.summary)")
  }
}
