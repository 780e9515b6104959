import Testing

@testable import LogParse

/// The one year rule (``YearResolver/resolve(_:option:now:)``) over ``ParseStatistics``, and the
/// report, live steps and `assert`'s base year resolving alike.
struct YearResolutionTests {
  private static func resolve(_ statistics: ParseStatistics, option: Int? = nil) -> YearResolution {
    YearResolver.resolve(statistics, option: option, now: Fixtures.now)
  }

  /// A full time in `year`, on 13 March at noon.
  private static func march13(_ year: Int) -> FullTime {
    let days = (1970..<year).reduce(0) { days, year in
      days + (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 366 : 365)
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let day = days + 31 + (leap ? 29 : 28) + 12
    return FullTime(epochMicroseconds: (Int64(day) * 86_400 + 12 * 3_600) * 1_000_000)
  }

  @Test func evidenceInOrderOfStrength() {
    var statistics = ParseStatistics()
    statistics.lastTime = LogTime(month: 3, day: 13, microsecondOfDay: 0)
    // Fixtures.now is in November 2026.
    #expect(Self.resolve(statistics) == YearResolution(baseYear: 2026, source: .assumed))
    #expect(Self.resolve(statistics, option: 2019) == YearResolution(baseYear: 2019, source: .option))
    statistics.messageYears.firstDate = MessageDate(
      date: Self.march13(2017), recordTime: LogTime(month: 3, day: 13, microsecondOfDay: 0))
    #expect(Self.march13(2017).date.year == 2017 && Self.march13(2017).date.month == 3)
    #expect(Self.resolve(statistics, option: 2019) == YearResolution(baseYear: 2017, source: .message))
    statistics.envelopeBaseYear = 2015
    #expect(Self.resolve(statistics, option: 2019) == YearResolution(baseYear: 2015, source: .envelope))
  }

  @Test func anAssumedYearPutsNoRecordInTheFuture() {
    var statistics = ParseStatistics()
    statistics.lastTime = LogTime(month: 12, day: 20, microsecondOfDay: 0)
    #expect(Self.resolve(statistics) == YearResolution(baseYear: 2025, source: .assumed))
    statistics.lastTime = LogTime(month: 12, day: 20, microsecondOfDay: 0, yearOffset: 1)
    #expect(Self.resolve(statistics) == YearResolution(baseYear: 2024, source: .assumed))
  }

  @Test func theBaseYearKeepsEveryRecordInTheSupportedYears() {
    var statistics = ParseStatistics()
    statistics.lastTime = LogTime(month: 1, day: 2, microsecondOfDay: 0, yearOffset: 2)
    statistics.envelopeBaseYear = 9999
    #expect(Self.resolve(statistics) == YearResolution(baseYear: 9997, source: .envelope))
    statistics.envelopeBaseYear = 1900
    #expect(Self.resolve(statistics) == YearResolution(baseYear: 1970, source: .envelope))
  }

  /// The steps `follow` prints, `assert`'s window and the report all take the year a date inside a
  /// message proves (live steps once took only a dated note's, so dated this log by the current year).
  @Test func liveStepsAssertAndTheReportResolveAlike() {
    let log = """
      I0313 12:00:00.000000       1 scale_down.go:496] 2 nodes found to be unremovable in simulation, will re-check them at 2017-03-13 12:05:00.1 +0000 UTC
      I0313 12:00:01.000000       1 scale_up.go:600] Scale-up: setting group asg-1 size to 3
      I0313 12:00:02.000000       1 scale_up.go:600] Scale-up: setting group asg-2 size to 4

      """
    var stepYears: [Int] = []
    // Each event applied at once, as `follow` reads: each step is dated by the records read so far.
    var options = AnalyzerOptions(now: Fixtures.now)
    options.reorderWindow = 0
    var analyzer = Analyzer(options: options)
    analyzer.onStep = { _, year in stepYears.append(year) }
    analyzer.beginSource("test.log")
    analyzer.feed(Array(log.utf8))
    analyzer.finish()
    let report = analyzer.report()
    #expect(report.year == YearResolution(baseYear: 2017, source: .message))
    #expect(!stepYears.isEmpty && stepYears.allSatisfy { $0 == 2017 }, "\(stepYears)")
    #expect(analyzer.baseYear == 2017)
  }

  /// A time before a text no entry recognises stays a malformed line: like the first and last
  /// times, the year evidence takes no account of it (the tracker once took its year as the
  /// envelope's for the report, not for live steps).
  @Test func aMalformedLineProvesNoYear() {
    let scaleUp = "I0501 10:00:01.000000       1 scale_up.go:600] Scale-up: setting group asg-1 size to 3\n"
    let malformed = Fixtures.analyze("2023-05-01 10:00:00.000 - the backup finished\n" + scaleUp)
    #expect(malformed.accounting.malformed == 1)
    #expect(malformed.year == YearResolution(baseYear: 2026, source: .assumed))
    let recognised = Fixtures.analyze(
      "2023-05-01 10:00:00.000 Cluster is not ready for autoscaling: wrong number of nodes\n" + scaleUp)
    #expect(recognised.accounting.malformed == 0)
    #expect(recognised.year == YearResolution(baseYear: 2023, source: .envelope))
  }

  /// The envelope year is the first handled record's own, whatever came later.
  @Test func theFirstEnvelopeTimeDatesTheLog() {
    let log = """
      2021-12-31T23:59:00.000000000Z I1231 23:59:00.000000       1 scale_up.go:600] Scale-up: setting group asg-1 size to 3
      2022-01-01T00:01:00.000000000Z I0101 00:01:00.000000       1 scale_up.go:600] Scale-up: setting group asg-1 size to 4
      2030-01-01T00:02:00.000000000Z I0101 00:02:00.000000       1 scale_up.go:600] Scale-up: setting group asg-1 size to 5

      """
    let report = Fixtures.analyze(log)
    #expect(report.year == YearResolution(baseYear: 2021, source: .envelope))
    #expect(report.lastTime.map(report.rfc3339)?.hasPrefix("2022-01-01T00:02:00") == true)
  }
}
