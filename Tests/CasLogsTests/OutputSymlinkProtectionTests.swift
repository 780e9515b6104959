import Foundation
import Glibc
import Testing

/// `--output` through a symlink honours what `fs.protected_symlinks` protects: a link in a sticky,
/// world-writable directory (such as /tmp) that another user planted is never followed.
@Suite(.enabled(if: geteuid() == 0, "planting a link owned by another user needs root"))
struct OutputSymlinkProtectionTests {
  /// A sticky, world-writable directory owned by `owner`, with a file `victim` outside it and a link
  /// `r.json` to it owned by `linkOwner`.
  static func plant(directoryOwner: uid_t, linkOwner: uid_t) throws -> (TemporaryDirectory, String, String) {
    let directory = try TemporaryDirectory()
    let sticky = directory.path("sticky")
    try FileManager.default.createDirectory(atPath: sticky, withIntermediateDirectories: false)
    try #require(chmod(sticky, 0o1777) == 0)
    try #require(chown(sticky, directoryOwner, gid_t(directoryOwner)) == 0)
    let victim = try directory.write("victim", text: "precious\n")
    let link = sticky + "/r.json"
    try #require(symlink(victim, link) == 0)
    try #require(lchown(link, linkOwner, gid_t(linkOwner)) == 0)
    return (directory, victim, link)
  }

  @Test("a link another user planted in a sticky world-writable directory is refused")
  func plantedLinkIsRefused() throws {
    let (directory, victim, link) = try Self.plant(directoryOwner: 0, linkOwner: 65534)
    let result = try CLIRunner.run(["report", "--output", link, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1 && result.stderr.contains("symbolic link"), "\(result.summary)")
    #expect(FileManager.default.contents(atPath: victim) == Data("precious\n".utf8), "the link's target was replaced")
    var info = stat()
    #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link was replaced")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("sticky")) == ["r.json"])
  }

  @Test(
    "a link owned by the caller or by the directory's owner is followed",
    arguments: [(uid_t(0), uid_t(0)), (uid_t(65534), uid_t(65534))])
  func trustedLinkIsFollowed(directoryOwner: uid_t, linkOwner: uid_t) throws {
    let (directory, victim, link) = try Self.plant(directoryOwner: directoryOwner, linkOwner: linkOwner)
    defer { withExtendedLifetime(directory) {} }
    let result = try CLIRunner.run(["report", "--output", link, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 0, "\(result.summary)")
    let written = FileManager.default.contents(atPath: victim).map { String(decoding: $0, as: UTF8.self) } ?? ""
    #expect(written.contains("ASG_NAME"), "the link's target was not replaced: \(written)")
  }
}
