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
    var text = String(text)
    return text.withUTF8 { parse(bytes: $0) }
  }

  /// ``parse(_:)`` on the text's UTF-8 bytes, with no string made: a number of at most 15 digits is
  /// read from its digits (``PlainDecimal``), a unit by its bytes.
  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> (seconds: Double, clamped: Bool)? {
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
      guard index > numberStart, let value = number(UnsafeBufferPointer(rebasing: bytes[numberStart..<index])) else {
        return nil
      }
      let unitStart = index
      while index < bytes.count, !isDigit(bytes[index]), bytes[index] != UInt8(ascii: ".") { index += 1 }
      let unit = UnsafeBufferPointer(rebasing: bytes[unitStart..<index])
      guard let scale = unitSeconds(unit) else {
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

  /// The value of a run of digits and points, as `Double(String)` reads it (nil without a digit or
  /// with a second point): a plain decimal from its digits (``PlainDecimal``), a longer run by
  /// `Double(String)` itself.
  private static func number(_ run: UnsafeBufferPointer<UInt8>) -> Double? {
    PlainDecimal.value(run) ?? Double(String(decoding: run, as: UTF8.self))
  }

  /// The seconds of one unit of Go's (`h`, `m`, `s`, `ms`, `us`, `µs` or `μs`, `ns`), by its bytes.
  private static func unitSeconds(_ unit: UnsafeBufferPointer<UInt8>) -> Double? {
    switch unit.count {
    case 1:
      switch unit[0] {
      case UInt8(ascii: "h"): return 3600
      case UInt8(ascii: "m"): return 60
      case UInt8(ascii: "s"): return 1
      default: return nil
      }
    case 2:
      guard unit[1] == UInt8(ascii: "s") else { return nil }
      switch unit[0] {
      case UInt8(ascii: "m"): return 1e-3
      case UInt8(ascii: "u"): return 1e-6
      case UInt8(ascii: "n"): return 1e-9
      default: return nil
      }
    case 3:
      // `µs` (U+00B5) and `μs` (U+03BC).
      guard unit[2] == UInt8(ascii: "s") else { return nil }
      return (unit[0] == 0xC2 && unit[1] == 0xB5) || (unit[0] == 0xCE && unit[1] == 0xBC) ? 1e-6 : nil
    default:
      return nil
    }
  }
}
