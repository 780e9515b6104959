import Foundation
import Testing

/// Input with no record proves nothing: `assert` exits 3 (insufficient evidence), never 0, however
/// the expectations are phrased, and says why.
struct AssertUnreadInputTests {
  private static func file(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "cas-logs-unread-\(UUID().uuidString).log"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  static let inputs: [String: [UInt8]] = {
    var generator = SystemRandomNumberGenerator()
    return [
      "empty": [],
      "binary": (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) },
      "text": Array("kubectl: error: the server doesn't have a resource type\nretrying\n".utf8),
    ]
  }()

  @Test(arguments: ["empty", "binary", "text"])
  func aForbidOnInputWithNoRecordIsInsufficientEvidence(kind: String) throws {
    let path = try Self.file(Self.inputs[kind] ?? [])
    defer { unlink(path) }
    for arguments in [
      ["--forbid", "failure class=iam"], ["--forbid-line", "AccessDenied"], ["--expect", "failure count==0"],
    ] {
      let result = try CLIRunner.run(["assert"] + arguments + [path])
      #expect(result.exitCode == 3, "\(kind) \(arguments): \(result.summary)")
      #expect(result.stdout.contains("nothing can be proven"), "\(kind): \(result.stdout)")
      #expect(!result.stdout.contains("PASS"), "\(kind): \(result.stdout)")
    }
  }

  @Test func standardInputThatEndsAtOnceIsInsufficientEvidence() throws {
    let result = try CLIRunner.run(["assert", "--forbid", "failure class=iam"], stdin: Data())
    #expect(result.exitCode == 3, "\(result.summary)")
  }
}
