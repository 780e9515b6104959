import Testing

@testable import LogParse

/// Go durations and the full timestamps of envelopes and messages.
struct DurationAndTimeTests {
  @Test(arguments: [
    ("2m0.794268739s", 120.794268739), ("10m4.367847963s", 604.367847963), ("0s", 0),
    ("15m5.500491908s", 905.500491908),
    ("1h2m3s", 3723), ("500ms", 0.5), ("1.5µs", 0.0000015), ("-3s", -3),
  ])
  func parsesGoDurations(text: String, seconds: Double) throws {
    let value = try #require(GoDuration.seconds(text))
    #expect(abs(value - seconds) < 1e-9)
  }

  @Test(arguments: ["", "abc", "5", "5x", "m"])
  func rejectsNonDurations(text: String) {
    #expect(GoDuration.seconds(text) == nil)
  }

  @Test func parsesGoTimeWithMonotonicSuffix() throws {
    let time = try #require(TimeText.goTime("2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.491422805"))
    #expect(time.rfc3339 == "2019-09-27T11:57:07.773690521Z")
  }

  @Test func parsesRFC3339WithOffsetAndNanoseconds() throws {
    let utc = try #require(TimeText.rfc3339(Array("2024-03-13T12:34:34.481377120Z".utf8)))
    #expect(utc.rfc3339 == "2024-03-13T12:34:34.481377120Z")
    let offset = try #require(TimeText.rfc3339(Array("2024-03-13T21:34:34+09:00".utf8)))
    #expect(offset.rfc3339 == "2024-03-13T12:34:34Z")
  }

  @Test func logTimeCrossesYearsAndComputesDurations() {
    let december = LogTime(month: 12, day: 31, microsecondOfDay: 86_399_000_000)
    let january = LogTime(month: 1, day: 1, microsecondOfDay: 1_000_000, yearOffset: 1)
    #expect(december < january)
    #expect(january.seconds(since: december, baseYear: 2023) == 2)
    #expect(january.rfc3339(baseYear: 2023) == "2024-01-01T00:00:01.000000Z")
  }
}
