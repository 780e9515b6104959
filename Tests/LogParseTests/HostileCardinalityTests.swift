import LogParse
import Testing

/// Lines a log may repeat without end keep the state they feed small: skipped groups of a loop,
/// process starts and versions.
struct HostileCardinalityTests {
  private static func header(_ index: Int) -> String {
    let second = index % 60
    return
      "W0101 10:\(index / 60 % 60 < 10 ? "0" : "")\(index / 60 % 60):\(second < 10 ? "0" : "")\(second).000000       1"
  }

  @Test func skippedGroupsOfOneLoopAreCappedAndEachGivenOnce() {
    var lines: [String] = []
    for index in 0..<5_000 {
      lines.append("W0101 10:00:00.000000       1 orchestrator.go:582] Node group g is not ready for scaleup - backoff")
      lines.append(
        "I0101 10:00:00.000000       1 orchestrator.go:582] Skipping node group group-\(index) - max size reached")
    }
    lines.append("I0101 10:00:00.000001       1 klogx.go:87] Pod ns/p is unschedulable")
    lines.append("I0101 10:00:00.000002       1 scale_up.go:186] No expansion options")
    let report = Fixtures.analyze(lines.joined(separator: "\n") + "\n")
    let reasons = report.noScaleUps.flatMap(\.reasons)
    #expect(!reasons.isEmpty)
    #expect(reasons.count <= NoScaleUp.maximumReasons)
    #expect(reasons.filter { $0 == "g (in backoff)" }.count <= 1)
  }

  @Test func repeatedBackoffLinesBetweenLoopsDoNotAccumulate() {
    var lines: [String] = []
    for index in 0..<3_000 {
      lines.append("\(Self.header(index)) orchestrator.go:582] Node group g is not ready for scaleup - backoff")
      lines.append("\(Self.header(index)) scale_up.go:186] No expansion options")
    }
    let (report, steps) = Fixtures.analyzeWithSteps(lines.joined(separator: "\n") + "\n")
    #expect(report.noScaleUps.allSatisfy { $0.reasons.count <= 2 })
    // Each loop's step names its own skips, not every skip since the first loop.
    #expect(!steps.isEmpty)
    #expect(steps.allSatisfy { $0.summary.utf8.count < 200 }, "\(steps.last?.summary.utf8.count ?? 0) bytes")
  }

  @Test func repeatedBannersCountEveryStartAndListAFew() {
    var lines: [String] = []
    for index in 0..<2_000 {
      lines.append(
        "I0101 10:\(index / 60 % 60 < 10 ? "0" : "")\(index / 60 % 60):00.000000       1 main.go:553] Cluster Autoscaler 1.28.\(index)"
      )
    }
    let report = Fixtures.analyze(lines.joined(separator: "\n") + "\n")
    #expect(report.autoscaler.startCount >= 60)
    #expect(report.autoscaler.starts.count <= AutoscalerInfo.maximumStarts)
    #expect(report.autoscaler.versions.count == AutoscalerInfo.maximumVersions)
    #expect(TextReportRenderer.render(report).contains("\(report.autoscaler.startCount) process start(s)"))
  }
}
