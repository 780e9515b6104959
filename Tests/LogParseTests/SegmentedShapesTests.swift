import Foundation
import Testing

@testable import LogParse

/// Unrecognised shapes are the same whichever way the input is read (sequentially, a file in
/// segments on several threads, standard input in segments), even with more shapes than are kept.
struct SegmentedShapesTests {
  /// A message no catalogue entry knows, distinct for each `index` and free of digits (which a shape folds).
  static func message(_ index: Int) -> String {
    var letters = ""
    var rest = index
    repeat {
      letters.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rest % 26))))
      rest /= 26
    } while rest > 0
    return "unheard of message kind " + letters
  }

  static func record(_ message: String, _ index: Int) -> String {
    let second = (index / 1000) % 60
    return "I0927 11:\(second < 10 ? "0" : "")\(second):35.\(100_000 + index % 900_000)       1 x.go:1] \(message)"
  }

  /// Blocks of `distinct` new shapes, each followed by a run of one hot shape and a few warm ones,
  /// so that a segment's table fills up with new shapes before the hot one comes again.
  static func log(blocks: Int, distinct: Int) -> [UInt8] {
    var lines: [String] = [record("hot shape seen everywhere", 0)]
    var shape = 0
    for block in 0..<blocks {
      for _ in 0..<distinct {
        lines.append(record(message(shape), lines.count))
        shape += 1
        if shape % 97 == 0 { lines.append(record("warm shape number \(block)", lines.count)) }
      }
      for _ in 0..<(150 + 7 * block) { lines.append(record("hot shape seen everywhere", lines.count)) }
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  /// What the report says about unrecognised shapes, source names left out (a stream is "-").
  static func shapes(_ report: Report) -> [String] {
    let totals = report.unrecognizedTotals
    return ["\(totals.records) \(totals.distinct) \(totals.distinctIsExact) \(totals.kept)"]
      + report.unrecognizedShapes.map { "\($0.count)× \($0.shape) | \($0.sample) @\($0.source):\($0.line)" }
  }

  static func analyze(_ path: String, threads: Int, segmentBytes: Int, capacity: Int?, stream: Bool) throws -> Report {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.parseThreads = threads
    options.segmentBytes = segmentBytes
    if let capacity { options.maximumUnrecognizedShapes = capacity }
    var analyzer = Analyzer(options: options)
    if stream {
      let fd = open(path, O_RDONLY)
      defer { close(fd) }
      let end = InputReader.readStream(fd: fd, name: "-", into: &analyzer) { false }
      #expect(end == .endOfInput)
    } else {
      try InputReader.readFile(path, into: &analyzer)
    }
    analyzer.finish()
    return analyzer.report()
  }

  /// Reads `bytes` sequentially, then in segments of each size as a file and as a stream, and
  /// expects the same shapes every time; returns the sequential report.
  @discardableResult
  static func expectSameShapes(_ bytes: [UInt8], segmentSizes: [Int], capacity: Int? = nil) throws -> Report {
    let path = NSTemporaryDirectory() + "cas-logs-shapes-\(UUID().uuidString).log"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { unlink(path) }
    let sequential = try analyze(path, threads: 1, segmentBytes: segmentSizes[0], capacity: capacity, stream: false)
    let expected = shapes(sequential)
    for size in segmentSizes {
      for stream in [false, true] {
        let segmented = try analyze(path, threads: 2, segmentBytes: size, capacity: capacity, stream: stream)
        #expect(shapes(segmented) == expected, "segments of \(size) bytes, \(stream ? "stream" : "file")")
      }
    }
    return sequential
  }

  @Test func moreShapesThanKeptReportTheSameInEveryRead() throws {
    let bytes = Self.log(blocks: 3, distinct: 4_500)
    let report = try Self.expectSameShapes(bytes, segmentSizes: [64 << 10, 160 << 10, 256 << 10, 400 << 10])
    #expect(report.unrecognizedTotals.records == report.unrecognized)
    #expect(!report.unrecognizedTotals.distinctIsExact)
  }

  @Test func fewShapesAreCountedExactlyAndTheSame() throws {
    let bytes = Self.log(blocks: 4, distinct: 450)
    let report = try Self.expectSameShapes(bytes, segmentSizes: [16 << 10, 48 << 10])
    let totals = report.unrecognizedTotals
    #expect(totals.distinctIsExact)
    // The new shapes, the hot one and the warm one (its digits folded).
    #expect(totals.distinct == 4 * 450 + 2)
    #expect(report.unrecognizedShapes.allSatisfy { $0.overcount == 0 })
    #expect(report.unrecognizedShapes.first?.shape.hasSuffix("hot shape seen everywhere") == true)
    #expect(report.unrecognizedShapes.first?.count == 1 + (150 + 157 + 164 + 171))
    #expect(report.unrecognizedShapes.first?.line == 1)
  }

  /// With a table of 16 shapes: the hot and the warm shape are kept (each makes up more than a
  /// sixteenth of the records), every count is an upper bound within its stated overcount, in every read.
  @Test func aSmallTableKeepsTheFrequentShapesWithBoundedCounts() throws {
    let bytes = Self.log(blocks: 5, distinct: 300)
    let report = try Self.expectSameShapes(bytes, segmentSizes: [4 << 10, 16 << 10], capacity: 16)
    // The truth, counted here from the lines themselves.
    var counts: [String: Int] = [:]
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n")
    for line in lines {
      let message = line.split(separator: "]", maxSplits: 1)[1].dropFirst()
      counts[String(message).replacing(/[0-9]+/, with: "#"), default: 0] += 1
    }
    let totals = report.unrecognizedTotals
    #expect(totals.kept == 16)
    #expect(!totals.distinctIsExact)
    #expect(report.unrecognizedShapes.count == 16)
    let frequent = counts.filter { $0.value * 16 > lines.count }.keys
    #expect(frequent.contains("hot shape seen everywhere"))
    for shape in frequent {
      #expect(report.unrecognizedShapes.contains { $0.shape == shape }, "\(shape) is frequent but missing")
    }
    #expect(report.unrecognizedShapes.first?.shape == "hot shape seen everywhere")
    for shape in report.unrecognizedShapes {
      let truth = counts[shape.shape] ?? 0
      #expect(
        shape.count - shape.overcount <= truth && truth <= shape.count, "\(shape.shape): \(truth) vs \(shape.count)")
    }
    let estimate = Double(totals.distinct)
    #expect(estimate > Double(counts.count) / 3 && estimate < Double(counts.count) * 3)
  }
}
