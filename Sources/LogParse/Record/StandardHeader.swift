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
}
