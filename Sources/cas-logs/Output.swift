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
    Diagnostics.error("cannot write to standard output: \(String(cString: strerror(code)))")
    exit(2)
  }

  /// Appends `text` to `path` (creating it), as GitHub's step summary file expects.
  static func append(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY, 0o644)
    guard fd >= 0 else { throw OutputFile.failure(path, errno) }
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

  /// Writes all of `text` to `fd`, retrying after signals and waiting when the descriptor is
  /// non-blocking and full; returns the `errno` of a failed write, or nil.
  static func writeAll(_ text: String, to fd: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
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
