import Glibc
import LogParse

/// libFuzzer entry point: the whole pipeline (envelopes, records, events, episodes) and every
/// renderer (text, JSON, Markdown, HTML) on arbitrary bytes, fed in two chunks split at a point the input chooses; the same
/// bytes read as a file in small segments on two threads, which must report exactly what a
/// sequential read does; then the input as an assert expression.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var options = AnalyzerOptions(now: FullTime(epochMicroseconds: 1_795_000_000_000_000))
  options.maximumLineLength = 4096
  options.reorderWindow = bytes.first.map { Int($0 % 8) } ?? 0
  var analyzer = Analyzer(options: options)
  var steps = 0
  analyzer.onStep = { _, _ in steps += 1 }
  let cut = bytes.isEmpty ? 0 : Int(bytes[bytes.count / 2]) % (bytes.count + 1)
  analyzer.feed(Array(bytes[..<cut]))
  analyzer.flushIdle()
  analyzer.feed(Array(bytes[cut...]))
  analyzer.finish()
  let report = analyzer.report()
  let counts = report.accounting
  precondition(
    counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped == counts.lines
  )
  _ = JSONReportRenderer.render(report)
  checkSegmentedRead(bytes, options)
  _ = TextReportRenderer.render(report)
  _ = MarkdownReportRenderer.render(report)
  _ = HTMLReportRenderer.render(report)
  let text = String(decoding: bytes.prefix(256), as: UTF8.self)
  if let assertion = try? Assertion.expression(.expect, text) {
    var engine = AssertionEngine(assertions: [assertion])
    engine.evaluate(report)
    let verdict = engine.verdict(report: report, timedOut: false)
    _ = JUnitRenderer.render(verdict, seconds: 0)
    _ = GitHubRenderer.annotations(verdict, report: report)
  }
  return 0
}

/// Reads `bytes` as a file sequentially, then in 128-byte segments as a file and as a stream, and
/// requires the same JSON report each time: every fact any renderer shows, as the JSON holds them
/// all (`ReportCompletenessTests`), so the text, Markdown and HTML reports agree too (unrecognised
/// shapes included: the table is cut to 2
/// shapes, so that a few distinct shapes replace each other; the reorder buffer's memory is cut to
/// 2 KB, so that reversed input spills), and the same text report as with the buffer in memory.
private func checkSegmentedRead(_ bytes: [UInt8], _ options: AnalyzerOptions) {
  // Shorter inputs make fewer than two segments: every read would be sequential.
  guard bytes.count >= 2 * 128 + 1 else { return }
  let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
  let path = "\(directory)/cas-logs-fuzz-\(getpid()).log"
  guard let file = fopen(path, "w") else { return }
  _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
  fclose(file)
  defer { unlink(path) }
  func analysis(threads: Int, asStream: Bool, memoryLimit: Int = 2048) -> Report? {
    var options = options
    options.reorderWindow = 4096
    options.parseThreads = threads
    options.segmentBytes = 128
    options.maximumUnrecognizedShapes = 2
    // A small limit makes reversed inputs of a few kilobytes spill to disk and merge back.
    options.reorderMemoryLimit = memoryLimit
    var analyzer = Analyzer(options: options)
    if asStream {
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      _ = InputReader.readStream(fd: fd, name: path, into: &analyzer) { false }
    } else {
      guard (try? InputReader.readFile(path, into: &analyzer)) != nil else { return nil }
    }
    analyzer.finish()
    return analyzer.report()
  }
  func report(threads: Int, asStream: Bool) -> String? {
    analysis(threads: threads, asStream: asStream).map { JSONReportRenderer.render($0) }
  }
  // Spilling changes nothing but memory: the same episodes as with every event held in memory,
  // unless events had to be released early (counted in the report).
  if let small = analysis(threads: 1, asStream: false), small.reorder.releasedEarly == 0,
    let large = analysis(threads: 1, asStream: false, memoryLimit: 64 << 20)
  {
    precondition(
      TextReportRenderer.render(small) == TextReportRenderer.render(large), "spilling to disk changed the report")
  }
  let sequential = report(threads: 1, asStream: false)
  precondition(sequential == report(threads: 2, asStream: false), "a segmented file read reported differently")
  precondition(sequential == report(threads: 2, asStream: true), "a segmented stream read reported differently")
}
