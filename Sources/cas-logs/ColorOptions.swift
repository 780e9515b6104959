import ArgumentParser
import Glibc
import LogParse

/// `--color auto|always|never` of report (text), follow and assert.
struct ColorOptions: ParsableArguments {
  /// The values of `--color`, as LogParse's ``ColorChoice`` names them.
  enum When: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  @Option(
    help: ArgumentHelp(
      """
      Colour outcomes (failed and timed out red, pending yellow, succeeded green) and emphasise failures \
      and their fix in text output: auto (the default) colours only when standard output is a terminal \
      and NO_COLOR is unset or empty; always; never. Escape sequences from the log are shown, never \
      obeyed, whatever the setting.
      """, valueName: "WHEN"))
  var color: When = .auto

  /// The style for text written to standard output, or to a file when `toFile` (never a terminal for auto).
  func style(toFile: Bool = false) -> TextStyle {
    (ColorChoice(rawValue: color.rawValue) ?? .auto).style(
      outputIsTerminal: !toFile && isatty(STDOUT_FILENO) == 1, noColor: ProcessEnvironment.value("NO_COLOR"))
  }
}
