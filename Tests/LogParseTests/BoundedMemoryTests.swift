import Testing

@testable import LogParse

/// State stays bounded on endless input, and totals stay exact when lists are cut.
struct BoundedMemoryTests {
  @Test func episodeListDropsTheOldestQuarterAndKeepsIndicesStable() {
    var list = EpisodeList<Int>(capacity: 8)
    var dropped: [Int] = []
    for value in 0..<10 { list.append(value) { dropped.append($0) } }
    #expect(list.elements == [2, 3, 4, 5, 6, 7, 8, 9])
    #expect(dropped == [0, 1])
    #expect(list.totalCount == 10)
    #expect(!list.isKept(1) && list.isKept(2))
    #expect(list[9] == 9)
  }

  @Test func manyEpisodesKeepExactTotals() {
    let episodes = EpisodeBuilder.maximumEpisodes + 5_000
    var text = ""
    text.reserveCapacity(episodes * 200)
    for number in 0..<episodes {
      let (hour, minute, second) = (number / 3600, number / 60 % 60, number % 60)
      let time = "I0101 " + [hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
      text += "\(time).000000       1 executor.go:147] Scale-up: setting group g-\(number) size to 2\n"
      text += "\(time).500000       1 clusterstate.go:260] Scale up in group g-\(number) finished successfully in 1s\n"
    }
    let report = Fixtures.analyze(text)
    #expect(report.scaleUps.count <= EpisodeBuilder.maximumEpisodes)
    let summary = ReportSummary(report)
    #expect(summary.scaleUps.first { $0.0 == "total" }?.1 == episodes)
    #expect(summary.scaleUps.first { $0.0 == "succeeded" }?.1 == episodes)
    #expect(report.omitted.scaleUps[.succeeded] == episodes - report.scaleUps.count)
    #expect(report.scaleUps.last?.nodeGroup == "g-\(episodes - 1)")
  }
}
