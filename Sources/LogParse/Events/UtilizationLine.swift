/// The per-node utilization line read by hand, without PCRE2: most lines of a `--v=4` log.
///
/// `Node NODE - utilization 0.055`, `Node NODE - cpu utilization 0.3125` and `Node NODE - cpu
/// requested is 31.25% of allocatable`: the forms of the catalogue entry `scaleDown.utilization`,
/// read the way its pattern and builder read them. Only the usual shape is taken: a node name of
/// printable ASCII (at most 253 bytes), a plain decimal of at most 15 digits, a
/// utilization within 0…1. Anything else is nil, and the catalogue decides (`UtilizationLineTests`
/// holds the two to the same events on generated variants).
///
/// The literals are compared a word at a time (``Words``), the name is found eight bytes at a time.
enum UtilizationLine {
  /// The node name's byte range in the message, the utilization (0…1), and where the text read
  /// ends (what follows is not part of the reading).
  struct Reading: Equatable {
    var name: Range<Int>
    var utilization: Double
    var end: Int
  }

  /// The literals of the line as little-endian words (`UtilizationLineTests` checks each against
  /// its text).
  enum Words {
    /// `Node ` (five bytes).
    static var node: UInt64 { 0x20_6564_6F4E }
    /// ` - ` (three bytes).
    static var dash: UInt32 { 0x20_2D20 }
    /// `cpu `.
    static var cpu: UInt32 { 0x2075_7063 }
    /// `utilizat` and `ion `: `utilization `.
    static var utilizat: UInt64 { 0x7461_7A69_6C69_7475 }
    static var ion: UInt32 { 0x206E_6F69 }
    /// `requeste` and `sted is ` (overlapping): `requested is `.
    static var requeste: UInt64 { 0x6574_7365_7571_6572 }
    static var stedIs: UInt64 { 0x2073_6920_6465_7473 }
    /// `% of all` and `ocatable`: `% of allocatable`.
    static var percentOfAll: UInt64 { 0x6C6C_6120_666F_2025 }
    static var ocatable: UInt64 { 0x656C_6261_7461_636F }
  }

  /// The longest node name taken (a DNS subdomain); longer ones go to the catalogue.
  static let maximumNameLength = 253

  /// The reading of `message`, or nil when it is not a utilization line of the usual shape.
  ///
  /// Not inlined: in its large caller the word loads would stay calls.
  @inline(never)
  static func read(_ message: UnsafeBufferPointer<UInt8>) -> Reading? {
    let count = message.count
    guard count > 16, let m = message.baseAddress else { return nil }
    let raw = UnsafeRawPointer(m)
    guard raw.loadUnaligned(as: UInt64.self) & 0xFF_FFFF_FFFF == Words.node else { return nil }
    // `\S+`: printable ASCII up to the blank (other bytes go to the catalogue).
    let i = 5 + WordScan.printableRun(m, from: 5, count: count)
    let name = 5..<i
    // ` - ` (the name ends at a blank or a byte the loaded word then holds).
    guard i > 5, i - 5 <= maximumNameLength, i + 3 < count,
      raw.loadUnaligned(fromByteOffset: i, as: UInt32.self) & 0xFF_FFFF == Words.dash
    else { return nil }
    let after = i + 3
    // `(?:([\w./-]+) )?`: a resource word, when what follows it is a value.
    var word = after
    if after + 4 <= count, raw.loadUnaligned(fromByteOffset: after, as: UInt32.self) == Words.cpu {
      word = after + 3
    } else {
      while word < count, isResourceNameByte(m[word]) { word += 1 }
    }
    if word > after, word < count, m[word] == 0x20, let (value, end) = value(m, count, from: word + 1) {
      return Reading(name: name, utilization: value, end: end)
    }
    return value(m, count, from: after).map { Reading(name: name, utilization: $0.value, end: $0.end) }
  }

  /// The utilization stated from `start` of the `count` bytes at `m`: `utilization X` or
  /// `requested is X% of allocatable`, and where its text ends.
  @inline(__always)
  private static func value(_ m: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> (value: Double, end: Int)? {
    let raw = UnsafeRawPointer(m)
    guard start + 12 <= count else { return nil }
    let first = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
    if first == Words.utilizat, raw.loadUnaligned(fromByteOffset: start + 8, as: UInt32.self) == Words.ion {
      guard let (value, end) = decimal(m, count, from: start + 12) else { return nil }
      return (0...1).contains(value) ? (value, end) : nil
    }
    guard first == Words.requeste, start + 13 <= count,
      raw.loadUnaligned(fromByteOffset: start + 5, as: UInt64.self) == Words.stedIs,
      let (percent, end) = decimal(m, count, from: start + 13), end + 16 <= count,
      raw.loadUnaligned(fromByteOffset: end, as: UInt64.self) == Words.percentOfAll,
      raw.loadUnaligned(fromByteOffset: end + 8, as: UInt64.self) == Words.ocatable
    else { return nil }
    let value = percent / 100
    return (0...1).contains(value) ? (value, end + 16) : nil
  }

  /// The plain decimal at `start` (the whole run of `[0-9.eE+-]` the pattern takes), read as
  /// ``Captures/double(_:)`` reads one; nil when the run is anything but digits and one point.
  ///
  /// The digits before and after the point are read in loops of their own, and the run must end
  /// after them: a second point, an exponent or a sign makes the pattern's run another number.
  @inline(__always)
  private static func decimal(_ m: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> (Double, end: Int)? {
    var mantissa: Int64 = 0
    var i = start
    while i < count, case let digit = m[i] &- 0x30, digit < 10 {
      mantissa = mantissa &* 10 &+ Int64(digit)
      i &+= 1
    }
    var point = false
    var fractionDigits = 0
    if i < count, m[i] == UInt8(ascii: ".") {
      point = true
      i &+= 1
      let fraction = i
      while i < count, case let digit = m[i] &- 0x30, digit < 10 {
        mantissa = mantissa &* 10 &+ Int64(digit)
        i &+= 1
      }
      fractionDigits = i &- fraction
    }
    if i < count {
      let byte = m[i]
      if byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e") || byte == UInt8(ascii: "+")
        || byte == UInt8(ascii: "-")
      {
        return nil
      }
    }
    let digits = i &- start &- (point ? 1 : 0)
    guard digits > 0, digits <= 15 else { return nil }
    var divisor = 1.0
    for _ in 0..<fractionDigits { divisor *= 10 }
    return (Double(mantissa) / divisor, i)
  }
}
