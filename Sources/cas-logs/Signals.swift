import Glibc
import Synchronization

/// Interrupt handling: Ctrl-C and SIGTERM set a flag the read loops check; SIGPIPE is ignored.
///
/// The handlers are installed without `SA_RESTART`, so a blocking read or wait on the main thread
/// returns at once with `EINTR`, and with `SA_RESETHAND`, so a second Ctrl-C ends the program at once
/// while the first one is still being honoured.
enum Signals {
  /// The signal that asked the program to stop, or 0; first used in ``install()``, before the handlers.
  static let received = Atomic<Int32>(0)

  /// Installs the handlers once at start-up.
  static func install() {
    // A static is initialised lazily, on first use, which must not happen inside a handler
    // (initialisation takes a lock and may allocate): use it here, before any handler can run.
    _ = received.load(ordering: .relaxed)
    // A parent may start us with these signals blocked; unblock them so Ctrl-C and SIGTERM are heard.
    var stopping = sigset_t()
    sigemptyset(&stopping)
    sigaddset(&stopping, SIGINT)
    sigaddset(&stopping, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &stopping, nil)
    signal(SIGPIPE, SIG_IGN)
    for number in [SIGINT, SIGTERM] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in
        // The first signal wins: a SIGTERM after a Ctrl-C does not change what is reported.
        _ = Signals.received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      sigaction(number, &action, nil)
    }
  }

  /// The signal received so far, or nil.
  static var pending: Int32? {
    let number = received.load(ordering: .relaxed)
    return number == 0 ? nil : number
  }

  /// `SIGINT`, `SIGTERM`, or `signal N`.
  static func name(of number: Int32) -> String {
    switch number {
    case SIGINT: return "SIGINT"
    case SIGTERM: return "SIGTERM"
    default: return "signal \(number)"
    }
  }
}
