import Foundation
import Glibc
import Testing

/// A reader that went away (`| head`, `| true`) ends the output quietly, but never turns a verdict into
/// a success: assert still exits with its verdict's code, report with 0.
struct BrokenPipeExitTests {
  /// Runs `cas-logs` with standard output a pipe whose reader is already closed, so every write fails
  /// with `EPIPE`; returns the exit status.
  static func runIntoABrokenPipe(_ arguments: [String]) throws -> Int32 {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let process = Process()
    process.executableURL = try CLIRunner.binaryURL()
    process.arguments = arguments
    process.environment = CLIRunner.childEnvironment(overriding: [:])
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = pipe.fileHandleForWriting
    process.standardError = FileHandle.nullDevice
    try process.run()
    try pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test(
    "assert keeps its verdict's exit code when its reader has gone",
    arguments: [
      (["assert", "--forbid-line", "Upcoming"], Int32(1)),
      (["assert", "--expect-line", "no such line anywhere"], Int32(1)),
      (["assert", "--expect-line", "Upcoming"], Int32(0)),
    ])
  func assertKeepsItsVerdict(arguments: [String], expected: Int32) throws {
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    let direct = try CLIRunner.run(arguments + [log])
    #expect(direct.exitCode == expected, "\(direct.summary)")
    #expect(try Self.runIntoABrokenPipe(arguments + [log]) == expected)
  }

  @Test("report into a pipe whose reader has gone ends quietly with 0")
  func reportEndsQuietly() throws {
    #expect(try Self.runIntoABrokenPipe(["report", try SampleLogs.path(SampleLogs.blogScaleUp)]) == 0)
  }
}
