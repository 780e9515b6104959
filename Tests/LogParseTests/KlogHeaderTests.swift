import Testing

@testable import LogParse

/// Parsing klog headers, including the damage of pasted logs.
struct KlogHeaderTests {
  private func parse(_ line: String) -> (KlogHeader, String)? {
    let bytes = Array(line.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      KlogHeaderParser.parse(buffer).map { ($0, String(decoding: bytes[$0.messageStart...], as: UTF8.self)) }
    }
  }

  @Test(arguments: [
    "I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes",
    "I0927 11:50:35.158391 1 scale_up.go:300] Upcoming 0 nodes",
    "I0927 11:50:35.158391 scale_up.go:300] Upcoming 0 nodes",
    "   I0927 11:50:35.158391 1 scale_up.go:300] Upcoming 0 nodes",
    "# I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes",
    "> I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes",
    "15214:I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes",
    "0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes",
    "I0927 11:50:35.158391   51532 scale_up.go:300] Upcoming 0 nodes",
  ])
  func acceptsEveryHeaderShape(line: String) throws {
    let (header, message) = try #require(parse(line))
    #expect(header.month == 9)
    #expect(header.day == 27)
    #expect(header.microsecondOfDay == (11 * 3600 + 50 * 60 + 35) * 1_000_000 + 158_391)
    #expect(header.sourceLine == 300)
    #expect(message == "Upcoming 0 nodes")
  }

  @Test func readsSeverity() throws {
    #expect(try #require(parse("E0322 10:48:59.960115       1 aws_manager.go:265] x")).0.severity == .error)
    #expect(try #require(parse("F0322 10:48:59.960115       1 a.go:1] x")).0.severity == .fatal)
    #expect(try #require(parse("W0322 10:48:59.960115       1 a.go:1] x")).0.severity == .warning)
    #expect(try #require(parse("0322 10:48:59.960115       1 a.go:1] x")).0.severity == nil)
  }

  @Test(arguments: [
    " 1 utils.go:456] No pod using affinity",
    "I1327 11:50:35.158391       1 scale_up.go:300] month 13",
    "I0927 25:50:35.158391       1 scale_up.go:300] hour 25",
    "ip-172-31-37-121.us-east-2.compute.internal",
    "\tstatus code: 403, request id: 1",
    "",
  ])
  func rejectsNonHeaders(line: String) {
    #expect(parse(line) == nil)
  }
}
