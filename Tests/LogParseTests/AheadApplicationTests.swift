import Foundation
import LogGen
import Testing

@testable import LogParse

/// Utilization readings applied as they come (``EventApplier``) give the report that applying
/// every event in its turn gives, on every input, under every kind of damage, and when records
/// arrive out of order.
struct AheadApplicationTests {
  /// The JSON report of `bytes`, with readings applied ahead or every event waiting its turn, and
  /// how many readings went ahead.
  static func report(_ bytes: [UInt8], ahead: Bool, year: Int? = nil) -> (json: String, ahead: Int) {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now, year: year))
    analyzer.events.appliesReadingsAhead = ahead
    analyzer.beginSource("test.log")
    analyzer.feed(bytes)
    analyzer.finish()
    return (JSONReportRenderer.render(analyzer.report()), analyzer.events.readingsAppliedAhead)
  }

  /// A klog header at second `second` of 12:00 on 13 March.
  static func header(_ second: Int) -> String {
    String(format: "I0313 12:00:%02d.000000       1 ", second)
  }

  /// `lines` as a log, read to its end with readings ahead (year 2024): the analyzer and the text.
  static func analyzed(_ lines: [String]) -> (analyzer: Analyzer, text: String) {
    let text = lines.joined(separator: "\n") + "\n"
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now, year: 2024))
    analyzer.beginSource("test.log")
    analyzer.feed(Array(text.utf8))
    analyzer.finish()
    return (analyzer, text)
  }

  static func expectSameReport(_ text: String, year: Int? = nil, _ comment: String) {
    let bytes = Array(text.utf8)
    let ahead = Self.report(bytes, ahead: true, year: year)
    let waiting = Self.report(bytes, ahead: false, year: year)
    #expect(waiting.ahead == 0)
    #expect(ahead.json == waiting.json, "\(comment)")
  }

  @Test(arguments: ShortcutEquivalenceTests.inputs)
  func cleanInputsReportTheSame(name: String) throws {
    Self.expectSameReport(try DamageTests.clean(name), name)
  }

  @Test(arguments: Damage.allCases)
  func damagedInputsReportTheSame(damage: Damage) throws {
    for name in ShortcutEquivalenceTests.inputs {
      let damaged = Damage.apply([damage], to: try DamageTests.clean(name), year: 2024)
      Self.expectSameReport(damaged, year: 2024, "\(name) \(damage.rawValue)")
    }
  }

  /// Lines moved a few places from where they were, as merged or clock-skewed logs show them.
  @Test(arguments: [1, 3, 20])
  func locallyShuffledInputsReportTheSame(distance: Int) throws {
    var generator = SplitMix64(seed: UInt64(distance))
    for name in ShortcutEquivalenceTests.inputs {
      var lines = try DamageTests.clean(name).split(separator: "\n", omittingEmptySubsequences: false)
      for index in stride(from: 0, to: max(0, lines.count - distance), by: 1 + distance)
      where UInt64.random(in: 0..<4, using: &generator) == 0 {
        lines.swapAt(index, index + Int.random(in: 1...distance, using: &generator))
      }
      Self.expectSameReport(lines.joined(separator: "\n"), year: 2024, "\(name) shuffled by \(distance)")
    }
  }

  /// The comparisons above compare something: on the generated log, most readings go ahead.
  @Test func readingsGoAheadOnAnInOrderLog() throws {
    let generated = try DamageTests.clean("generated-new")
    let readings = generated.split(separator: "\n").filter { $0.contains("requested is") || $0.contains("utilization") }
    let taken = Self.report(Array(generated.utf8), ahead: true).ahead
    #expect(taken > readings.count / 2)
  }

  /// A reading that comes after an event naming its node, still waiting, waits too: the removal
  /// takes the utilization read before it, not the one after.
  @Test func aReadingAfterAWaitingRemovalOfItsNodeWaits() {
    let header = Self.header
    let (analyzer, text) = Self.analyzed(
      [
        "\(header(1))static_autoscaler.go:308] Starting main loop",
        "\(header(2))klogx.go:87] Node n1 - cpu requested is 10.0% of allocatable",
        "\(header(3))klogx.go:87] Node n2 - cpu requested is 20.0% of allocatable",
        "\(header(4))klogx.go:87] Node n1 - cpu requested is 11.0% of allocatable",
        "\(header(5))actuator.go:1] Scale-down: removing empty node \"n1\"",
        "\(header(6))klogx.go:87] Node n1 - cpu requested is 90.0% of allocatable",
        "\(header(7))klogx.go:87] Node n2 - cpu requested is 21.0% of allocatable",
        "\(header(8))static_autoscaler.go:308] Starting main loop",
      ])
    let report = analyzer.report()
    #expect(report.scaleDowns.map(\.node) == ["n1"])
    #expect(report.scaleDowns.first?.utilization == 0.11)
    #expect(analyzer.events.readingsAppliedAhead >= 2, "n2's readings and n1's first go ahead")
    Self.expectSameReport(text, year: 2024, "hand-written")
  }

  /// The steps an observer is shown for `bytes`, in the order shown, with readings and the other
  /// candidacy-only events applied ahead or every event waiting its turn.
  static func steps(_ bytes: [UInt8], ahead: Bool) -> [EpisodeStep] {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now, year: 2024))
    analyzer.events.appliesReadingsAhead = ahead
    nonisolated(unsafe) var shown: [EpisodeStep] = []
    analyzer.onStep = { step, _ in shown.append(step) }
    analyzer.beginSource("test.log")
    analyzer.feed(bytes)
    analyzer.finish()
    return shown
  }

  /// An observer of steps sees them in the order every event's turn gives: an unneeded line that
  /// makes a step waits its turn then.
  @Test(arguments: ShortcutEquivalenceTests.inputs)
  func stepsAreShownInTheirTurn(name: String) throws {
    let bytes = Array(try DamageTests.clean(name).utf8)
    #expect(Self.steps(bytes, ahead: true) == Self.steps(bytes, ahead: false), "\(name)")
  }

  /// A node's first unneeded line, after a waiting removal of another node, is shown after the
  /// removal's step: it waits its turn when an observer sees steps, and goes ahead when none does.
  @Test func aFirstUnneededLineWaitsForAnObserverOfSteps() {
    let header = Self.header
    let (unobserved, text) = Self.analyzed(
      [
        "\(header(1))static_autoscaler.go:308] Starting main loop",
        "\(header(2))klogx.go:87] Node n2 - cpu requested is 20.0% of allocatable",
        "\(header(3))klogx.go:87] Node n2 - cpu requested is 21.0% of allocatable",
        "\(header(4))klogx.go:87] Node n2 - cpu requested is 22.0% of allocatable",
        "\(header(5))actuator.go:1] Scale-down: removing empty node \"n3\"",
        "\(header(6))static_autoscaler.go:752] n1 is unneeded since 2024-03-13 12:00:00 +0000 UTC duration 3s",
        "\(header(7))static_autoscaler.go:308] Starting main loop",
      ])
    let shown = Self.steps(Array(text.utf8), ahead: true)
    #expect(shown.map(\.kind) == [.removal, .unneeded])
    #expect(shown == Self.steps(Array(text.utf8), ahead: false))
    #expect(unobserved.events.eventsAppliedAhead == 1)
  }

  /// An unneeded line changes only its node's candidacy: it goes ahead of the waiting events, so
  /// the readings of its node after it go ahead too, and the removal takes what they read.
  @Test func anUnneededLineGoesAheadAndTheReadingsOfItsNodeAfterIt() {
    let header = Self.header
    let (analyzer, text) = Self.analyzed(
      [
        "\(header(1))static_autoscaler.go:308] Starting main loop",
        // n2's readings wait while the buffer learns that the input runs in order.
        "\(header(2))klogx.go:87] Node n2 - cpu requested is 20.0% of allocatable",
        "\(header(3))klogx.go:87] Node n2 - cpu requested is 21.0% of allocatable",
        "\(header(4))klogx.go:87] Node n2 - cpu requested is 22.0% of allocatable",
        "\(header(5))static_autoscaler.go:752] n1 is unneeded since 2024-03-13 12:00:00 +0000 UTC duration 3s",
        "\(header(6))klogx.go:87] Node n1 - cpu requested is 11.0% of allocatable",
        "\(header(7))klogx.go:87] Node n1 - cpu requested is 12.0% of allocatable",
        "\(header(8))actuator.go:1] Scale-down: removing empty node \"n1\"",
        "\(header(9))static_autoscaler.go:308] Starting main loop",
      ])
    let report = analyzer.report()
    #expect(analyzer.events.eventsAppliedAhead == 1)
    #expect(analyzer.events.readingsAppliedAhead == 2, "n1's readings after its unneeded line")
    #expect(report.scaleDowns.first?.utilization == 0.12)
    #expect(report.scaleDowns.first?.unneededSeconds == 3)
    Self.expectSameReport(text, year: 2024, "hand-written")
  }
}
