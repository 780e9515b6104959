import Foundation

/// A fresh directory for one test's files (small logs, JUnit reports, step summaries), removed on deinit.
final class TemporaryDirectory {
  /// The directory.
  let url: URL

  /// Creates a new, empty directory under the system's temporary directory.
  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("cas-logs-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The absolute path of `name` in the directory (the file need not exist).
  func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }

  /// Writes `lines`, each followed by a newline, to `name` and returns its absolute path.
  @discardableResult
  func write(_ name: String, lines: [String]) throws -> String {
    try write(name, text: lines.map { $0 + "\n" }.joined())
  }

  /// Writes `text` to `name` as UTF-8 and returns its absolute path.
  @discardableResult
  func write(_ name: String, text: String) throws -> String {
    let path = path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The contents of `name` as UTF-8, or nil when the file does not exist.
  func read(_ name: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path(name)) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
