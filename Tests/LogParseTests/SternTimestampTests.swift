import Testing

@testable import LogParse

/// stern's `--timestamps` forms: the short time (`01-02 15:04:05`) is envelope, an empty message
/// is an empty line of the stream, and the time stern before 1.34 put at the start of a JSON
/// record's `message` is no part of the message.
struct SternTimestampTests {
  static let plan = "I0927 11:50:35.158556       1 scale_up.go:529] Final scale-up plan: [{NG 4->5 (max: 8)}]"
  static let setting = "I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group NG size to 5"
  static let later = "I0927 11:50:36.000001       1 static_autoscaler.go:445] No unschedulable pods"

  /// An empty message, with its trailing space or without, never carries the next line's prefix
  /// onto the record before it (once a `?->509`).
  @Test(arguments: ["09-27 11:50:35", "2024-09-27T11:50:35.158Z"], [" ", ""])
  func anEmptyMessageIsAnEmptyLine(time: String, trailing: String) {
    let prefix = "ca-1 cas \(time) "
    let text =
      [prefix + Self.plan, prefix + Self.setting, "ca-1 cas \(time)" + trailing, prefix + Self.later]
      .joined(separator: "\n") + "\n"
    let report = Fixtures.analyze(text, year: 2024)
    #expect(report.scaleUps.count == 1)
    #expect(report.accounting.malformed == 0)
    #expect(report.formats.contains(.stern))
  }

  /// stern before 1.34 (`-o json --timestamps`): `{"message":"TIME MESSAGE",…}`, RFC 3339 or short.
  @Test(arguments: ["2024-09-27T11:50:35.158556000Z ", "09-27 11:50:35 ", ""])
  func aTimeAtTheStartOfAJSONMessageIsDropped(time: String) {
    let text =
      [Self.plan, Self.setting].map {
        "{\"message\":\"\(time)\($0)\",\"nodeName\":\"n\",\"namespace\":\"kube-system\","
          + "\"podName\":\"ca-1\",\"containerName\":\"cas\"}"
      }.joined(separator: "\n") + "\n"
    let report = Fixtures.analyze(text, year: 2024)
    #expect(report.scaleUps.count == 1)
    #expect(report.scaleUps.first?.to == 5)
    #expect(report.accounting.malformed == 0)
    #expect(report.formats.contains(.sternJSON))
  }
}
