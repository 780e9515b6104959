import Foundation
import Testing

@testable import LogParse

/// A byte order mark at the start of an input is no part of its first record: a UTF-8 one is
/// dropped, UTF-16 text (PowerShell 5's `>`) is turned into UTF-8, however the reads cut it.
struct ByteOrderMarkTests {
  /// Runs `bytes` through a decoder in reads of `read` bytes; what it handed out, and the error.
  private static func decode(_ bytes: [UInt8], read: Int) -> (output: [UInt8], error: String?) {
    let decoder = InputDecoder()
    var output: [UInt8] = []
    var offset = 0
    while offset < bytes.count {
      let count = min(read, decoder.readCapacity, bytes.count - offset)
      bytes[offset..<(offset + count)].withUnsafeBytes { decoder.readBuffer.copyMemory(from: $0) }
      offset += count
      decoder.supplied(count)
      var drained = false
      while !drained {
        switch decoder.next() {
        case .bytes(let piece): output.append(contentsOf: piece)
        case .needsRead: drained = true
        case .failed(let reason): return (output, reason)
        }
      }
    }
    let error = decoder.finish { output.append(contentsOf: $0) }
    return (output, error)
  }

  static let text =
    "I0405 08:52:03.797003       1 factory.go:33] Event(v1.ObjectReference{Kind:\"ConfigMap\", "
    + "Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\"}): type: 'Warning' reason: "
    + "'FailedToScaleUpGroup' Scale-up failed for group ng-\u{00E9}t\u{00E9}-\u{1F680}: AccessDenied: User: "
    + "arn:aws:sts::123456789012:assumed-role/ca is not authorized to perform: autoscaling:SetDesiredCapacity\n"
    + "\tstatus code: 403, request id: 1\n"

  /// UTF-16 code units, little-endian.
  private static func little(_ units: some Sequence<UInt16>) -> [UInt8] {
    units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  @Test(arguments: [1, 2, 3, 5, 1 << 20])
  func aUTF8MarkIsDropped(read: Int) {
    let result = Self.decode([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), read: read)
    #expect(String(decoding: result.output, as: UTF8.self) == Self.text)
    #expect(result.error == nil)
  }

  @Test(arguments: [1, 2, 3, 7, 1 << 20])
  func utf16IsTurnedIntoUTF8(read: Int) {
    let little: [UInt8] = [0xFF, 0xFE] + Self.little(Self.text.utf16)
    let big: [UInt8] = [0xFE, 0xFF] + Self.text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(String(decoding: Self.decode(little, read: read).output, as: UTF8.self) == Self.text)
    #expect(String(decoding: Self.decode(big, read: read).output, as: UTF8.self) == Self.text)
  }

  /// A lone surrogate and an odd last byte are marked U+FFFD, never dropped in silence.
  @Test func brokenUTF16IsMarked() {
    let units: [UInt16] = [0x61, 0xD800, 0x62, 0xDC00, 0x63]
    let bytes: [UInt8] = [0xFF, 0xFE] + Self.little(units) + [0x64]
    #expect(String(decoding: Self.decode(bytes, read: 3).output, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
  }

  /// A marked file after another (`cat a.log b.log`): the mark at the line's start is dropped.
  @Test func aMarkAtALineStartIsDropped() {
    let second = Self.text.replacingOccurrences(of: "I0405 08:52:03", with: "I0405 08:53:03")
    let bytes =
      Array("I0405 08:50:00.000000       1 main.go:1] started\n".utf8) + [0xEF, 0xBB, 0xBF]
      + Array(second.utf8)
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    bytes.withUnsafeBufferPointer { analyzer.feed($0) }
    analyzer.finish()
    let report = analyzer.report()
    #expect(report.failures.count == 1)
    #expect(report.accounting.malformed == 0)
  }

  /// UTF-16 without a mark is named as such, never "binary data".
  @Test func unmarkedUTF16IsNamed() {
    let little = InputSniffer.describe(Self.little(Self.text.utf16))
    #expect(little.hasPrefix("UTF-16LE text"), "\(little)")
    let big = InputSniffer.describe(Self.text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    #expect(big.hasPrefix("UTF-16BE text"), "\(big)")
  }

  /// Text that merely starts like a mark passes unchanged.
  @Test func aMarkCutShortIsText() {
    #expect(Self.decode([0xEF, 0xBB], read: 1).output == [0xEF, 0xBB])
    #expect(Self.decode([0xEF, 0x41, 0x0A], read: 1).output == [0xEF, 0x41, 0x0A])
    #expect(Self.decode([0xFF], read: 1).output == [0xFF])
  }

  /// Read from a file (one thread and several), a marked log gives the report of the plain one:
  /// its first record, the failure, is never lost.
  @Test(arguments: [1, 4])
  func aMarkedFileGivesThePlainReport(threads: Int) throws {
    let directory = NSTemporaryDirectory() + "cas-logs-bom-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    func report(_ bytes: [UInt8]) throws -> Report {
      let path = directory + "/log"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      var options = AnalyzerOptions(now: Fixtures.now)
      options.parseThreads = threads
      var analyzer = Analyzer(options: options)
      try InputReader.readFile(path, into: &analyzer)
      analyzer.finish()
      return analyzer.report()
    }
    let plain = try report(Array(Self.text.utf8))
    #expect(plain.failures.count == 1)
    let marked = try report([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8))
    #expect(marked.failures.count == 1)
    #expect(marked.accounting.malformed == plain.accounting.malformed)
    let utf16 = try report([0xFF, 0xFE] + Self.little(Self.text.utf16))
    #expect(utf16.failures.count == 1)
  }
}
