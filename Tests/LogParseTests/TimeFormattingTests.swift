import LogGen
import Testing

@testable import LogParse

/// RFC 3339 text of a time reads back as the same time, with the digits it was written with.
struct TimeFormattingTests {
  @Test func formattedTimesReadBack() throws {
    var random = SplitMix64(seed: 3339)
    let range = FullTime.supportedMicroseconds
    for _ in 0..<5_000 {
      let span = UInt64(range.upperBound - range.lowerBound)
      let micros = range.lowerBound + Int64(random.next() % span)
      let digits = Int(random.next() % 10)
      let nanos = Int(random.next() % 1000)
      let time = FullTime(epochMicroseconds: micros, fractionDigits: digits, extraNanoseconds: nanos)
      let text = time.rfc3339
      #expect(text.utf8.count == 20 + (digits > 0 ? digits + 1 : 0), "\(text)")
      let back = try #require(TimeText.rfc3339(Array(text.utf8)), "\(text)")
      // What the text keeps: the time cut to its digits.
      let kept =
        digits >= 6 ? micros : micros - ((micros % 1_000_000 + 1_000_000) % 1_000_000) % Int64(pow10(6 - digits))
      #expect(back.epochMicroseconds == kept, "\(text)")
    }
  }

  private func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { value, _ in value * 10 } }

  @Test func writesTheUsualForms() {
    #expect(FullTime(epochMicroseconds: 0, fractionDigits: 0).rfc3339 == "1970-01-01T00:00:00Z")
    #expect(
      FullTime(epochMicroseconds: 1_569_585_427_773_690, fractionDigits: 9, extraNanoseconds: 521).rfc3339
        == "2019-09-27T11:57:07.773690521Z")
    #expect(FullTime(epochMicroseconds: 1_569_585_427_773_690, fractionDigits: 3).rfc3339 == "2019-09-27T11:57:07.773Z")
  }
}
