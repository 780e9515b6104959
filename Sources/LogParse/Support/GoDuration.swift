/// Parses Go's `time.Duration.String()` output (`2m0.794268739s`, `15m5.5s`, `0s`, `1h2m`, `500ms`).
///
/// A duration beyond ``maximumSeconds`` either way (a hundred years; Go's own limit is 292 years)
/// is clamped to it, and ``parse(_:)`` says so, so that every duration read from a log converts to
/// any integer type without a trap.
public enum GoDuration {
  /// The largest duration kept, in seconds: a hundred years.
  static let maximumSeconds = 100 * 365.25 * 86_400

  /// The number of seconds `text` denotes (clamped to ±``maximumSeconds``), or nil when it is not a Go duration.
  public static func seconds(_ text: some StringProtocol) -> Double? { parse(text)?.seconds }

  /// The seconds `text` denotes, clamped to ±``maximumSeconds``, and whether they were; nil when it is not a duration.
  static func parse(_ text: some StringProtocol) -> (seconds: Double, clamped: Bool)? {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return nil }
    var index = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") {
      negative = true
      index = 1
    }
    var total = 0.0
    var sawUnit = false
    while index < bytes.count {
      let numberStart = index
      while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
      guard index > numberStart, let value = Double(String(decoding: bytes[numberStart..<index], as: UTF8.self))
      else { return nil }
      let unitStart = index
      while index < bytes.count, !isDigit(bytes[index]), bytes[index] != UInt8(ascii: ".") { index += 1 }
      let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self)
      guard let scale = unitSeconds[unit] else {
        // `0` alone is valid; anything else needs a unit.
        if unit.isEmpty && value == 0 && index == bytes.count { return (0, false) }
        return nil
      }
      total += value * scale
      sawUnit = true
    }
    guard sawUnit, !total.isNaN else { return nil }
    let clamped = total > maximumSeconds
    let seconds = min(total, maximumSeconds)
    return (negative ? -seconds : seconds, clamped)
  }

  private static let unitSeconds: [String: Double] = [
    "h": 3600, "m": 60, "s": 1, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ns": 1e-9,
  ]
}
