import Glibc

/// Standard input, output and error as the program was started with them.
///
/// A stream the parent closed (`<&-`, `>&-`) is noted and its descriptor occupied by `/dev/null`
/// opened the wrong way round: reading fd 0 or writing fd 1 or 2 then fails with `EBADF`, as it
/// would have, and no file the program opens later can land on a standard descriptor and receive
/// the report or the diagnostics by mistake.
enum StandardStreams {
  /// Whether standard input was closed at start-up.
  nonisolated(unsafe) private(set) static var inputClosed = false

  /// Checks the three standard descriptors; call once, first thing.
  static func install() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      if fd == STDIN_FILENO { inputClosed = true }
      // open returns the lowest free descriptor: this one, as the lower ones are open by now.
      let placeholder = open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY) | O_CLOEXEC)
      if placeholder >= 0, placeholder != fd {
        dup2(placeholder, fd)
        close(placeholder)
      }
    }
  }

  /// Notes that standard input now is a command's output (``CommandInput``), open whatever it was.
  static func inputReplaced() { inputClosed = false }
}
