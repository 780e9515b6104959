import Testing

@testable import LogParse

/// Beginning a source costs O(1): 50,000 empty sources and a report of them take well under a minute.
struct ManySourcesTests {
  @Test("50,000 sources begun, ended and reported", .timeLimit(.minutes(1)))
  func manySources() {
    var analyzer = Analyzer(options: AnalyzerOptions(now: FullTime.now(), year: 2024))
    let started = ContinuousClock.now
    for index in 0..<50_000 {
      analyzer.beginSource("f\(index).log")
      if index == 49_999 { analyzer.feed(Array("I0927 11:50:35.000000       1 x.go:1] hello\n".utf8)) }
    }
    analyzer.finish()
    let report = analyzer.report()
    #expect(report.sources.count == 50_000)
    #expect(ContinuousClock.now - started < .seconds(20))
  }
}
