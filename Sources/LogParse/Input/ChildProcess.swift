import CChildProcess
import Glibc

/// A command whose standard output is read as a log stream (`cas-logs assert -- kubectl logs -f …`).
///
/// The command is started by `cas_child_spawn` (fork and exec, in the C target CChildProcess) in a
/// process group of its own (so that a terminal's Ctrl-C reaches only cas-logs, which then ends the
/// whole group), with its standard output and standard error piped to this process and its standard
/// input inherited. On Linux its parent-death signal is SIGTERM: when cas-logs dies, even of SIGKILL,
/// the command is ended by the kernel (posix_spawn cannot ask for that, hence fork and exec). Its standard error is read
/// on a helper thread that keeps only the last non-empty line (cut at ``longestErrorLine`` bytes), so
/// a chatty command never blocks on a full pipe. ``end(graceMilliseconds:)`` sends SIGTERM to the
/// group, SIGKILL after the grace period, and reaps the command.
public final class ChildProcess {
  /// How a command ended.
  public enum Termination: Sendable, Equatable, CustomStringConvertible {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// Whether it exited with status 0.
    public var succeeded: Bool { self == .exited(0) }

    /// `exited with status 3`, `was killed by signal 9`.
    public var description: String {
      switch self {
      case .exited(let status): return "exited with status \(status)"
      case .signaled(let number): return "was killed by signal \(number)"
      }
    }
  }

  /// Why a command could not be started.
  public struct StartError: Error, Sendable, CustomStringConvertible {
    /// The command's name (its first word).
    let command: String
    /// The system's reason.
    let reason: String

    public var description: String { "cannot run '\(command)': \(reason)" }
  }

  /// The longest stderr line kept, in bytes; a longer one is cut.
  static let longestErrorLine = 1024

  /// The command's process id, which is also its process group id.
  let pid: Int32
  /// The read end of the pipe on the command's standard output.
  public let output: Int32
  /// What ended the command, once it was reaped.
  private(set) var termination: Termination?

  /// The last stderr line, shared with the thread that reads it.
  private let errorTail: ErrorTail
  private var reader: WorkerThread?

  private init(pid: Int32, output: Int32, errorTail: ErrorTail, reader: WorkerThread) {
    self.pid = pid
    self.output = output
    self.errorTail = errorTail
    self.reader = reader
  }

  deinit {
    if termination == nil { _ = end(graceMilliseconds: 0) }
    close(output)
  }

  /// Starts `arguments` (the first is looked up in `PATH`).
  /// - Throws: ``StartError`` when the pipes cannot be made or the command cannot be run.
  public static func start(_ arguments: [String]) throws(StartError) -> ChildProcess {
    let name = arguments.first ?? ""
    guard !arguments.isEmpty, !name.isEmpty else { throw StartError(command: name, reason: "no command given") }
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    guard makePipe(&outPipe) else { throw StartError(command: name, reason: errnoText()) }
    guard makePipe(&errPipe) else {
      let reason = errnoText()
      close(outPipe[0])
      close(outPipe[1])
      throw StartError(command: name, reason: reason)
    }
    var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    var pid = pid_t()
    let result = cas_child_spawn(name, &cArguments, outPipe[1], errPipe[1], &pid)
    close(outPipe[1])
    close(errPipe[1])
    guard result == 0 else {
      close(outPipe[0])
      close(errPipe[0])
      throw StartError(command: TerminalText.sanitize(name), reason: String(cString: strerror(result)))
    }
    let tail = ErrorTail()
    let errorFD = errPipe[0]
    let reader = WorkerThread { tail.read(from: errorFD) }
    if !reader.isRunning {
      // No thread: stderr goes unread rather than filling up, and no line is kept.
      close(errorFD)
      tail.finish()
    }
    return ChildProcess(pid: pid, output: outPipe[0], errorTail: tail, reader: reader)
  }

  /// The command's last non-empty stderr line, waiting up to `milliseconds` for its stderr to close.
  public func lastErrorLine(waitingMilliseconds milliseconds: Int32 = 500) -> String? {
    errorTail.line(waitingMilliseconds: milliseconds)
  }

  /// Waits up to `milliseconds` for the command to exit by itself, or until `shouldStop` (asked every
  /// 10 ms) says to give up; whether it has exited.
  ///
  /// The command is not reaped here (``end(graceMilliseconds:)`` does that), so that its process
  /// group's id cannot be reused before the group is killed.
  public func waitForExit(milliseconds: Int64, shouldStop: () -> Bool = { false }) -> Bool {
    var waited: Int64 = 0
    while true {
      if hasExited() { return true }
      if waited >= milliseconds || shouldStop() { return false }
      usleep(10_000)
      waited += 10
    }
  }

  /// Whether the command exited by itself at least `graceMilliseconds` ago (its output may still be
  /// open: a process it left in the background holds the pipe).
  ///
  /// Cheap enough to ask after every chunk read: the command is asked about at most every 50 ms.
  public func exited(atLeastMilliseconds graceMilliseconds: Int32) -> Bool {
    let now = Self.monotonicMicroseconds()
    if exitSeen == nil {
      guard now - lastExitCheck >= 50_000 else { return false }
      lastExitCheck = now
      guard hasExited() else { return false }
      exitSeen = now
    }
    return now - (exitSeen ?? now) >= Int64(graceMilliseconds) * 1000
  }

  /// Ends what remains of the process group of a command that exited by itself (SIGTERM to the group,
  /// SIGKILL `graceMilliseconds` later) and reaps the command; how the command ended.
  @discardableResult
  public func endGroup(graceMilliseconds: Int32 = 200) -> Termination {
    if termination == nil {
      kill(-pid, SIGTERM)
      usleep(UInt32(max(graceMilliseconds, 0)) * 1000)
    }
    return end(graceMilliseconds: graceMilliseconds)
  }

  /// When ``exited(atLeastMilliseconds:)`` first saw the command exited, and when it last asked.
  private var exitSeen: Int64?
  private var lastExitCheck: Int64 = .min / 2

  private static func monotonicMicroseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
  }

  /// Ends the command's process group (SIGTERM, then SIGKILL after `graceMilliseconds`) and reaps the
  /// command; what ended it, which is the command's own exit when it had already exited.
  @discardableResult
  public func end(graceMilliseconds: Int32 = 2000) -> Termination {
    if termination == nil, !hasExited() {
      kill(-pid, SIGTERM)
      _ = waitForExit(milliseconds: Int64(graceMilliseconds))
    }
    // Whatever of the group outlives the command (a member that ignores SIGTERM) is killed, before the
    // command is reaped: until then its pid, the group's id, cannot be given to another process.
    // (Whether members remain cannot be asked: a zombie waiting for its reaper still counts as one.)
    if termination == nil { kill(-pid, SIGKILL) }
    reap()
    reader?.detach()
    reader = nil
    return termination ?? .signaled(SIGKILL)
  }

  /// Whether the command has exited (or was reaped), without reaping it.
  private func hasExited() -> Bool {
    if termination != nil { return true }
    var info = siginfo_t()
    while true {
      let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
      if result == 0 { return info.si_signo == SIGCHLD }
      if errno == EINTR { continue }
      // Not our child any more (ECHILD): nothing to wait for.
      return true
    }
  }

  /// Reaps the command, waiting for it to exit, and notes what ended it.
  private func reap() {
    if termination != nil { return }
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, 0)
      if result == pid { break }
      if errno == EINTR { continue }
      // Not our child any more (ECHILD): nothing to reap, nothing known.
      termination = .signaled(SIGKILL)
      return
    }
    let signal = status & 0x7f
    termination = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }

  /// A pipe whose two ends are closed on exec (the command gets copies of the write ends only).
  private static func makePipe(_ ends: inout [Int32]) -> Bool {
    guard pipe(&ends) == 0 else { return false }
    for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The last non-empty line of a stream, read to its end on a helper thread.
private final class ErrorTail: @unchecked Sendable {
  private let monitor = Monitor()
  private var last: [UInt8] = []
  private var current: [UInt8] = []
  private var ended = false

  /// Reads `fd` to its end, keeping the last non-empty line, then closes it.
  func read(from fd: Int32) {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    defer { buffer.deallocate() }
    while true {
      let count = Glibc.read(fd, buffer, 4096)
      if count < 0, errno == EINTR { continue }
      if count <= 0 { break }
      monitor.locked {
        for byte in UnsafeBufferPointer(start: buffer, count: count) {
          if byte == UInt8(ascii: "\n") {
            takeLine()
          } else if current.count < ChildProcess.longestErrorLine {
            current.append(byte)
          }
        }
      }
    }
    close(fd)
    finish()
  }

  /// Marks the stream ended (a line without a final newline counts).
  func finish() {
    monitor.locked {
      takeLine()
      ended = true
      monitor.broadcast()
    }
  }

  /// The last line, once the stream ended or `milliseconds` passed.
  func line(waitingMilliseconds milliseconds: Int32) -> String? {
    var waited: Int32 = 0
    while waited < milliseconds, !(monitor.locked { ended }) {
      usleep(10_000)
      waited += 10
    }
    return monitor.locked {
      let text = last.isEmpty ? current : last
      let trimmed = text.last == UInt8(ascii: "\r") ? Array(text.dropLast()) : text
      return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
    }
  }

  /// Ends the current line; a non-blank one becomes the last line.
  ///
  /// Call holding the lock.
  private func takeLine() {
    if current.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }) {
      last = current
    }
    current.removeAll(keepingCapacity: true)
  }
}
