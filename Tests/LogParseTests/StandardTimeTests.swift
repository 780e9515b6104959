import LogGen
import Testing

@testable import LogParse

/// The header's time read a word at a time gives what reading it byte by byte gives, on valid
/// headers and on every one-byte change of them.
struct StandardTimeTests {
  /// The byte-by-byte reader the word-at-a-time one replaced: the model it is held to.
  static func byteByByte(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> (
    severity: Severity, month: Int, day: Int, microsecondOfDay: Int64
  )? {
    guard start + 22 <= line.count, let p = line.baseAddress.map({ $0 + start }),
      let severity = p[0] == UInt8(ascii: "I") ? .info : Severity(rawValue: p[0]), p[5] == 0x20,
      p[8] == UInt8(ascii: ":"), p[11] == UInt8(ascii: ":"),
      p[14] == UInt8(ascii: "."), p[21] == 0x20
    else { return nil }
    var invalid = false
    func digits(_ from: Int, _ count: Int) -> Int {
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

  static func same(_ bytes: [UInt8], at start: Int) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let fast = KlogHeaderParser.standardTime(buffer, at: start)
      let model = byteByByte(buffer, at: start)
      guard let fast, let model else { return fast == nil && model == nil }
      return fast.severity == model.severity && fast.month == model.month && fast.day == model.day
        && fast.microsecondOfDay == model.microsecondOfDay
    }
  }

  @Test func everyOneByteChangeOfAHeaderReadsAlike() {
    var generator = SplitMix64(seed: 5)
    for _ in 0..<20 {
      let header = String(
        format: "%@%02d%02d %02d:%02d:%02d.%06d ", ["I", "W", "E"][Int(generator.next() % 3)],
        Int(1 + generator.next() % 12), Int(1 + generator.next() % 31), Int(generator.next() % 24),
        Int(generator.next() % 60), Int(generator.next() % 61), Int(generator.next() % 1_000_000))
      // Before the header, none or some bytes; after it, the rest of a line.
      let lead = Int(generator.next() % 3)
      let line = Array(String(repeating: "x", count: lead).utf8) + Array((header + "1 main.go:1] m").utf8)
      #expect(Self.same(line, at: lead), "\(header)")
      for position in lead..<(lead + 22) {
        for value in 0...255 {
          var changed = line
          changed[position] = UInt8(value)
          #expect(Self.same(changed, at: lead), "\(header) byte \(position - lead) = \(value)")
        }
      }
      // Too short by one byte, and just long enough.
      #expect(Self.same(Array(line[..<(lead + 21)]), at: lead))
      #expect(Self.same(Array(line[..<(lead + 22)]), at: lead))
    }
  }

  @Test func randomBytesReadAlike() {
    var generator = SplitMix64(seed: 9)
    let alphabet = Array("0123456789 :.IWEF".utf8)
    for _ in 0..<20_000 {
      let line = (0..<24).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      #expect(Self.same(line, at: 0))
    }
  }
}
