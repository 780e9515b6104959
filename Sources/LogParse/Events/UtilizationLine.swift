/// The per-node utilization line read by hand, without PCRE2: most lines of a `--v=4` log.
///
/// `Node NODE - utilization 0.055`, `Node NODE - cpu utilization 0.3125` and `Node NODE - cpu
/// requested is 31.25% of allocatable`: the forms of the catalogue entry `scaleDown.utilization`,
/// read the way its pattern and builder read them. Only the usual shape is taken: a node name of
/// printable ASCII (at most 253 bytes), a plain decimal of at most 15 digits, a
/// utilization within 0…1. Anything else is nil, and the catalogue decides (`UtilizationLineTests`
/// holds the two to the same events on generated variants).
enum UtilizationLine {
  /// The node name's byte range in the message, and the utilization (0…1).
  struct Reading {
    var name: Range<Int>
    var utilization: Double
  }

  /// The longest node name taken (a DNS subdomain); longer ones go to the catalogue.
  static let maximumNameLength = 253

  /// The reading of `message`, or nil when it is not a utilization line of the usual shape.
  @inline(__always)
  static func read(_ message: UnsafeBufferPointer<UInt8>) -> Reading? {
    guard message.count > 16, let m = message.baseAddress, m[0] == UInt8(ascii: "N"), m[1] == UInt8(ascii: "o"),
      m[2] == UInt8(ascii: "d"), m[3] == UInt8(ascii: "e"), m[4] == 0x20
    else { return nil }
    let count = message.count
    // `\S+`: printable ASCII up to the blank (other bytes go to the catalogue).
    let i = 5 + WordScan.printableRun(m, from: 5, count: count)
    let name = 5..<i
    guard !name.isEmpty, name.count <= maximumNameLength, i + 3 < count, m[i] == 0x20, m[i + 1] == UInt8(ascii: "-"),
      m[i + 2] == 0x20
    else { return nil }
    let after = i + 3
    // `(?:([\w./-]+) )?`: a resource word, when what follows it is a value.
    var word = after
    while word < count, isResourceByte(m[word]) { word += 1 }
    if word > after, word < count, m[word] == 0x20, let value = value(message, from: word + 1) {
      return Reading(name: name, utilization: value)
    }
    return value(message, from: after).map { Reading(name: name, utilization: $0) }
  }

  /// The utilization stated from `start`: `utilization X` or `requested is X% of allocatable`.
  @inline(__always)
  private static func value(_ message: UnsafeBufferPointer<UInt8>, from start: Int) -> Double? {
    let rest = UnsafeBufferPointer(rebasing: message[start...])
    if startsWith(rest, "utilization ") {
      guard let (value, _) = decimal(message, from: start + 12) else { return nil }
      return (0...1).contains(value) ? value : nil
    }
    guard startsWith(rest, "requested is "), let (percent, end) = decimal(message, from: start + 13),
      startsWith(UnsafeBufferPointer(rebasing: message[end...]), "% of allocatable")
    else { return nil }
    let value = percent / 100
    return (0...1).contains(value) ? value : nil
  }

  /// The plain decimal at `start` (the whole run of `[0-9.eE+-]` the pattern takes), read as
  /// ``Captures/double(_:)`` reads one; nil when the run is anything but digits and one point.
  @inline(__always)
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

  /// A byte of `\w`, `.` or `-`.
  @inline(__always)
  private static func isWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "-")
  }

  /// A byte of `[\w./-]`.
  @inline(__always)
  private static func isResourceByte(_ byte: UInt8) -> Bool { isWordByte(byte) || byte == UInt8(ascii: "/") }
}
