/// Escaping for HTML text and attribute values.
enum HTMLText {
  /// `text` safe as HTML content or a quoted attribute value; control characters shown escaped.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in TerminalText.sanitize(text) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
