import Foundation
import LogGen
import Testing

@testable import LogParse

/// Every sample and generated log, damaged in each way (``Damage``) alone and in combination,
/// gives the episodes, failures and findings of the clean log.
///
/// What a damage removes may be missing, and nothing else may change: a kind that removes times
/// (``Damage/removesTimes``) may turn exactly the fields in ``timeFields`` to null; one that removes
/// the severity letter may turn `fatal` from true to false. Line numbers are compared too, unless
/// the damage moves records to other lines (``Damage/movesLines``).
struct DamageTests {
  /// The fields that hold a record's time, or a duration computed from two.
  static let timeFields: Set<String> = [
    "decidedAt", "requestedAt", "endedAt", "revertedAt", "startedAt", "drainedAt", "firstAt", "lastAt", "at",
    "durationSeconds",
  ]

  /// The clean inputs: every sample, and a generated log of each layout.
  static let inputs: [String] = (try? Fixtures.sampleNames()) ?? []
  static let generated = ["generated-old", "generated-new"]

  /// The text and year of an input.
  static func clean(_ name: String) throws -> String {
    switch name {
    case "generated-old", "generated-new":
      var options = GeneratorOptions()
      options.seed = 11
      options.layout = name == "generated-old" ? .old : .new
      options.format = .text
      options.targetBytes = 60_000
      var generator = LogGenerator(options: options)
      var text = ""
      _ = generator.generate { text += $0 }
      return text
    default:
      return String(decoding: try Fixtures.sample(name), as: UTF8.self)
    }
  }

  /// The parts of the JSON report a damage must not change.
  static func outcome(_ report: Report, lines: Bool) throws -> [String: Any] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any])
    var kept: [String: Any] = [:]
    for key in ["scaleUps", "scaleDowns", "failures", "backoffs", "blockedScaleDowns", "noScaleUps", "summary"] {
      let value = StructuredLogTests.withoutIterations(object[key] as Any)
      kept[key] = lines ? value : StructuredLogTests.withoutLines(value)
    }
    return kept
  }

  /// Where `damaged` differs from `clean` beyond what `allowed` lets change, as paths.
  static func differences(
    _ clean: Any, _ damaged: Any, path: String = "", times: Bool, fatal: Bool
  ) -> [String] {
    if let a = clean as? [String: Any], let b = damaged as? [String: Any] {
      guard Set(a.keys) == Set(b.keys) else { return ["\(path): keys \(a.keys.sorted()) vs \(b.keys.sorted())"] }
      return a.keys.sorted().flatMap { key -> [String] in
        let value = b[key]!
        if times, timeFields.contains(key), value is NSNull { return [] }
        if fatal, key == "fatal", (a[key] as? Bool) == true, (value as? Bool) == false { return [] }
        return differences(a[key]!, value, path: path + "." + key, times: times, fatal: fatal)
      }
    }
    if let a = clean as? [Any], let b = damaged as? [Any] {
      guard a.count == b.count else { return ["\(path): \(a.count) items vs \(b.count)"] }
      return zip(a, b).enumerated().flatMap {
        differences($0.element.0, $0.element.1, path: path + "[\($0.offset)]", times: times, fatal: fatal)
      }
    }
    if (clean as? NSObject)?.isEqual(damaged) == true { return [] }
    return ["\(path): \(clean) vs \(damaged)"]
  }

  /// The differences the damages `kinds` make to the outcome of input `name`.
  static func check(_ name: String, _ kinds: [Damage]) throws -> [String] {
    let text = try clean(name)
    let original = Fixtures.analyze(text)
    let damaged = Damage.apply(kinds, to: text, year: original.year.baseYear)
    let report = Fixtures.analyze(Array(damaged.utf8), year: original.year.baseYear)
    let lines = !kinds.contains(where: \.movesLines)
    let found = differences(
      try outcome(Fixtures.analyze(Array(text.utf8), year: original.year.baseYear), lines: lines),
      try outcome(report, lines: lines), times: kinds.contains(where: \.removesTimes),
      fatal: kinds.contains(where: \.removesSeverity))
    return found.prefix(5).map { "\(name) \(kinds.map(\.rawValue)): \($0)" }
  }

  @Test(arguments: Damage.allCases)
  func everyInputGivesTheSameOutcomeDamaged(damage: Damage) throws {
    var problems: [String] = []
    for name in DamageTests.inputs + DamageTests.generated { problems += try DamageTests.check(name, [damage]) }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test(arguments: Damage.combinations)
  func everyInputGivesTheSameOutcomeUnderCombinedDamage(damages: [Damage]) throws {
    var problems: [String] = []
    for name in DamageTests.inputs + DamageTests.generated { problems += try DamageTests.check(name, damages) }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test func theDamageChangesTheInput() throws {
    // Each kind changes at least one input (a kind that changed nothing would prove nothing).
    for damage in Damage.allCases {
      let changed = try (DamageTests.inputs + DamageTests.generated).contains { name in
        let text = try DamageTests.clean(name)
        return Damage.apply([damage], to: text, year: 2020) != text
      }
      #expect(changed, "\(damage)")
    }
  }

  @Test func theCleanInputsHaveEpisodesToCompare() throws {
    var withOutcome = 0
    for name in DamageTests.inputs + DamageTests.generated {
      let report = Fixtures.analyze(Array(try DamageTests.clean(name).utf8))
      if !(report.scaleUps.isEmpty && report.scaleDowns.isEmpty && report.failures.isEmpty) { withOutcome += 1 }
    }
    #expect(withOutcome >= 15)
  }
}
