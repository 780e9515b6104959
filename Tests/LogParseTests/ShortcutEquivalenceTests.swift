import Foundation
import LogGen
import Testing

@testable import LogParse

/// The hot path's shortcuts change nothing: a line taken as a whole record without assembly, a
/// utilization line read by hand and a message recalled from the memo give the report the full
/// path gives, on every input and under every kind of damage.
struct ShortcutEquivalenceTests {
  /// The JSON report of `bytes` read as one chunk, with the shortcuts on or off.
  ///
  /// Off, every line is fed in a chunk of its own, so no line is seen with the next one after it,
  /// and every record goes through the catalogue.
  static func report(_ bytes: [UInt8], shortcuts: Bool, year: Int? = nil) -> String {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now, year: year))
    analyzer.takesSingleLines = shortcuts
    analyzer.records.takesShortcuts = shortcuts
    analyzer.beginSource("test.log")
    analyzer.feed(bytes)
    analyzer.finish()
    return JSONReportRenderer.render(analyzer.report())
  }

  /// How many records of `bytes` took each shortcut: whole lines and the hand-read or recalled records.
  static func shortcutsTaken(_ bytes: [UInt8]) -> (singleLines: Int, recalled: Int) {
    var fast = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    fast.beginSource("test.log")
    fast.feed(bytes)
    fast.finish()
    return (fast.singleLineRecords, fast.records.recalledRecords)
  }

  static let inputs: [String] = DamageTests.inputs + DamageTests.generated

  @Test(arguments: inputs)
  func cleanInputsReportTheSame(name: String) throws {
    let bytes = Array(try DamageTests.clean(name).utf8)
    #expect(Self.report(bytes, shortcuts: true) == Self.report(bytes, shortcuts: false))
  }

  @Test(arguments: Damage.allCases)
  func damagedInputsReportTheSame(damage: Damage) throws {
    for name in Self.inputs {
      let text = try DamageTests.clean(name)
      let damaged = Array(Damage.apply([damage], to: text, year: 2024).utf8)
      let fast = Self.report(damaged, shortcuts: true, year: 2024)
      let full = Self.report(damaged, shortcuts: false, year: 2024)
      #expect(fast == full, "\(name) \(damage.rawValue)")
    }
  }

  @Test(arguments: Damage.combinations)
  func combinedDamageReportsTheSame(damages: [Damage]) throws {
    for name in Self.inputs {
      let damaged = Array(Damage.apply(damages, to: try DamageTests.clean(name), year: 2024).utf8)
      #expect(
        Self.report(damaged, shortcuts: true, year: 2024) == Self.report(damaged, shortcuts: false, year: 2024),
        "\(name) \(damages.map(\.rawValue))")
    }
  }

  /// The comparisons above compare something: the shortcuts are taken on the clean generated logs
  /// and not on lines a prefix hides the header of.
  @Test func theShortcutsAreTaken() throws {
    let generated = Array(try DamageTests.clean("generated-new").utf8)
    let taken = Self.shortcutsTaken(generated)
    let lines = generated.filter { $0 == 0x0A }.count
    #expect(taken.singleLines > lines * 9 / 10)
    #expect(taken.recalled > lines / 2)
    let prefixed = Array(Damage.apply([.quoteMarks], to: try DamageTests.clean("generated-new"), year: 2024).utf8)
    #expect(Self.shortcutsTaken(prefixed).singleLines == 0)
  }

  /// Runs of utilization lines are read on the generated logs, so the comparisons above compare
  /// them with the usual way; a line between two utilization lines, or a line repeating no header,
  /// ends a run.
  @Test func utilizationRunsAreTaken() throws {
    func linesInRuns(_ text: String) -> Int {
      var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
      analyzer.beginSource("test.log")
      analyzer.feed(Array(text.utf8))
      analyzer.finish()
      return analyzer.linesInRuns
    }
    let generated = try DamageTests.clean("generated-new")
    let utilizationLines = generated.split(separator: "\n").filter { $0.contains("% of allocatable") }.count
    #expect(utilizationLines > 100)
    #expect(linesInRuns(generated) > utilizationLines / 2)
    let header = "I0927 11:50:35.1583"
    let lines = (0..<10).map {
      "\(header)\($0)1       1 klogx.go:87] Node ip-10-0-0-\($0) - cpu requested is 5.0% of allocatable"
    }
    // A run opens after a line the usual way applied as it came; the last line has no next line
    // to prove its end.
    let uniform = linesInRuns(lines.joined(separator: "\n") + "\n")
    #expect(uniform >= 5 && uniform <= 8)
    // Another line in the middle ends the run, and its event waits: fewer lines join runs.
    let broken = lines[0..<5] + ["\(header)601       1 static_autoscaler.go:308] Starting main loop"] + lines[5...]
    #expect(linesInRuns(broken.joined(separator: "\n") + "\n") < uniform)
    #expect(
      Self.report(Array((broken.joined(separator: "\n") + "\n").utf8), shortcuts: true)
        == Self.report(Array((broken.joined(separator: "\n") + "\n").utf8), shortcuts: false))
  }

  /// A record merged after a utilization line of a run, or a name ending in `]`, gives the report
  /// the usual way gives: the merged record is found after the reading's end.
  @Test func aRecordMergedIntoARunsLineIsFound() {
    let header = "I0927 11:50:35.1583"
    var lines = (0..<10).map {
      "\(header)\($0)1       1 klogx.go:87] Node ip-10-0-0-\($0) - cpu requested is 5.0% of allocatable"
    }
    lines[6] += " \(header)99       1 scale_up.go:300] Upcoming 1 nodes"
    lines[7] = lines[7].replacingOccurrences(of: "ip-10-0-0-7", with: "ip-10-0-0-7]")
    lines[8] = lines[8].replacingOccurrences(of: "ip-10-0-0-8", with: "I0927")
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.beginSource("test.log")
    analyzer.feed(bytes)
    analyzer.finish()
    #expect(analyzer.linesInRuns >= 3)
    // Ten readings and the merged record.
    #expect(analyzer.statistics.recognized == 11)
    #expect(Self.report(bytes, shortcuts: true) == Self.report(bytes, shortcuts: false))
  }

  /// A record that an envelope or a time line wraps, or that lines continue, is assembled.
  @Test func onlyWholePlainLinesAreTaken() {
    let header = "I0927 11:50:35.158391       1 scale_up.go:300] "
    let cases: [(String, Int)] = [
      // The last line has no next line to prove its end; the first two do.
      ("\(header)Upcoming 1 nodes\n\(header)Upcoming 2 nodes\n\(header)Upcoming 3 nodes\n", 2),
      // A continuation line after the second record: only the first is whole for certain.
      ("\(header)Upcoming 1 nodes\n\(header)Failed: x\n\tcaused by: y\n\(header)Upcoming 3 nodes\n", 1),
      // A fatal record is always assembled.
      ("F0927 11:50:35.158391       1 main.go:1] boom\n\(header)Upcoming 2 nodes\n", 0),
      // A time line before a record gives it its envelope time.
      ("2024-03-13T12:00:00Z\n\(header)Upcoming 1 nodes\n\(header)Upcoming 2 nodes\n\(header)Upcoming 3 nodes\n", 1),
      // Two records merged on one line.
      ("\(header)Upcoming 1 nodes \(header)Upcoming 2 nodes\n\(header)Upcoming 3 nodes\n", 0),
    ]
    for (text, expected) in cases {
      var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
      analyzer.beginSource("test.log")
      analyzer.feed(Array(text.utf8))
      analyzer.finish()
      #expect(analyzer.singleLineRecords == expected, "\(text)")
      #expect(Self.report(Array(text.utf8), shortcuts: true) == Self.report(Array(text.utf8), shortcuts: false))
    }
  }
}
