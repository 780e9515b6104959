/// Hexadecimal digits read from bytes, for escapes (`\x1b`, `\u00e9`) and ids (`1f0c9a7e`).
enum HexDigits {
  /// The value of one hex digit (`0`–`9`, `a`–`f`, `A`–`F`), or nil.
  @inline(__always)
  static func value(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// The value of `digits` (at most 8) hex digits at `start`, or nil when they are not all there.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, digits: Int) -> UInt32? {
    guard start >= 0, start + digits <= bytes.count else { return nil }
    var value: UInt32 = 0
    for index in start..<(start + digits) {
      guard let digit = HexDigits.value(bytes[index]) else { return nil }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
