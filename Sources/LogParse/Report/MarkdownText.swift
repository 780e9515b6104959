/// Escaping for GitHub-flavoured Markdown table cells.
enum MarkdownText {
  /// `text` safe inside a table cell: pipes, backticks, backslashes, link brackets, emphasis stars,
  /// strikethrough tildes, HTML and newlines escaped (underscores inside words do not start
  /// emphasis and stay as they are), and nothing from a log left live when GitHub renders it.
  ///
  /// GitHub links mentions (`@user`, `@org/team`) and references (`#123`, `owner/repo#123`,
  /// `GH-123`) after rendering, on the text itself, so a backslash does not stop them: a zero-width
  /// space (`&#8203;`) goes after the `@` or `#` (before the `-` of `GH-`, after the `:` of `://` and
  /// after a `www`), which reads the same
  /// and links nothing, as Dependabot does. A backslash does not stop math either: each `$` is
  /// wrapped in `<span>`, as GitHub's documentation says. Commit SHAs are left as they are (they
  /// link only to a commit of the repository and ping nobody).
  static func cell(_ text: String) -> String {
    let characters = Array(TerminalText.sanitize(text))
    var result = ""
    for (index, character) in characters.enumerated() {
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      switch character {
      case "|": result += "\\|"
      case "`": result += "\\`"
      case "*", "[", "]", "\\", "~": result += "\\" + String(character)
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "$": result += "<span>$</span>"
      case "@" where next.map(startsName) ?? false: result += "@" + zeroWidthSpace
      case "#" where next?.isASCII == true && next?.isNumber == true: result += "#" + zeroWidthSpace
      case "-" where next?.isASCII == true && next?.isNumber == true && followsGH(characters, index):
        result += zeroWidthSpace + "-"
      // URL autolinks (`https://`, `ftp://`, `www.`): broken inside the scheme separator or after `www`.
      case ":" where next == "/" && index + 2 < characters.count && characters[index + 2] == "/":
        result += ":" + zeroWidthSpace
      case "." where followsWWW(characters, index): result += zeroWidthSpace + "."
      case "\n", "\r": result += "<br>"
      default: result.append(character)
      }
    }
    return result
  }

  /// An invisible break that GitHub's mention and reference autolinks do not cross.
  static let zeroWidthSpace = "&#8203;"

  /// Whether a mention's name may start with `character` (a letter or digit).
  private static func startsName(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber)
  }

  /// Whether the characters before `index` are a standalone `www` (any case), as in `www.example.com`.
  private static func followsWWW(_ characters: [Character], _ index: Int) -> Bool {
    guard index >= 3, characters[(index - 3)..<index].allSatisfy({ $0.lowercased() == "w" }) else { return false }
    return index == 3 || !(characters[index - 4].isLetter || characters[index - 4].isNumber)
  }

  /// Whether the characters before `index` are a standalone `GH` (any case), as in `GH-123`.
  private static func followsGH(_ characters: [Character], _ index: Int) -> Bool {
    guard index >= 2, characters[index - 2].lowercased() == "g", characters[index - 1].lowercased() == "h" else {
      return false
    }
    return index == 2 || !(characters[index - 3].isLetter || characters[index - 3].isNumber)
  }
}
