import ArgumentParser
import LogParse

/// `--junit-suite NAME` of `assert`: the name of the JUnit `<testsuite>` (and of its test cases' class).
struct JUnitSuiteOptions: ParsableArguments {
  @Option(
    name: .customLong("junit-suite"),
    help: ArgumentHelp(
      "Name the JUnit test suite (default 'cas-logs assert'), e.g. after the CI step; also its testcases' classname.",
      valueName: "name"))
  var suiteName: String?

  /// The longest name, in bytes.
  static let longestName = 1000

  /// The suite's name.
  var name: String { suiteName ?? JUnitRenderer.defaultSuiteName }

  func validate() throws {
    guard let suiteName else { return }
    guard !suiteName.isEmpty, suiteName.utf8.count <= Self.longestName else {
      throw ValidationError(
        "--junit-suite '\(TerminalText.sanitize(String(suiteName.prefix(40))))': expected 1 to \(Self.longestName) bytes"
      )
    }
  }
}
