/// The earlier and the later of two times that may be unknown (nil): a known time wins over nil.
extension Optional where Wrapped == LogTime {
  /// The earlier of two times, or the one that is known.
  static func earliest(_ a: LogTime?, _ b: LogTime?) -> LogTime? {
    guard let a else { return b }
    guard let b else { return a }
    return Swift.min(a, b)
  }

  /// The later of two times, or the one that is known.
  static func latest(_ a: LogTime?, _ b: LogTime?) -> LogTime? {
    guard let a else { return b }
    guard let b else { return a }
    return Swift.max(a, b)
  }
}
