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
}
