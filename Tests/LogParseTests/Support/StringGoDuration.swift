@testable import LogParse

/// The Go duration reader as it was written first, on a `String` with `Double(String)` and a
/// dictionary of units: the reference `GoDurationTests` holds ``GoDuration/parse(bytes:)`` to.
enum StringGoDuration {
  static func parse(_ text: String) -> (seconds: Double, clamped: Bool)? {
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
        if unit.isEmpty && value == 0 && index == bytes.count { return (0, false) }
        return nil
      }
      total += value * scale
      sawUnit = true
    }
    guard sawUnit, !total.isNaN else { return nil }
    let clamped = total > GoDuration.maximumSeconds
    let seconds = min(total, GoDuration.maximumSeconds)
    return (negative ? -seconds : seconds, clamped)
  }

  private static let unitSeconds: [String: Double] = [
    "h": 3600, "m": 60, "s": 1, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ns": 1e-9,
  ]
}
