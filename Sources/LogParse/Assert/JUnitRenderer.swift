/// Renders an assert verdict as JUnit XML (GitLab `artifacts:reports:junit`, Jenkins).
public enum JUnitRenderer {
  /// One `<testsuite>` with one `<testcase>` per expectation; failures carry the evidence.
  public static func render(_ verdict: AssertVerdict, seconds: Double) -> String {
    let failures = verdict.results.filter { !$0.passed }.count
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"cas-logs\" tests=\"\(verdict.results.count)\" failures=\"\(failures)\">\n"
    xml += "  <testsuite name=\"cas-logs assert\" tests=\"\(verdict.results.count)\" failures=\"\(failures)\""
    xml += " errors=\"0\" skipped=\"0\" time=\"\(String(format3(seconds)))\">\n"
    for result in verdict.results {
      xml += "    <testcase classname=\"cas-logs.assert\" name=\"\(escape(result.assertion.label))\" time=\"0\""
      if result.passed {
        xml += ">\n      <system-out>\(escape(result.detail))</system-out>\n    </testcase>\n"
        continue
      }
      var text = result.detail
      if let missing = result.missingEvidence { text += "\n" + missing }
      if let location = result.location { text += "\nat \(location.source):\(location.line)" }
      let kind = result.assertion.kind == .forbid ? "forbidden" : "unmet"
      xml += ">\n      <failure message=\"\(escape(kind + ": " + result.detail))\" type=\"\(kind)\">"
      xml += escape(text) + "</failure>\n    </testcase>\n"
    }
    if verdict.stoppedBecause == "timeout" {
      xml += "    <testcase classname=\"cas-logs.assert\" name=\"timeout\" time=\"0\">\n"
      xml += "      <failure message=\"the timeout passed before every expectation held\" type=\"timeout\"/>\n"
      xml += "    </testcase>\n"
    }
    xml += "  </testsuite>\n</testsuites>\n"
    return xml
  }

  /// `text` escaped for XML attributes and content; control characters other than tab and newline dropped.
  public static func escape(_ text: String) -> String {
    var result = ""
    for scalar in TerminalText.sanitize(text).unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func format3(_ seconds: Double) -> String {
    let milliseconds = Int((seconds * 1000).rounded())
    return "\(milliseconds / 1000).\(pad(milliseconds % 1000, 3))"
  }
}
