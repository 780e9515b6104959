import Foundation
import LogGen
import Testing

@testable import LogParse

/// A stop request (a signal, in the CLI) ends every kind of read early, and a report says it is partial.
struct StopRequestTests {
  /// A generated log of about 2 MB in a temporary file, and its line count.
  static func logFile() throws -> (path: String, lines: Int) {
    var options = GeneratorOptions()
    options.seed = 11
    options.targetBytes = 2_000_000
    var generator = LogGenerator(options: options)
    var text = ""
    _ = generator.generate { text += $0 }
    let path = NSTemporaryDirectory() + "cas-logs-stop-\(UUID().uuidString).log"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return (path, text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
  }

  static func analyzer(threads: Int) -> Analyzer {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.parseThreads = threads
    options.segmentBytes = 48 << 10
    return Analyzer(options: options)
  }

  @Test("a file read stops when asked, sequentially and in segments", arguments: [1, 2])
  func fileReadStops(threads: Int) throws {
    let (path, lines) = try Self.logFile()
    defer { unlink(path) }
    var analyzer = Self.analyzer(threads: threads)
    var asked = 0
    // Asked before the first chunk or segment (go on) and again after it (stop).
    let end = try InputReader.readFile(path, into: &analyzer) {
      asked += 1
      return asked > 1
    }
    analyzer.finish()
    #expect(end == .stopped)
    #expect(analyzer.accounting.lines > 0)
    #expect(analyzer.accounting.lines < lines, "read \(analyzer.accounting.lines) of \(lines) lines")
  }

  @Test("a file read that is never asked to stop reads everything", arguments: [1, 2])
  func fileReadCompletes(threads: Int) throws {
    let (path, lines) = try Self.logFile()
    defer { unlink(path) }
    var analyzer = Self.analyzer(threads: threads)
    let end = try InputReader.readFile(path, into: &analyzer)
    analyzer.finish()
    #expect(end == .endOfInput)
    #expect(analyzer.accounting.lines == lines)
  }

  @Test("a stream read in segments stops when asked")
  func segmentedStreamStops() throws {
    let (path, lines) = try Self.logFile()
    defer { unlink(path) }
    var analyzer = Self.analyzer(threads: 2)
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    var asked = 0
    let end = InputReader.readStream(fd: fd, name: "-", into: &analyzer) {
      asked += 1
      return asked > 2
    }
    analyzer.finish()
    #expect(end == .stopped)
    #expect(analyzer.accounting.lines < lines, "read \(analyzer.accounting.lines) of \(lines) lines")
  }

  @Test("every format says when a report is partial, and only then")
  func partialReportsSaySo() throws {
    var analyzer = Self.analyzer(threads: 1)
    analyzer.feed(Array("I0927 11:50:35.158572       1 a.go:1] hello\n".utf8))
    analyzer.finish()
    var report = analyzer.report()
    let complete = [
      TextReportRenderer.render(report), MarkdownReportRenderer.render(report), HTMLReportRenderer.render(report),
    ]
    for text in complete { #expect(!text.contains("nterrupted by"), "\(text)") }
    #expect(JSONReportRenderer.render(report).contains("\"interrupted\": null"))

    report.interrupted = "SIGTERM"
    #expect(TextReportRenderer.render(report).contains("partial: interrupted by SIGTERM"))
    #expect(MarkdownReportRenderer.render(report).contains("Partial report: interrupted by SIGTERM"))
    #expect(HTMLReportRenderer.render(report).contains("Partial report: interrupted by SIGTERM"))
    #expect(JSONReportRenderer.render(report).contains("\"interrupted\": \"SIGTERM\""))
  }

  /// Reads a quiet pipe with a 1 s idle flush and asks to stop 100 ms in; returns how long it took to stop.
  static func stopLatency(threads: Int) throws -> Duration {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    var analyzer = Self.analyzer(threads: threads)
    let started = ContinuousClock.now
    let end = InputReader.readStream(fd: ends[0], name: "-", into: &analyzer, idleMilliseconds: 1000) {
      ContinuousClock.now - started >= .milliseconds(100)
    }
    #expect(end == .stopped)
    return ContinuousClock.now - started
  }

  @Test(
    "a quiet stream with a long idle flush still hears a stop request within a slice",
    arguments: [1, 2])
  func quietStreamStopsPromptly(threads: Int) throws {
    let latency = try Self.stopLatency(threads: threads)
    // The request comes 100 ms in; a 1 s poll would hold it until 1 s.
    #expect(latency < .milliseconds(600), "stopped after \(latency)")
  }

  @Test("a quiet stream still delivers a waiting record after the idle time, not before")
  func idleFlushKeepsItsTime() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    var analyzer = Self.analyzer(threads: 1)
    var records: [ContinuousClock.Instant] = []
    analyzer.onRecord = { _ in records.append(ContinuousClock.now) }
    let line = "I0101 10:00:00.000000       1 static_autoscaler.go:1] Starting main loop\n"
    _ = line.withCString { write(ends[1], $0, strlen($0)) }
    let started = ContinuousClock.now
    _ = InputReader.readStream(fd: ends[0], name: "-", into: &analyzer, idleMilliseconds: 1000) {
      !records.isEmpty || ContinuousClock.now - started > .seconds(5)
    }
    let delivered = try #require(records.first, "the waiting record was never delivered")
    #expect(delivered - started >= .milliseconds(900), "delivered after \(delivered - started)")
  }
}
