import Foundation
import Testing

@testable import LogParse

/// The JSON report is the complete model: every fact of a ``Report`` is in it, so that what the
/// text, Markdown and HTML reports show is what a script reads (and what the fuzz target's
/// sequential-versus-segmented check compares).
///
/// The facts are found by reflection over ``FullReport`` (every fact set, each to a value no other
/// fact has), not listed by hand: a property added to the report or an episode fails here until
/// the JSON writes it, or until it is named below as shown by no renderer.
struct ReportCompletenessTests {
  /// Facts no renderer shows and the JSON leaves out, by path (list indices dropped), with why.
  static let notInJSON: [String: String] = [
    "accounting.held": "lines still held: 0 once the input is finished",
    "autoscaler.lastStart": "the builder's bookkeeping for the next start",
    "autoscaler.replicas.lastStart": "the builder's bookkeeping for the next start",
    "autoscaler.replicas.acquired": "read through isLeader",
    "autoscaler.replicas.heldByOther": "read through isLeader",
    "autoscaler.replicas.acts": "read through isLeader",
    "autoscaler.replicas.impliedProcessStart": "the builder's bookkeeping for restarts",
    "scaleUps.fromEventOnly": "the builder's bookkeeping while an event's line may follow",
    "scaleUps.hasPlan": "the builder's bookkeeping",
    "reorder.outOfOrder": "summed with releasedEarly in input.eventsOutOfOrder (checked below)",
    "reorder.releasedEarly": "summed with outOfOrder in input.eventsOutOfOrder (checked below)",
    "omitted.scaleUps": "counted by outcome in summary.scaleUps with the listed ones (checked below)",
    "omitted.scaleDowns": "counted by outcome in summary.scaleDowns with the listed ones (checked below)",
    "omitted.failures": "counted by class in summary.failures with the listed ones (checked below)",
    "inputVerdict": "said on standard error by the commands (exit 2), not by a renderer",
    "incompleteInput": "said on standard error by the commands (exit 2), not by a renderer",
  ]

  /// Evidence of which no renderer shows the loops: only episodes show theirs.
  static let loopsNotShown = [
    "failures", "backoffs", "blockedScaleDowns", "noScaleUps", "sizeDecreases", "scaleUps.error",
    "scaleUps.revertError", "scaleDowns.error",
  ]

  /// One fact: where it is in the model, and how a rendering writes it (nil for a value with no
  /// text of its own, a Boolean).
  struct Fact {
    var path: String
    var text: String?
    var isNumber: Bool
    var isUnset: Bool
    /// A name from a fixed set (an outcome, a class): not unique to this fact.
    var isName: Bool

    /// The path without list indices, as ``notInJSON`` names it.
    var kind: String { path.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "", options: .regularExpression) }
  }

  /// Every fact of `report`, its times as the JSON writes them.
  static func facts(_ report: Report) -> [Fact] {
    var facts: [Fact] = []
    // A dictionary's keys name what its values count (a reason): not facts of their own.
    func visit(_ value: Any, _ path: String, label: String?, isKey: Bool = false) {
      func fact(_ text: String?, number: Bool = false, unset: Bool = false, name: Bool = false) {
        facts.append(Fact(path: path, text: text, isNumber: number, isUnset: unset, isName: name || isKey))
      }
      let mirror = Mirror(reflecting: value)
      if mirror.displayStyle == .optional {
        guard let wrapped = mirror.children.first?.value else { return fact(nil, unset: true) }
        return visit(wrapped, path, label: label, isKey: isKey)
      }
      switch value {
      case let text as String: return fact(text)
      // A source is written by its name.
      case let index as Int where label == "source": return fact(report.sourceName(index))
      case let number as Int: return fact(String(number), number: true)
      case let number as Double: return fact(String(number), number: true)
      case is Bool: return fact(nil)
      case let time as LogTime: return fact(report.jsonTime(time))
      case let time as FullTime: return fact(time.rfc3339)
      case let loop as LoopId: return fact(loop.description)
      case let pattern as ReportScope.NamePattern: return fact(pattern.source)
      case let name as any RawRepresentable:
        if let text = name.rawValue as? String { return fact(text, name: true) }
      default: break
      }
      switch mirror.displayStyle {
      case .collection, .set:
        if mirror.children.isEmpty { return fact(nil, unset: true) }
        for (index, child) in mirror.children.enumerated() { visit(child.value, path + "[\(index)]", label: label) }
      case .dictionary:
        if mirror.children.isEmpty { return fact(nil, unset: true) }
        for (index, child) in mirror.children.enumerated() {
          for part in Mirror(reflecting: child.value).children {
            visit(part.value, path + "[\(index)].\(part.label ?? "")", label: part.label, isKey: part.label == "key")
          }
        }
      default:
        for child in mirror.children {
          // A property wrapper's storage (``OutOfLine``) is named by its property.
          guard let label = child.label else { continue }
          let name = label.hasPrefix("_") ? String(label.dropFirst()) : label
          visit(child.value, path.isEmpty ? name : path + "." + name, label: name)
        }
      }
    }
    visit(report, "", label: nil)
    return facts
  }

  /// Every string, key and number of a JSON document.
  static func values(_ json: String) throws -> (strings: Set<String>, numbers: Set<Double>) {
    var strings: Set<String> = []
    var numbers: Set<Double> = []
    func visit(_ value: Any) {
      switch value {
      case let object as [String: Any]:
        for (key, member) in object {
          strings.insert(key)
          visit(member)
        }
      case let array as [Any]: array.forEach(visit)
      case let text as String: strings.insert(text)
      case let number as NSNumber: numbers.insert(number.doubleValue)
      default: break
      }
    }
    visit(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    return (strings, numbers)
  }

  /// A JSON document's top-level object.
  static func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  static func isExcused(_ fact: Fact) -> Bool {
    let kind = fact.kind
    // Lines beyond the 64 kept are counted; no renderer shows the count.
    if kind.hasSuffix(".evidence.omittedLines") { return true }
    if notInJSON.keys.contains(where: { kind == $0 || kind.hasPrefix($0 + ".") }) { return true }
    return loopsNotShown.contains { kind.hasPrefix($0 + ".") && kind.contains(".evidence.iterations") }
  }

  @Test func theFullReportSetsEveryFactToAValueOfItsOwn() throws {
    let facts = Self.facts(try FullReport.make())
    #expect(facts.count > 150, "reflection found only \(facts.count) facts")
    for fact in facts where fact.isUnset && !Self.isExcused(fact) {
      Issue.record("FullReport leaves \(fact.path) unset: set it, so that the checks below cover it")
    }
    var seen: [String: String] = [:]
    for fact in facts where !fact.isName && !fact.kind.hasSuffix(".source") && !Self.isExcused(fact) {
      guard let text = fact.text else { continue }
      if let other = seen.updateValue(fact.path, forKey: text) {
        Issue.record("\(fact.path) and \(other) share the value \(text): give each its own")
      }
    }
  }

  @Test func everyFactOfTheReportIsInTheJSON() throws {
    let report = try FullReport.make()
    let json = try Self.values(JSONReportRenderer.render(report))
    for fact in Self.facts(report) where !Self.isExcused(fact) {
      guard let text = fact.text else { continue }
      let found = fact.isNumber ? json.numbers.contains(Double(text) ?? .nan) : json.strings.contains(text)
      #expect(found, "\(fact.path) = \(text) is not in the JSON report")
    }
  }

  @Test func everyFactARendererShowsIsInTheJSON() throws {
    let report = try FullReport.make()
    let json = try Self.values(JSONReportRenderer.render(report))
    let renderings = [
      ("text", TextReportRenderer.render(report) + TextReportRenderer.renderUnrecognized(report)),
      ("Markdown", MarkdownReportRenderer.render(report)), ("HTML", HTMLReportRenderer.render(report)),
    ]
    var shown = 0
    for fact in Self.facts(report) where !fact.isName {
      guard let text = fact.text, text.count > 3 else { continue }
      for (format, rendering) in renderings where rendering.contains(text) {
        shown += 1
        let found = fact.isNumber ? json.numbers.contains(Double(text) ?? .nan) : json.strings.contains(text)
        #expect(found, "the \(format) report shows \(fact.path) = \(text), the JSON report does not")
      }
    }
    #expect(shown > 100, "the renderers show only \(shown) facts of the full report")
  }

  /// The facts the JSON writes in a form of its own, and those added to it, field by field.
  @Test func theFullReportsJSONStatesEachFactWhereTheSchemaSays() throws {
    let report = try FullReport.make()
    let object = try Self.object(JSONReportRenderer.render(report))
    let input = try #require(object["input"] as? [String: Any])
    #expect(input["eventsOutOfOrder"] as? Int == 7116 + 7117)
    #expect(input["unrecognizedShapeRecords"] as? Int == 7122)
    #expect(input["unrecognizedShapesKept"] as? Int == 7124)
    #expect(input["unrecognizedDistinctShapesExact"] as? Bool == false)
    let scope = try #require(object["scope"] as? [String: Any])
    #expect(scope["sinceText"] as? String == "since-text")
    #expect(scope["untilText"] as? String == "until-text")
    let autoscaler = try #require(object["autoscaler"] as? [String: Any])
    #expect(autoscaler["isLeader"] as? Bool == true)
    let replica = try #require((autoscaler["replicas"] as? [[String: Any]])?.first)
    #expect(replica["stream"] as? Int == 7126)
    #expect(replica["source"] as? String == "second.log")
    #expect(replica["isLeader"] as? Bool == true)

    let up = try #require((object["scaleUps"] as? [[String: Any]])?.first)
    #expect(up["printedDurationSeconds"] as? Double == 93.25)
    #expect(up["durationSeconds"] as? Double == 93.25)
    let capping = try #require(up["capping"] as? [String: Any])
    #expect(capping["requestedNodes"] as? Int == 7213)
    #expect(capping["cappedToNodes"] as? Int == 7214)
    #expect(capping["clusterMaxSize"] as? Int == 7215)
    #expect(capping["quotaRequestedNodes"] as? Int == 7216)
    #expect(capping["quotaCappedToNodes"] as? Int == 7217)
    #expect(up["balancedWith"] as? [String] == ["balanced-group-1", "balanced-group-2"])
    #expect(up["revertedNodes"] as? Int == 7218)
    #expect(up["revertedAt"] as? String == report.jsonTime(FullReport.time(170)))
    let revertError = try #require(up["revertError"] as? [String: Any])
    #expect(revertError["code"] as? String == "code-revert-error")
    #expect(revertError["source"] as? String == "second.log")

    let failure = try #require((object["failures"] as? [[String: Any]])?.first)
    #expect(failure["fatal"] as? Bool == true)
    let waiting = try #require((object["noScaleUps"] as? [[String: Any]])?.first)
    #expect(waiting["reasonNodeGroups"] as? [String: Int] == ["reason-counted": 7604])

    let summary = try #require(object["summary"] as? [String: Any])
    let ups = try #require(summary["scaleUps"] as? [String: Any])
    #expect(ups["failed"] as? Int == 7801)
    #expect(ups["timedOut"] as? Int == 1)
    let downs = try #require(summary["scaleDowns"] as? [String: Any])
    #expect(downs["pending"] as? Int == 7802)
    let failures = try #require(summary["failures"] as? [String: Any])
    #expect(failures["quota"] as? Int == 7803)
  }

  /// A capping without values, a scale-up without one, a reason no event counted: null, null, absent.
  @Test func unsetFactsAreNullOrEmpty() throws {
    var report = try FullReport.make()
    report.scaleUps[0].capping = ScaleUpCapping()
    report.scaleUps.append(report.scaleUps[0])
    report.scaleUps[1].capping = nil
    report.scaleUps[1].balancedWith = []
    report.scaleUps[1].revertedNodes = nil
    report.scaleUps[1].revertedAt = nil
    report.scaleUps[1].printedDurationSeconds = nil
    report.noScaleUps[0].reasonNodeGroups = [:]
    let object = try Self.object(JSONReportRenderer.render(report))
    let ups = try #require(object["scaleUps"] as? [[String: Any]])
    let capping = try #require(ups[0]["capping"] as? [String: Any])
    for key in ["requestedNodes", "cappedToNodes", "clusterMaxSize", "quotaRequestedNodes", "quotaCappedToNodes"] {
      #expect(capping[key] is NSNull, "\(key): \(capping)")
    }
    for key in ["capping", "revertedNodes", "revertedAt", "printedDurationSeconds"] {
      #expect(ups[1][key] is NSNull, "\(key): \(ups[1])")
    }
    #expect(ups[1]["balancedWith"] as? [String] == [])
    let waiting = try #require((object["noScaleUps"] as? [[String: Any]])?.first)
    #expect(waiting["reasonNodeGroups"] as? [String: Int] == [:])
  }
}
