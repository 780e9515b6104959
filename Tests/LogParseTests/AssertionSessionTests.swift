import Glibc
import Testing

@testable import LogParse

/// `assert` on a live stream, driven line by line without a process: reading stops at the line
/// that makes the verdict certain, the expressions are evaluated between reads, and the deadline,
/// an interruption and the `--since`/`--until` window are heard.
struct AssertionSessionTests {
  /// A live stream that delivers one line at a time, as a slow writer does: after each line the
  /// record it completes is delivered (a quiet pipe's idle flush) and the stop condition is asked.
  final class LineFeed {
    let lines: [String]
    /// How many lines were delivered.
    private(set) var delivered = 0
    /// Called after each line with the number delivered (to move a clock).
    var onLine: (Int) -> Void = { _ in }

    init(_ lines: [String]) { self.lines = lines }

    /// One turn of ``AssertionSession/read(into:interrupted:using:)``.
    func turn(_ analyzer: inout Analyzer, first: Bool, shouldStop: () -> Bool) -> InputReader.StreamEnd {
      if first { analyzer.beginSource("-") }
      if shouldStop() { return .stopped }
      while delivered < lines.count {
        analyzer.feed(Array((lines[delivered] + "\n").utf8))
        delivered += 1
        onLine(delivered)
        analyzer.flushIdle()
        if shouldStop() { return .stopped }
      }
      analyzer.endSource()
      return .endOfInput
    }
  }

  /// The blog post's scale-up, then more of the same pods' lines the verdict must not wait for.
  static func lines() throws -> [String] {
    let text = String(decoding: try Fixtures.sample("000-seed-blog-scaleup"), as: UTF8.self)
    let log = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return log + Array(repeating: "I0927 11:53:00.000001       1 scale_up.go:300] Upcoming 0 nodes", count: 20)
  }

  /// The index of the first line containing `text`.
  static func index(of text: String, in lines: [String]) throws -> Int {
    try #require(lines.firstIndex { $0.contains(text) })
  }

  /// A live analyzer (no reordering, as `assert` reads standard input) with `session` installed.
  static func analyzer(for session: AssertionSession) -> Analyzer {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.reorderWindow = 0
    var analyzer = Analyzer(options: options)
    session.install(on: &analyzer)
    return analyzer
  }

  /// Reads `feed` through `session`, finishes the input and gives the read's end and the verdict.
  static func run(
    _ session: AssertionSession, _ feed: LineFeed, interrupted: @escaping () -> Bool = { false }
  ) -> (end: InputReader.StreamEnd, verdict: AssertVerdict) {
    var analyzer = analyzer(for: session)
    let end = session.read(into: &analyzer, interrupted: interrupted, using: feed.turn)
    analyzer.finish()
    return (end, session.verdict(analyzer).verdict)
  }

  @Test("an expectation met mid-stream stops the read at the line that meets it, evaluated between reads")
  func expectationStopsTheRead() throws {
    let lines = try Self.lines()
    let feed = LineFeed(lines)
    let session = AssertionSession(
      assertions: [try Assertion.expression(.expect, "scale-up group=ASG_NAME succeeded")], baseYear: 2019)
    let (end, verdict) = Self.run(session, feed)
    #expect(end == .stopped)
    #expect(feed.delivered == (try Self.index(of: "finished successfully", in: lines)) + 1)
    #expect(session.isDecided && !session.timedOut)
    #expect(verdict.exitCode == 0)
    #expect(AssertRenderer.text(verdict).hasPrefix("PASS  --expect 'scale-up group=ASG_NAME succeeded'  "))
  }

  @Test("a forbidden line stops the read at once and fails")
  func forbiddenLineStopsTheRead() throws {
    let lines = try Self.lines()
    let feed = LineFeed(lines)
    let session = AssertionSession(assertions: [try Assertion.line(.forbid, "Upcoming 1 nodes")], baseYear: 2019)
    let (end, verdict) = Self.run(session, feed)
    #expect(end == .stopped)
    #expect(feed.delivered == (try Self.index(of: "Upcoming 1 nodes", in: lines)) + 1)
    #expect(verdict.exitCode == 1)
    #expect(AssertRenderer.text(verdict).hasSuffix("0 passed, 1 failed\n"))
  }

  @Test("an expectation never met reads the stream to its end and fails there")
  func unmetExpectationReadsToTheEnd() throws {
    let lines = try Self.lines()
    let feed = LineFeed(lines)
    let session = AssertionSession(assertions: [try Assertion.expression(.expect, "scale-down")], baseYear: 2019)
    let (end, verdict) = Self.run(session, feed)
    #expect(end == .endOfInput)
    #expect(feed.delivered == lines.count)
    #expect(!session.isDecided)
    #expect(verdict.exitCode == 1)
  }

  @Test("the deadline stops the read where it passes, and the verdict says the time ran out")
  func deadlineStopsTheRead() throws {
    let lines = try Self.lines()
    let feed = LineFeed(lines)
    nonisolated(unsafe) var now: Int64 = 0
    feed.onLine = { now = Int64($0) }
    let session = AssertionSession(
      assertions: [try Assertion.expression(.expect, "scale-up succeeded")], baseYear: 2019, deadline: 3,
      clock: { now })
    let (end, verdict) = Self.run(session, feed)
    #expect(end == .stopped)
    #expect(feed.delivered == 3)
    #expect(session.timedOut)
    #expect(verdict.timedOut && verdict.exitCode == 1)
    #expect(
      AssertRenderer.text(verdict).contains("FAIL  timeout: the expectations above marked FAIL were still unmet\n"))
  }

  @Test("a deadline that passed before anything was read is insufficient evidence")
  func deadlineBeforeAnyLine() throws {
    let feed = LineFeed(try Self.lines())
    let session = AssertionSession(
      assertions: [try Assertion.expression(.expect, "scale-up")], baseYear: 2019, deadline: 0, clock: { 1 })
    let (end, verdict) = Self.run(session, feed)
    #expect(end == .stopped && feed.delivered == 0)
    #expect(verdict.exitCode == 3)
    #expect(AssertRenderer.text(verdict).contains("timeout: it passed before any log was read"))
  }

  @Test("an interruption stops the read; the results so far are printed as partial")
  func interruptionStopsTheRead() throws {
    let feed = LineFeed(try Self.lines())
    let session = AssertionSession(assertions: [try Assertion.line(.expect, "finished successfully")], baseYear: 2019)
    let (end, verdict) = Self.run(session, feed, interrupted: { feed.delivered >= 2 })
    #expect(end == .stopped && feed.delivered == 2)
    #expect(!session.isDecided)
    let text = AssertRenderer.text(verdict, interrupted: "SIGINT")
    #expect(text.hasPrefix("PARTIAL  interrupted by SIGINT before the end of the input: no verdict"))
    #expect(text.hasSuffix("0 passed, 1 not (yet) met; partial: interrupted by SIGINT\n"))
  }

  @Test("line patterns see only the records inside the scope's time window")
  func lineAssertionsKeepToTheWindow() throws {
    let lines = try Self.lines()
    let feed = LineFeed(lines)
    var scope = ReportScope()
    let second = LogTime(month: 9, day: 27, microsecondOfDay: (11 * 3600 + 50 * 60 + 40) * 1_000_000)
    scope.since = FullTime(epochMicroseconds: second.epochMicroseconds(baseYear: 2026))
    let session = AssertionSession(
      assertions: [try Assertion.line(.forbid, "is unschedulable")], scope: scope, baseYear: 2026)
    _ = Self.run(session, feed)
    // The first pod line (11:50:35) is before the window; the second (11:50:45) is in it.
    let first = try Self.index(of: "is unschedulable", in: lines)
    #expect(
      feed.delivered == first + 1 + (try Self.index(of: "is unschedulable", in: Array(lines[(first + 1)...]))) + 1)
  }

  @Test("readStream reads a pipe to its end through the same loop")
  func readsAPipe() throws {
    let bytes = try Fixtures.sample("000-seed-blog-scaleup")
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
    close(ends[1])
    defer { close(ends[0]) }
    let session = AssertionSession(
      assertions: [try Assertion.expression(.expect, "scale-up succeeded"), try Assertion.line(.forbid, "panic")],
      baseYear: 2019)
    var analyzer = Self.analyzer(for: session)
    let end = session.readStream(fd: ends[0], name: "-", into: &analyzer) { false }
    analyzer.finish()
    let (report, verdict) = session.verdict(analyzer)
    #expect(end == .endOfInput)
    #expect(report.sources == ["-"])
    #expect(verdict.exitCode == 0)
    #expect(AssertRenderer.text(verdict).hasSuffix("2 passed, 0 failed\n"))
  }

  @Test("the stream's last record is judged when the stream ends, before the input is finished")
  func lastRecordOfAPipeIsJudgedAtItsEnd() throws {
    let text = """
      I0601 10:00:00.000000       1 static_autoscaler.go:1] Starting main loop
      E0601 10:00:01.000000       1 static_autoscaler.go:2] boom at the end

      """
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
    close(ends[1])
    defer { close(ends[0]) }
    let session = AssertionSession(assertions: [try Assertion.line(.forbid, "boom")], baseYear: 2019)
    var analyzer = Self.analyzer(for: session)
    let end = session.readStream(fd: ends[0], name: "-", into: &analyzer) { false }
    #expect(end == .endOfInput)
    // The command after `--` is ended as one whose verdict is certain: the forbidden line was seen.
    #expect(session.isDecided)
    analyzer.finish()
    #expect(session.verdict(analyzer).verdict.exitCode == 1)
  }
}
