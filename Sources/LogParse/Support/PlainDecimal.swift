/// A plain decimal (`0.055000`, `31.25`, `5.`, `.5`) read from its bytes, without `Double(String)`.
enum PlainDecimal {
  /// The value of `bytes` when they are digits with at most one point, at least one digit and at
  /// most 15 in all; nil for anything else, which the caller reads with `Double(String)`.
  ///
  /// The digits (below 2^53) and the power of ten (at most 10^15) are exact doubles, so their one
  /// division is the correctly rounded value `Double(String)` gives.
  @inline(__always)
  static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var mantissa: Int64 = 0
    var digits = 0
    var fractionDigits = 0
    var sawPoint = false
    for byte in bytes {
      if isDigit(byte) {
        mantissa = mantissa &* 10 &+ Int64(byte &- 0x30)
        digits += 1
        if sawPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), !sawPoint {
        sawPoint = true
      } else {
        return nil
      }
    }
    guard digits > 0, digits <= 15 else { return nil }
    var divisor = 1.0
    for _ in 0..<fractionDigits { divisor *= 10 }
    return Double(mantissa) / divisor
  }
}
