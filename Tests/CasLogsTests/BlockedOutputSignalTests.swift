import Foundation
import Glibc
import Testing

/// A signal is honoured while output is blocked: a reader that never reads (a pipe on stdout, a FIFO
/// given to `--output`) cannot keep cas-logs from exiting 128+signal; and a step summary FIFO
/// without a reader is refused at once instead of waited for forever.
struct BlockedOutputSignalTests {
  /// A log whose JSON report (about 1.4 MB) is far larger than a pipe's buffer.
  static func bigLog(in directory: TemporaryDirectory) throws -> String {
    let lines = (0..<3000).map { index in
      String(format: "I0927 11:%02d:%02d.000000       1 x.go:1] ", index / 60 % 60, index % 60)
        + "Scale-up: setting group g\(index) size to 7"
    }
    return try directory.write("big.log", lines: lines)
  }

  /// Whether process `pid` sleeps in a pipe write (`pipe_write`, `anon_pipe_write`), polled for 10 s.
  static func waitUntilBlockedWriting(_ pid: Int32) -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    while ContinuousClock.now < deadline {
      let channel = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
      if channel.contains("pipe_write") { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }

  @Test("SIGTERM while stdout's reader never reads ends the report with 143")
  func blockedStandardOutput() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.bigLog(in: directory)
    let process = Process()
    process.executableURL = try CLIRunner.binaryURL()
    process.arguments = ["report", "--format", "json", log]
    let pipe = Pipe()  // never read
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) } }
    try #require(Self.waitUntilBlockedWriting(process.processIdentifier), "never blocked writing")
    kill(process.processIdentifier, SIGTERM)
    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
    while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
    #expect(!process.isRunning, "still blocked in a write 5 s after SIGTERM")
    if !process.isRunning {
      #expect(process.terminationReason == .exit && process.terminationStatus == 143)
    }
  }

  @Test("SIGINT while an --output FIFO's reader stalls ends the report with 130")
  func blockedOutputFIFO() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.bigLog(in: directory)
    let fifo = directory.path("out.fifo")
    try #require(mkfifo(fifo, 0o600) == 0)
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)  // a reader that never reads
    try #require(reader >= 0)
    defer { close(reader) }
    let process = try CLIProcess(
      arguments: ["report", "--format", "json", "--output", fifo, log], stdinPipe: false)
    try #require(Self.waitUntilBlockedWriting(process.processIdentifier), "never blocked writing")
    let (result, latency) = try InterruptTests.interrupt(process, with: SIGINT)
    #expect(result.exitCode == 130, "\(result.summary)")
    #expect(latency < InterruptTests.latencyLimit)
  }

  @Test("a step summary FIFO nobody reads is one line and exit 2, at once")
  func stepSummaryFIFOWithoutReader() throws {
    let directory = try TemporaryDirectory()
    let fifo = directory.path("summary.fifo")
    try #require(mkfifo(fifo, 0o600) == 0)
    let result = try CLIRunner.run(
      ["assert", "--github", "--expect", "scale-up", try SampleLogs.path(SampleLogs.blogScaleUp)],
      environment: ["GITHUB_STEP_SUMMARY": fifo], timeLimit: .seconds(20))
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderr.contains("summary.fifo") && result.stderr.contains("no process reads"), "\(result.summary)")
  }
}
