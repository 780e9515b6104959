import Foundation
import Glibc
import Testing

/// SIGINT and SIGTERM stop every command on every input at once: what was read is reported, marked
/// partial, and the exit code is 128 + the signal, never a verdict or a success.
struct InterruptTests {
  /// Sends `signalNumber` once the process catches SIGINT and SIGTERM (a signal before its handlers
  /// are installed would kill it) and `ready` holds, and waits at most a few seconds for it to exit;
  /// the latency is measured from the moment the signal was sent.
  static func interrupt(
    _ process: CLIProcess, with signalNumber: Int32, when ready: () -> Bool = { true }
  ) throws -> (CLIResult, Duration) {
    try #require(process.waitUntilHandlingSignals(), "no signal handlers:\n\(process.result().summary)")
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    while !ready(), ContinuousClock.now < deadline, !process.hasExited { Thread.sleep(forTimeInterval: 0.01) }
    let sent = ContinuousClock.now
    process.send(signalNumber)
    let exited = process.waitForExit(timeout: .seconds(10))
    let latency = (process.exitedAt ?? ContinuousClock.now) - sent
    if !exited { process.kill() }
    let result = process.result()
    try #require(exited, "cas-logs did not stop on signal \(signalNumber):\n\(result.summary)")
    return (result, latency)
  }

  /// How soon a signal must end the program: generous, as the machine may be loaded.
  static let latencyLimit: Duration = .seconds(2)

  @Test(
    "an endless device is read until a signal, then reported as partial",
    arguments: [(SIGTERM, Int32(143), "SIGTERM"), (SIGINT, Int32(130), "SIGINT")])
  func endlessDevice(signalNumber: Int32, exitCode: Int32, name: String) throws {
    let process = try CLIProcess(arguments: ["report", "/dev/zero"], stdinPipe: false)
    let (result, latency) = try Self.interrupt(process, with: signalNumber)
    #expect(result.exitCode == exitCode, "\(result.summary)")
    #expect(!result.terminatedBySignal, "\(result.summary)")
    #expect(latency < Self.latencyLimit, "took \(latency) to stop")
    #expect(result.stdout.contains("partial: interrupted by \(name)"), "\(result.summary)")
  }

  @Test("the JSON report of an interrupted read says so in input.interrupted")
  func jsonSaysInterrupted() throws {
    let process = try CLIProcess(arguments: ["report", "--format", "json", "/dev/zero"], stdinPipe: false)
    let (result, _) = try Self.interrupt(process, with: SIGTERM)
    #expect(result.exitCode == 143, "\(result.summary)")
    let input = try JSON.child(try JSON.object(result.stdout), "input")
    #expect(input["interrupted"] as? String == "SIGTERM", "\(input)")

    let complete = try CLIRunner.run(["report", "--format", "json", try SampleLogs.path(SampleLogs.blogScaleUp)])
    let completeInput = try JSON.child(try JSON.object(complete.stdout), "input")
    #expect(completeInput.keys.contains("interrupted") && completeInput["interrupted"] is NSNull, "\(completeInput)")
  }

  @Test(
    "assert and follow on an endless device stop at a signal with 128+signal",
    arguments: [["assert", "--expect", "scale-up", "/dev/urandom"], ["follow", "/dev/zero"]])
  func otherCommandsOnADevice(arguments: [String]) throws {
    let process = try CLIProcess(arguments: arguments, stdinPipe: false)
    let (result, latency) = try Self.interrupt(process, with: SIGINT)
    #expect(result.exitCode == 130, "\(result.summary)")
    #expect(latency < Self.latencyLimit, "took \(latency) to stop")
    #expect(result.stdout.contains("interrupted by SIGINT"), "\(result.summary)")
  }

  @Test("a named pipe given as a file and kept busy by its writer stops at a signal")
  func busyNamedPipe() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("pipe")
    try #require(mkfifo(path, 0o600) == 0)
    let lines = try SampleLogs.data(SampleLogs.blogScaleUp)
    let written = WrittenBytes()
    let writer = Thread {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { return }
      // Writes until the reader goes away (EPIPE, as the test process ignores SIGPIPE).
      while true {
        let count = lines.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        written.add(count)
        usleep(1_000)
      }
      close(fd)
    }
    writer.start()
    let process = try CLIProcess(arguments: ["report", path], stdinPipe: false)
    // More than a pipe holds has been written: the process has read some of it.
    let (result, latency) = try Self.interrupt(process, with: SIGINT) { written.total > 256 << 10 }
    #expect(result.exitCode == 130, "\(result.summary)")
    #expect(latency < Self.latencyLimit, "took \(latency) to stop")
    #expect(result.stdout.contains("ASG_NAME"), "what was read is reported:\n\(result.summary)")
    #expect(result.stdout.contains("partial: interrupted by SIGINT"), "\(result.summary)")
  }

  @Test(
    "report on standard input exits 130 on SIGINT, its report marked partial",
    arguments: [[String](), ["--threads", "1"]])
  func reportOnStandardInput(extra: [String]) throws {
    let process = try CLIProcess(arguments: ["report"] + extra, stdinPipe: true)
    for line in try SampleLogs.lines(SampleLogs.blogScaleUp) { _ = process.writeLine(line) }
    let (result, latency) = try Self.interrupt(process, with: SIGINT) { process.unreadStdinBytes == 0 }
    #expect(result.exitCode == 130, "\(result.summary)")
    #expect(latency < Self.latencyLimit, "took \(latency) to stop")
    #expect(result.stdout.contains("ASG_NAME"), "\(result.summary)")
    #expect(result.stdout.contains("partial: interrupted by SIGINT"), "\(result.summary)")
  }

  @Test("assert on standard input gives no verdict on SIGINT: exit 130, not 1")
  func assertOnStandardInput() throws {
    let process = try CLIProcess(arguments: ["assert", "--expect", "scale-down succeeded"], stdinPipe: true)
    for line in try SampleLogs.lines(SampleLogs.blogScaleUp) { _ = process.writeLine(line) }
    let (result, latency) = try Self.interrupt(process, with: SIGINT) { process.unreadStdinBytes == 0 }
    #expect(result.exitCode == 130, "\(result.summary)")
    #expect(latency < Self.latencyLimit, "took \(latency) to stop")
    #expect(result.stdout.contains("PARTIAL"), "\(result.summary)")
    #expect(!result.stdout.contains("0 passed, 1 failed"), "\(result.summary)")
  }

  @Test("a signal while waiting for a named pipe's writer ends the wait with 128+signal, not 'no writer'")
  func signalWhileWaitingForAWriter() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("pipe")
    try #require(mkfifo(path, 0o600) == 0)
    let process = try CLIProcess(arguments: ["report", "--pipe-wait", "30", path], stdinPipe: false)
    // The helper thread that waits in open(2) exists: the wait for a writer has begun.
    let (result, latency) = try Self.interrupt(process, with: SIGTERM) { (process.threadCount ?? 0) >= 2 }
    #expect(result.exitCode == 143, "\(result.summary)")
    #expect(latency < Self.latencyLimit, "took \(latency) to stop")
    #expect(result.stdout.contains("partial: interrupted by SIGTERM"), "\(result.summary)")
  }

  @Test("a named pipe removed while its writer is awaited ends the wait: no writer, not a hang")
  func namedPipeRemovedDuringTheWait() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("pipe")
    try #require(mkfifo(path, 0o600) == 0)
    let process = try CLIProcess(arguments: ["report", "--pipe-wait", "1", path], stdinPipe: false)
    // The helper thread that waits in open(2) exists: the wait has begun.
    try #require(process.waitForThreads(2), "never waited:\n\(process.result().summary)")
    unlink(path)
    let exited = process.waitForExit(timeout: .seconds(10))
    if !exited { process.kill() }
    let result = process.result()
    #expect(exited, "still waiting 10 s after a 1 s --pipe-wait:\n\(result.summary)")
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderr.contains("no writer opened"), "\(result.summary)")
  }

  @Test("a writer that opens a named pipe at once but writes late is waited for")
  func lateWriterIsRead() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("pipe")
    try #require(mkfifo(path, 0o600) == 0)
    let lines = try SampleLogs.data(SampleLogs.blogScaleUp)
    let writer = Thread {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { return }
      Thread.sleep(forTimeInterval: 1.5)
      _ = lines.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    let result = try CLIRunner.run(["report", "--pipe-wait", "0.5", path], timeLimit: .seconds(20))
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdout.contains("ASG_NAME") && result.stdout.contains("4->5"), "\(result.summary)")
  }
}

/// What a writer thread has written so far.
final class WrittenBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func add(_ bytes: Int) { lock.withLock { count += bytes } }
  var total: Int { lock.withLock { count } }
}
