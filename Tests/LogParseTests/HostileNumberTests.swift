import Foundation
import Testing

@testable import LogParse

/// Numbers, times and years out of range never trap: they are clamped or made null, and counted.
struct HostileNumberTests {
  private static let validator: JSONSchemaValidator? = {
    let url = Fixtures.root.appendingPathComponent("Schemas/report.schema.json")
    return (try? Data(contentsOf: url)).flatMap { try? JSONSchemaValidator(schemaData: $0) }
  }()

  /// The reproducers kept as files under `Fixtures/hostile`.
  static let hostileDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/hostile")

  static func hostileFiles() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: hostileDirectory.path)) ?? []).filter {
      $0.hasSuffix(".log")
    }.sorted()
  }

  /// Renders every format of `report` and checks the JSON against the schema and its times against the supported years.
  @discardableResult
  static func renderAll(_ report: Report, _ label: String) throws -> [String: Any] {
    _ = TextReportRenderer.render(report)
    _ = MarkdownReportRenderer.render(report)
    _ = HTMLReportRenderer.render(report)
    let json = JSONReportRenderer.render(report)
    let errors = try #require(validator).validate(Data(json.utf8))
    #expect(errors == [], "\(label): \(errors.prefix(3))")
    #expect(FullTime.supportedYears.contains(report.year.baseYear), "\(label): year \(report.year.baseYear)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return object
  }

  @Test(arguments: hostileFiles())
  func hostileFixtureLinesDoNotTrap(name: String) throws {
    let text = try String(contentsOf: Self.hostileDirectory.appendingPathComponent(name), encoding: .utf8)
    #expect(!text.isEmpty)
    // The whole file, then each line alone (each reproduced a trap on its own).
    var total = 0
    for part in [text] + text.split(separator: "\n").map({ String($0) + "\n" }) {
      let report = Fixtures.analyze(Array(part.utf8))
      try Self.renderAll(report, name)
      if part == text { total = report.accounting.outOfRangeValues }
    }
    #expect(total > 0, "\(name): the out-of-range values are counted")
  }

  @Test func goDurationsAreClampedAndFlagged() throws {
    let maximum = GoDuration.maximumSeconds
    for text in ["999999999999999999999s", "9223372036854775807ns", String(repeating: "9", count: 400) + "h"] {
      let parsed = try #require(GoDuration.parse(text), "\(text)")
      #expect(parsed.seconds == maximum && parsed.clamped, "\(text)")
    }
    let negative = try #require(GoDuration.parse("-999999999999999999999s"))
    #expect(negative.seconds == -maximum && negative.clamped)
    #expect(GoDuration.parse("-5s")! == (-5, false))
    #expect(GoDuration.parse("1h2m3s")! == (3723, false))
    for text in ["1e308h", "nan", "nans", "infs", "-", "."] { #expect(GoDuration.parse(text) == nil, "\(text)") }
  }

  /// Every catalogue example with each number replaced by a hostile one: no trap, every report valid.
  @Test(arguments: ["999999999999999999999", String(repeating: "9", count: 400), "9223372036854775808", "0"])
  func catalogueNumbersOutOfRange(replacement: String) throws {
    var log = ""
    for entry in Catalog.entries {
      for example in entry.examples {
        guard let split = example.line.range(of: "] ") else { continue }
        log +=
          example.line[..<split.upperBound] + Self.replacingDigitRuns(example.line[split.upperBound...], replacement)
        log += "\n"
      }
    }
    let report = Fixtures.analyze(Array(log.utf8))
    try Self.renderAll(report, replacement)
    if replacement.count > 20 { #expect(report.accounting.outOfRangeValues > 0) }
  }

  /// Sizes and counts beyond a billion (or negative) make the field null or the line unrecognised,
  /// each counted once, so that no arithmetic on them (`to - from`) can overflow.
  @Test func sizesAndCountsOutOfRangeAreCounted() throws {
    let huge = "99999999999999999999"
    let lines = [
      "I0927 11:50:35.000000       1 scale_up.go:694] Scale-up: setting group g size to \(huge)",
      "I0927 11:50:35.100000       1 scale_up.go:529] Final scale-up plan: [{g 1->\(huge) (max: 5)}]",
      "I0927 11:50:35.200000       1 scale_up.go:300] Upcoming \(huge) nodes",
      "I0927 11:50:35.300000       1 scale_up.go:694] Scale-up: setting group g size to 9223372036854775807",
      "I0927 11:50:35.400000       1 scale_up.go:529] Final scale-up plan: [{h 1->-9223372036854775808 (max: 5)}]",
      "I0927 11:50:35.500000       1 scale_up.go:529] Final scale-up plan: [{i -9223372036854775807->1 (max: 5)}]",
      "I0927 11:50:35.600000       1 scale_up.go:694] Scale-up: setting group j size to 1000000001",
      // In range, but lowering the size: no negative node count (the schema's minimum is 0).
      "I0927 11:50:35.700000       1 scale_up.go:529] Final scale-up plan: [{k 5->4 (max: 8)}]",
    ]
    let report = Fixtures.analyze(Array((lines.joined(separator: "\n") + "\n").utf8))
    try Self.renderAll(report, "sizes")
    #expect(report.accounting.outOfRangeValues == 7)
    #expect(report.scaleUps.allSatisfy { ($0.to ?? 0) <= 1_000_000_000 && ($0.from ?? 0) >= 0 })
    #expect(report.scaleUps.allSatisfy { ($0.nodes ?? 0) >= 0 })
  }

  static func replacingDigitRuns(_ text: Substring, _ replacement: String) -> String {
    var result = ""
    var inRun = false
    for character in text {
      if character.isASCII, character.isNumber {
        if !inRun { result += replacement }
        inRun = true
      } else {
        result.append(character)
        inRun = false
      }
    }
    return result
  }

  @Test func jsonLoggingNumbersOutOfRange() throws {
    let times = ["1e30", "1e400", "-1e30", "9.3e15", "-9.3e15", "1e308", "99999999999999999999999999", "-1"]
    let levels = ["1e300", "9223372036854775807", "-1", "1.5", "1e400", "-1e400"]
    var lines: [String] = []
    for ts in times {
      lines.append(#"{"ts":\#(ts),"caller":"scale_up.go:694","msg":"Scale-up: setting group g size to 5","v":0}"#)
    }
    for level in levels {
      lines.append(
        #"{"ts":1700000000000,"caller":"a.go:99999999999999999999","msg":"Scale-up: setting group g size to 5","v":\#(level)}"#
      )
    }
    let report = Fixtures.analyze(Array((lines.joined(separator: "\n") + "\n").utf8))
    try Self.renderAll(report, "json")
    #expect(report.accounting.outOfRangeValues == times.count + levels.count)
    #expect(report.accounting.records == lines.count)
  }

  @Test func envelopeYearsOutOfRangeMakeTheTimeNull() throws {
    let record = "I0101 00:00:02.000000       1 scale_up.go:694] Scale-up: setting group g size to 5"
    let lines = [
      "0000-01-01T00:00:00.000000000Z " + record,
      "9999-12-31T23:59:59.999999999-23:59 " + record,
      "0000-01-01T00:00:00Z stderr F " + record,
      #"{"log":"\#(record)\n","stream":"stderr","time":"0000-01-01T00:00:00Z"}"#,
      #"{"message":"\#(record)","time":"0001-01-01T00:00:00Z"}"#,
      #"{"ts":"0000-01-01T00:00:00Z","caller":"a.go:1","msg":"x","v":0}"#,
    ]
    for line in lines {
      let report = Fixtures.analyze(Array((line + "\n").utf8))
      try Self.renderAll(report, line)
      #expect(report.accounting.outOfRangeValues == 1, "\(line)")
      #expect(report.year.source != .envelope, "\(line)")
    }
  }

  /// Many New Years (more than the supported years span) and then an envelope of year 0000.
  @Test func yearRolloversAndYearZeroStayInTheSupportedYears() throws {
    var log = ""
    for _ in 0..<9_000 {
      log += "I1231 23:59:59.000000       1 a.go:1] December\nI0101 00:00:01.000000       1 a.go:1] January\n"
    }
    log += "0000-01-01T00:00:00.000000000Z I0101 00:00:02.000000       1 scale_up.go:694] "
    log += "Scale-up: setting group g size to 5\n"
    log += "2024-01-01T00:00:03.000000000Z I0101 00:00:03.000000       1 scale_up.go:694] "
    log += "Scale-up: setting group h size to 5\n"
    let report = Fixtures.analyze(Array(log.utf8))
    let json = try Self.renderAll(report, "rollover")
    let input = try #require(json["input"] as? [String: Any])
    for key in ["firstTime", "lastTime"] {
      let time = try #require(input[key] as? String)
      let year = try #require(Int(time.prefix(4)))
      #expect(FullTime.supportedYears.contains(year) && time.dropFirst(4).hasPrefix("-"), "\(key) \(time)")
    }
    #expect(report.accounting.outOfRangeValues == 1)
    #expect(report.scaleUps.count == 2)
  }

  /// LogTime and FullTime formatting is total, whatever the year asked for.
  @Test func dateFormattingIsTotal() {
    let time = LogTime(month: 12, day: 31, microsecondOfDay: 86_399_999_999, yearOffset: Int(Int16.max))
    for base in [Int.min, -290_400, 0, 1969, 2024, 9999, 300_000, Int.max] {
      let text = time.rfc3339(baseYear: base)
      #expect(text.count == 27 && !text.hasPrefix("-"), "\(base): \(text)")
      _ = time.seconds(since: LogTime(month: 1, day: 1, microsecondOfDay: 0), baseYear: base)
    }
    for micros in [Int64.min, -1, Int64.max] {
      let text = FullTime(epochMicroseconds: micros, fractionDigits: 9, extraNanoseconds: -5).rfc3339
      #expect(Int(text.prefix(4)).map(FullTime.supportedYears.contains) == true, "\(text)")
    }
  }
}
