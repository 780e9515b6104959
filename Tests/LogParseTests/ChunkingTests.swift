import LogGen
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
