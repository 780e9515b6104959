import Glibc

/// The parsed header of a klog text line: `I0927 11:50:35.158391       1 scale_up.go:300] msg`.
struct KlogHeader: Hashable, Sendable {
  /// The severity letter; nil when the line lost it (a damaged paste).
  var severity: Severity?
  /// Month 1...12.
  var month: Int
  /// Day 1...31.
  var day: Int
  /// Microseconds since midnight.
  var microsecondOfDay: Int64
  /// Fractional digits of the time as written.
  var fractionDigits: Int
  /// Byte range of `file.go` in the line.
  var fileRange: Range<Int>
  /// The `:line` number after the file name.
  var sourceLine: Int
  /// Offset of the message's first byte.
  var messageStart: Int
  /// Bytes of paste damage stripped before the header (indentation, `# `, `> `, grep `-n`, or any
  /// prefix the header search stepped over; see ``LinePrefix``).
  var pastedPrefixLength: Int
  /// Whether the time of day is readable; false when it was redacted (`XX:XX:XX.XXXXXX`): the
  /// record then has no time (the month and day are kept as written, but never used alone).
  var hasTime = true
  /// Whether the header was found by searching past an unknown prefix (``KlogHeaderParser/search(_:)``).
  var foundBySearch = false
}

/// Recognises klog text headers at fixed positions, tolerating the damage of pasted logs.
enum KlogHeaderParser {
  /// Parses the header at the start of `line`, after any pasted prefix; nil when there is none.
  static func parse(_ line: UnsafeBufferPointer<UInt8>) -> KlogHeader? {
    if let header = parse(line, at: 0) { return header }
    let prefix = pastedPrefixLength(line)
    if prefix > 0, let header = parse(line, at: prefix) { return header }
    return search(line)
  }

  /// Where a second klog header starts inside a line whose message begins at `messageStart`, or nil.
  ///
  /// Pastes sometimes lose a line break and merge two records into one padded line. Only lines
  /// with a second `] ` are examined (each `]` found with memchr), so the usual line costs one scan:
  /// the first one is made in line, and only a message holding a `]` goes on to
  /// ``embeddedHeaderStart(_:messageStart:bracket:)``.
  @inline(__always)
  static func embeddedHeaderStart(_ line: UnsafeBufferPointer<UInt8>, messageStart: Int) -> Int? {
    guard messageStart + 2 <= line.count, let base = line.baseAddress,
      let found = memchr(base + messageStart, Int32(UInt8(ascii: "]")), line.count - messageStart)
    else { return nil }
    return embeddedHeaderStart(
      line, messageStart: messageStart, bracket: UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base)
  }

  /// ``embeddedHeaderStart(_:messageStart:)`` from the first `]` of the message, at `firstBracket`.
  @inline(never)
  private static func embeddedHeaderStart(
    _ line: UnsafeBufferPointer<UInt8>, messageStart: Int, bracket firstBracket: Int
  ) -> Int? {
    guard let base = line.baseAddress else { return nil }
    var searchFrom = messageStart
    var known: Int? = firstBracket
    while searchFrom + 2 <= line.count {
      let bracket: Int
      if let first = known {
        bracket = first
        known = nil
      } else {
        guard let found = memchr(base + searchFrom, Int32(UInt8(ascii: "]")), line.count - searchFrom) else {
          return nil
        }
        bracket = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
      }
      guard bracket + 1 < line.count, line[bracket + 1] == 0x20 else {
        searchFrom = bracket + 1
        continue
      }
      // A header ends in its `] ` well within 160 bytes (long file names such as
      // `azure_container_service_pool.go` take 66): look for a severity letter after a blank.
      var start = max(messageStart + 1, bracket - 160)
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
  ///
  /// The 21 bytes after the severity are read as three words, and their digits and separators
  /// tested eight bytes at a time.
  @inline(__always)
  static func standardTime(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> (
    severity: Severity, month: Int, day: Int, microsecondOfDay: Int64
  )? {
    guard start + 22 <= line.count, let p = line.baseAddress.map({ $0 + start }),
      let severity = p[0] == UInt8(ascii: "I") ? .info : Severity(rawValue: p[0])
    else { return nil }
    let raw = UnsafeRawPointer(p)
    // `MMDD HH:`, `MM:SS.uu` and `.uuuuuu `, little-endian: byte k of a word is its bits 8k...
    let date = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt64.self))
    let clock = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self))
    let fraction = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 14, as: UInt64.self))
    // The separators: a blank and `:` in the first word, `:` and `.` in the second, a blank last.
    guard date & 0xFF00_00FF_0000_0000 == 0x3A00_0020_0000_0000,
      clock & 0x0000_FF00_00FF_0000 == 0x0000_2E00_003A_0000,
      fraction >> 56 == 0x20,
      let dateDigits = digitValues(date, mask: 0x00FF_FF00_FFFF_FFFF),
      let clockDigits = digitValues(clock, mask: 0xFFFF_00FF_FF00_FFFF),
      let fractionDigits = digitValues(fraction, mask: 0x00FF_FFFF_FFFF_FF00)
    else { return nil }
    let month = pair(dateDigits, 0)
    let day = pair(dateDigits, 2)
    let hour = pair(dateDigits, 5)
    let minute = pair(clockDigits, 0)
    let second = pair(clockDigits, 3)
    let micros = microseconds(fractionDigits)
    guard hour < 24, minute < 60, second < 61, CivilDate.isValid(month: month, day: day) else { return nil }
    return (severity, month, day, Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + micros)
  }

  /// The digit values of the bytes of `word` that `mask` selects (the others 0), or nil when one
  /// of them is not an ASCII digit.
  @inline(__always)
  static func digitValues(_ word: UInt64, mask: UInt64) -> UInt64? {
    let values = (word ^ 0x3030_3030_3030_3030) & mask
    // A digit's value is below 10: no high nibble, and adding 6 carries into none.
    guard values & 0xF0F0_F0F0_F0F0_F0F0 == 0, (values &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0
    else { return nil }
    return values
  }

  /// The six-digit number whose digit values are bytes 1 to 6 of `values` (a fraction's digits
  /// after its `.`, ``digitValues(_:mask:)``), combined in pairs a word at a time.
  @inline(__always)
  static func microseconds(_ values: UInt64) -> Int64 {
    let digits = values >> 8
    // Three 16-bit lanes of two digits each: the first of each pair times ten, plus the second.
    let pairs = (digits & 0x0000_00FF_00FF_00FF) &* 10 &+ ((digits >> 8) & 0x0000_00FF_00FF_00FF)
    return Int64(truncatingIfNeeded: pairs & 0xFFFF) &* 10_000 &+ Int64(truncatingIfNeeded: (pairs >> 16) & 0xFFFF)
      &* 100 &+ Int64(truncatingIfNeeded: (pairs >> 32) & 0xFFFF)
  }

  /// The two-digit number whose digit values are bytes `byte` and `byte + 1` of `values`.
  @inline(__always)
  static func pair(_ values: UInt64, _ byte: Int) -> Int {
    Int(truncatingIfNeeded: (values >> UInt64(8 * byte)) & 0xFF) * 10
      + Int(truncatingIfNeeded: (values >> UInt64(8 * byte + 8)) & 0xFF)
  }

  static func parse(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> KlogHeader? {
    if let time = standardTime(line, at: start) {
      return parseRest(
        line, at: start + 21, start: start, severity: time.severity, month: time.month, day: time.day,
        microsecondOfDay: time.microsecondOfDay, fractionDigits: 6)
    }
    var cursor = HeaderCursor(line: line, position: start)
    guard start + 20 <= line.count else { return nil }
    var severity: Severity?
    if let letter = Severity(rawValue: line[start]) {
      severity = letter
      cursor.position += 1
    } else if !isDigit(line[start]) {
      return nil
    }
    if let redacted = redactedTime(line, cursor: &cursor) {
      return parseRest(
        line, at: cursor.position, start: start, severity: severity, month: redacted.month, day: redacted.day,
        microsecondOfDay: 0, fractionDigits: 0, hasTime: false)
    }
    // A paste may lose the space between date and time (`I092711:50:35.158391`).
    guard let month = cursor.number(2), let day = cursor.number(2), CivilDate.isValid(month: month, day: day),
      cursor.skipSpaces() >= 0, let hour = cursor.number(2), hour < 24, cursor.expect(UInt8(ascii: ":")),
      let minute = cursor.number(2), minute < 60, cursor.expect(UInt8(ascii: ":")), let second = cursor.number(2),
      second < 61
    else { return nil }
    var micros = 0
    var fractionDigits = 0
    if cursor.expect(UInt8(ascii: ".")) {
      while let digit = cursor.digit() {
        if fractionDigits < 6 { micros = micros * 10 + digit }
        fractionDigits += 1
      }
      for _ in min(fractionDigits, 6)..<6 { micros *= 10 }
    }
    let seconds = Int64(hour * 3600 + minute * 60 + second)
    return parseRest(
      line, at: cursor.position, start: start, severity: severity, month: month, day: day,
      microsecondOfDay: seconds * 1_000_000 + Int64(micros), fractionDigits: min(fractionDigits, 6))
  }

  /// Parses what follows the time (blanks, the optional thread id, `file:line]`) from `position`.
  @inline(__always)
  private static func parseRest(
    _ line: UnsafeBufferPointer<UInt8>, at position: Int, start: Int, severity: Severity?, month: Int, day: Int,
    microsecondOfDay: Int64, fractionDigits: Int, hasTime: Bool = true
  ) -> KlogHeader? {
    var cursor = HeaderCursor(line: line, position: position)
    guard cursor.skipSpaces() >= 1 else { return nil }
    // The thread id (really the pid) is optional: damaged pastes lose it.
    var afterPid = cursor.position
    while afterPid < line.count, isDigit(line[afterPid]) { afterPid += 1 }
    if afterPid > cursor.position, afterPid < line.count, line[afterPid] == 0x20 {
      cursor.position = afterPid
      _ = cursor.skipSpaces()
    }
    // file:line]
    let fileStart = cursor.position
    cursor.skip { $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: "]") && $0 != 0x20 }
    guard cursor.position > fileStart, cursor.expect(UInt8(ascii: ":")) else { return nil }
    let fileEnd = cursor.position - 1
    guard let sourceLine = cursor.lineNumber(), cursor.expect(UInt8(ascii: "]")) else { return nil }
    _ = cursor.expect(0x20)
    return KlogHeader(
      severity: severity, month: month, day: day, microsecondOfDay: microsecondOfDay,
      fractionDigits: fractionDigits, fileRange: fileStart..<fileEnd, sourceLine: sourceLine,
      messageStart: cursor.position, pastedPrefixLength: start, hasTime: hasTime)
  }

  /// A date and time with letters in place of digits (`0927 XX:XX:XX.XXXXXX`, `XXXX XX:XX:XX`), as
  /// people redact pasted logs: the month and day when readable (else 1), with the cursor after the
  /// time; nil when the time is readable or the shape is not a time at all.
  private static func redactedTime(_ line: UnsafeBufferPointer<UInt8>, cursor: inout HeaderCursor) -> (
    month: Int, day: Int
  )? {
    var probe = cursor
    func isTimeByte(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    var letters = 0
    func take(_ count: Int) -> Bool {
      guard probe.position + count <= line.count else { return false }
      for offset in probe.position..<(probe.position + count) {
        guard isTimeByte(line[offset]) else { return false }
        if isLetter(line[offset]) { letters += 1 }
      }
      probe.position += count
      return true
    }
    let dateStart = probe.position
    guard take(4) else { return nil }
    let dateLetters = letters
    _ = probe.skipSpaces()
    guard take(2), probe.expect(UInt8(ascii: ":")), take(2), probe.expect(UInt8(ascii: ":")), take(2) else {
      return nil
    }
    if probe.expect(UInt8(ascii: ".")) {
      while probe.position < line.count, isTimeByte(line[probe.position]) {
        if isLetter(line[probe.position]) { letters += 1 }
        probe.position += 1
      }
    }
    guard letters > 0 else { return nil }
    var month = 1
    var day = 1
    if dateLetters == 0 {
      var date = HeaderCursor(line: line, position: dateStart)
      if let m = date.number(2), let d = date.number(2), CivilDate.isValid(month: m, day: d) {
        month = m
        day = d
      }
    }
    cursor = probe
    return (month, day)
  }
}

/// A position in a line and the few ways the header parser moves it.
private struct HeaderCursor {
  let line: UnsafeBufferPointer<UInt8>
  var position: Int

  /// Steps over `byte` if it is next.
  mutating func expect(_ byte: UInt8) -> Bool {
    guard position < line.count, line[position] == byte else { return false }
    position += 1
    return true
  }

  /// Steps over blanks; returns how many.
  mutating func skipSpaces() -> Int {
    let from = position
    skip { $0 == 0x20 }
    return position - from
  }

  /// Steps over bytes while `condition` holds.
  mutating func skip(while condition: (UInt8) -> Bool) {
    while position < line.count, condition(line[position]) { position += 1 }
  }

  /// The next byte's digit value, stepping over it; nil (not moving) when it is no digit.
  mutating func digit() -> Int? {
    guard position < line.count, isDigit(line[position]) else { return nil }
    position += 1
    return Int(line[position - 1] &- 0x30)
  }

  /// Exactly `count` digits as a number; nil (not moving) when they are not all there.
  mutating func number(_ count: Int) -> Int? {
    guard position + count <= line.count else { return nil }
    var value = 0
    for offset in position..<(position + count) {
      guard isDigit(line[offset]) else { return nil }
      value = value * 10 + Int(line[offset] &- 0x30)
    }
    position += count
    return value
  }

  /// A source line number: one to nine digits.
  mutating func lineNumber() -> Int? {
    let from = position
    var value = 0
    while position - from < 9, let digit = digit() { value = value * 10 + digit }
    return position > from ? value : nil
  }
}
