import LogGen
import Testing

@testable import LogParse

/// The name hash reads its tail in whole loads and still gives the value of a byte-at-a-time read.
struct NameHashTests {
  /// The hash with its tail read a byte at a time, as it was first written.
  static func byteTailHash(_ bytes: [UInt8]) -> UInt64 {
    var hash = UInt64(bytes.count) &* 0x9e37_79b9_7f4a_7c15
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << UInt64(8 * $1) }
      hash = (hash ^ word) &* 0xff51_afd7_ed55_8ccd
      hash ^= hash >> 32
      offset += 8
    }
    var tail: UInt64 = 0
    for (index, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << UInt64(8 * index) }
    hash = (hash ^ tail) &* 0xc4ce_b9fe_1a85_ec53
    return hash ^ (hash >> 29)
  }

  @Test func equalsTheByteAtATimeHashForEveryLength() {
    var random = SplitMix64(seed: 8)
    for count in 0...70 {
      for _ in 0..<20 {
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        // Bytes on either side of the name must not enter its hash.
        let padded = [0xAA] + bytes + [0x55]
        let hash = padded.withUnsafeBufferPointer {
          NameGeneration.hash(UnsafeBufferPointer(rebasing: $0[1..<count + 1]))
        }
        #expect(hash == Self.byteTailHash(bytes), "\(count) bytes")
      }
    }
  }
}
