@testable import LogParse

/// The utilization reader as it was written first, a byte at a time with `startsWith`: the
/// reference `UtilizationLineTests` holds ``UtilizationLine`` to, byte range and value.
enum ByteByByteUtilizationLine {
  static func read(_ message: UnsafeBufferPointer<UInt8>) -> UtilizationLine.Reading? {
    guard message.count > 16, Array(message[0..<5]) == Array("Node ".utf8) else { return nil }
    let count = message.count
    var i = 5
    while i < count, message[i] > 0x20, message[i] < 0x7F { i += 1 }
    let name = 5..<i
    guard !name.isEmpty, name.count <= UtilizationLine.maximumNameLength, i + 3 < count, message[i] == 0x20,
      message[i + 1] == UInt8(ascii: "-"), message[i + 2] == 0x20
    else { return nil }
    let after = i + 3
    var word = after
    while word < count, isResourceByte(message[word]) { word += 1 }
    if word > after, word < count, message[word] == 0x20, let (value, end) = value(message, from: word + 1) {
      return UtilizationLine.Reading(name: name, utilization: value, end: end)
    }
    return value(message, from: after).map { UtilizationLine.Reading(name: name, utilization: $0.0, end: $0.1) }
  }

  private static func value(_ message: UnsafeBufferPointer<UInt8>, from start: Int) -> (Double, Int)? {
    let rest = UnsafeBufferPointer(rebasing: message[start...])
    if startsWith(rest, "utilization ") {
      guard let (value, end) = decimal(message, from: start + 12) else { return nil }
      return (0...1).contains(value) ? (value, end) : nil
    }
    guard startsWith(rest, "requested is "), let (percent, end) = decimal(message, from: start + 13),
      startsWith(UnsafeBufferPointer(rebasing: message[end...]), "% of allocatable")
    else { return nil }
    let value = percent / 100
    return (0...1).contains(value) ? (value, end + 16) : nil
  }

  private static func decimal(_ message: UnsafeBufferPointer<UInt8>, from start: Int) -> (Double, end: Int)? {
    var mantissa: Int64 = 0
    var digits = 0
    var fractionDigits = 0
    var sawPoint = false
    var i = start
    while i < message.count {
      let byte = message[i]
      if isDigit(byte) {
        mantissa = mantissa &* 10 &+ Int64(byte &- 0x30)
        digits &+= 1
        if sawPoint { fractionDigits &+= 1 }
      } else if byte == UInt8(ascii: "."), !sawPoint {
        sawPoint = true
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
      {
        return nil
      } else {
        break
      }
      i &+= 1
    }
    guard digits > 0, digits <= 15 else { return nil }
    var divisor = 1.0
    for _ in 0..<fractionDigits { divisor *= 10 }
    return (Double(mantissa) / divisor, i)
  }

  private static func isResourceByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
  }
}
