import Testing

@testable import LogParse

/// The line splitter against the standard library's split, for every way of cutting the input.
struct LineSplitterTests {
  /// Splits `text` fed in chunks of `chunkSize` bytes.
  private func split(_ text: String, chunkSize: Int, maximum: Int = 1 << 20) -> (lines: [String], cut: Int) {
    var splitter = LineSplitter(maximumLineLength: maximum)
    var lines: [String] = []
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let end = min(bytes.count, offset + chunkSize)
      bytes[offset..<end].withUnsafeBufferPointer { chunk in
        splitter.feed(chunk) { lines.append(String(decoding: $0, as: UTF8.self)) }
      }
      offset = end
    }
    splitter.finish { lines.append(String(decoding: $0, as: UTF8.self)) }
    return (lines, splitter.truncatedLines)
  }

  @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
  func matchesStandardLibrarySplit(chunkSize: Int) {
    let text = "I0927 a\nsecond line\n\nfourth\r\nlast without newline"
    let expected = ["I0927 a", "second line", "", "fourth", "last without newline"]
    #expect(split(text, chunkSize: chunkSize).lines == expected)
  }

  @Test func trailingNewlineGivesNoEmptyLastLine() {
    #expect(split("a\nb\n", chunkSize: 1).lines == ["a", "b"])
    #expect(split("", chunkSize: 4).lines == [])
  }

  @Test(arguments: [1, 5, 1000])
  func longLinesAreCutAndCounted(chunkSize: Int) {
    let long = String(repeating: "x", count: 100)
    let result = split("short\n" + long + "\nafter\n", chunkSize: chunkSize, maximum: 16)
    #expect(result.lines == ["short", String(repeating: "x", count: 16), "after"])
    #expect(result.cut == 1)
  }
}
