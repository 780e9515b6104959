import Glibc

/// A POSIX thread running one closure, joined with ``join()``.
final class WorkerThread {
  private var thread = pthread_t()
  private var started = false

  /// Starts `body` on a new thread; when no thread can be created, `body` does not run (the
  /// segmented readers then do all the work on the reading thread).
  ///
  /// The thread blocks SIGINT and SIGTERM, so that they reach the reading thread, whose blocking
  /// calls they interrupt and whose loops check for them.
  init(_ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Body(body)).toOpaque()
    var stopping = sigset_t()
    sigemptyset(&stopping)
    sigaddset(&stopping, SIGINT)
    sigaddset(&stopping, SIGTERM)
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &stopping, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    let result = pthread_create(
      &thread, nil,
      { context in
        let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
        body.run()
        return nil
      }, box)
    if result == 0 {
      started = true
    } else {
      Unmanaged<Body>.fromOpaque(box).release()
    }
  }

  /// Whether the thread was created (and not yet joined).
  var isRunning: Bool { started }

  /// Waits for the closure to finish.
  func join() {
    guard started else { return }
    pthread_join(thread, nil)
    started = false
  }

  /// Lets the thread run on unjoined; its resources are freed when it ends.
  func detach() {
    guard started else { return }
    pthread_detach(thread)
    started = false
  }

  private final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}
