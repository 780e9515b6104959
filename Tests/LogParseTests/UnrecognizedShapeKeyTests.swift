import Testing

@testable import LogParse

/// The shape key folded eight bytes at a time is the byte-by-byte one, and the table that finds a
/// known shape by the key's hash counts as the Space-Saving algorithm does, through many
/// replacements (entries leaving and entering its slots).
struct UnrecognizedShapeKeyTests {
  /// The shape of a first line, byte by byte: its first 120 bytes, digit runs folded to `#`.
  private static func referenceKey(_ bytes: [UInt8]) -> [UInt8] {
    var key: [UInt8] = []
    var inDigits = false
    for byte in bytes.prefix(UnrecognizedShapes.shapeBytes) {
      if byte >= 0x30 && byte <= 0x39 {
        if !inDigits { key.append(UInt8(ascii: "#")) }
        inDigits = true
      } else {
        key.append(byte)
        inDigits = false
      }
    }
    return key
  }

  @Test func foldingEightBytesAtATimeGivesTheByteByByteKey() {
    var generator = SplitMix(seed: 3)
    // Digits, the bytes next to them, letters, punctuation and bytes above 0x7F.
    let alphabet = Array("0123456789/:;. abcxyzABC".utf8) + [0x00, 0x2F, 0x3A, 0x80, 0xB0, 0xB9, 0xFF]
    for round in 0..<3_000 {
      let length = Int.random(in: 0...200, using: &generator)
      let digitShare = round % 4
      let bytes = (0..<length).map { _ -> UInt8 in
        Int.random(in: 0..<4, using: &generator) < digitShare
          ? UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator)
          : alphabet.randomElement(using: &generator)!
      }
      let key = bytes.withUnsafeBufferPointer { UnrecognizedShapes.key(of: $0) }
      #expect(key == Self.referenceKey(bytes), "\(bytes)")
    }
  }

  /// A record no catalogue entry knows, on line `index + 1`.
  private static func record(_ message: String, _ index: Int) -> String {
    let second = (index / 1000) % 60
    return "I0927 11:\(second < 10 ? "0" : "")\(second):35.\(100_000 + index % 900_000)       1 x.go:1] \(message)"
  }

  @Test func knownShapesAreCountedAsSpaceSavingCountsThem() {
    var generator = SplitMix(seed: 9)
    // Sixty kinds for thirty entries: the slots hold clusters, and entries leave and enter them often.
    let kinds = (0..<60).map {
      "kind" + String(repeating: Character(Unicode.Scalar(UInt8(97 + $0 % 26))), count: 1 + $0 / 26)
    }
    var messages: [String] = []
    for _ in 0..<6_000 {
      // Skewed: a few kinds are frequent; the numbers vary, the shape does not.
      let kind = kinds[min(Int.random(in: 0..<80, using: &generator), kinds.count - 1)]
      let number = Int.random(in: 0..<100_000, using: &generator)
      messages.append("unheard of message kind \(kind) item \(number) of \(number % 17) in zone-\(number % 3)x")
    }
    let capacity = 30
    var options = AnalyzerOptions(now: Fixtures.now)
    options.maximumUnrecognizedShapes = capacity
    var analyzer = Analyzer(options: options)
    analyzer.beginSource("test.log")
    let text = messages.enumerated().map { Self.record($0.element, $0.offset) }.joined(separator: "\n") + "\n"
    analyzer.feed(Array(text.utf8))
    analyzer.finish()
    let counted = analyzer.unrecognizedShapes.top(100).map {
      "\($0.count) \($0.overcount) \($0.shape) | \($0.sample) @\($0.line)"
    }

    // Space-Saving by hand: a new shape takes the place of the least counted (the first admitted among equals).
    struct Entry {
      var key: [UInt8]
      var count: Int
      var overcount: Int
      var admitted: Int
      var sample: String
      var line: Int
    }
    var entries: [Entry] = []
    var admissions = 0
    for (index, message) in messages.enumerated() {
      let key = Self.referenceKey(Array(message.utf8))
      if let known = entries.firstIndex(where: { $0.key == key }) {
        entries[known].count += 1
        continue
      }
      admissions += 1
      let entry = Entry(key: key, count: 1, overcount: 0, admitted: admissions, sample: message, line: index + 1)
      if entries.count < capacity {
        entries.append(entry)
      } else {
        let least = entries.indices.min {
          (entries[$0].count, entries[$0].admitted) < (entries[$1].count, entries[$1].admitted)
        }!
        let floor = entries[least].count
        entries[least] = Entry(
          key: key, count: floor + 1, overcount: floor, admitted: admissions, sample: message, line: index + 1)
      }
    }
    let expected = entries.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.line < $1.line
    }.map { "\($0.count) \($0.overcount) \(String(decoding: $0.key, as: UTF8.self)) | \($0.sample) @\($0.line)" }
    #expect(counted == expected)
    #expect(analyzer.unrecognizedShapes.totals.records == messages.count)
    #expect(admissions > 100, "shapes were replaced many times")
  }
}
