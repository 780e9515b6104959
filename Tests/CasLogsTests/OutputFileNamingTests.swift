import Foundation
import Glibc
import Testing

@testable import cas_logs

/// A replaced file gets no name until it is complete: a crash, SIGKILL or second Ctrl-C while the
/// report is rendered or written leaves nothing behind but the previous file.
struct OutputFileNamingTests {
  @Test("no directory entry exists while the report is written, and the file is replaced at the end")
  func noNameWhileWriting() throws {
    let directory = try TemporaryDirectory()
    let target = try directory.write("report.json", text: "old\n")
    var seen: [[String]] = []
    try OutputFile.write(to: target) { write in
      for piece in ["{", "\"a\": 1", "}\n"] {
        write(piece)
        seen.append(try! FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted())
      }
    }
    #expect(seen.allSatisfy { $0 == ["report.json"] }, "names while writing: \(seen)")
    #expect(directory.read("report.json") == "{\"a\": 1}\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["report.json"])
  }

  @Test("a new file gets no name until it is complete")
  func newFileHasNoNameWhileWriting() throws {
    let directory = try TemporaryDirectory()
    var seen: [String] = []
    try OutputFile.write(to: directory.path("new.txt")) { write in
      write("text\n")
      seen = try! FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    }
    #expect(seen.isEmpty, "names while writing: \(seen)")
    #expect(directory.read("new.txt") == "text\n")
  }

  @Test("the replaced file keeps the previous file's mode")
  func modeIsKept() throws {
    let directory = try TemporaryDirectory()
    let target = try directory.write("report.txt", text: "old\n")
    try #require(chmod(target, 0o640) == 0)
    try OutputFile.write(to: target) { write in write("new\n") }
    var info = stat()
    try #require(stat(target, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o640)
    #expect(directory.read("report.txt") == "new\n")
  }
}
