import Foundation
import Testing

@testable import LogParse

/// Every sample, printed as each log collector prints it, gives the episodes of the plain sample.
///
/// Compared: every episode, failure, backoff, blocked scale-down, pod without scale-up and the
/// summary, with their times, from the JSON report. Not compared, because a collector legitimately
/// changes them: line numbers and counts (`line`, `lines`, `source`: JSON documents spread one
/// line over several, newest-first tools reverse the order, CRI partials split one line over two);
/// for newest-first shapes the loop ordinals (`iterations`, counted in line order); for `logcli`
/// text the leading blanks of continuation lines (logcli trims every line).
struct CollectorTests {
  /// The parts of the JSON report a collector's envelope must not change.
  static func outcome(_ report: Report, shape: CollectorShapes.Shape? = nil) throws -> String {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any])
    var kept: [String: Any] = [:]
    for key in ["scaleUps", "scaleDowns", "failures", "backoffs", "blockedScaleDowns", "noScaleUps", "summary"] {
      var value = StructuredLogTests.withoutLines(object[key] as Any)
      if shape?.newestFirst == true { value = StructuredLogTests.withoutIterations(value) }
      if shape == .lokiText { value = withoutContinuationIndent(value) }
      kept[key] = value
    }
    let data = try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys, .prettyPrinted])
    return String(decoding: data, as: UTF8.self)
  }

  /// `value` with the blanks after every line break in its strings removed, at any depth.
  static func withoutContinuationIndent(_ value: Any) -> Any {
    if let array = value as? [Any] { return array.map(withoutContinuationIndent) }
    if let object = value as? [String: Any] { return object.mapValues(withoutContinuationIndent) }
    guard let text = value as? String else { return value }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.drop { $0 == " " || $0 == "\t" } }.joined(separator: "\n")
  }

  static let cases: [(String, CollectorShapes.Shape)] = {
    let names = (try? Fixtures.sampleNames()) ?? []
    return CollectorShapes.Shape.allCases.flatMap { shape in names.map { ($0, shape) } }
  }()

  @Test(arguments: cases)
  func aSampleInACollectorsShapeGivesTheSameEpisodes(name: String, shape: CollectorShapes.Shape) throws {
    let bytes = try Fixtures.sample(name)
    let original = Fixtures.analyze(bytes)
    let converted = try CollectorShapes(year: original.year.baseYear)
      .convert(String(decoding: bytes, as: UTF8.self), to: shape)
    let report = Fixtures.analyze(Array(converted.utf8))
    #expect(try Self.outcome(report, shape: shape) == Self.outcome(original, shape: shape))
    #expect(report.formats.contains(shape.format), "\(report.formats)")
    let counts = report.accounting
    #expect(
      counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped
        == counts.lines)
    #expect(report.failures.count == original.failures.count)
  }
}
