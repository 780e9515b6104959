import LogGen
import Testing

@testable import LogParse

/// The fixed-offset header reader accepts a subset of the general parser's headers and agrees with it.
struct StandardHeaderTests {
  /// A header line built from random parts, some of them damaged.
  static func variant(_ random: inout SplitMix64) -> String {
    func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
    func digits(_ count: Int) -> String { String((0..<count).map { _ in pick(Array("0123456789")) }) }
    let severity = pick(["I", "W", "E", "F", "D", "i", " "])
    let month = pick(["01", "09", "12", "13", "00", digits(2)])
    let day = pick(["01", "28", "31", "30", "32", digits(2)])
    let time = pick([
      "\(digits(2)):\(digits(2)):\(digits(2)).\(digits(6))", "11:50:35.158391", "23:59:60.999999",
      "11:50:35.15839", "11:50:35", "XX:XX:XX.XXXXXX", "11-50-35.158391",
    ])
    let pid = pick(["       1", " 1", "  12345", "", "      ", " 1a", "\t1"])
    let file = pick([
      "scale_up.go", "klogx.go", "k8s.io/client-go/reflector.go", "a", "", "x y.go", "a]b.go", "naïve.go",
      "tab\there.go", "dash-and.dot.go",
    ])
    let line = pick(["300", "1", "123456789", "1234567890", "", "3a", "0"])
    let close = pick(["] ", "]", "]x", " ] ", ":] "])
    let message = pick(["Upcoming 1 nodes", "", " leading blank", "Node x] y", "I0927 11:50:35.158391 1 a.go:1] m"])
    return "\(severity)\(month)\(day) \(time)\(pid) \(file):\(line)\(close)\(message)"
  }

  @Test func agreesWithTheGeneralParserOnVariants() {
    var random = SplitMix64(seed: 16)
    var accepted = 0
    for _ in 0..<20_000 {
      let bytes = Array(Self.variant(&random).utf8)
      bytes.withUnsafeBufferPointer { line in
        guard let fast = StandardHeader.read(line.baseAddress!, count: line.count) else { return }
        accepted += 1
        #expect(KlogHeaderParser.parse(line) == fast, "\(String(decoding: line, as: UTF8.self))")
      }
    }
    // The variants hold the usual header often enough for the comparison to mean something.
    #expect(accepted > 100)
  }

  @Test func readsTheUsualHeader() throws {
    let bytes = Array("W0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes".utf8)
    let header = try #require(bytes.withUnsafeBufferPointer { StandardHeader.read($0.baseAddress!, count: $0.count) })
    #expect(header.severity == .warning)
    #expect(header.month == 9 && header.day == 27)
    #expect(header.microsecondOfDay == Int64(11 * 3600 + 50 * 60 + 35) * 1_000_000 + 158_391)
    #expect(Array(bytes[header.fileRange]) == Array("scale_up.go".utf8))
    #expect(header.sourceLine == 300)
    #expect(Array(bytes[header.messageStart...]) == Array("Upcoming 0 nodes".utf8))
  }

  /// Read in a buffer that goes on past the line, it never takes a header across a line break.
  @Test func stopsAtALineBreak() {
    for text in [
      "I0927 11:50:35.158391       1 scale_up\n.go:300] x", "I0927 11:50:35.158391       1 scale_up.go:3\n00] x",
      "I0927 11:50:35.158391       1 \nscale_up.go:300] x",
    ] {
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer { StandardHeader.read($0.baseAddress!, count: $0.count) } == nil)
    }
  }

  @Test func leavesFatalAndDamagedHeadersToTheGeneralParser() {
    for text in [
      "F0927 11:50:35.158391       1 main.go:1] boom", "I0927 11:50:35       1 a.go:1] short time",
      "> I0927 11:50:35.158391       1 a.go:1] quoted", "I0927 XX:XX:XX.XXXXXX       1 a.go:1] redacted",
    ] {
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer { StandardHeader.read($0.baseAddress!, count: $0.count) } == nil)
      #expect(bytes.withUnsafeBufferPointer { KlogHeaderParser.parse($0) } != nil)
    }
  }

  /// A header read as a repeat of the line before is the header read on its own, or nil: on lines
  /// made from the last one by changing, inserting or removing bytes anywhere in its header.
  @Test func aRepeatedHeaderIsTheHeaderReadAlone() {
    var random = SplitMix64(seed: 38)
    var repeated = 0
    var secondsOnly = 0
    for _ in 0..<20_000 {
      // Half the lines of the usual shape, so that most of them have a header to repeat.
      let usual = "I0110 09:17:3\(random.next() % 10).146678       1 klogx.go:87] Node x - utilization 0.5"
      let previous = Array((random.next() % 2 == 0 ? usual : Self.variant(&random)).utf8)
      guard let header = previous.withUnsafeBufferPointer({ StandardHeader.read($0.baseAddress!, count: $0.count) })
      else { continue }
      var next = previous
      let change = Int(random.next() % 4)
      let at = Int(random.next() % UInt64(min(next.count, header.messageStart + 2)))
      let bytes = Array("0123456789 .:]IWEF\n\tax-/".utf8)
      let byte = bytes[Int(random.next() % UInt64(bytes.count))]
      switch change {
      case 0: next[at] = byte
      case 1: next.insert(byte, at: at)
      case 2: next.remove(at: at)
      default:
        // A new time within the minute: what the next line of a run usually changes.
        for offset in [12, 13, 15, 16, 17, 18, 19, 20] where offset < next.count {
          next[offset] = UInt8(ascii: "0") + UInt8(random.next() % (offset == 12 ? 7 : 10))
        }
      }
      let alone = next.withUnsafeBufferPointer { StandardHeader.read($0.baseAddress!, count: $0.count) }
      let again = next.withUnsafeBufferPointer { line in
        previous.withUnsafeBufferPointer { before in
          StandardHeader.repeated(line.baseAddress!, count: line.count, previous: before.baseAddress!, header)
        }
      }
      if let again {
        repeated += 1
        #expect(
          again == alone, "\(String(decoding: previous, as: UTF8.self)) then \(String(decoding: next, as: UTF8.self))")
      } else if change == 3, alone != nil, previous[header.messageStart - 1] == 0x20 {
        // Only the seconds changed, and the header ends in its blank: the repeat must be taken.
        Issue.record("not repeated: \(String(decoding: next, as: UTF8.self))")
      }
      if change == 3, again != nil { secondsOnly += 1 }
    }
    #expect(repeated > 2_000 && secondsOnly > 1_000, "\(repeated) \(secondsOnly)")
  }
}
