import ArgumentParser
import LogParse

/// `-o/--format FORMAT` and `--output FILE` of `report`: the format is given, or taken from the file's
/// extension, and the two must agree.
///
/// The format is collected as a list so that giving it twice with different values is a usage error,
/// not a silent "last wins" (``FormatRepetition``).
struct ReportOutputOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .customLong("format")],
    help: ArgumentHelp(
      """
      Output format: text, json (the JSON contract, schema version 1), markdown (GitHub tables) or html \
      (one self-contained page with a timeline; use with --output). Default: from --output's extension \
      (.json, .md, .html, .txt), else text.
      """, valueName: "format"))
  var formats: [CasLogs.Report.Format] = []

  /// `--format`, when given.
  var format: CasLogs.Report.Format? { formats.last }

  @Option(help: "Write the report to this file (whole, via a temporary file) instead of stdout.")
  var output: String?

  /// The format named by a file name's extension (`.json`, `.md`/`.markdown`, `.html`/`.htm`, `.txt`),
  /// in any case; nil for any other name.
  static func format(ofFile path: String) -> CasLogs.Report.Format? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "json": return .json
    case "md", "markdown": return .markdown
    case "html", "htm": return .html
    case "txt", "text": return .text
    default: return nil
    }
  }

  /// The format to write: `--format`, else the one `--output`'s extension names, else text.
  var resolved: CasLogs.Report.Format { format ?? output.flatMap(Self.format(ofFile:)) ?? .text }

  func validate() throws {
    try FormatRepetition.check(formats)
    guard let format, let output, let named = Self.format(ofFile: output), named != format else { return }
    throw ValidationError(
      "--format \(format.rawValue) contradicts --output '\(TerminalText.sanitize(output))', whose extension means \(named.rawValue): drop one, or rename the file"
    )
  }
}

/// `-o/--format FORMAT` of `follow`.
struct FollowFormatOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .customLong("format")],
    help: ArgumentHelp(
      "Output format: text (one line per step) or ndjson (one JSON object per step).", valueName: "format"))
  var formats: [CasLogs.Follow.Format] = []

  /// The format given, text by default.
  var format: CasLogs.Follow.Format { formats.last ?? .text }

  func validate() throws { try FormatRepetition.check(formats) }
}

/// `-o`/`--format` given more than once: the same value is harmless, different ones are a usage error.
enum FormatRepetition {
  static func check<Format: RawRepresentable & Equatable>(_ formats: [Format]) throws where Format.RawValue == String {
    guard let first = formats.first, let other = formats.first(where: { $0 != first }) else { return }
    throw ValidationError(
      "-o/--format given twice, as \(first.rawValue) and \(other.rawValue): give the format once")
  }
}

extension CasLogs.Report {
  /// The report's format (``ReportOutputOptions/resolved``).
  var format: Format { destination.resolved }
  /// The file the report is written to, or nil for stdout.
  var output: String? { destination.output }
}

extension CasLogs.Follow {
  /// The steps' format.
  var format: Format { formatOption.format }
}
