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

  @Test func hostileTextStaysValidJSON() throws {
    let line = "E0101 00:00:00.000000       1 a.go:1] Failed to scale up: \u{1B}[2J \"quoted\" \\ back\u{7}slash \u{FF}"
    var bytes = Array(line.utf8)
    bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
    let json = JSONReportRenderer.render(Fixtures.analyze(bytes))
    #expect(try validator().validate(Data(json.utf8)) == [])
    #expect(!json.contains("\u{1B}"))
  }
}
