import Foundation
import Testing

@testable import LogParse

/// A file decoded on a thread of its own comes out whole and in order, its errors after what came
/// before, with at most `depth` chunks waiting; a stop ends the thread while it waits for room.
struct DecodeAheadTests {
  /// A highly compressible log of `bytes` bytes, gzip-compressed, in a temporary file.
  private static func gzipFile(bytes: Int, cut: Bool = false) throws -> (path: String, text: [UInt8]) {
    let line = Array("I0102 15:04:05.000000       1 scale_up.go:300] Upcoming 0 nodes\n".utf8)
    var text = line
    while text.count < bytes { text += text }
    var compressed = try GzipTool.compress(text, level: 9)
    if cut { compressed = Array(compressed[..<(compressed.count / 2)]) }
    let path = NSTemporaryDirectory() + "decode-ahead-\(UUID().uuidString).gz"
    try Data(compressed).write(to: URL(fileURLWithPath: path))
    return (path, text)
  }

  /// Everything `ahead` gives, the largest chunk, and how the input ended.
  private static func drain(_ ahead: DecodeAhead) -> (bytes: [UInt8], largest: Int, end: InputReader.StreamEnd) {
    var bytes: [UInt8] = []
    var largest = 0
    while true {
      switch ahead.next() {
      case .bytes(let chunk):
        bytes += chunk
        largest = max(largest, chunk.count)
      case .end(let end): return (bytes, largest, end)
      }
    }
  }

  @Test func aGzipFileComesOutWholeAndInOrder() throws {
    let (path, text) = try Self.gzipFile(bytes: 5 << 20)
    defer { unlink(path) }
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let ahead = DecodeAhead(fd: fd, decoder: InputDecoder(), depth: 2)
    #expect(ahead.start())
    let result = Self.drain(ahead)
    ahead.stop()
    #expect(result.end == .endOfInput)
    #expect(result.bytes == text)
    #expect(result.largest <= InputReader.chunkSize)
  }

  @Test func truncatedDataEndsUndecodableAfterWhatCameBefore() throws {
    let (path, text) = try Self.gzipFile(bytes: 1 << 20, cut: true)
    defer { unlink(path) }
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let ahead = DecodeAhead(fd: fd, decoder: InputDecoder())
    #expect(ahead.start())
    let result = Self.drain(ahead)
    ahead.stop()
    guard case .undecodable = result.end else {
      Issue.record("ended \(result.end)")
      return
    }
    #expect(!result.bytes.isEmpty)
    #expect(Array(text.prefix(result.bytes.count)) == result.bytes)
  }

  @Test(.timeLimit(.minutes(1)))
  func aStopEndsTheThreadWhileItWaitsForRoom() throws {
    let (path, _) = try Self.gzipFile(bytes: 16 << 20)
    defer { unlink(path) }
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let ahead = DecodeAhead(fd: fd, decoder: InputDecoder(), depth: 1)
    #expect(ahead.start())
    guard case .bytes(let first) = ahead.next() else {
      Issue.record("no first chunk")
      return
    }
    #expect(!first.isEmpty)
    ahead.stop()
  }
}
