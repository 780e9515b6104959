/// The capture groups of one match, read as the types events keep.
public struct Captures {
  /// The matched message.
  let subject: UnsafeBufferPointer<UInt8>
  /// PCRE2's output vector: the start and end offsets of each group, read in place.
  let offsets: UnsafeBufferPointer<Int>
  /// How many groups (from group 0) the match set; later ones did not take part.
  let groupsSet: Int

  /// Captures of a match; `offsets` and `groupsSet` as PCRE2 left them.
  init(subject: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int>, groupsSet: Int) {
    self.subject = subject
    self.offsets = offsets
    self.groupsSet = groupsSet
  }

  /// Captures of a message matched on its literal alone: no groups.
  init(subject: UnsafeBufferPointer<UInt8>) {
    self.init(subject: subject, offsets: UnsafeBufferPointer(start: nil, count: 0), groupsSet: 0)
  }

  /// The byte range of group `group`, or nil when it did not take part.
  func range(_ group: Int) -> Range<Int>? {
    guard group >= 0, group < groupsSet, 2 * group + 1 < offsets.count else { return nil }
    let start = offsets[2 * group]
    let end = offsets[2 * group + 1]
    guard start >= 0, end >= start, end <= subject.count else { return nil }
    return start..<end
  }

  /// Group `group` as a string (invalid UTF-8 replaced), or nil when it did not take part.
  func string(_ group: Int) -> String? {
    guard let range = range(group) else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: subject[range]), as: UTF8.self)
  }

  /// Group `group` as a string, empty when it did not take part.
  func text(_ group: Int) -> String { string(group) ?? "" }

  /// Group `group` as an integer, or nil.
  func int(_ group: Int) -> Int? {
    guard let range = range(group), !range.isEmpty, range.count < 19 else { return nil }
    var value = 0
    for byte in UnsafeBufferPointer(rebasing: subject[range]) {
      guard isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  /// Group `group` as a floating-point number, or nil.
  ///
  /// Plain decimals (`0.055000`, `31.25`) are read from the bytes: an integer of at most 15 digits
  /// divided by a power of ten is correctly rounded. Anything else goes through `Double(String)`.
  func double(_ group: Int) -> Double? {
    guard let range = range(group), !range.isEmpty else { return nil }
    var mantissa: Int64 = 0
    var digits = 0
    var fractionDigits = 0
    var sawPoint = false
    for byte in UnsafeBufferPointer(rebasing: subject[range]) {
      if isDigit(byte) {
        mantissa = mantissa &* 10 &+ Int64(byte &- 0x30)
        digits += 1
        if sawPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), !sawPoint {
        sawPoint = true
      } else {
        return string(group).flatMap { Double($0) }
      }
    }
    guard digits > 0, digits <= 15 else { return string(group).flatMap { Double($0) } }
    var divisor = 1.0
    for _ in 0..<fractionDigits { divisor *= 10 }  // exact: 10^15 < 2^53
    return Double(mantissa) / divisor
  }

  /// Group `group` as a Go duration in seconds, or nil.
  func duration(_ group: Int) -> Double? { string(group).flatMap { GoDuration.seconds($0) } }

  /// The whole message as a string.
  var message: String { String(decoding: subject, as: UTF8.self) }
}
