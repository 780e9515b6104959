/// Parsers for the full timestamps found in envelopes and messages.
enum TimeText {
  /// When the process that printed a Go time started: `T … m=+X` (X seconds of its monotonic clock) gives T − X.
  ///
  /// Go's monotonic clock counts from the process start, so every time one process prints implies
  /// the same start, and a different one means another process. Nil without an `m=` reading.
  static func goProcessStart(_ text: some StringProtocol) -> FullTime? {
    let bytes = Array(text.utf8)
    guard let time = parse(bytes, dateTimeSeparators: [UInt8(ascii: " ")])?.time, time.isSupported else { return nil }
    let marker: [UInt8] = [0x20, UInt8(ascii: "m"), UInt8(ascii: "=")]
    guard
      let start = bytes.withUnsafeBufferPointer({ ByteSearch.offset(of: marker, in: $0) }).map({ $0 + marker.count })
    else { return nil }
    var end = start
    if end < bytes.count, bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: "-") { end += 1 }
    while end < bytes.count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
    var reading = String(decoding: bytes[start..<end], as: UTF8.self)
    if reading.hasPrefix("+") { reading.removeFirst() }
    guard let seconds = Double(reading), seconds.isFinite, abs(seconds) < 1e10 else { return nil }
    let processStart = FullTime(epochMicroseconds: time.epochMicroseconds - Int64((seconds * 1_000_000).rounded()))
    return processStart.isSupported ? processStart : nil
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
    return parse(bytes, dateTimeSeparators: [UInt8(ascii: " ")]).flatMap { $0.time.isSupported ? $0.time : nil }
  }

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
      let candidate = UnsafeBufferPointer(rebasing: message[(dash - 4)...])
      if let parsed = parse(candidate, dateTimeSeparators: [UInt8(ascii: " "), UInt8(ascii: "T")]),
        parsed.time.isSupported
      {
        return parsed.time
      }
    }
    return nil
  }
}
