/// Renders an assert verdict as JUnit XML (GitLab `artifacts:reports:junit`, Jenkins).
public enum JUnitRenderer {
  /// The suite's name unless one is given.
  public static let defaultSuiteName = "cas-logs assert"

  /// One `<testsuite>` with one `<testcase>` per expectation; failures carry the evidence.
  ///
  /// The suite is named `suiteName`; with a name other than the default, its test cases' class name is
  /// that name too (Jenkins groups test cases by class name, GitLab by suite).
  public static func render(_ verdict: AssertVerdict, seconds: Double, suiteName: String = defaultSuiteName) -> String {
    let className = escape(suiteName == defaultSuiteName ? "cas-logs.assert" : suiteName)
    let timedOut = verdict.timedOut
    let tests = verdict.results.count + (timedOut ? 1 : 0)
    let failures = verdict.results.count { !$0.passed } + (timedOut ? 1 : 0)
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"cas-logs\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
    xml += "  <testsuite name=\"\(escape(suiteName))\" tests=\"\(tests)\" failures=\"\(failures)\""
    xml += " errors=\"0\" skipped=\"0\" time=\"\(String(format3(seconds)))\">\n"
    for result in verdict.results {
      xml += "    <testcase classname=\"\(className)\" name=\"\(escape(result.assertion.label))\" time=\"0\""
      if result.passed {
        xml += ">\n      <system-out>\(escape(result.detail))</system-out>\n    </testcase>\n"
        continue
      }
      var text = result.detail
      if let missing = result.missingEvidence { text += "\n" + missing }
      if let location = result.location { text += "\nat \(location.source):\(location.line)" }
      // An undecided result (a pattern that gave up) is a failure of its own kind, never a pass.
      let kind = result.undecided ? "undecided" : result.assertion.kind == .forbid ? "forbidden" : "unmet"
      xml += ">\n      <failure message=\"\(escape(kind + ": " + result.detail))\" type=\"\(kind)\">"
      xml += escape(text, inAttribute: false) + "</failure>\n    </testcase>\n"
    }
    if timedOut {
      xml += "    <testcase classname=\"\(className)\" name=\"timeout\" time=\"0\">\n"
      xml += "      <failure message=\"the timeout passed before every expectation held\" type=\"timeout\"/>\n"
      xml += "    </testcase>\n"
    }
    // Built-in patterns that gave up concern every testcase: the suite's output says so.
    if let note = verdict.patternLimitNote {
      xml += "    <system-out>\(escape(note, inAttribute: false))</system-out>\n"
    }
    xml += "  </testsuite>\n</testsuites>\n"
    return xml
  }

  /// `text` escaped for XML: markup characters as entities, line breaks kept (as `&#10;` in
  /// attributes), other control characters shown as `\xNN` (XML 1.0 cannot carry them).
  public static func escape(_ text: String, inAttribute: Bool = true) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\n": result += inAttribute ? "&#10;" : "\n"
      case "\t": result += inAttribute ? "&#9;" : "\t"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
          || scalar.value == 0xFFFF
        {
          let hex = String(scalar.value, radix: 16)
          result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  private static func format3(_ seconds: Double) -> String {
    let milliseconds = Int((seconds * 1000).rounded())
    return "\(milliseconds / 1000).\(pad(milliseconds % 1000, 3))"
  }
}
