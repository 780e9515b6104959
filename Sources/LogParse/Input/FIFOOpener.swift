import Glibc

/// Opens a named pipe for reading, waiting a bounded time for a writer to open it.
///
/// `open(2)` of a FIFO blocks until a writer opens the other end, so it runs on a helper thread while
/// the caller waits, checking its stop condition. Only the writer's `open` is waited for, never its
/// first byte: a writer that connects at once and writes much later is read in full. When the wait
/// ends without a writer, the helper's `open` is released by opening the FIFO for writing without
/// blocking (which succeeds, as the helper is a reader), and both ends are closed.
enum FIFOOpener {
  /// What opening gave.
  enum Outcome: Equatable {
    /// A writer opened the pipe: a blocking descriptor for reading.
    case opened(Int32)
    /// No writer opened it within the wait.
    case noWriter
    /// The caller asked to stop before a writer came.
    case stopped
    /// `open` failed with this `errno`.
    case failed(Int32)
  }

  /// The shortest wait, even with `--pipe-wait 0`.
  static let minimumWaitMilliseconds: Int32 = 20

  /// Opens `path` for reading, waiting at most `waitMilliseconds` for a writer; `shouldStop` is
  /// asked every few milliseconds meanwhile.
  static func open(_ path: String, waitMilliseconds: Int32, shouldStop: () -> Bool) -> Outcome {
    let slot = Slot()
    let thread = WorkerThread {
      let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
      slot.set(fd >= 0 ? fd : -errno)
    }
    guard thread.isRunning else {
      // No thread to wait on: fall back to a blocking open, which a signal interrupts.
      let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
      if fd >= 0 { return .opened(fd) }
      return errno == EINTR ? .stopped : .failed(errno)
    }
    // A few milliseconds at least, so that a writer already waiting in its own open(2) is seen.
    let deadline = monotonicMilliseconds() + Int64(max(minimumWaitMilliseconds, waitMilliseconds))
    var outcome = Outcome.noWriter
    while true {
      if let result = slot.value {
        outcome = result >= 0 ? .opened(result) : .failed(-result)
        break
      }
      if shouldStop() {
        outcome = .stopped
        break
      }
      if monotonicMilliseconds() >= deadline { break }
      usleep(5_000)
    }
    if case .opened = outcome {
      thread.join()
      return outcome
    }
    // Release the helper: as a reader is waiting in open(2), a non-blocking writer's open succeeds.
    var writer: Int32 = -1
    while slot.value == nil {
      writer = Glibc.open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
      if writer >= 0 { break }
      usleep(1_000)
    }
    thread.join()
    if writer >= 0 { close(writer) }
    if let result = slot.value, result >= 0 { close(result) }
    return outcome
  }

  /// The monotonic clock in milliseconds.
  private static func monotonicMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
  }

  /// The helper's result: a descriptor, or a negated `errno`.
  private final class Slot: @unchecked Sendable {
    private let monitor = Monitor()
    private var result: Int32?

    func set(_ value: Int32) { monitor.locked { result = value } }
    var value: Int32? { monitor.locked { result } }
  }
}
