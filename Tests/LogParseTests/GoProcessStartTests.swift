import Testing

@testable import LogParse

/// A Go time's process start is read on bytes: the same start as reading the monotonic seconds
/// with `Double(String)`, for every form of reading.
struct GoProcessStartTests {
  /// The start as read before, through a string and `Double(String)`.
  private static func reference(_ text: String) -> FullTime? {
    let bytes = Array(text.utf8)
    guard let time = TimeText.parse(bytes, dateTimeSeparators: [UInt8(ascii: " ")])?.time, time.isSupported,
      let start = bytes.withUnsafeBufferPointer({ ByteSearch.offset(of: Array(" m=".utf8), in: $0) }).map({ $0 + 3 })
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

  @Test(arguments: [
    "+2997.491422805", "-3578.293245296", "+1.0", "+0", "-0", "+0.0000005", "-0.0000005", "+1728.317182965",
    "+12345678.123456789", "+9999999999.5", "+10000000000", "+5.", "+.5", "-.5", "+1.2.3", "+", "-", "",
    "+00000000000000000001", "+0.1234567890123", "+123456789012345", "+1234567890123456", "+3.0000004999999999",
  ])
  func readingsGiveTheStartDoubleParsingGives(reading: String) {
    let text = "2019-09-27 11:57:07.773690521 +0000 UTC m=\(reading) trailing"
    #expect(TimeText.goProcessStart(text) == Self.reference(text), "m=\(reading)")
  }

  @Test func randomReadingsGiveTheStartDoubleParsingGives() {
    var generator = SplitMix(seed: 21)
    for _ in 0..<5_000 {
      let integer = String(
        UInt64.random(in: 0..<10_000_000_000, using: &generator) >> UInt64.random(in: 0...33, using: &generator))
      let fractionLength = Int.random(in: 0...10, using: &generator)
      let fraction = String(
        (0..<fractionLength).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      let sign = ["+", "-"].randomElement(using: &generator)!
      let reading = sign + integer + (fractionLength > 0 ? "." + fraction : "")
      let text = "2024-03-13 11:00:00 +0000 UTC m=\(reading)"
      #expect(TimeText.goProcessStart(text) == Self.reference(text), "m=\(reading)")
    }
  }

  /// The seconds themselves, to the bit: an error of one unit in the last place would change the
  /// start only now and then.
  @Test func secondsAreReadToTheBitAsDoubleParsingReadsThem() {
    var generator = SplitMix(seed: 33)
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...17, using: &generator)
      let dot = Int.random(in: 0...digits, using: &generator)
      var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      if dot > 0, dot < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: dot)) }
      let reading = (Bool.random(using: &generator) ? "-" : "+") + text
      let seconds = Array(reading.utf8).withUnsafeBufferPointer { TimeText.goSeconds($0) }
      let expected = Double(reading.hasPrefix("+") ? String(reading.dropFirst()) : reading)
      #expect(seconds?.bitPattern == expected?.bitPattern, "\(reading)")
    }
  }

  @Test func aTimeWithoutAReadingOrDateHasNoStart() {
    #expect(TimeText.goProcessStart("2019-09-27 11:57:07.773690521 +0000 UTC") == nil)
    #expect(TimeText.goProcessStart("not a time m=+5") == nil)
    #expect(TimeText.goProcessStart(Substring("2019-09-27 11:57:07 +0000 UTC m=+7")) != nil)
  }
}
