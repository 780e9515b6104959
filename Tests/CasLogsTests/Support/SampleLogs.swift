import Foundation

/// Locates the repository's `SampleLogs` directory and the sample files in it.
enum SampleLogs {
  /// Why a sample log could not be found.
  struct NotFound: Error, CustomStringConvertible {
    /// What was looked for, and where.
    let description: String
  }

  /// `SampleLogs/` at the package root, found from this file's location.
  static let directory: URL = CLIRunner.packageRoot.appendingPathComponent("SampleLogs")

  /// The blog post's scale-up log.
  static let blogScaleUp = "000-seed-blog-scaleup.log"

  /// The blog post's scale-down log.
  static let blogScaleDown = "000-seed-blog-scaledown.log"

  /// The absolute path of the sample named exactly `name`; throws when it does not exist.
  static func path(_ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw NotFound(description: "sample log '\(name)' not found in \(directory.path)")
    }
    return url.path
  }

  /// The absolute path of the one sample whose name starts with `prefix`, such as `"021-"`.
  static func path(prefix: String) throws -> String {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    let matches = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".log") }.sorted()
    guard matches.count == 1, let name = matches.first else {
      throw NotFound(
        description: "expected exactly one sample log starting with '\(prefix)' in \(directory.path), "
          + "found \(matches)")
    }
    return try path(name)
  }

  /// The bytes of the sample named `name`.
  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: try path(name)))
  }

  /// The physical lines of the sample named `name`, as a person counts them (`wc -l`, plus a last line
  /// without a newline).
  static func lines(_ name: String) throws -> [String] {
    let text = String(decoding: try data(name), as: UTF8.self)
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
