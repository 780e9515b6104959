extension EpisodeBuilder {
  /// How near in time two pieces of evidence of one step must be to count as the same step: a
  /// failure and the backoff it starts, a Kubernetes event and the line it echoes (in either order).
  static let echoWindowMicroseconds: Int64 = 60_000_000

  /// Whether two log times lie within ``echoWindowMicroseconds`` of each other; a time the log
  /// does not give (a redacted header, a line without one) is near any: line order placed it.
  static func areNear(_ first: LogTime?, _ second: LogTime?) -> Bool {
    guard let first, let second else { return true }
    let (difference, overflow) = first.epochMicroseconds(baseYear: 2000)
      .subtractingReportingOverflow(second.epochMicroseconds(baseYear: 2000))
    return !overflow && difference.magnitude <= UInt64(echoWindowMicroseconds)
  }

  /// Whether a failure names no cause a person can act on (a backoff's `cloudProviderError`).
  static func isVague(_ failure: Failure) -> Bool {
    failure.failureClass == .other || failure.failureClass == .cloudProvider
  }
}
