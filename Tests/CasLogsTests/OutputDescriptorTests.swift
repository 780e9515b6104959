import Foundation
import Glibc
import Testing

/// `--output` decides by what a path is, not by where it lies: a descriptor path writes to that
/// descriptor itself (its `O_APPEND` and offset honoured), a device or FIFO is written without
/// truncation, and a regular file anywhere, `/dev/shm` too, is replaced whole.
struct OutputDescriptorTests {
  static func log() throws -> String { try SampleLogs.path(SampleLogs.blogScaleUp) }

  @Test(
    "--output to a descriptor path appends to a file opened for appending, never truncating it",
    arguments: [("/dev/stdout", ">>"), ("/dev/fd/3", "3>>"), ("/proc/self/fd/3", "3>>"), ("/dev/stderr", "2>>")])
  func descriptorPathAppends(path: String, redirection: String) throws {
    let directory = try TemporaryDirectory()
    let keep = try directory.write("keep.txt", text: "keep\n")
    let result = try ShellRedirection.run(
      ["report", "--output", path, try Self.log()], redirections: "\(redirection)'\(keep)'")
    #expect(result.exitCode == 0, "\(result.summary)")
    let text = directory.read("keep.txt") ?? ""
    #expect(text.hasPrefix("keep\n"), "the appended file was truncated:\n\(text)")
    #expect(text.contains("ASG_NAME"), "the report is missing:\n\(text)")
  }

  @Test(
    "a regular file under /dev/shm is replaced whole (a new inode), not written in place",
    .enabled(if: FileManager.default.fileExists(atPath: "/dev/shm"), "no /dev/shm"))
  func devShmIsReplacedAtomically() throws {
    let path = "/dev/shm/cas-logs-tests-\(UUID().uuidString).txt"
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
    defer { unlink(path) }
    var before = stat()
    try #require(stat(path, &before) == 0)
    let result = try CLIRunner.run(["report", "--output", path, try Self.log()])
    #expect(result.exitCode == 0, "\(result.summary)")
    var after = stat()
    try #require(stat(path, &after) == 0)
    #expect(after.st_ino != before.st_ino, "written in place")
    let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    #expect(text.contains("ASG_NAME"), "\(text)")
  }
}
