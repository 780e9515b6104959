import Testing

@testable import LogParse

/// The JSON writer's byte escaper gives what escaping scalar by scalar gives, on generated text.
struct JSONEscapeTests {
  @Test func escapesAsTheScalarModelDoes() {
    var generator = SplitMix(seed: 28)
    let pieces: [String] = [
      "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "\u{2029}",
      "\u{2027}", "\u{202A}", "€", "😀", "AccessDenied", "{\"code\":", "\u{80}",
    ]
    for _ in 0..<5_000 {
      let count = Int(generator.next() % 12)
      let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
      #expect(JSONWriter.escape(text) == JSONStringModel.escaped(text), "\(Array(text.unicodeScalars))")
    }
    #expect(JSONWriter.escape("a\u{2028}\"b") == "a\\u2028\\\"b")
    #expect(JSONWriter.escape("\u{1}") == "\\u0001")
  }
}
