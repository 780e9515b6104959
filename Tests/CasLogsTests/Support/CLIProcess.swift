import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A running `cas-logs` process whose standard input the test writes to, line by line, at its own pace.
///
/// Standard output and standard error go to temporary files (so a chatty process can never block on a full
/// pipe); standard input is either `/dev/null` or a pipe the test controls and may keep open. The moment the
/// process exits is taken from a monotonic clock in its termination handler, so a test can measure how soon
/// after a given input line the process reacted. Deinitialisation kills a process that is still running and
/// removes the temporary files.
final class CLIProcess {
  /// The arguments after the program name.
  let arguments: [String]
  /// When the process was started, on the monotonic clock.
  let startedAt: ContinuousClock.Instant

  /// The Foundation process.
  private let process: Process
  /// The write end of the standard input pipe, while it is open.
  private var stdinHandle: FileHandle?
  /// The directory holding the output files.
  private let directory: URL
  /// Where standard output is captured.
  private let stdoutURL: URL
  /// Where standard error is captured.
  private let stderrURL: URL
  /// The handles the child writes its output through (closed on deinit).
  private let outputHandles: [FileHandle]
  /// When the process exited, set from the termination handler.
  private let exitRecord = ExitRecord()
  /// Whether `process.run()` succeeded (a process that never started cannot be signalled).
  private var launched = false

  /// Makes writes to a pipe whose reader has gone fail with `EPIPE` instead of killing the test process.
  private static let ignoreBrokenPipes: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  /// Starts `cas-logs` with `arguments`; with `stdinPipe` its standard input is a pipe left open for
  /// ``writeLine(_:)`` and ``closeStdin()``, otherwise `/dev/null`.
  ///
  /// The child's environment is ``CLIRunner/childEnvironment(overriding:base:)``: this process's, without
  /// the variables that switch on CI output, plus `environment`.
  ///
  /// `executable` replaces the `cas-logs` binary (a shell that runs it with redirections).
  init(arguments: [String], stdinPipe: Bool, environment: [String: String] = [:], executable: URL? = nil) throws {
    _ = Self.ignoreBrokenPipes
    self.arguments = arguments
    let binary = try executable ?? CLIRunner.binaryURL()
    let fileManager = FileManager.default
    directory = fileManager.temporaryDirectory.appendingPathComponent("cas-logs-tests-\(UUID().uuidString)")
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
    stdoutURL = directory.appendingPathComponent("stdout")
    stderrURL = directory.appendingPathComponent("stderr")
    _ = fileManager.createFile(atPath: stdoutURL.path, contents: nil)
    _ = fileManager.createFile(atPath: stderrURL.path, contents: nil)
    let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
    let stderrHandle = try FileHandle(forWritingTo: stderrURL)
    outputHandles = [stdoutHandle, stderrHandle]

    process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = CLIRunner.packageRoot
    process.environment = CLIRunner.childEnvironment(overriding: environment)
    process.standardOutput = stdoutHandle
    process.standardError = stderrHandle
    let pipe = stdinPipe ? Pipe() : nil
    process.standardInput = pipe ?? FileHandle.nullDevice
    let record = exitRecord
    process.terminationHandler = { _ in record.markExited() }
    startedAt = ContinuousClock.now
    try process.run()
    launched = true
    stdinHandle = pipe?.fileHandleForWriting
  }

  deinit {
    if exitRecord.exitedAt == nil { kill() }
    closeStdin()
    for handle in outputHandles { try? handle.close() }
    try? FileManager.default.removeItem(at: directory)
  }

  /// The process id (for reading `/proc/<pid>` while it runs).
  var processIdentifier: Int32 { process.processIdentifier }

  /// When the process exited, on the monotonic clock; nil while it runs.
  var exitedAt: ContinuousClock.Instant? { exitRecord.exitedAt }

  /// Whether the process has exited.
  var hasExited: Bool { exitRecord.exitedAt != nil }

  /// Writes `line` and a newline to standard input; false when the pipe is closed or its reader has gone.
  @discardableResult
  func writeLine(_ line: String) -> Bool {
    writeBytes(Data((line + "\n").utf8))
  }

  /// The bytes written to standard input that the process has not read yet (`FIONREAD` on the pipe);
  /// nil when standard input is not a pipe the test holds.
  var unreadStdinBytes: Int? {
    guard let stdinHandle else { return nil }
    var count: Int32 = 0
    return ioctl(stdinHandle.fileDescriptor, UInt(FIONREAD), &count) == 0 ? Int(count) : nil
  }

  /// Waits until the process has read everything written to its standard input, polling every 10 ms
  /// for at most `timeout`; true when it has.
  @discardableResult
  func waitUntilStdinIsRead(timeout: Duration = .seconds(10)) -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline, !hasExited {
      if unreadStdinBytes == 0 { return true }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }

  /// Writes `data` to standard input; false when the pipe is closed or its reader has gone.
  @discardableResult
  func writeBytes(_ data: Data) -> Bool {
    guard let stdinHandle else { return false }
    return Self.writeAll(data, to: stdinHandle.fileDescriptor)
  }

  /// Writes `data` to standard input on a background thread and then closes it, so a process that does
  /// not read cannot block the test.
  func feedInBackgroundAndClose(_ data: Data) {
    guard let stdinHandle else { return }
    let copy = fcntl(stdinHandle.fileDescriptor, F_DUPFD_CLOEXEC, 0)
    closeStdin()
    guard copy >= 0 else { return }
    DispatchQueue.global().async {
      _ = Self.writeAll(data, to: copy)
      close(copy)
    }
  }

  /// Closes standard input (end of file for the process); does nothing when it is not open.
  func closeStdin() {
    try? stdinHandle?.close()
    stdinHandle = nil
  }

  /// Waits until the process exits or `timeout` passes; true when it exited.
  func waitForExit(timeout: Duration) -> Bool {
    waitForExit(until: ContinuousClock.now.advanced(by: timeout))
  }

  /// Waits until the process exits or the monotonic clock reaches `deadline`; true when it exited.
  func waitForExit(until deadline: ContinuousClock.Instant) -> Bool {
    guard launched else { return false }
    while exitRecord.exitedAt == nil {
      if ContinuousClock.now >= deadline { return false }
      Thread.sleep(forTimeInterval: 0.002)
    }
    process.waitUntilExit()
    return true
  }

  /// Sleeps for `duration` but returns early when the process exits; true when it exited.
  @discardableResult
  func sleep(_ duration: Duration) -> Bool {
    let deadline = ContinuousClock.now.advanced(by: duration)
    while ContinuousClock.now < deadline {
      if hasExited { return true }
      Thread.sleep(forTimeInterval: 0.002)
    }
    return hasExited
  }

  /// Waits until the process catches SIGINT and SIGTERM (its handlers are installed, as
  /// `/proc/PID/status` `SigCgt` shows), polling every 10 ms for at most `timeout`; true when they are.
  @discardableResult
  func waitUntilHandlingSignals(timeout: Duration = .seconds(10)) -> Bool {
    let wanted: UInt64 = (1 << UInt64(SIGINT - 1)) | (1 << UInt64(SIGTERM - 1))
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline, !hasExited {
      let status = (try? String(contentsOfFile: "/proc/\(processIdentifier)/status", encoding: .utf8)) ?? ""
      if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
        let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16),
        mask & wanted == wanted
      {
        return true
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }

  /// The process's thread count from `/proc/PID/status`, or nil when it cannot be read.
  var threadCount: Int? {
    let status = (try? String(contentsOfFile: "/proc/\(processIdentifier)/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Threads:") }
    return line.flatMap { Int($0.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) }
  }

  /// Waits until the process runs at least `count` threads, polling every 10 ms for at most `timeout`.
  @discardableResult
  func waitForThreads(_ count: Int, timeout: Duration = .seconds(10)) -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline, !hasExited {
      if let threads = threadCount, threads >= count { return true }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }

  /// Sends `signalNumber` to the process alone, as Ctrl-C (SIGINT) or `kill` (SIGTERM) would.
  func send(_ signalNumber: Int32) {
    guard launched, !hasExited else { return }
    _ = Glibc.kill(process.processIdentifier, signalNumber)
  }

  /// Kills the process (SIGTERM, then SIGKILL after a second) and waits for it to be reaped.
  ///
  /// The signals go to the process's own process group when it leads one (Foundation starts it that way on
  /// Linux), so children it started, which would keep Foundation from noticing the exit, go too.
  func kill() {
    guard launched, !hasExited else { return }
    sendSignal(SIGTERM, to: process.processIdentifier)
    if !waitForExit(timeout: .seconds(1)) {
      sendSignal(SIGKILL, to: process.processIdentifier)
      _ = waitForExit(timeout: .seconds(5))
    }
  }

  /// What the process wrote so far, and its exit status (`-1` while it still runs).
  func result() -> CLIResult {
    let exited = hasExited
    let stdout = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "<stdout is not UTF-8>"
    let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "<stderr is not UTF-8>"
    return CLIResult(
      arguments: arguments,
      exitCode: exited ? process.terminationStatus : -1,
      terminatedBySignal: exited && process.terminationReason == .uncaughtSignal,
      stdout: stdout,
      stderr: stderr)
  }

  /// Writes every byte of `data` to `descriptor`, retrying after signals; false on any other error.
  private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }
}

/// Sends `signalNumber` to `pid`, and to its process group when it leads one (a file-scope function, as
/// `CLIProcess.kill()` shadows `kill`).
private func sendSignal(_ signalNumber: Int32, to pid: Int32) {
  guard pid > 0 else { return }
  if getpgid(pid) == pid {
    _ = kill(-pid, signalNumber)
  }
  _ = kill(pid, signalNumber)
}

/// The moment a process exited, written by its termination handler thread and read by the test.
private final class ExitRecord: @unchecked Sendable {
  /// Guards `instant`.
  private let lock = NSLock()
  /// The exit moment, once known.
  private var instant: ContinuousClock.Instant?

  /// The exit moment, or nil while the process runs.
  var exitedAt: ContinuousClock.Instant? {
    lock.lock()
    defer { lock.unlock() }
    return instant
  }

  /// Records now as the exit moment.
  func markExited() {
    let now = ContinuousClock.now
    lock.lock()
    defer { lock.unlock() }
    if instant == nil { instant = now }
  }
}
