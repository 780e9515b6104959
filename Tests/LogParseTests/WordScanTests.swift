import Testing

@testable import LogParse

/// The eight-bytes-at-a-time scans count what a byte-at-a-time loop counts.
struct WordScanTests {
  @Test func blankRunCountsTheLeadingBlanks() {
    for blanks in 0...20 {
      for tail in ["", "1 f.go", "\n", "\t", "x"] {
        for start in 0...3 {
          let bytes =
            Array(String(repeating: "#", count: start).utf8) + Array(String(repeating: " ", count: blanks).utf8)
            + Array(tail.utf8)
          // Bytes past `count` are blanks too: they must not be counted.
          let padded = bytes + Array("        ".utf8)
          let run = padded.withUnsafeBufferPointer {
            WordScan.blankRun($0.baseAddress!, from: start, count: bytes.count)
          }
          #expect(run == blanks, "\(start) \(blanks) \(tail.debugDescription)")
        }
      }
    }
  }
}
