import Foundation
import Testing

@testable import LogParse

/// Gzip input is recognised by its magic bytes, inflated member after member in pieces of bounded
/// size however the reads cut it, and corrupt or truncated data is an error, never silence.
struct GzipDecoderTests {
  /// Runs `bytes` through a decoder in reads of the given sizes (cycled); what it handed out, the
  /// largest piece, and the error at the end if any.
  private static func decode(
    _ bytes: [UInt8], reads: [Int], keepsOutput: Bool = true
  ) -> (output: [UInt8], total: Int, largest: Int, error: String?) {
    let decoder = InputDecoder()
    var output: [UInt8] = []
    var total = 0
    var largest = 0
    var offset = 0
    var turn = 0
    func drain() -> String? {
      while true {
        switch decoder.next() {
        case .bytes(let piece):
          if keepsOutput { output.append(contentsOf: piece) }
          total += piece.count
          largest = max(largest, piece.count)
        case .needsRead: return nil
        case .failed(let reason): return reason
        }
      }
    }
    while offset < bytes.count {
      let count = min(max(1, reads[turn % reads.count]), decoder.readCapacity, bytes.count - offset)
      turn += 1
      bytes[offset..<(offset + count)].withUnsafeBytes { decoder.readBuffer.copyMemory(from: $0) }
      offset += count
      decoder.supplied(count)
      if let error = drain() { return (output, total, largest, error) }
    }
    let error = decoder.finish { output.append(contentsOf: $0) }
    return (output, total, largest, error)
  }

  static let text: [UInt8] = Array(
    (0..<3000).map { "I0102 15:04:05.\(String(format: "%06d", $0))       1 scale_up.go:300] Upcoming \($0) nodes\n" }
      .joined().utf8)

  @Test(arguments: [[1_048_576], [1], [1, 7, 4096], [2, 65_536], [3]])
  func oneMemberIsInflatedWhateverTheReads(reads: [Int]) throws {
    let compressed = try GzipTool.compress(Self.text)
    let result = Self.decode(compressed, reads: reads)
    #expect(result.error == nil)
    #expect(result.output == Self.text)
  }

  @Test func concatenatedMembersAndPaddingAreInflatedInOrder() throws {
    let half = Self.text.count / 2
    let first = try GzipTool.compress(Array(Self.text[..<half]), level: 1)
    let second = try GzipTool.compress(Array(Self.text[half...]), level: 9)
    for reads in [[1_048_576], [1, 5, 13]] {
      let result = Self.decode(first + second + [0, 0, 0, 0], reads: reads)
      #expect(result.error == nil)
      #expect(result.output == Self.text)
    }
  }

  /// 32 MiB of one repeated line inflate from a few hundred kilobytes in pieces of at most one
  /// chunk: nothing is ever inflated whole.
  @Test func piecesStayBoundedAtAnyCompressionRatio() throws {
    let line = Array("I0102 15:04:05.000000       1 scale_up.go:300] Upcoming 0 nodes\n".utf8)
    var bytes = line
    while bytes.count < 32 << 20 { bytes += bytes }
    let compressed = try GzipTool.compress(bytes, level: 9)
    #expect(compressed.count * 100 < bytes.count)
    let result = Self.decode(compressed, reads: [1 << 20], keepsOutput: false)
    #expect(result.error == nil)
    #expect(result.total == bytes.count)
    #expect(result.largest <= InputReader.chunkSize)
  }

  @Test func truncatedDataIsAnErrorAfterWhatCameBefore() throws {
    let compressed = try GzipTool.compress(Self.text)
    let result = Self.decode(Array(compressed[..<(compressed.count / 2)]), reads: [4096])
    #expect(result.error?.contains("truncated gzip data") == true, "\(result.error ?? "no error")")
    #expect(!result.output.isEmpty)
    #expect(Array(Self.text.prefix(result.output.count)) == result.output)
  }

  @Test func garbageAfterTheMagicIsAnError() {
    var generator = SystemRandomNumberGenerator()
    let bytes: [UInt8] = [0x1F, 0x8B] + (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let result = Self.decode(bytes, reads: [1 << 20])
    #expect(result.error?.contains("corrupt gzip data") == true, "\(result.error ?? "no error")")
  }

  /// Only the first two bytes decide: plain text passes unchanged, also after a lone `1f` first
  /// byte held over a read, and a one-byte input of it.
  @Test func onlyTheMagicBytesDecide() {
    let plain = Array("\u{1F}not gzip\n".utf8) + Self.text
    #expect(Self.decode(plain, reads: [1, 100]).output == plain)
    #expect(Self.decode(plain, reads: [1 << 20]).output == plain)
    #expect(Self.decode([0x1F], reads: [1]).output == [0x1F])
    #expect(Self.decode([0x1F], reads: [1]).error == nil)
  }

  /// A compressed file, read by ``InputReader``, gives the report of the plain one, with one thread
  /// and with segments parsed on several (the inflated stream is cut, never the compressed bytes).
  @Test(arguments: [1, 4])
  func aCompressedFileGivesThePlainReport(threads: Int) throws {
    var bytes: [UInt8] = []
    for name in try Fixtures.sampleNames() { bytes += try Fixtures.sample(name) }
    while bytes.count < 5 << 20 { bytes += bytes }
    let directory = NSTemporaryDirectory() + "cas-logs-gzip-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let plainPath = directory + "/plain"
    let compressedPath = directory + "/compressed"
    try Data(bytes).write(to: URL(fileURLWithPath: plainPath))
    try Data(try GzipTool.compress(bytes)).write(to: URL(fileURLWithPath: compressedPath))
    func report(_ path: String) throws -> String {
      var options = AnalyzerOptions(now: Fixtures.now)
      options.parseThreads = threads
      var analyzer = Analyzer(options: options)
      try InputReader.readFile(path, into: &analyzer)
      analyzer.finish()
      var json = ""
      JSONReportRenderer.render(analyzer.report()) { json += $0 }
      return json.replacingOccurrences(of: path, with: "FILE")
    }
    let plain = try report(plainPath)
    #expect(try report(compressedPath) == plain)
  }
}

/// Corrupt gzip data loses only the corrupt part: every byte inflated before the error is handed
/// out, then the error.
struct GzipCorruptTailTests {
  private static func decodeAll(_ bytes: [UInt8]) -> (output: [UInt8], error: String?) {
    let decoder = InputDecoder()
    var output: [UInt8] = []
    var offset = 0
    while offset < bytes.count {
      let count = min(decoder.readCapacity, bytes.count - offset)
      bytes[offset..<(offset + count)].withUnsafeBytes { decoder.readBuffer.copyMemory(from: $0) }
      offset += count
      decoder.supplied(count)
      while true {
        switch decoder.next() {
        case .bytes(let piece):
          output.append(contentsOf: piece)
          continue
        case .failed(let reason): return (output, reason)
        case .needsRead: break
        }
        break
      }
    }
    let error = decoder.finish { output.append(contentsOf: $0) }
    return (output, error)
  }

  static let text: [UInt8] = Array(
    (0..<200).map { "I0102 15:04:05.\(String(format: "%06d", $0))       1 scale_up.go:300] Upcoming \($0) nodes\n" }
      .joined().utf8)

  @Test func garbageAfterAMemberKeepsTheMember() throws {
    let compressed = try GzipTool.compress(Self.text)
    let result = Self.decodeAll(compressed + Array("garbage\n".utf8))
    let kept = result.output == Self.text
    #expect(kept, "\(result.output.count) of \(Self.text.count) bytes handed out")
    #expect(result.error?.contains("corrupt gzip data") == true, "\(result.error ?? "no error")")
  }

  @Test func aBadCheckValueKeepsWhatWasInflated() throws {
    var compressed = try GzipTool.compress(Self.text)
    // The CRC-32 is the trailer's first four bytes.
    compressed[compressed.count - 8] ^= 0xFF
    let result = Self.decodeAll(compressed)
    let kept = result.output == Self.text
    #expect(kept, "\(result.output.count) of \(Self.text.count) bytes handed out")
    #expect(result.error?.contains("corrupt gzip data") == true, "\(result.error ?? "no error")")
  }
}
