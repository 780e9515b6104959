import LogParse
import Testing

/// A log exported newest first (Log Analytics `sort by TimeGenerated desc`) gives the same episodes
/// as the same log in time order, also when it is much longer than the reorder window.
struct ReverseOrderTests {
  /// `count` empty-node removals, 20 s apart, each with its own node and instance, in time order.
  private func forwardLines(_ count: Int) -> [String] {
    var lines: [String] = []
    for index in 0..<count {
      let seconds = 3600 + index * 20
      let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
      let node = "node-\(index)"
      lines += [
        "I0504 \(time).000001       1 scale_down.go:862] \(node) was unneeded for 10m\(index % 50)s",
        "I0504 \(time).000002       1 scale_down.go:819] Scale-down: removing empty node \(node)",
        "I0504 \(time).000003       1 delete.go:104] Successfully added ToBeDeletedTaint on node \(node)",
        "I0504 \(time).000004       1 auto_scaling_groups.go:269] Terminating EC2 instance: i-\(index)",
      ]
    }
    return lines
  }

  /// How many episodes of `reversed` differ from those of `forward` (a count keeps failures short).
  private func differences(_ reversed: Report, _ forward: Report) -> Int {
    let (left, right) = (summary(reversed), summary(forward))
    return zip(left, right).filter { $0 != $1 }.count + abs(left.count - right.count)
  }

  private func summary(_ report: Report) -> [String] {
    report.scaleDowns.map { down in
      let started = down.startedAt.map { report.rfc3339($0) } ?? "-"
      let ended = down.endedAt.map { report.rfc3339($0) } ?? "-"
      return
        "\(down.node) \(down.kind) \(down.outcome) \(down.instanceId ?? "-") \(down.unneededSeconds ?? -1) \(started) \(ended)"
    }
  }

  @Test(arguments: [100, 1500])
  func reversedLogGivesTheEpisodesOfTheForwardLog(removals: Int) {
    let lines = forwardLines(removals)
    let forward = Fixtures.analyze(lines.joined(separator: "\n") + "\n")
    let reversed = Fixtures.analyze(lines.reversed().joined(separator: "\n") + "\n")
    #expect(forward.scaleDowns.count == removals)
    #expect(forward.scaleDowns.allSatisfy { $0.outcome == .succeeded && $0.instanceId == "i-" + $0.node.dropFirst(5) })
    #expect(differences(reversed, forward) == 0)
  }

  @Test func reversedLongerThanTheWindowStaysInOrderWithASmallWindow() {
    let lines = forwardLines(300)
    let forward = Fixtures.analyze(Array((lines.joined(separator: "\n") + "\n").utf8), reorderWindow: 64)
    let reversed = Fixtures.analyze(
      Array((lines.reversed().joined(separator: "\n") + "\n").utf8), reorderWindow: 64)
    #expect(differences(reversed, forward) == 0)
  }

  @Test func reversedBeyondTheMemoryLimitIsWrittenOutAndStillInOrder() {
    let lines = forwardLines(1500)
    let forward = Fixtures.analyze(Array((lines.joined(separator: "\n") + "\n").utf8))
    let reversed = Fixtures.analyze(
      Array((lines.reversed().joined(separator: "\n") + "\n").utf8), reorderMemoryLimit: 20_000)
    #expect(forward.scaleDowns.count == 1500)
    #expect(differences(reversed, forward) == 0)
  }

  @Test func theReportCountsEventsWrittenOutAndAppliedOutOfOrder() throws {
    let lines = forwardLines(1500)
    let reversed = Fixtures.analyze(
      Array((lines.reversed().joined(separator: "\n") + "\n").utf8), reorderMemoryLimit: 20_000)
    #expect(reversed.reorder.spilled > 0)
    #expect(reversed.reorder.outOfOrder == 0 && reversed.reorder.lost == 0)
    let json = JSONReportRenderer.render(reversed)
    #expect(json.contains("\"eventsSpilled\": \(reversed.reorder.spilled)"))
    // The same stretch twice, the second one older than what the first released: counted, not hidden.
    let overlapping = Fixtures.analyze(
      Array((lines.joined(separator: "\n") + "\n" + lines.prefix(400).joined(separator: "\n") + "\n").utf8),
      reorderWindow: 64)
    #expect(overlapping.reorder.outOfOrder > 0)
    #expect(TextReportRenderer.render(overlapping).contains("events applied out of time order"))
  }
}
