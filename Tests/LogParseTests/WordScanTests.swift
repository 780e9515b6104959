import Glibc
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

  /// `equal` answers as `memcmp` does for every length up to five words, with the two buffers the
  /// same and with one byte changed at each place (bytes past `count` differ: they are not read).
  @Test func equalAnswersAsMemcmp() {
    var generator = SystemRandomNumberGenerator()
    for count in 0...40 {
      let a = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      for changed in -1..<count {
        var b = a
        if changed >= 0 { b[changed] &+= UInt8.random(in: 1...255, using: &generator) }
        let paddedA = a + [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]
        let paddedB = b + [0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8]
        let (equal, expected) = paddedA.withUnsafeBufferPointer { left in
          paddedB.withUnsafeBufferPointer { right in
            (
              WordScan.equal(left.baseAddress!, right.baseAddress!, count: count),
              memcmp(left.baseAddress!, right.baseAddress!, count) == 0
            )
          }
        }
        #expect(equal == expected, "\(count) bytes, byte \(changed) changed")
        #expect(equal == (changed < 0))
      }
    }
  }
}
