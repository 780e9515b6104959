/// Escaping for GitHub-flavoured Markdown table cells.
public enum MarkdownText {
  /// `text` safe inside a table cell: pipes, backticks, backslashes, link brackets, emphasis stars,
  /// HTML and newlines escaped (underscores inside words do not start emphasis and stay as they are).
  public static func cell(_ text: String) -> String {
    var result = ""
    for character in TerminalText.sanitize(text) {
      switch character {
      case "|": result += "\\|"
      case "`": result += "\\`"
      case "*", "[", "]", "\\": result += "\\" + String(character)
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
