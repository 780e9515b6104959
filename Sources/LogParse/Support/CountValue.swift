/// Node counts, group sizes and pod counts as a log states them: whole numbers in a sane range.
///
/// No cluster has a billion nodes, so a larger (or negative) value is out of range: the field is
/// null and the value counted, and arithmetic on counts (`to - from`, sums) can never overflow.
enum CountValue {
  /// The largest count or size taken from a log.
  static let maximum = 1_000_000_000

  /// The count `text` states (ASCII digits only), or nil when it is no count or out of range.
  static func parse(_ text: some StringProtocol) -> Int? {
    parse(digits: text.utf8)
  }

  /// The count a run of ASCII digits states, or nil when it is not one or exceeds ``maximum``.
  static func parse(digits: some Collection<UInt8>) -> Int? {
    guard !digits.isEmpty else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
      guard value <= maximum else { return nil }
    }
    return value
  }

  /// Whether `text` is a run of digits, possibly signed, that is out of range: worth counting.
  static func isOutOfRange(_ text: Substring) -> Bool {
    isOutOfRange(bytes: text.utf8)
  }

  /// ``isOutOfRange(_:)`` for the UTF-8 bytes of the text.
  static func isOutOfRange(bytes: some Collection<UInt8>) -> Bool {
    let signed = bytes.first == UInt8(ascii: "-")
    let unsigned = signed ? bytes.dropFirst() : bytes[...]
    guard !unsigned.isEmpty, unsigned.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    return signed || parse(digits: unsigned) == nil
  }
}
