import Glibc

/// The parsed header of a klog text line: `I0927 11:50:35.158391       1 scale_up.go:300] msg`.
public struct KlogHeader: Hashable, Sendable {
  /// The severity letter; nil when the line lost it (a damaged paste).
  public var severity: Severity?
  /// Month 1...12.
  public var month: Int
  /// Day 1...31.
  public var day: Int
  /// Microseconds since midnight.
  public var microsecondOfDay: Int64
  /// Fractional digits of the time as written.
  public var fractionDigits: Int
  /// Byte range of `file.go` in the line.
  public var fileRange: Range<Int>
  /// The `:line` number after the file name.
  public var sourceLine: Int
  /// Offset of the message's first byte.
  public var messageStart: Int
  /// Bytes of paste damage stripped before the header (indentation, `# `, `> `, grep `-n`).
  public var pastedPrefixLength: Int
}

/// Recognises klog text headers at fixed positions, tolerating the damage of pasted logs.
public enum KlogHeaderParser {
  /// Parses the header at the start of `line`, after any pasted prefix; nil when there is none.
  public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> KlogHeader? {
    if let header = parse(line, at: 0) { return header }
    let prefix = pastedPrefixLength(line)
    guard prefix > 0 else { return nil }
    return parse(line, at: prefix)
  }

  /// Where a second klog header starts inside a line whose message begins at `messageStart`, or nil.
  ///
  /// Pastes sometimes lose a line break and merge two records into one padded line. Only lines
  /// with a second `] ` are examined (each `]` found with memchr), so the usual line costs one scan.
  static func embeddedHeaderStart(_ line: UnsafeBufferPointer<UInt8>, messageStart: Int) -> Int? {
    guard messageStart < line.count, let base = line.baseAddress else { return nil }
    var searchFrom = messageStart
    while searchFrom + 2 <= line.count {
      guard let found = memchr(base + searchFrom, Int32(UInt8(ascii: "]")), line.count - searchFrom) else {
        return nil
      }
      let bracket = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
      guard bracket + 1 < line.count, line[bracket + 1] == 0x20 else {
        searchFrom = bracket + 1
        continue
      }
      // A header is at most ~50 bytes before its `] `: look for a severity letter after a blank.
      var start = max(messageStart + 1, bracket - 64)
      while start < bracket {
        if Severity(rawValue: line[start]) != nil, line[start - 1] == 0x20 || line[start - 1] == 0x09,
          start + 5 < line.count, isDigit(line[start + 1]), isDigit(line[start + 4]), line[start + 5] == 0x20,
          let header = parse(UnsafeBufferPointer(rebasing: line[start...]), at: 0),
          start + header.messageStart >= bracket + 1
        {
          return start
        }
        start += 1
      }
      searchFrom = bracket + 2
    }
    return nil
  }

  /// The length of paste damage before a header: indentation, `#`/`>` quote marks, grep `-n`.
  static func pastedPrefixLength(_ line: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    let n = line.count
    func skipBlanks() { while i < n, line[i] == 0x20 || line[i] == 0x09 { i += 1 } }
    skipBlanks()
    while i < n, line[i] == UInt8(ascii: "#") || line[i] == UInt8(ascii: ">") {
      i += 1
      skipBlanks()
    }
    // grep -n (`15214:`) or grep context (`15214-`) right before the severity letter.
    var j = i
    while j < n, isDigit(line[j]) { j += 1 }
    if j > i, j < n, line[j] == UInt8(ascii: ":") || line[j] == UInt8(ascii: "-"), j + 1 < n,
      Severity(rawValue: line[j + 1]) != nil
    {
      i = j + 1
    }
    return i
  }

  /// The severity and time of the usual header (`I0927 11:50:35.158391 `) read at fixed offsets,
  /// or nil when the line has any other shape (the general parser then decides).
  @inline(__always)
  private static func standardTime(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> (
    severity: Severity, month: Int, day: Int, microsecondOfDay: Int64
  )? {
    guard start + 22 <= line.count, let p = line.baseAddress.map({ $0 + start }),
      let severity = Severity(rawValue: p[0]), p[5] == 0x20, p[8] == UInt8(ascii: ":"), p[11] == UInt8(ascii: ":"),
      p[14] == UInt8(ascii: "."), p[21] == 0x20
    else { return nil }
    var invalid = false
    @inline(__always) func digits(_ from: Int, _ count: Int) -> Int {
      var value = 0
      for k in from..<(from + count) {
        let digit = p[k] &- 0x30
        invalid = invalid || digit > 9
        value = value &* 10 &+ Int(digit)
      }
      return value
    }
    let month = digits(1, 2)
    let day = digits(3, 2)
    let hour = digits(6, 2)
    let minute = digits(9, 2)
    let second = digits(12, 2)
    let micros = digits(15, 6)
    guard !invalid, hour < 24, minute < 60, second < 61, CivilDate.isValid(month: month, day: day) else { return nil }
    return (severity, month, day, Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + Int64(micros))
  }

  private static func parse(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> KlogHeader? {
    if let time = standardTime(line, at: start) {
      return parseRest(
        line, at: start + 21, start: start, severity: time.severity, month: time.month, day: time.day,
        microsecondOfDay: time.microsecondOfDay, fractionDigits: 6)
    }
    let n = line.count
    var i = start
    guard i + 20 <= n else { return nil }
    var severity: Severity?
    if let letter = Severity(rawValue: line[i]) {
      severity = letter
      i += 1
    } else if !isDigit(line[i]) {
      return nil
    }
    func number(_ count: Int) -> Int? {
      guard i + count <= n else { return nil }
      var value = 0
      for k in i..<(i + count) {
        guard isDigit(line[k]) else { return nil }
        value = value * 10 + Int(line[k] &- 0x30)
      }
      i += count
      return value
    }
    func expect(_ byte: UInt8) -> Bool {
      guard i < n, line[i] == byte else { return false }
      i += 1
      return true
    }
    func skipSpaces() -> Int {
      let from = i
      while i < n, line[i] == 0x20 { i += 1 }
      return i - from
    }
    guard let month = number(2), let day = number(2), CivilDate.isValid(month: month, day: day),
      skipSpaces() >= 1, let hour = number(2), hour < 24, expect(UInt8(ascii: ":")),
      let minute = number(2), minute < 60, expect(UInt8(ascii: ":")), let second = number(2), second < 61
    else { return nil }
    var micros = 0
    var fractionDigits = 0
    if i < n, line[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, isDigit(line[i]) {
        if fractionDigits < 6 { micros = micros * 10 + Int(line[i] &- 0x30) }
        fractionDigits += 1
        i += 1
      }
      for _ in min(fractionDigits, 6)..<6 { micros *= 10 }
    }
    let seconds = Int64(hour * 3600 + minute * 60 + second)
    return parseRest(
      line, at: i, start: start, severity: severity, month: month, day: day,
      microsecondOfDay: seconds * 1_000_000 + Int64(micros), fractionDigits: min(fractionDigits, 6))
  }

  /// Parses what follows the time (blanks, the optional thread id, `file:line]`) from `i`.
  @inline(__always)
  private static func parseRest(
    _ line: UnsafeBufferPointer<UInt8>, at position: Int, start: Int, severity: Severity?, month: Int, day: Int,
    microsecondOfDay: Int64, fractionDigits: Int
  ) -> KlogHeader? {
    let n = line.count
    var i = position
    func expect(_ byte: UInt8) -> Bool {
      guard i < n, line[i] == byte else { return false }
      i += 1
      return true
    }
    func skipSpaces() -> Int {
      let from = i
      while i < n, line[i] == 0x20 { i += 1 }
      return i - from
    }
    guard skipSpaces() >= 1 else { return nil }
    // The thread id (really the pid) is optional: damaged pastes lose it.
    var afterPid = i
    while afterPid < n, isDigit(line[afterPid]) { afterPid += 1 }
    if afterPid > i, afterPid < n, line[afterPid] == 0x20 {
      i = afterPid
      _ = skipSpaces()
    }
    // file:line]
    let fileStart = i
    while i < n, line[i] != UInt8(ascii: ":"), line[i] != UInt8(ascii: "]"), line[i] != 0x20 { i += 1 }
    guard i > fileStart, expect(UInt8(ascii: ":")) else { return nil }
    let fileEnd = i - 1
    guard let sourceLine = lineNumber(&i, line) else { return nil }
    guard expect(UInt8(ascii: "]")) else { return nil }
    if i < n, line[i] == 0x20 { i += 1 }
    return KlogHeader(
      severity: severity, month: month, day: day, microsecondOfDay: microsecondOfDay,
      fractionDigits: fractionDigits, fileRange: fileStart..<fileEnd, sourceLine: sourceLine,
      messageStart: i, pastedPrefixLength: start)
  }

  private static func lineNumber(_ i: inout Int, _ line: UnsafeBufferPointer<UInt8>) -> Int? {
    var value = 0
    let from = i
    while i < line.count, isDigit(line[i]), i - from < 9 {
      value = value * 10 + Int(line[i] &- 0x30)
      i += 1
    }
    return i > from ? value : nil
  }
}
