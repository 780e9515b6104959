/// Parsers for the full timestamps found in envelopes and messages.
enum TimeText {
  /// When the process that printed a Go time started: `T … m=+X` (X seconds of its monotonic clock) gives T − X.
  ///
  /// Go's monotonic clock counts from the process start, so every time one process prints implies
  /// the same start, and a different one means another process. Nil without an `m=` reading.
  static func goProcessStart(_ text: some StringProtocol) -> FullTime? {
    // On the text's own bytes (a native string's are contiguous): no array, string or parse per call.
    if let start = text.utf8.withContiguousStorageIfAvailable({ goProcessStart(bytes: $0) }) { return start }
    return Array(text.utf8).withUnsafeBufferPointer { goProcessStart(bytes: $0) }
  }

  /// ``goProcessStart(_:)`` over bytes.
  static func goProcessStart(bytes: UnsafeBufferPointer<UInt8>) -> FullTime? {
    guard let (time, length) = parse(bytes, dateTimeSeparators: [UInt8(ascii: " ")]), time.isSupported,
      let base = bytes.baseAddress
    else { return nil }
    // The reading after ` m=` (which the time read, digits, signs, colons and `Z`, cannot hold):
    // an optional sign, then digits and dots.
    var start = length
    while true {
      guard start + 3 <= bytes.count else { return nil }
      if base[start] == 0x20, base[start + 1] == UInt8(ascii: "m"), base[start + 2] == UInt8(ascii: "=") { break }
      start += 1
    }
    start += 3
    var end = start
    if end < bytes.count, base[end] == UInt8(ascii: "+") || base[end] == UInt8(ascii: "-") { end += 1 }
    while end < bytes.count, isDigit(base[end]) || base[end] == UInt8(ascii: ".") { end += 1 }
    guard let seconds = goSeconds(UnsafeBufferPointer(start: base + start, count: end - start)), seconds.isFinite,
      abs(seconds) < 1e10
    else { return nil }
    let processStart = FullTime(epochMicroseconds: time.epochMicroseconds - Int64((seconds * 1_000_000).rounded()))
    return processStart.isSupported ? processStart : nil
  }

  /// The seconds of a monotonic reading (`+2997.491422805`), exactly as `Double(String)` reads it
  /// (a leading `+` dropped first).
  ///
  /// A sign, digits and at most one dot with digits on both sides, at most 15 digits in all, is
  /// read as the digits' integer divided by a power of ten: both are exact doubles, so the one
  /// division rounds correctly, as the decimal conversion does. Anything else goes through
  /// `Double(String)`.
  static func goSeconds(_ reading: UnsafeBufferPointer<UInt8>) -> Double? {
    let count = reading.count
    var offset = 0
    var negative = false
    if offset < count, reading[offset] == UInt8(ascii: "+") || reading[offset] == UInt8(ascii: "-") {
      negative = reading[offset] == UInt8(ascii: "-")
      offset += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var integerDigits = 0
    var fractionDigits = 0
    var seenDot = false
    while offset < count {
      let byte = reading[offset]
      if isDigit(byte) {
        mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
        digits += 1
        if seenDot { fractionDigits += 1 } else { integerDigits += 1 }
      } else if !seenDot {
        seenDot = true
      } else {
        break
      }
      offset += 1
    }
    if offset == count, digits <= 15, integerDigits > 0, !seenDot || fractionDigits > 0 {
      let magnitude = Double(mantissa) / Self.powersOfTen[fractionDigits]
      return negative ? -magnitude : magnitude
    }
    var text = String(decoding: reading, as: UTF8.self)
    if text.hasPrefix("+") { text.removeFirst() }
    return Double(text)
  }

  /// 10⁰ through 10¹⁵, each an exact double.
  private static let powersOfTen: [Double] = (0...15).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// Parses RFC 3339 (`2024-03-13T12:34:34.481377120Z`, offsets like `+09:00` too); nil outside
  /// the supported years (``FullTime/supportedYears``).
  static func rfc3339<C: RandomAccessCollection<UInt8>>(_ text: C) -> FullTime? where C.Index == Int {
    parse(text, dateTimeSeparators: [UInt8(ascii: "T"), UInt8(ascii: "t")]).flatMap {
      $0.time.isSupported ? $0.time : nil
    }
  }

  /// Parses Go's `time.Time.String()` form: `2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.49`;
  /// nil outside the supported years.
  static func goTime(_ text: some StringProtocol) -> FullTime? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { goTime(bytes: $0) }
  }

  /// ``goTime(_:)`` of the text whose UTF-8 bytes are `bytes`.
  static func goTime(bytes: UnsafeBufferPointer<UInt8>) -> FullTime? {
    parse(bytes, dateTimeSeparators: blank).flatMap { $0.time.isSupported ? $0.time : nil }
  }

  /// The one date-time separator of a Go time.
  private static let blank: [UInt8] = [UInt8(ascii: " ")]
  /// The date-time separators of a date inside a message: a Go time's blank or RFC 3339's `T`.
  private static let blankOrT: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "T")]

  /// Parses `YYYY-MM-DD<sep>hh:mm:ss[.frac][Z|±hh:mm| ±hhmm]`, returning the time and bytes used.
  ///
  /// The time may lie outside the supported years (`0000-…`, a zone offset past 9999-12-31):
  /// callers that keep it check ``FullTime/isSupported``.
  static func parse<C: RandomAccessCollection<UInt8>>(
    _ text: C, dateTimeSeparators: [UInt8]
  ) -> (time: FullTime, length: Int)? where C.Index == Int {
    let s = text.startIndex
    let n = text.count
    func digits(_ offset: Int, _ count: Int) -> Int? {
      guard offset + count <= n else { return nil }
      var value = 0
      for i in offset..<(offset + count) {
        let byte = text[s + i]
        guard isDigit(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    func byte(_ offset: Int) -> UInt8? { offset < n ? text[s + offset] : nil }
    guard let year = digits(0, 4), byte(4) == UInt8(ascii: "-"), let month = digits(5, 2),
      byte(7) == UInt8(ascii: "-"), let day = digits(8, 2), let separator = byte(10),
      dateTimeSeparators.contains(separator), let hour = digits(11, 2), byte(13) == UInt8(ascii: ":"),
      let minute = digits(14, 2), byte(16) == UInt8(ascii: ":"), let second = digits(17, 2),
      CivilDate.isValid(month: month, day: day), hour < 24, minute < 60, second < 61
    else { return nil }
    var offset = 19
    var nanos = 0
    var fractionDigits = 0
    if byte(offset) == UInt8(ascii: ".") {
      offset += 1
      while let b = byte(offset), isDigit(b) {
        if fractionDigits < 9 { nanos = nanos * 10 + Int(b - 0x30) }
        fractionDigits += 1
        offset += 1
      }
      for _ in min(fractionDigits, 9)..<9 { nanos *= 10 }
    }
    let micros = nanos / 1000
    var zoneSeconds = 0
    if let b = byte(offset), b == UInt8(ascii: "Z") || b == UInt8(ascii: "z") {
      offset += 1
    } else {
      var zoneOffset = offset
      if byte(zoneOffset) == UInt8(ascii: " ") { zoneOffset += 1 }
      if let sign = byte(zoneOffset), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
        let hours = digits(zoneOffset + 1, 2)
      {
        var minutesOffset = zoneOffset + 3
        if byte(minutesOffset) == UInt8(ascii: ":") { minutesOffset += 1 }
        // An offset is at most 23:59 either way; a larger one is not an offset (the time stops before it).
        if let minutes = digits(minutesOffset, 2), hours <= 23, minutes <= 59 {
          zoneSeconds = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
          offset = minutesOffset + 2
        }
      }
    }
    let days = CivilDate.days(year: year, month: month, day: day)
    let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(zoneSeconds)
    let time = FullTime(
      epochMicroseconds: seconds * 1_000_000 + Int64(micros), fractionDigits: min(fractionDigits, 9),
      extraNanoseconds: nanos % 1000)
    return (time, offset)
  }
}

extension TimeText {
  /// The first full date and time inside a message (`until 2020-05-06 17:20:54.59 +0000 UTC`,
  /// `at 2024-03-13T12:00:00Z`), or nil; a date must not follow a digit.
  static func firstDate(in message: UnsafeBufferPointer<UInt8>) -> FullTime? {
    var start = 0
    while start < message.count,
      let found = memchrIndex(UnsafeBufferPointer(rebasing: message[start...]), UInt8(ascii: "-"))
    {
      let dash = start + found
      start = dash + 1
      guard dash >= 4, dash + 15 <= message.count else { continue }
      if dash >= 5, isDigit(message[dash - 5]) { continue }
      // What ``parse(_:dateTimeSeparators:)`` reads first, `DDDD-DD-`, tested in line: most dashes
      // (`ip-10-0-1-5`, ` - `) are no date.
      guard isDigit(message[dash - 4]), isDigit(message[dash - 3]), isDigit(message[dash - 2]),
        isDigit(message[dash - 1]), isDigit(message[dash + 1]), isDigit(message[dash + 2]),
        message[dash + 3] == UInt8(ascii: "-")
      else { continue }
      let candidate = UnsafeBufferPointer(rebasing: message[(dash - 4)...])
      if let parsed = parse(candidate, dateTimeSeparators: blankOrT),
        parsed.time.isSupported
      {
        return parsed.time
      }
    }
    return nil
  }
}
