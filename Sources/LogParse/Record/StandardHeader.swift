/// The usual klog header at a line's first byte, read in one pass at fixed offsets.
///
/// `I0927 11:50:35.158391       1 scale_up.go:300] `: a severity letter other than `F`, the date
/// and time at fixed offsets, blanks, the thread id, a file name of letters, digits and `_./-`, a
/// `:`, one to nine digits and `]`, then one optional blank. This is a subset of what
/// ``KlogHeaderParser/parse(_:)`` accepts, and for it that parser gives the same header
/// (`StandardHeaderTests` holds the two to it); any other shape gives nil, and the general parser
/// decides. A fatal record is left out because its continuation lines follow other rules.
///
/// None of the bytes it accepts is a line break, so it may read the start of the next line in a
/// read buffer before that line is cut off: what it accepts there is that line's header.
enum StandardHeader {
  /// The header at `base[0..<count]`, or nil when the bytes start with any other shape.
  @inline(__always)
  static func read(_ base: UnsafePointer<UInt8>, count: Int) -> KlogHeader? {
    // The shortest standard header: `I0101 00:00:00.000000 f:1]` is 26 bytes. The time is read at
    // the general parser's fixed offsets; a fatal record is left to it.
    guard count >= 26, let time = KlogHeaderParser.standardTime(UnsafeBufferPointer(start: base, count: count), at: 0),
      time.severity != .fatal
    else { return nil }
    // Blanks, then the thread id and its blanks when there is one.
    var i = 22 + WordScan.blankRun(base, from: 22, count: count)
    var afterId = i
    while afterId < count, isDigit(base[afterId]) { afterId += 1 }
    if afterId > i, afterId < count, base[afterId] == 0x20 {
      i = afterId
      while i < count, base[i] == 0x20 { i += 1 }
    }
    let fileStart = i
    i += WordScan.fileNameRun(base, from: i, count: count)
    guard i > fileStart, i < count, base[i] == UInt8(ascii: ":") else { return nil }
    let fileEnd = i
    i += 1
    let lineStart = i
    var sourceLine = 0
    while i < count, i - lineStart < 9, isDigit(base[i]) {
      sourceLine = sourceLine &* 10 &+ Int(base[i] &- 0x30)
      i += 1
    }
    guard i > lineStart, i < count, base[i] == UInt8(ascii: "]") else { return nil }
    i += 1
    if i < count, base[i] == 0x20 { i += 1 }
    return KlogHeader(
      severity: time.severity, month: time.month, day: time.day, microsecondOfDay: time.microsecondOfDay,
      fractionDigits: 6,
      fileRange: fileStart..<fileEnd, sourceLine: sourceLine, messageStart: i, pastedPrefixLength: 0)
  }

  /// The standard header at `base[0..<count]` when it repeats `header`, the one of the line at
  /// `previous`, in all but its seconds and their fraction; else nil (``read(_:count:)`` decides).
  ///
  /// Consecutive lines of a busy log share their severity, date, hour and minute, thread id and
  /// `file:line`: comparing those bytes with the line before replaces reading them (the compared
  /// bytes were a standard header there, so they are one here). The seconds, `.`, six digits and
  /// blank between them are read as ``KlogHeaderParser/standardTime(_:at:)`` reads them, and the
  /// header is the one ``read(_:count:)`` gives (`StandardHeaderTests` holds the two to it). Only a
  /// header ending in its optional blank is repeated, so the message starts at the same offset.
  @inline(__always)
  static func repeated(
    _ base: UnsafePointer<UInt8>, count: Int, previous: UnsafePointer<UInt8>, _ header: KlogHeader
  ) -> KlogHeader? {
    let end = header.messageStart
    guard end >= 27, count >= end, header.pastedPrefixLength == 0, header.hasTime, !header.foundBySearch,
      previous[end - 1] == 0x20,
      let time = repeatedTime(base, count: count, previous: previous, end: end, minuteStart: minuteStart(previous))
    else { return nil }
    return KlogHeader(
      severity: header.severity, month: header.month, day: header.day, microsecondOfDay: time, fractionDigits: 6,
      fileRange: header.fileRange, sourceLine: header.sourceLine, messageStart: end, pastedPrefixLength: 0)
  }

  /// The microsecond of day of the header at `base[0..<count]` when it repeats the one of the line
  /// at `previous` (``repeated(_:count:previous:_:)``), which ends at `end` and whose minute starts
  /// `minuteStart` microseconds into the day; else nil.
  ///
  /// The caller vouches for the rest of what ``repeated(_:count:previous:_:)`` tests of the
  /// previous header: a header it repeated once passes them for good.
  @inline(__always)
  static func repeatedTime(
    _ base: UnsafePointer<UInt8>, count: Int, previous: UnsafePointer<UInt8>, end: Int, minuteStart: Int64
  ) -> Int64? {
    guard count >= end else { return nil }
    let raw = UnsafeRawPointer(base)
    let was = UnsafeRawPointer(previous)
    // `I0927 11:50:` (twelve bytes): severity, date, hour and minute.
    guard raw.loadUnaligned(as: UInt64.self) == was.loadUnaligned(as: UInt64.self),
      raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == was.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
    else { return nil }
    // `SS.uuuuu` and `.uuuuuu `, little-endian: byte k of a word is its bits 8k...
    let seconds = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
    let fraction = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 14, as: UInt64.self))
    guard fraction & 0xFF == 0x2E, fraction >> 56 == 0x20,
      let secondDigits = KlogHeaderParser.digitValues(seconds, mask: 0xFFFF),
      let fractionDigits = KlogHeaderParser.digitValues(fraction, mask: 0x00FF_FFFF_FFFF_FF00),
      case let second = KlogHeaderParser.pair(secondDigits, 0), second < 61,
      WordScan.equal(base + 21, previous + 21, count: end - 21)
    else { return nil }
    return minuteStart + Int64(second) * 1_000_000 + KlogHeaderParser.microseconds(fractionDigits)
  }

  /// The microsecond of day at which the minute of the standard header at `base` starts: its hour
  /// and minute, which a standard header holds as digits at fixed offsets.
  @inline(__always)
  static func minuteStart(_ base: UnsafePointer<UInt8>) -> Int64 {
    let hour = Int(base[6] &- 0x30) * 10 + Int(base[7] &- 0x30)
    let minute = Int(base[9] &- 0x30) * 10 + Int(base[10] &- 0x30)
    return Int64(hour * 3600 + minute * 60) * 1_000_000
  }
}
