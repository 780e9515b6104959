import Foundation
import LogParse
import Testing

/// Every sample, printed as each log collector prints it, gives the episodes of the plain sample.
///
/// Compared: every episode, failure, backoff, blocked scale-down, pod without scale-up and the
/// summary, with their times, from the JSON report. Not compared: line numbers and line counts
/// (`line`, `lines`, `source`), which a collector legitimately changes: JSON documents spread one
/// line over several, newest-first tools reverse the order, and CRI partials split one over two.
struct CollectorTests {
  /// The parts of the JSON report a collector's envelope must not change.
  static func outcome(_ report: Report) throws -> String {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any])
    var kept: [String: Any] = [:]
    for key in ["scaleUps", "scaleDowns", "failures", "backoffs", "blockedScaleDowns", "noScaleUps", "summary"] {
      kept[key] = StructuredLogTests.withoutLines(object[key] as Any)
    }
    let data = try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys, .prettyPrinted])
    return String(decoding: data, as: UTF8.self)
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
    #expect(try Self.outcome(report) == Self.outcome(original))
    #expect(report.formats.contains(shape.format), "\(report.formats)")
    let counts = report.accounting
    #expect(
      counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped
        == counts.lines)
    #expect(report.failures.count == original.failures.count)
  }
}
