import Glibc

/// Opens a named pipe for reading, waiting a bounded time for a writer to open it.
///
/// `open(2)` of a FIFO blocks until a writer opens the other end, so it runs on a helper thread while
/// the caller waits, checking its stop condition. Only the writer's `open` is waited for, never its
/// first byte: a writer that connects at once and writes much later is read in full.
///
/// The FIFO is first opened without blocking (`O_RDONLY|O_NONBLOCK`), which holds on to it even if
/// its name is removed meanwhile; the helper's blocking open and the writer that releases it both go
/// through `/proc/self/fd/N`, so they reach that same FIFO whatever happens to the path. When the
/// wait ends without a writer, the helper is released by opening the FIFO for writing without
/// blocking (which succeeds, as readers hold it), a bounded number of times; a writer that came just
/// at the deadline is used, not dropped.
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
  /// How many times, 1 ms apart, the helper's open is released (while no stop is asked) before it is
  /// left behind.
  static let releaseAttempts = 2000

  /// Opens `path` for reading, waiting at most `waitMilliseconds` for a writer; `shouldStop` is
  /// asked every few milliseconds meanwhile.
  static func open(_ path: String, waitMilliseconds: Int32, shouldStop: () -> Bool) -> Outcome {
    // Held for the whole wait: the FIFO stays reachable through /proc/self/fd even once unlinked.
    let anchor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard anchor >= 0 else { return errno == EINTR ? .stopped : .failed(errno) }
    defer { close(anchor) }
    let handle = "/proc/self/fd/\(anchor)"
    let slot = Slot()
    let thread = WorkerThread {
      let fd = Glibc.open(handle, O_RDONLY | O_CLOEXEC)
      slot.set(fd >= 0 ? fd : -errno)
    }
    guard thread.isRunning else {
      // No thread to wait on: fall back to a blocking open, which a signal interrupts.
      let fd = Glibc.open(handle, O_RDONLY | O_CLOEXEC)
      if fd >= 0 { return .opened(fd) }
      return errno == EINTR ? .stopped : .failed(errno)
    }
    // A few milliseconds at least, so that a writer already waiting in its own open(2) is seen.
    let deadline = monotonicMilliseconds() + Int64(max(minimumWaitMilliseconds, waitMilliseconds))
    var outcome = Wait.noWriter
    while true {
      if let result = slot.value {
        outcome = result >= 0 ? .opened(result) : .failed(-result)
        break
      }
      // A writer that came and went before the helper's open left its bytes (or its close) behind.
      if events(anchor) & Int16(POLLIN | POLLHUP) != 0 {
        outcome = .anchor
        break
      }
      if shouldStop() {
        outcome = .stopped
        break
      }
      if monotonicMilliseconds() >= deadline { break }
      usleep(5_000)
    }
    if case .opened(let fd) = outcome {
      thread.join()
      return .opened(fd)
    }
    if case .failed(let code) = outcome {
      thread.join()
      return .failed(code)
    }
    // Release the helper: as readers hold the FIFO, a non-blocking writer's open succeeds.
    var writer: Int32 = -1
    var attempts = 0
    while slot.value == nil, attempts < releaseAttempts, attempts == 0 || !shouldStop() {
      writer = Glibc.open(handle, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
      if writer >= 0 { break }
      attempts += 1
      usleep(1_000)
    }
    if writer < 0, slot.value == nil {
      // The helper could not be released: leave it blocked (it holds no lock) rather than hang.
      thread.detach()
    } else {
      thread.join()
    }
    if writer >= 0 { close(writer) }
    let helper = slot.value.flatMap { $0 >= 0 ? $0 : nil }
    switch outcome {
    case .stopped:
      if let helper { close(helper) }
      return .stopped
    case .anchor:
      if let helper { close(helper) }
      return reopened(anchor)
    default:
      // A writer that opened just at the deadline: our own writer is closed, so bytes waiting or a
      // writer still holding the pipe are a real writer's, to be read.
      if let helper {
        let seen = events(helper)
        if seen & Int16(POLLIN) != 0 || seen & Int16(POLLHUP) == 0 { return .opened(helper) }
        close(helper)
      }
      if events(anchor) & Int16(POLLIN) != 0 { return reopened(anchor) }
      return .noWriter
    }
  }

  /// How the wait for a writer ended.
  private enum Wait {
    case noWriter, stopped, anchor
    case opened(Int32)
    case failed(Int32)
  }

  /// The poll events of `fd` right now.
  private static func events(_ fd: Int32) -> Int16 {
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0 ? descriptor.revents : 0
  }

  /// A blocking copy of the anchor, which holds what a writer that has gone wrote.
  private static func reopened(_ anchor: Int32) -> Outcome {
    let copy = fcntl(anchor, F_DUPFD_CLOEXEC, 0)
    guard copy >= 0 else { return .failed(errno) }
    _ = fcntl(copy, F_SETFL, fcntl(copy, F_GETFL) & ~O_NONBLOCK)
    return .opened(copy)
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
