import Testing

@testable import LogParse

/// Logs Insights CSV exports: the message column is found by its name, and a quoted field that
/// holds line breaks (RFC 4180) is one field, however many lines it spans.
struct InsightsCSVTests {
  static let failure =
    "I0405 08:52:03.797003       1 factory.go:33] Event(v1.ObjectReference{Kind:\"\"ConfigMap\"\", "
    + "Namespace:\"\"kube-system\"\", Name:\"\"cluster-autoscaler-status\"\"}): type: 'Warning' reason: "
    + "'FailedToScaleUpGroup' Scale-up failed for group ng-1: AccessDenied: User: "
    + "arn:aws:sts::123456789012:assumed-role/ca is not authorized to perform: autoscaling:SetDesiredCapacity\n"
    + "\tstatus code: 403, request id: 1"
  static let plan = "I0405 08:52:04.000001       1 scale_up.go:529] Final scale-up plan: [{ng-2 1->2 (max: 5)}]"

  private static func expectRead(_ text: String, failures: Int = 1, scaleUps: Int = 2) {
    let report = Fixtures.analyze(text, year: 2024)
    #expect(report.failures.count == failures, "\(text)")
    #expect(
      report.scaleUps.count == scaleUps, "\(report.scaleUps.map { "\($0.nodeGroup) \($0.from ?? -1)->\($0.to ?? -1)" })"
    )
    #expect(report.formats.contains(.logsInsightsCSV))
    let counts = report.accounting
    #expect(
      counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped
        == counts.lines)
  }

  /// A `@message` that spans lines inside its quotes.
  @Test(arguments: ["@timestamp,@message", "@timestamp,log", "@timestamp,message", "@message,@timestamp,@logStream"])
  func aQuotedFieldSpansLines(header: String) {
    let names = header.split(separator: ",")
    func row(_ message: String, _ time: String) -> String {
      names.map { name in
        switch name {
        case "@timestamp": return time
        case "@logStream": return "cluster-autoscaler-1"
        default: return "\"\(message)\""
        }
      }.joined(separator: ",")
    }
    let text =
      [header, row(Self.failure, "2024-04-05 08:52:03.797"), row(Self.plan, "2024-04-05 08:52:04.000")]
      .joined(separator: "\n") + "\n"
    Self.expectRead(text)
    Self.expectRead(text.replacingOccurrences(of: "\n", with: "\r\n"))
  }

  /// The lines of a field are the field's whatever they look like (JSON here).
  @Test func aFieldsLinesAreNeverReadAsOtherShapes() {
    let text =
      [
        "@timestamp,@message", "2024-04-05 08:52:03.797,\"\(Self.failure)", "{\"\"key\"\": 1}", "[1]\"",
        "2024-04-05 08:52:04.000,\"\(Self.plan)\"",
      ].joined(separator: "\n") + "\n"
    Self.expectRead(text)
  }

  /// Container Insights: every field ends with a line break inside its quotes.
  @Test func everyFieldEndsWithALineBreak() {
    let text =
      [
        "@timestamp,log", "\"2024-04-05 08:52:03.797", "\",\"\(Self.failure)", "\"",
        "\"2024-04-05 08:52:04.000", "\",\"\(Self.plan)", "\"",
      ].joined(separator: "\n") + "\n"
    Self.expectRead(text)
  }

  /// A field still open at the end of the input, or longer than a line may be, is counted as text;
  /// the rows before it are read.
  @Test func anUnterminatedFieldIsCounted() {
    let text =
      "@timestamp,@message\n2024-04-05 08:52:04.000,\"\(Self.plan)\"\n2024-04-05 08:52:05.000,\"I0405 open\nmore\n"
    Self.expectRead(text, failures: 0, scaleUps: 1)
    let long =
      "@timestamp,@message\n2024-04-05 08:52:04.000,\"\(Self.plan)\"\n2024-04-05 08:52:05.000,\"x\n"
      + String(repeating: "y", count: 1000) + "\n" + String(repeating: "z\n", count: 300) + "\"\n"
    let report = Fixtures.analyze(long, year: 2024)
    #expect(report.scaleUps.count == 1)
  }
}
