import Glibc

/// Reads the process environment.
enum ProcessEnvironment {
  /// The value of environment variable `name`, or nil.
  static func value(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
