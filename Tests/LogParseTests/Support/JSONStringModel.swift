/// JSON string escaping as the grammar states it, one scalar at a time, for the tests.
///
/// The model the JSON writer's byte escaper is held to (`JSONEscapeTests`), so it calls no code
/// under test; the schema validator quotes values in its messages with it.
enum JSONStringModel {
  /// `text` escaped for a JSON string, one scalar at a time.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
