import Foundation
import LogGen
import Testing

@testable import LogParse

/// Reading a file in segments on several threads gives exactly the report of a sequential read.
struct SegmentedReadTests {
  /// The segment size the tests cut at: small, so that a file of a few megabytes has dozens.
  static let segmentBytes = 48 << 10

  @Test(arguments: GeneratorOptions.Layout.allCases)
  func generatedLogReportsTheSame(layout: GeneratorOptions.Layout) throws {
    let text = generatedLog(seed: 3, bytes: 2_000_000) { $0.layout = layout }
    try expectSameReports(Array(text.utf8), minimumSegments: 30)
  }

  /// Damaged excerpts (pasted prefixes, merged and wrapped records, CRI lines, reversed order)
  /// between stretches of plain klog text: cuts may fall only where nothing is open.
  @Test func damagedSamplesBetweenPlainStretchesReportTheSame() throws {
    let plain = generatedLog(seed: 5, bytes: 60_000)
    var bytes: [UInt8] = []
    for _ in 0..<3 {
      for name in try Fixtures.sampleNames() {
        bytes += Array(plain.utf8)
        bytes += try Fixtures.sample(String(name.prefix(3)))
        bytes.append(0x0A)
      }
    }
    bytes += Array(
      "2026-11-30T10:00:00.000000000Z stderr P I1130 10:00:00.000000       1 scale_up.go:1] Upcoming ".utf8)
    bytes += Array("\n2026-11-30T10:00:00.000000001Z stderr F 2 nodes\n".utf8)
    bytes += Array(plain.utf8)
    try expectSameReports(bytes, minimumSegments: 20)
  }

  /// A log that crosses New Year in a later segment keeps its year offsets.
  @Test func yearBoundaryInALaterSegmentIsCounted() throws {
    var lines: [String] = []
    for index in 0..<12_000 {
      let (month, day) = index < 7_000 ? ("12", "31") : ("01", "01")
      let second = String(format: "%02d", (index / 200) % 60)
      lines.append(
        "I\(month)\(day) 23:\(second):00.\(String(format: "%06d", index))       1 scale_up.go:300] Upcoming \(index % 3) nodes"
      )
    }
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    let report = try expectSameReports(bytes, minimumSegments: 10)
    #expect(report.lastTime?.yearOffset == 1)
    #expect(report.firstTime?.yearOffset == 0)
  }

  @Test func cutsFallOnlyBetweenTwoPlainRecords() {
    let plain = "I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes\n"
    let continuation = "\tstatus code: 403, request id: abc\n"
    let partial = "2026-11-30T10:00:00.000000000Z stderr P I0927 11:50:35.158391       1 a.go:1] Up\n"
    let pasted = "> I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes\n"
    func cut(_ text: String) -> Int? {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { SegmentBoundary.firstCut(in: $0, before: bytes.count) }
    }
    // The window's first line may be cut anywhere, so it never counts.
    #expect(cut("partial line\n" + plain + plain) == 13 + plain.utf8.count)
    #expect(cut("x\n" + plain + continuation + plain) == nil)
    #expect(cut("x\n" + partial + plain) == nil)
    #expect(cut("x\n" + pasted + plain) == nil)
    #expect(cut("x\n" + plain + plain.dropLast()) == nil)
  }

  @Test func smallOrUncuttableFilesAreReadSequentially() throws {
    let record = "I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes\n"
    try withFile(Array(String(repeating: record, count: 100).utf8)) { fd, size in
      #expect(SegmentedFileReader.plan(fd: fd, size: size, segmentBytes: Self.segmentBytes) == nil)
    }
    let indented = "  " + record
    try withFile(Array(String(repeating: indented, count: 10_000).utf8)) { fd, size in
      #expect(SegmentedFileReader.plan(fd: fd, size: size, segmentBytes: Self.segmentBytes) == nil)
    }
  }

  /// Standard input is cut into segments as it arrives: the same reports as a sequential read.
  @Test(arguments: GeneratorOptions.Format.allCases)
  func streamReadInSegmentsReportsTheSame(format: GeneratorOptions.Format) throws {
    let text = generatedLog(seed: 11, bytes: 1_500_000) { $0.format = format }
    let path = try temporaryFile(Array(text.utf8))
    defer { unlink(path) }
    let sequential = try analyzeStream(path, threads: 1)
    let segmented = try analyzeStream(path, threads: 2)
    #expect(JSONReportRenderer.render(segmented) == JSONReportRenderer.render(sequential))
    #expect(TextReportRenderer.render(segmented) == TextReportRenderer.render(sequential))
    #expect(segmented.scaleUps.count > 10)
  }

  /// Events in flight stay small: wide payloads are boxed.
  @Test func eventsAreAtMostThirtyTwoBytes() {
    #expect(MemoryLayout<Event>.stride <= 32)
  }

  // MARK: - Helpers

  @Test("loops in segments: iterationIds, printf lines between them, restarts and Starting main loop ordinals")
  func loopsAcrossSegments() throws {
    for structured in [true, false] {
      var text = ""
      for n in 1...1500 {
        let time = "I1201 10:\(n / 60 < 10 ? "0" : "")\(n / 60):\(n % 60 < 10 ? "0" : "")\(n % 60).000000       1 "
        let hash = n < 700 ? "1f0c9a7e" : "9a0b1c2d"
        text +=
          structured
          ? time + "static_autoscaler.go:300] \"Found pods in the cluster\" iterationId=\"\(hash)-\(n)\" podsCount=3\n"
          : time + "static_autoscaler.go:280] Starting main loop\n"
        // Each group grows: a size below the one before would be a size decrease, not a scale-up.
        text += time + "auto_scaling_groups.go:221] Setting asg ng-\(n % 7) size to \(n / 7 + 2)\n"
      }
      let report = try expectSameReports(Array(text.utf8), minimumSegments: 2)
      let last = structured ? "9a0b1c2d-1500" : "1500"
      #expect(report.scaleUps.contains { $0.evidence.iterations?.last.description == last })
      #expect(report.scaleUps.allSatisfy { $0.evidence.iterations != nil })
      #expect(report.autoscaler.starts.count == (structured ? 1 : 0))
    }
  }

  /// A generated `--v=4` log of about `bytes` bytes.
  private func generatedLog(seed: UInt64, bytes: Int, _ configure: (inout GeneratorOptions) -> Void = { _ in })
    -> String
  {
    var options = GeneratorOptions()
    options.seed = seed
    options.targetBytes = bytes
    configure(&options)
    var generator = LogGenerator(options: options)
    var text = ""
    _ = generator.generate { text += $0 }
    return text
  }

  /// Writes `bytes` to a file, reads it sequentially and in segments, and expects the same JSON
  /// and text reports; returns the report.
  @discardableResult
  private func expectSameReports(_ bytes: [UInt8], minimumSegments: Int) throws -> Report {
    try withFile(bytes) { fd, size in
      let plan = SegmentedFileReader.plan(fd: fd, size: size, segmentBytes: Self.segmentBytes)
      #expect((plan?.segments.count ?? 0) >= minimumSegments)
    }
    let path = try temporaryFile(bytes)
    defer { unlink(path) }
    let sequential = try analyzeFile(path, threads: 1)
    let segmented = try analyzeFile(path, threads: 2)
    #expect(JSONReportRenderer.render(segmented) == JSONReportRenderer.render(sequential))
    #expect(TextReportRenderer.render(segmented) == TextReportRenderer.render(sequential))
    #expect(segmented.accounting == sequential.accounting)
    return segmented
  }

  private func analyzeFile(_ path: String, threads: Int) throws -> Report {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.parseThreads = threads
    options.segmentBytes = Self.segmentBytes
    var analyzer = Analyzer(options: options)
    try InputReader.readFile(path, into: &analyzer)
    analyzer.finish()
    return analyzer.report()
  }

  private func analyzeStream(_ path: String, threads: Int) throws -> Report {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.parseThreads = threads
    options.segmentBytes = Self.segmentBytes
    var analyzer = Analyzer(options: options)
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    let end = InputReader.readStream(fd: fd, name: "-", into: &analyzer) { false }
    #expect(end == .endOfInput)
    analyzer.finish()
    return analyzer.report()
  }

  private func withFile(_ bytes: [UInt8], _ body: (Int32, Int) throws -> Void) throws {
    let path = try temporaryFile(bytes)
    defer { unlink(path) }
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    try body(fd, bytes.count)
  }

  private func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "cas-logs-segments-\(UUID().uuidString).log"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}
