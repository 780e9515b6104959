import Testing

@testable import LogParse

/// Files from different times each resolve their own year.
struct SourceYearTests {
  private static func backoff(_ header: String, group: String, until: String) -> String {
    "W\(header)       1 clusterstate.go:281] Disabling scale-up for node group \(group) until \(until) +0000 UTC "
      + "m=+60.0; errorClass=Other; errorCode=cloudProviderError\n"
  }

  private static func analyze(_ files: [(String, String)]) -> Report {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    for (name, text) in files {
      analyzer.beginSource(name)
      analyzer.feed(Array(text.utf8))
    }
    analyzer.finish()
    return analyzer.report()
  }

  @Test func twoExcerptsOfDifferentYearsKeepTheirOwnYears() throws {
    let report = Self.analyze([
      ("2023.log", Self.backoff("0313 10:00:00.000000", group: "ng-old", until: "2023-03-13 10:05:00.0")),
      ("2024.log", Self.backoff("0602 08:00:00.000000", group: "ng-new", until: "2024-06-02 08:05:00.0")),
    ])
    try #require(report.backoffs.count == 2)
    let old = try #require(report.backoffs.first { $0.nodeGroup == "ng-old" })
    let new = try #require(report.backoffs.first { $0.nodeGroup == "ng-new" })
    let oldAt = try #require(old.at)
    let newAt = try #require(new.at)
    #expect(report.rfc3339(oldAt).hasPrefix("2023-03-13T10:00:00"))
    #expect(report.rfc3339(newAt).hasPrefix("2024-06-02T08:00:00"), "the second file proves 2024")
    let until = try #require(new.until)
    #expect(newAt.epochMicroseconds(baseYear: report.year.baseYear) < until.epochMicroseconds)
    let newUp = try #require(report.scaleUps.first { $0.nodeGroup == "ng-new" })
    #expect(newUp.endedAt.map(report.rfc3339)?.hasPrefix("2024-06-02") == true)
    let json = JSONReportRenderer.render(report)
    #expect(json.contains("\"at\": \"2024-06-02T08:00:00"))
  }

  @Test func aFileWithoutAYearOfItsOwnTakesTheInputsYear() throws {
    let report = Self.analyze([
      ("2023.log", Self.backoff("0313 10:00:00.000000", group: "ng-old", until: "2023-03-13 10:05:00.0")),
      ("plain.log", "I0313 11:00:00.000000       1 executor.go:147] Scale-up: setting group ng-x size to 3\n"),
    ])
    let up = try #require(report.scaleUps.first { $0.nodeGroup == "ng-x" })
    #expect(up.requestedAt.map(report.rfc3339)?.hasPrefix("2023-03-13T11:00:00") == true)
  }
}
