import ArgumentParser
import Glibc
import LogParse

/// Writes diagnostics to stderr, one line each, with the log's text made terminal-safe.
enum Diagnostics {
  /// `cas-logs: error: MESSAGE`.
  static func error(_ message: String) {
    Output.write("cas-logs: error: " + TerminalText.sanitize(message) + "\n", to: STDERR_FILENO)
  }

  /// `cas-logs: warning: MESSAGE`.
  static func warning(_ message: String) {
    Output.write("cas-logs: warning: " + TerminalText.sanitize(message) + "\n", to: STDERR_FILENO)
  }
}

/// Writes results to stdout, or atomically to a file (a temporary file renamed into place).
enum Output {
  /// Writes `text` to stdout at once (unbuffered: each call reaches the reader immediately).
  static func standard(_ text: String) {
    write(text, to: STDOUT_FILENO)
  }

  /// Writes all of `text` to `fd`; a reader that went away (`| head`) ends the program quietly.
  static func write(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          if errno == EPIPE { Glibc.exit(0) }
          return
        }
        offset += written
      }
    }
  }

  /// Appends `text` to `path` (creating it), as GitHub's step summary file expects.
  static func append(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw ValidationError("cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    write(text, to: fd)
    close(fd)
  }

  /// Writes `text` to `path` whole: readers never see half a file.
  static func file(_ text: String, to path: String) throws {
    try file(to: path) { write in write(text) }
  }

  /// Writes the pieces `body` produces to `path` (nil: stdout); a file is written whole.
  static func pieces(to path: String?, _ body: ((String) -> Void) -> Void) throws {
    guard let path else {
      body { write($0, to: STDOUT_FILENO) }
      return
    }
    try file(to: path, body)
  }

  /// Writes the pieces `body` produces to a temporary file, then renames it to `path`.
  private static func file(to path: String, _ body: ((String) -> Void) -> Void) throws {
    let temporary = path + ".tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw ValidationError("cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    body { write($0, to: fd) }
    let synced = fsync(fd) == 0
    close(fd)
    guard synced, rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw ValidationError("cannot write '\(path)': \(reason)")
    }
  }
}
