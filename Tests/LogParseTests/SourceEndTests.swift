import Foundation
import Glibc
import Testing

@testable import LogParse

/// A source ends once, and the analyzer ends it: `InputReader` only begins a source, the next
/// `beginSource` or `finish()` ends it, and ending it again changes nothing.
struct SourceEndTests {
  private static let log = """
    I0601 10:00:00.000000       1 static_autoscaler.go:1] Starting main loop
    I0601 10:00:01.000000       1 scale_up.go:1] Final scale-up plan: [{ng-a 1->2 (max: 5)}]
    I0601 10:00:02.000000       1 clusterstate.go:1] Scale-up in node group ng-a finished after 1.0s

    """

  /// The records the analyzer delivered, counted as `onRecord` sees them.
  private final class RecordCount: @unchecked Sendable { var value = 0 }

  @Test("readFile leaves its source open: its last record comes with finish(), once")
  func readFileLeavesTheEndToTheAnalyzer() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("source-end-\(getpid()).log").path
    try Data(Self.log.utf8).write(to: URL(fileURLWithPath: path))
    defer { unlink(path) }
    let count = RecordCount()
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.onRecord = { _ in count.value += 1 }
    let end = try InputReader.readFile(path, into: &analyzer)
    #expect(end == .endOfInput)
    // The last record may still take continuation lines: only the end of the input delivers it.
    #expect(count.value == 2)
    analyzer.finish()
    #expect(count.value == 3)
    #expect(analyzer.report().scaleUps.count == 1)
  }

  @Test("endSource twice, then finish(): the report of one end")
  func endSourceTwice() {
    func report(endsTwice: Bool) -> String {
      var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
      analyzer.beginSource("test.log")
      analyzer.feed(Array(Self.log.utf8))
      if endsTwice {
        analyzer.endSource()
        analyzer.endSource()
      }
      analyzer.finish()
      return JSONReportRenderer.render(analyzer.report())
    }
    let once = report(endsTwice: false)
    #expect(once.contains("\"ng-a\""))
    #expect(report(endsTwice: true) == once)
  }
}
