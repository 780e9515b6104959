import LogParse
import Testing

/// The same bytes cut in any way give the same events.
struct ChunkingTests {
  private func allSamples() throws -> [UInt8] {
    var bytes: [UInt8] = []
    for name in try Fixtures.sampleNames() {
      bytes += try Fixtures.sample(String(name.dropLast(4)))
      bytes.append(0x0A)
    }
    return bytes
  }

  @Test func oneByteAtATimeMatchesOneChunk() throws {
    let bytes = try allSamples()
    let whole = Fixtures.events(bytes)
    #expect(whole.count > 100)
    #expect(Fixtures.events(bytes, chunkSizes: [1]) == whole)
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func randomChunkSizesMatchOneChunk(seed: UInt64) throws {
    let bytes = try allSamples()
    var generator = SplitMix64(seed: seed)
    let sizes = (0..<97).map { _ in Int(generator.next() % 300) + 1 }
    #expect(Fixtures.events(bytes, chunkSizes: sizes) == Fixtures.events(bytes))
  }
}

/// A small deterministic random number generator for reproducible tests.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
