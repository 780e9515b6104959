import LogParse

/// libFuzzer entry point: the whole pipeline (envelopes, records, events, episodes) and every
/// renderer on arbitrary bytes, fed in two chunks split at a point the input chooses; then the
/// input as an assert expression.
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
  _ = TextReportRenderer.render(report)
  _ = MarkdownReportRenderer.render(report)
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
