import ArgumentParser
import Glibc
import LogParse
import Synchronization

/// Writes results to stdout, or whole to a file; every write error is reported, never lost.
///
/// A failed write to stdout ends the program with one line on stderr and exit 2, except a reader
/// that went away (`| head`, `EPIPE`), which ends it quietly with ``brokenPipeExitCode``: 0 unless
/// the command set another (assert sets its verdict's, so a failed assert never exits 0). Files are
/// written by ``OutputFile``.
enum Output {
  /// The exit code when standard output's reader has gone; a command sets it before it prints.
  static let brokenPipeExitCode = Atomic<Int32>(0)

  /// Writes `text` to stdout at once (unbuffered: each call reaches the reader immediately).
  static func standard(_ text: String) {
    guard let code = writeAll(text, to: STDOUT_FILENO) else { return }
    if code == EPIPE { exit(brokenPipeExitCode.load(ordering: .relaxed)) }
    if code == EINTR, let signal = Signals.pending { exit(128 + signal) }
    Diagnostics.error("cannot write to standard output: \(String(cString: strerror(code)))")
    exit(2)
  }

  /// Appends `text` to `path` (creating it), as GitHub's step summary file expects.
  ///
  /// The file is opened with `O_NONBLOCK`, so a named pipe nobody reads is refused at once (`ENXIO`)
  /// instead of waiting forever for a reader; the descriptor is then made blocking again.
  static func append(_ text: String, to path: String) throws {
    var fd: Int32
    repeat {
      fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0o644)
      if fd < 0, errno == EINTR, let signal = Signals.pending { throw ExitCode(128 + signal) }
    } while fd < 0 && errno == EINTR
    guard fd >= 0 else {
      if errno == ENXIO { throw OutputFile.failure(path, "it is a named pipe that no process reads") }
      throw OutputFile.failure(path, errno)
    }
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    let code = writeAll(text, to: fd)
    let closed = close(fd) == 0 || errno == EINTR
    if let code { throw OutputFile.failure(path, code) }
    if !closed { throw OutputFile.failure(path, errno) }
  }

  /// Writes `text` to `path` whole: readers never see half a file.
  static func file(_ text: String, to path: String) throws {
    try OutputFile.write(to: path) { write in write(text) }
  }

  /// Writes the pieces `body` produces to `path` (nil: stdout); a file is written whole.
  static func pieces(to path: String?, _ body: ((String) -> Void) -> Void) throws {
    guard let path else {
      body { standard($0) }
      return
    }
    try OutputFile.write(to: path, body)
  }

  /// Writes all of `text` to `fd`, retrying after other interruptions and waiting when the
  /// descriptor is non-blocking and full; returns the `errno` of a failed write, or nil.
  ///
  /// While SIGINT or SIGTERM is pending, a write that would block (a reader that stalls) is not
  /// waited for: `EINTR` is returned, and the caller ends the program with 128+signal (its output is
  /// partial by definition). A reader that keeps reading still gets everything, 4 KiB at a time (a
  /// pipe that polls writable takes that much without blocking).
  static func writeAll(_ text: String, to fd: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        var length = buffer.count - offset
        if Signals.pending != nil {
          var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
          let ready = poll(&descriptor, 1, 0)
          if ready == 0 || (ready < 0 && errno == EINTR) { return EINTR }
          length = min(length, Int(PIPE_BUF))
        }
        let written = write(fd, base + offset, length)
        if written < 0 {
          if errno == EINTR {
            if Signals.pending != nil { return EINTR }
            continue
          }
          if errno == EAGAIN {
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&descriptor, 1, 1000)
            continue
          }
          return errno
        }
        offset += written
      }
      return nil
    }
  }
}
