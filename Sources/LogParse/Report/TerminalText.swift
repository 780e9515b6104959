/// Makes log text safe to print on a terminal: control characters and escapes are shown, not obeyed.
public enum TerminalText {
  /// `text` with every C0/C1 control character (ESC included) written as a visible escape.
  ///
  /// A pod named `echo\e[2J` prints as `echo\x1b[2J` and cannot clear the screen.
  public static func sanitize(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        result += " "
      } else if isControl(scalar) {
        let hex = String(scalar.value, radix: 16)
        result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
