import LogGen
import Testing

@testable import LogParse

/// The name hash reads only the name's bytes, and spreads the names a log holds.
struct NameHashTests {
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { NameGeneration.hash($0) }
  }

  @Test func readsOnlyTheNamesBytes() {
    var random = SplitMix64(seed: 8)
    for count in 0...70 {
      for _ in 0..<20 {
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        // Bytes on either side of the name must not enter its hash.
        for (before, after) in [(0xAA, 0x55), (0x00, 0xFF)] as [(UInt8, UInt8)] {
          let padded = [before] + bytes + [after, after, after, after, after, after, after, after]
          let hash = padded.withUnsafeBufferPointer {
            NameGeneration.hash(UnsafeBufferPointer(rebasing: $0[1..<count + 1]))
          }
          #expect(hash == Self.hash(bytes), "\(count) bytes")
        }
      }
    }
  }

  @Test func everyByteOfEveryLengthCounts() {
    var random = SplitMix64(seed: 4)
    for count in 1...70 {
      let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let hash = Self.hash(bytes)
      for index in 0..<count {
        for bit in 0..<8 {
          var changed = bytes
          changed[index] ^= 1 << UInt8(bit)
          #expect(Self.hash(changed) != hash, "\(count) bytes, byte \(index) bit \(bit)")
        }
      }
      #expect(Self.hash(bytes + [0]) != hash, "\(count) bytes and a zero")
    }
  }

  @Test func spreadsNodeNamesOverTheLowBits() {
    var hashes = Set<UInt64>()
    var buckets = Set<UInt64>()
    let names =
      (0..<4096).map { "ip-10-0-\($0 / 256)-\($0 % 256).ec2.internal" }
      + (0..<4096).map { "gke-pool-\($0)-abcd" } + (0..<4096).map { "n\($0)" }
    for name in names {
      let hash = Self.hash(Array(name.utf8))
      hashes.insert(hash)
      buckets.insert(hash & 0x3FFF)
    }
    // No two names share a hash, and the low bits a probe index uses fill about as many of
    // 16,384 buckets as random values would (1 - e^-0.75 of them, about 7,700).
    #expect(hashes.count == names.count)
    #expect(buckets.count > 7_000)
  }
}
