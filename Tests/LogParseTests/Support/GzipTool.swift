import Foundation

/// Compresses bytes with the system's `gzip` tool (Debian's essential `gzip` package), so that tests
/// of compressed input do not trust the decoder under test to make their data.
enum GzipTool {
  struct Failed: Error, CustomStringConvertible {
    let description: String
  }

  /// `bytes` as one gzip member (`gzip -c -n`), at compression `level` (1-9).
  static func compress(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
    let path = NSTemporaryDirectory() + "cas-logs-gzip-\(UUID().uuidString)"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-c", "-n", "-\(level)", path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw Failed(description: "gzip exited \(process.terminationStatus)") }
    return [UInt8](data)
  }
}
