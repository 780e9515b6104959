import Glibc
import Synchronization

/// Interrupt handling: Ctrl-C and SIGTERM set a flag the read loops check; SIGPIPE is ignored.
enum Signals {
  /// The signal that asked the program to stop, or 0.
  static let received = Atomic<Int32>(0)

  /// Installs the handlers once at start-up.
  static func install() {
    // A parent may start us with these signals blocked; unblock them so Ctrl-C and SIGTERM are heard.
    var stopping = sigset_t()
    sigemptyset(&stopping)
    sigaddset(&stopping, SIGINT)
    sigaddset(&stopping, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &stopping, nil)
    signal(SIGPIPE, SIG_IGN)
    signal(SIGINT) { number in Signals.received.store(number, ordering: .relaxed) }
    signal(SIGTERM) { number in Signals.received.store(number, ordering: .relaxed) }
  }

  /// The signal received so far, or nil.
  static var pending: Int32? {
    let number = received.load(ordering: .relaxed)
    return number == 0 ? nil : number
  }
}
