/// The capture groups of one match, read as the types events keep.
public struct Captures {
  /// The matched message.
  let subject: UnsafeBufferPointer<UInt8>
  /// Byte ranges of groups 0...n (nil when a group did not take part).
  let ranges: [Range<Int>?]

  /// Group `group` as a string (invalid UTF-8 replaced), or nil when it did not take part.
  func string(_ group: Int) -> String? {
    guard group < ranges.count, let range = ranges[group] else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: subject[range]), as: UTF8.self)
  }

  /// Group `group` as a string, empty when it did not take part.
  func text(_ group: Int) -> String { string(group) ?? "" }

  /// Group `group` as an integer, or nil.
  func int(_ group: Int) -> Int? {
    guard group < ranges.count, let range = ranges[group], !range.isEmpty, range.count < 19 else { return nil }
    var value = 0
    for byte in UnsafeBufferPointer(rebasing: subject[range]) {
      guard isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  /// Group `group` as a floating-point number, or nil.
  func double(_ group: Int) -> Double? { string(group).flatMap { Double($0) } }

  /// Group `group` as a Go duration in seconds, or nil.
  func duration(_ group: Int) -> Double? { string(group).flatMap { GoDuration.seconds($0) } }

  /// The whole message as a string.
  var message: String { String(decoding: subject, as: UTF8.self) }
}
