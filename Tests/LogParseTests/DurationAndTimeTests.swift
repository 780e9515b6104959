import LogGen
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

  /// The byte reader answers as the `String` reader it replaced (``StringGoDuration``), value for
  /// value and bit for bit, on random texts over the bytes of durations (digits, points, signs,
  /// every unit and its near misses, other letters and a byte of broken UTF-8), long numbers included.
  @Test func readsAsTheStringReaderDid() {
    let numbers = [
      "0", "1", "5", "9", "00", "12", "250", "0.5", ".", "..", "1.", ".25", "0.794268739", "1.2.3", "123456789012345",
      "1234567890123456", "00000000000000000001", "99999999999999999999.5", "", "1e3",
    ]
    // Go's units thrice as often as the near misses.
    let goUnits = ["h", "m", "s", "ms", "us", "µs", "μs", "ns"]
    let units =
      goUnits + goUnits + goUnits + ["", "n", "u", "µ", "hs", "mm", "sec", "x", "e", "E", "+", " ", "\u{FFFD}"]
    var generator = SystemRandomNumberGenerator()
    var compared = 0
    for _ in 0..<20_000 {
      // Mostly number and unit pairs, the shape of a duration, from pieces that are sometimes wrong.
      let pairs = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
        numbers.randomElement(using: &generator)! + units.randomElement(using: &generator)!
      }
      let text = (Int.random(in: 0..<5, using: &generator) == 0 ? "-" : "") + pairs.joined()
      // A byte that is not UTF-8 (0xFF) at a random place, sometimes.
      var bytes = Array(text.utf8)
      if Int.random(in: 0..<4, using: &generator) == 0, !bytes.isEmpty {
        bytes.insert(0xFF, at: Int.random(in: 0...bytes.count))
      }
      let reference = StringGoDuration.parse(String(decoding: bytes, as: UTF8.self))
      let read = bytes.withUnsafeBufferPointer { GoDuration.parse(bytes: $0) }
      // Broken UTF-8 becomes U+FFFD in the reference's string: the byte reader must reject it too.
      #expect(read?.seconds.bitPattern == reference?.seconds.bitPattern, "\(bytes)")
      #expect(read?.clamped == reference?.clamped, "\(bytes)")
      if read != nil { compared += 1 }
    }
    // Enough of the texts are durations for the comparison to mean something.
    #expect(compared > 3_000)
  }

  /// A message's first date is the one a parse at every dash finds (the reader tests a dash's
  /// digits before it parses there), on messages of node names, dates, near misses and noise.
  @Test func aMessagesFirstDateIsTheOneEveryDashGives() {
    let pieces = [
      "ip-10-0-1-5", " - ", "2024-01-10 09:00:00.1 +0000 UTC", "2024-01-10T09:00:00Z", "12024-01-10 09:00:00",
      "2024-1-10 09:00:00", "2024-13-10 09:00:00", "2024-01-10x09:00:00", "0000-01-01 00:00:00", "-", "--", "9999-",
      "1234-56-", " until ", "a", "0", "2024-02-30 10:00:00", "2024-01-10 24:00:00", "2024-01-10 23:59:60.5 -0700",
    ]
    func everyDash(_ message: [UInt8]) -> FullTime? {
      for dash in message.indices where message[dash] == UInt8(ascii: "-") {
        guard dash >= 4, dash + 15 <= message.count else { continue }
        if dash >= 5, isDigit(message[dash - 5]) { continue }
        if let parsed = TimeText.parse(message[(dash - 4)...], dateTimeSeparators: [0x20, UInt8(ascii: "T")]),
          parsed.time.isSupported
        {
          return parsed.time
        }
      }
      return nil
    }
    var random = SplitMix64(seed: 51)
    var dated = 0
    for _ in 0..<20_000 {
      let count = Int(random.next() % 6)
      let message = Array((0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined().utf8)
      let found = message.withUnsafeBufferPointer { TimeText.firstDate(in: $0) }
      #expect(found == everyDash(message), "\(String(decoding: message, as: UTF8.self))")
      if found != nil { dated += 1 }
    }
    #expect(dated > 2_000)
  }

  /// A capture's Go time read in place answers as the string it replaced (`TimeText.goTime(c.text(n))`),
  /// and counts a cut field as that string did, whether the group is a time, is not one, holds
  /// bytes beyond ASCII, is longer than a field may be, is empty or took no part.
  @Test func aCapturesGoTimeIsTheStringsGoTime() {
    let long = "2024-03-13 12:00:00 +0000 UTC " + String(repeating: "x", count: FieldLimit.maximumBytes)
    let texts = [
      "2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.491422805", "2024-03-13 12:00:00 +0000 UTC",
      "2024-03-13T12:00:00Z", "2024-13-40 99:00:00", "2024-03-13 12:00:00 +0000 ÜTC", "2024-03-13 12:0\u{FFFD}", long,
      "",
    ]
    for text in texts {
      for takesPart in [true, false] {
        let subject = Array(("[" + text + "]").utf8)
        let offsets = takesPart ? [0, subject.count, 1, subject.count - 1] : [0, subject.count, -1, -1]
        var inPlaceCounts = FieldCounts()
        var stringCounts = FieldCounts()
        let (inPlace, viaString, tookPart, hadString) = subject.withUnsafeBufferPointer { bytes in
          offsets.withUnsafeBufferPointer { offsets in
            let fast = withUnsafeMutablePointer(to: &inPlaceCounts) { counts in
              let c = Captures(subject: bytes, offsets: offsets, groupsSet: 2, counts: counts)
              return (c.goTime(1), c.takesPart(1))
            }
            let slow = withUnsafeMutablePointer(to: &stringCounts) { counts in
              let c = Captures(subject: bytes, offsets: offsets, groupsSet: 2, counts: counts)
              return (TimeText.goTime(c.text(1)), c.string(1) != nil)
            }
            return (fast.0, slow.0, fast.1, slow.1)
          }
        }
        #expect(inPlace == viaString, "\(text.prefix(40)) \(takesPart)")
        #expect(tookPart == hadString)
        #expect(inPlaceCounts == stringCounts, "\(text.prefix(40)) \(takesPart)")
      }
    }
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
