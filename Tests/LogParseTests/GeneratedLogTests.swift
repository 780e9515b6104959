import LogGen
import LogParse
import Testing

/// The report of a generated log matches what the generator injected, in every layout and format.
struct GeneratedLogTests {
  /// Every combination of layout and format, with its own seed.
  static let cases: [(GeneratorOptions.Layout, GeneratorOptions.Format, UInt64)] = GeneratorOptions.Layout.allCases
    .flatMap { layout in
      GeneratorOptions.Format.allCases.enumerated().map { (layout, $0.element, UInt64($0.offset + 7)) }
    }

  @Test(arguments: cases)
  func reportMatchesGroundTruth(layout: GeneratorOptions.Layout, format: GeneratorOptions.Format, seed: UInt64) {
    var options = GeneratorOptions()
    options.seed = seed
    options.layout = layout
    options.format = format
    options.targetBytes = 1_500_000
    var generator = LogGenerator(options: options)
    var bytes: [UInt8] = []
    let truth = generator.generate { bytes += Array($0.utf8) }
    #expect(truth.episodes.count >= 15)
    let report = Fixtures.analyze(bytes, chunkSizes: [65_536, 4093])

    let expectedUps = truth.episodes.filter { $0.kind == "up" }.map { "\($0.subject) \($0.outcome)" }
    let actualUps = report.scaleUps.map { "\($0.nodeGroup) \($0.outcome.rawValue)" }
    #expect(actualUps == expectedUps)
    let expectedDowns = truth.episodes.filter { $0.kind == "down" }.map { "\($0.subject) \($0.outcome) \($0.detail)" }
    let actualDowns = report.scaleDowns.map { "\($0.node) \($0.outcome.rawValue) \($0.kind.rawValue)" }
    #expect(actualDowns == expectedDowns)
    let iamFailures = truth.episodes.filter { $0.detail == "iam" }.count
    #expect(report.failures.filter { $0.failureClass == .iam }.map(\.count).reduce(0, +) == iamFailures)
    #expect(report.accounting.lines == truth.lines)
    #expect(report.accounting.malformed == 0)
  }
}

/// The generator's calendar: long logs cross months with valid dates.
struct GeneratorCalendarTests {
  @Test(arguments: [(0, 1, 1), (30, 1, 31), (31, 2, 1), (59, 2, 29), (60, 3, 1), (365, 12, 31)])
  func monthAndDay(dayOfYear: Int, month: Int, day: Int) {
    let (actualMonth, actualDay) = LogGenerator.monthAndDay(dayOfYear: dayOfYear)
    #expect(actualMonth == month && actualDay == day)
  }
}
