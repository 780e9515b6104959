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
}
