import Foundation
import Glibc
import Testing

/// Output is never lost silently and never destroys what it replaces: write errors are one stderr line and
/// exit 2, `--output`/`--junit` replace a regular file only whole (keeping its mode, following a symlink),
/// and write devices and FIFOs directly instead of renaming a regular file over them.
struct OutputSafetyTests {
  /// A character device standing in for `/dev/null` (`minor` 3) or `/dev/full` (7): made in `directory`
  /// when running as root (so that no test can ever replace the machine's own devices), else the real one.
  static func device(_ name: String, minor: UInt32, in directory: TemporaryDirectory) -> String {
    guard getuid() == 0 else { return "/dev/\(name)" }
    let path = directory.path(name)
    guard mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | minor)) == 0 else { return "/dev/\(name)" }
    return path
  }

  static func isCharacterDevice(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
  }

  /// The names in `directory` that look like temporary files.
  static func leftovers(_ directory: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.contains(".tmp") }
  }

  @Test("a full standard output is an error, not a silent exit 0")
  func fullStandardOutput() throws {
    let result = try ShellRedirection.run(
      ["report", try SampleLogs.path(SampleLogs.blogScaleUp)], redirections: ">/dev/full")
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    #expect(result.stderr.contains("standard output"), "\(result.summary)")
  }

  @Test("a closed standard output is an error")
  func closedStandardOutput() throws {
    let result = try ShellRedirection.run(["report", try SampleLogs.path(SampleLogs.blogScaleUp)], redirections: ">&-")
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
  }

  @Test("--output to a full device is an error, and the device stays a device")
  func outputToAFullDevice() throws {
    let directory = try TemporaryDirectory()
    let full = Self.device("full", minor: 7, in: directory)
    let result = try CLIRunner.run(["report", "--output", full, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    #expect(result.stderr.contains("No space left"), "\(result.summary)")
    #expect(Self.isCharacterDevice(full), "\(full) was replaced")
    #expect(try Self.leftovers(directory).isEmpty)
  }

  @Test(
    "--output and --junit to a null device write to it and leave it a device",
    arguments: [["report", "--output"], ["assert", "--expect-line", "Upcoming", "--junit"]])
  func nullDeviceStaysADevice(command: [String]) throws {
    let directory = try TemporaryDirectory()
    let null = Self.device("null", minor: 3, in: directory)
    let result = try CLIRunner.run(command + [null, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(Self.isCharacterDevice(null), "\(null) was replaced by a regular file")
    #expect(try Self.leftovers(directory).isEmpty)
  }

  @Test(
    "replacing a read-only file keeps its mode and replaces its content",
    arguments: [["report", "--output"], ["assert", "--expect-line", "Upcoming", "--junit"]])
  func modeIsKept(command: [String]) throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("out", text: "old\n")
    try #require(chmod(path, 0o444) == 0)
    let result = try CLIRunner.run(command + [path, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 0, "\(result.summary)")
    var info = stat()
    try #require(stat(path, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o444, "mode is now \(String(info.st_mode & 0o7777, radix: 8))")
    #expect(directory.read("out") != "old\n")
    #expect(try Self.leftovers(directory).isEmpty)
  }

  @Test("--output through a symlink replaces the file it points to and keeps the link")
  func symlinkIsFollowed() throws {
    let directory = try TemporaryDirectory()
    let real = try directory.write("real.json", text: "old\n")
    let link = directory.path("link.json")
    try #require(symlink(real, link) == 0)
    let result = try CLIRunner.run(
      ["report", "--format", "json", "--output", link, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 0, "\(result.summary)")
    var info = stat()
    try #require(lstat(link, &info) == 0)
    #expect((info.st_mode & S_IFMT) == S_IFLNK, "the link was replaced")
    let json = try JSON.object(try #require(directory.read("real.json")))
    #expect(json["schemaVersion"] as? Int == 1)
    #expect(try Self.leftovers(directory).isEmpty)
  }

  @Test("--output to a FIFO writes into it and leaves it a FIFO")
  func fifoIsWrittenDirectly() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("fifo")
    try #require(mkfifo(path, 0o600) == 0)
    let received = ReceivedBytes()
    let reader = Thread {
      var bytes = Data()
      let fd = open(path, O_RDONLY)
      var buffer = [UInt8](repeating: 0, count: 65536)
      while fd >= 0 {
        let count = read(fd, &buffer, buffer.count)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
      }
      if fd >= 0 { close(fd) }
      received.set(bytes)
    }
    reader.start()
    let result = try CLIRunner.run(["report", "--output", path, try SampleLogs.path(SampleLogs.blogScaleUp)])
    // Should the reader still wait for a writer (the report went elsewhere), release it.
    let release = open(path, O_WRONLY | O_NONBLOCK)
    if release >= 0 { close(release) }
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    while received.value == nil, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
    #expect(result.exitCode == 0, "\(result.summary)")
    var info = stat()
    try #require(lstat(path, &info) == 0)
    #expect((info.st_mode & S_IFMT) == S_IFIFO, "the FIFO was replaced")
    let text = String(decoding: received.value ?? Data(), as: UTF8.self)
    #expect(text.contains("ASG_NAME"), "the reader got: \(text)")
  }

  @Test("--output through a symlink to a device writes to the device and keeps both")
  func symlinkToADevice() throws {
    let directory = try TemporaryDirectory()
    let null = Self.device("null", minor: 3, in: directory)
    let link = directory.path("link")
    try #require(symlink(null, link) == 0)
    let result = try CLIRunner.run(["report", "--output", link, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 0, "\(result.summary)")
    var info = stat()
    try #require(lstat(link, &info) == 0)
    #expect((info.st_mode & S_IFMT) == S_IFLNK, "the link was replaced")
    #expect(Self.isCharacterDevice(null))
    #expect(try Self.leftovers(directory).isEmpty)
  }

  @Test("--output /dev/stdout writes the report to standard output")
  func devStdout() throws {
    let result = try CLIRunner.run(["report", "--output", "/dev/stdout", try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdout.contains("ASG_NAME"), "\(result.summary)")
    var info = stat()
    #expect(lstat("/dev/stdout", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
  }

  /// Whether a small tmpfs can be mounted here (root, and a mount namespace that allows it).
  static func canMountTmpfs() -> Bool {
    guard getuid() == 0, let directory = try? TemporaryDirectory() else { return false }
    let mountPoint = directory.path("probe")
    guard (try? FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)) != nil,
      mount("tmpfs", mountPoint, "tmpfs", 0, "size=64k") == 0
    else { return false }
    umount2(mountPoint, Int32(MNT_DETACH))
    return true
  }

  /// A full disk: a small tmpfs (root only), filled up before the report is written.
  @Test(
    "on a full disk --output fails with one line and the previous file stays intact",
    .enabled(if: canMountTmpfs(), "mounting a small tmpfs needs root and a mount namespace that allows it"))
  func fullDiskKeepsThePreviousFile() throws {
    let directory = try TemporaryDirectory()
    let mountPoint = directory.path("small")
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
    try #require(mount("tmpfs", mountPoint, "tmpfs", 0, "size=64k") == 0, "mount: \(errno)")
    defer { umount2(mountPoint, Int32(MNT_DETACH)) }
    let target = mountPoint + "/report.json"
    try Data("good\n".utf8).write(to: URL(fileURLWithPath: target))
    // Fill what is left, so that the report cannot be written.
    let filler = open(mountPoint + "/filler", O_WRONLY | O_CREAT, 0o644)
    var block = [UInt8](repeating: 0, count: 4096)
    while write(filler, &block, block.count) > 0 {}
    close(filler)
    let files = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let result = try CLIRunner.run(["report", "--format", "json", "--output", target] + files)
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1 && result.stderr.contains("No space left"), "\(result.summary)")
    #expect(FileManager.default.contents(atPath: target) == Data("good\n".utf8))
    let names = try FileManager.default.contentsOfDirectory(atPath: mountPoint)
    #expect(Set(names) == ["report.json", "filler"], "left behind: \(names)")
  }

  @Test("a failed replacement leaves the target alone and no temporary file behind")
  func failureLeavesNoTemporary() throws {
    let directory = try TemporaryDirectory()
    let target = directory.path("report")
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
    let result = try CLIRunner.run(["report", "--output", target, try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    var isDirectory: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && isDirectory.boolValue)
    let leftovers = try Self.leftovers(directory)
    #expect(leftovers.isEmpty, "left behind: \(leftovers)")
  }

  @Test(
    "closed standard input is an input error for every command",
    arguments: [
      ["report"], ["follow"], ["assert", "--expect-line", "Upcoming"],
    ])
  func closedStandardInput(command: [String]) throws {
    let result = try ShellRedirection.run(command, redirections: "<&-")
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    #expect(result.stderr.contains("standard input is closed"), "\(result.summary)")
  }
}

/// Bytes a background reader hands to the test.
final class ReceivedBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?

  func set(_ value: Data) {
    lock.lock()
    data = value
    lock.unlock()
  }

  var value: Data? {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}
