/// A problem reading an input.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file could not be opened (missing, unreadable).
  case cannotOpen(path: String, reason: String)
  /// The path is a directory.
  case isDirectory(path: String)
  /// Reading failed part-way.
  case readFailed(path: String, reason: String)
  /// The file is gzip data that is corrupt or truncated (what came before was read).
  case undecodable(path: String, reason: String)
  /// A named pipe that no writer opened within the wait.
  case noWriter(path: String, seconds: Double)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): return "cannot open '\(path)': \(reason)"
    case .isDirectory(let path): return "'\(path)' is a directory, not a log file"
    case .readFailed(let path, let reason): return "cannot read '\(path)': \(reason)"
    case .undecodable(let path, let reason):
      return "cannot read '\(path)' to its end: \(reason)"
    case .noWriter(let path, let seconds):
      return "'\(path)' is a named pipe that no writer opened within \(seconds)s"
    }
  }
}
