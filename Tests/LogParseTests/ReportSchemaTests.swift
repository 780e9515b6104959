import Foundation
import LogParse
import Testing

/// Every sample's JSON report follows the contract's JSON Schema.
struct ReportSchemaTests {
  private func validator() throws -> JSONSchemaValidator {
    let url = Fixtures.root.appendingPathComponent("Schemas/report.schema.json")
    return try JSONSchemaValidator(schemaData: try Data(contentsOf: url))
  }

  @Test(arguments: try Fixtures.sampleNames())
  func sampleReportValidates(name: String) throws {
    let report = Fixtures.analyze(try Fixtures.sample(String(name.dropLast(4))))
    let json = JSONReportRenderer.render(report)
    let errors = try validator().validate(Data(json.utf8))
    #expect(errors == [], "\(name): \(errors.prefix(5))")
  }

  @Test func everyTopLevelFieldIsPresent() throws {
    let report = Fixtures.analyze(try Fixtures.sample("021-"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any])
    let fields = [
      "schemaVersion", "tool", "input", "autoscaler", "scaleUps", "scaleDowns", "failures", "backoffs",
      "blockedScaleDowns", "noScaleUps", "summary",
    ]
    for field in fields { #expect(json[field] != nil, "missing \(field)") }
  }

  @Test func schemaRejectsABrokenReport() throws {
    let report = Fixtures.analyze(try Fixtures.sample("000-seed-blog-scaleup"))
    let broken = JSONReportRenderer.render(report).replacingOccurrences(of: "\"succeeded\"", with: "\"success\"")
    #expect(try !validator().validate(Data(broken.utf8)).isEmpty)
  }

  @Test func theReportWithEveryFactSetValidates() throws {
    let json = JSONReportRenderer.render(try FullReport.make())
    let errors = try validator().validate(Data(json.utf8))
    #expect(errors == [], "\(errors.prefix(5))")
  }

  /// Paths into the JSON of ``FullReport`` to the fields the text, Markdown and HTML reports show
  /// beside the original contract, each with a value of the wrong type.
  static let addedFields: [([String], any Sendable)] = [
    (["scaleUps", "0", "printedDurationSeconds"], "93s"),
    (["scaleUps", "0", "capping"], 3),
    (["scaleUps", "0", "capping", "requestedNodes"], "6"),
    (["scaleUps", "0", "capping", "cappedToNodes"], -1),
    (["scaleUps", "0", "capping", "clusterMaxSize"], "10"),
    (["scaleUps", "0", "capping", "quotaRequestedNodes"], true),
    (["scaleUps", "0", "capping", "quotaCappedToNodes"], "2"),
    (["scaleUps", "0", "balancedWith"], "a, b"),
    (["scaleUps", "0", "revertedNodes"], "2"),
    (["scaleUps", "0", "revertedAt"], "yesterday"),
    (["noScaleUps", "0", "reasonNodeGroups"], ["reason-counted"]),
    (["noScaleUps", "0", "reasonNodeGroups", "reason-counted"], "3"),
    (["autoscaler", "replicas", "0", "stream"], "1"),
    (["scope", "sinceText"], 2),
    (["scope", "untilText"], false),
    (["input", "unrecognizedShapeRecords"], "9"),
    (["input", "unrecognizedShapesKept"], -2),
  ]

  /// `value` with the member at `path` replaced by `replacement`, or removed when it is nil.
  private static func replacing(_ path: ArraySlice<String>, in value: Any, with replacement: Any?) -> Any? {
    guard let key = path.first else { return replacement }
    if var array = value as? [Any], let index = Int(key), array.indices.contains(index) {
      array[index] = replacing(path.dropFirst(), in: array[index], with: replacement) ?? NSNull()
      return array
    }
    guard var object = value as? [String: Any], let member = object[key] else { return value }
    object[key] = replacing(path.dropFirst(), in: member, with: replacement)
    return object
  }

  @Test(arguments: addedFields.indices)
  func schemaDescribesEachAddedField(index: Int) throws {
    let (path, wrong) = Self.addedFields[index]
    let json = try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(try FullReport.make()).utf8))
    for replacement in [wrong as Any, nil] as [Any?] {
      let changed = try #require(Self.replacing(path[...], in: json, with: replacement))
      let errors = try validator().validate(try JSONSerialization.data(withJSONObject: changed))
      // A member of an open object (a reason) may be left out; a declared field may not.
      if replacement == nil, path.last == "reason-counted" { continue }
      #expect(!errors.isEmpty, "\(path.joined(separator: ".")) = \(replacement ?? "(missing)") was accepted")
    }
  }

  @Test func hostileTextStaysValidJSON() throws {
    let line = "E0101 00:00:00.000000       1 a.go:1] Failed to scale up: \u{1B}[2J \"quoted\" \\ back\u{7}slash \u{FF}"
    var bytes = Array(line.utf8)
    bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
    let json = JSONReportRenderer.render(Fixtures.analyze(bytes))
    #expect(try validator().validate(Data(json.utf8)) == [])
    #expect(!json.contains("\u{1B}"))
  }
}
