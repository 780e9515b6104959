import Foundation
import LogGen
import Testing

@testable import LogParse

/// Bad input never crashes the analyzer, never escapes accounting, and always gives valid JSON.
struct HostileInputTests {
  /// Analyses `bytes` in uneven chunks and checks the invariants every input must keep.
  @discardableResult
  private func survive(_ bytes: [UInt8], physicalLines: Int? = nil) throws -> Report {
    let report = Fixtures.analyze(bytes, chunkSizes: [1, 3, 4096, 17])
    let counts = report.accounting
    #expect(
      counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped
        == counts.lines)
    if let physicalLines { #expect(counts.lines == physicalLines) }
    let json = JSONReportRenderer.render(report)
    #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    #expect(!TextReportRenderer.render(report).unicodeScalars.contains { $0.value == 0x1B })
    return report
  }

  @Test(arguments: [21, 22, 23, 24, 25, 26, 27, 28] as [UInt64])
  func randomBytes(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let bytes = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    try survive(bytes)
  }

  @Test func emptyInput() throws {
    let report = try survive([], physicalLines: 0)
    #expect(report.scaleUps.isEmpty && report.firstTime == nil)
  }

  @Test func nulBytesAndInvalidUTF8InsideRecords() throws {
    var bytes = Array("I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group ".utf8)
    bytes += [0x00, 0xC3, 0x28, 0xFF, 0x1B, 0x5B, 0x32, 0x4A]
    bytes += Array(" size to 5\n".utf8)
    let report = try survive(bytes, physicalLines: 1)
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].nodeGroup.contains("\u{FFFD}"))
  }

  @Test func lineEndings() throws {
    let line = "I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group g size to 5"
    try survive(Array((line + "\r\n" + line + "\r\n").utf8), physicalLines: 2)
    // CR alone is not a line break: the two records arrive as one line, which stays accounted for.
    try survive(Array((line + "\r" + line + "\r").utf8), physicalLines: 1)
  }

  @Test func impossibleHeaderValuesAreMalformed() throws {
    let text = """
      I1327 11:50:35.158572       1 a.go:1] month 13
      I0927 25:50:35.158572       1 a.go:1] hour 25
      I0931 11:50:35.158572       1 a.go:1] September 31
      I0927 11:50:35.158572 123456789012345678901234567890 a.go:1] thirty-digit pid

      """
    let report = try survive(Array(text.utf8), physicalLines: 4)
    #expect(report.accounting.malformed == 3)
    #expect(report.accounting.records == 1)
  }

  @Test func truncatedJSONEnvelopes() throws {
    let text = """
      {"log":"I0927 11:50:35.158572       1 a.go:1] Scale-up: setting group g size to 5\\n","stream":"std
      {"ts":1710333274470.823,"caller":"orchestrator/executor.go:166","msg":"Scale-up: setting
      {"ts":
      {

      """
    try survive(Array(text.utf8), physicalLines: 4)
  }

  @Test func hugeLineWithoutNewlineStaysBounded() throws {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.maximumLineLength = 1 << 20
    var analyzer = Analyzer(options: options)
    analyzer.beginSource("huge")
    let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
    for _ in 0..<200 { analyzer.feed(chunk) }
    analyzer.finish()
    let report = analyzer.report()
    #expect(report.accounting.lines == 1)
    #expect(report.accounting.truncated == 1)
    #expect(report.accounting.malformed == 1)
  }

  @Test func timestampsGoingBackwardsAndAYearBoundary() throws {
    let text = """
      I1231 23:59:59.000000       1 executor.go:147] Scale-up: setting group g size to 5
      I1231 23:59:58.000000       1 a.go:1] an earlier line
      I0101 00:01:00.000000       1 clusterstate.go:260] Scale up in group g finished successfully in 1m1s

      """
    let report = try survive(Array(text.utf8))
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].outcome == .succeeded)
    let decided = try #require(report.scaleUps[0].decidedAt)
    let ended = try #require(report.scaleUps[0].endedAt)
    #expect(ended.yearOffset == decided.yearOffset + 1)
    #expect(ended.seconds(since: decided, baseYear: 2023) == 61)
  }

  @Test func logRotatedInTheMiddleOfAnEpisode() throws {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.reorderWindow = 4096
    var analyzer = Analyzer(options: options)
    analyzer.beginSource("cluster-autoscaler.log.1")
    analyzer.feed(Array("I0927 11:50:35.158572       1 executor.go:147] Scale-up: setting group g size to 5\n".utf8))
    analyzer.beginSource("cluster-autoscaler.log")
    analyzer.feed(
      Array("I0927 11:52:35.000000       1 clusterstate.go:260] Scale up in group g finished successfully".utf8))
    analyzer.feed(Array(" in 2m0s\n".utf8))
    analyzer.finish()
    let report = analyzer.report()
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].outcome == .succeeded)
    #expect(report.sources == ["cluster-autoscaler.log.1", "cluster-autoscaler.log"])
  }

  @Test func hostilePodNamesAreEscapedForTheTerminal() throws {
    let line =
      "I0927 11:50:35.158353       1 scale_up.go:263] Pod ns/echo\u{1B}[2J\u{1B}]0;pwned\u{07} is unschedulable\n"
      + "I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group g size to 5\n"
    let report = try survive(Array(line.utf8))
    let text = TextReportRenderer.render(report)
    #expect(text.contains("echo\\x1b[2J\\x1b]0;pwned\\x07"))
  }

  @Test func manyDistinctNodesAndPodsKeepStateBounded() throws {
    var text = ""
    for number in 0..<30_000 {
      text +=
        "I0101 10:00:00.000000       1 cluster.go:151] Node node-\(number) cannot be removed: pod with local storage "
        + "present: pod-\(number)\n"
      text += "I0101 10:00:00.000001       1 klogx.go:87] Node node-\(number) - cpu utilization 0.1\n"
    }
    let report = try survive(Array(text.utf8))
    #expect(report.blockedScaleDowns.count <= EpisodeBuilder.maximumEpisodes)
    #expect(report.blockedScaleDowns.count + report.omitted.blockedScaleDowns == 30_000)
  }
}
