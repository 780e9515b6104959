/// Escaping for GitHub-flavoured Markdown table cells.
public enum MarkdownText {
  /// `text` safe inside a table cell: pipes, backticks, brackets, angle brackets and newlines escaped.
  public static func cell(_ text: String) -> String {
    var result = ""
    for character in TerminalText.sanitize(text) {
      switch character {
      case "|": result += "\\|"
      case "`": result += "\\`"
      case "*", "_", "[", "]", "\\", "#": result += "\\" + String(character)
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "\n", "\r": result += "<br>"
      default: result.append(character)
      }
    }
    return result
  }
}
