import ArgumentParser
import Glibc
import LogParse

/// Writes an output file (`--output`, `--junit`) whole, or not at all.
///
/// A regular file (or a new one) is written to an unnamed temporary file (`O_TMPFILE`) in the
/// target's directory, given the target's mode and synced; only then is it linked to a random unused
/// name and at once renamed over the target, so a crash, SIGKILL or second Ctrl-C while the report
/// is rendered leaves no file behind. Where `O_TMPFILE` is refused, a temporary file created
/// exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`, random name) is used instead. On any failure the
/// temporary file is removed and the previous file is left as it was; a regular file is replaced so
/// wherever it lies (`/dev/shm` too). A symbolic link is followed and its target replaced, not the
/// link, except one that `fs.protected_symlinks` protects against (another user's link in a sticky,
/// world-writable directory), which is refused. What a target is decides, by `stat`, never where it
/// lies: `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` are written through a copy
/// of that descriptor (so `>> file` is appended to, never truncated), and any other target that is
/// not a regular file (a device such as `/dev/null`, a FIFO) is opened without `O_TRUNC` and
/// written directly, never renamed over.
enum OutputFile {
  /// How many random names are tried before giving up.
  private static let attempts = 100

  /// Writes the pieces `body` produces to `path`.
  /// - Throws: a one-line error naming `path` and the reason when any step fails.
  static func write(to path: String, _ body: ((String) -> Void) -> Void) throws {
    switch try destination(of: path) {
    case .descriptor(let fd): try writeToDescriptor(fd, named: path, body)
    case .direct: try writeDirectly(to: path, body)
    case .replace(let target, let existing): try replace(target, existing: existing, named: path, body)
    }
  }

  /// The error for `path` failing with `code`; a write interrupted by SIGINT or SIGTERM (see
  /// ``Output/writeAll(_:to:)``) ends the program with 128+signal instead.
  static func failure(_ path: String, _ code: Int32) -> any Error {
    if code == EINTR, let signal = Signals.pending { return ExitCode(128 + signal) }
    return failure(path, String(cString: strerror(code)))
  }

  /// The error for `path` failing for `reason`.
  static func failure(_ path: String, _ reason: String) -> ValidationError {
    ValidationError(TerminalText.sanitize("cannot write '\(path)': \(reason)"))
  }

  /// Where a path's bytes go.
  private enum Destination {
    /// Write to a copy of this open descriptor (`/dev/stdout`, `/dev/fd/N`): its offset and
    /// `O_APPEND` are honoured, nothing is truncated.
    case descriptor(Int32)
    /// Open the path itself (a device, a FIFO) and write to it, without truncating.
    case direct
    /// Write a temporary file and rename it to `target`, an existing file's path when `existing`.
    case replace(target: String, existing: stat?)
  }

  private static func destination(of path: String) throws -> Destination {
    if let fd = descriptorNumber(of: path) { return .descriptor(fd) }
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { return .replace(target: path, existing: nil) }
      throw failure(path, errno)
    }
    var target = path
    if (info.st_mode & S_IFMT) == S_IFLNK {
      try refusePlantedLink(path, owner: info.st_uid)
      // Follow the link: a device or pipe behind it is written directly, a file replaced in place.
      var followed = stat()
      guard stat(path, &followed) == 0 else {
        throw failure(path, "it is a symbolic link to a missing file (\(String(cString: strerror(errno))))")
      }
      info = followed
      if (info.st_mode & S_IFMT) == S_IFREG {
        guard let resolved = realpath(path, nil) else { throw failure(path, errno) }
        target = String(cString: resolved)
        free(resolved)
      }
    }
    switch info.st_mode & S_IFMT {
    // A regular file anywhere (/dev/shm too) is replaced whole.
    case S_IFREG: return .replace(target: target, existing: info)
    // A directory: the rename below fails and says so, leaving the directory alone.
    case S_IFDIR: return .replace(target: target, existing: nil)
    default: return .direct
    }
  }

  /// The descriptor `path` names: `/dev/stdout` 1, `/dev/stderr` 2, `/dev/fd/N` and
  /// `/proc/self/fd/N` N; nil for any other path.
  static func descriptorNumber(of path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return STDOUT_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default:
      for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
        let digits = path.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count < 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int32(digits)
      }
      return nil
    }
  }

  /// Refuses to follow a link that `fs.protected_symlinks` would not let the kernel follow: one in a
  /// sticky, world-writable directory (such as /tmp) owned by neither the caller nor the directory's
  /// owner, which another user may have planted to make the caller replace a file of its choosing.
  private static func refusePlantedLink(_ path: String, owner: uid_t) throws {
    var directory = stat()
    guard lstat(parent(of: path), &directory) == 0 else { throw failure(path, errno) }
    let sticky = directory.st_mode & S_ISVTX != 0 && directory.st_mode & S_IWOTH != 0
    guard sticky, owner != geteuid(), owner != directory.st_uid else { return }
    throw failure(
      path,
      "it is a symbolic link owned by another user (uid \(owner)) in a sticky world-writable directory; not followed")
  }

  /// The directory holding `path`.
  private static func parent(of path: String) -> String {
    path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
  }

  private static func writeDirectly(to path: String, _ body: ((String) -> Void) -> Void) throws {
    // Opening a FIFO waits for its reader; a signal meanwhile ends the program as an interruption.
    var fd: Int32
    repeat {
      fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
      if fd < 0, errno == EINTR, let signal = Signals.pending { throw ExitCode(128 + signal) }
    } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw failure(path, errno) }
    try write(to: fd, named: path, body)
  }

  /// Writes to a copy of the open descriptor `original`, so its offset and `O_APPEND` are honoured.
  private static func writeToDescriptor(
    _ original: Int32, named path: String, _ body: ((String) -> Void) -> Void
  ) throws {
    let fd = fcntl(original, F_DUPFD_CLOEXEC, 0)
    guard fd >= 0 else { throw failure(path, errno) }
    try write(to: fd, named: path, body)
  }

  /// Writes the pieces to `fd` and closes it.
  private static func write(to fd: Int32, named path: String, _ body: ((String) -> Void) -> Void) throws {
    var code: Int32?
    body { piece in
      if code == nil { code = Output.writeAll(piece, to: fd) }
    }
    if close(fd) != 0, code == nil, errno != EINTR { code = errno }
    if let code { throw failure(path, code) }
  }

  /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's Swift overlay does not import, where its
  /// value is known; nil elsewhere (a named temporary file is used then).
  private static let unnamedFileFlag: Int32? = {
    #if os(Linux) && (arch(x86_64) || arch(arm64))
      return 0o20200000
    #else
      return nil
    #endif
  }()

  private static func replace(
    _ target: String, existing: stat?, named path: String, _ body: ((String) -> Void) -> Void
  ) throws {
    // Unnamed until complete: a crash or SIGKILL while rendering or writing leaves nothing behind.
    var (temporary, fd) = try createUnnamed(beside: target, named: path)
    var code: Int32?
    if let existing {
      // Keep the owner (when allowed) and the mode of the file being replaced.
      _ = fchown(fd, existing.st_uid, existing.st_gid)
      if fchmod(fd, existing.st_mode & 0o7777) != 0 { code = errno }
    }
    body { piece in
      if code == nil { code = Output.writeAll(piece, to: fd) }
    }
    if code == nil, fsync(fd) != 0 { code = errno }
    if code == nil, temporary == nil {
      // Named only now, and renamed over the target at once.
      switch link(fd, beside: target) {
      case .success(let name): temporary = name
      case .failure(let failure): code = failure.code
      }
    }
    if close(fd) != 0, code == nil, errno != EINTR { code = errno }
    if code == nil, let temporary, rename(temporary, target) != 0 { code = errno }
    if let code {
      if let temporary { unlink(temporary) }
      throw failure(path, code)
    }
    syncDirectory(of: target)
  }

  /// Opens an unnamed file (`O_TMPFILE`) in `target`'s directory, with no name yet; where the file
  /// system or kernel refuses one, an exclusively created named temporary file (its name returned).
  private static func createUnnamed(beside target: String, named path: String) throws -> (String?, Int32) {
    if let flag = unnamedFileFlag {
      let fd = open(parent(of: target), flag | O_WRONLY | O_CLOEXEC, 0o644)
      if fd >= 0 { return (nil, fd) }
      guard errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL else { throw failure(path, errno) }
    }
    let (temporary, fd) = try createTemporary(beside: target, named: path)
    return (temporary, fd)
  }

  /// Gives the unnamed file `fd` a random, unused name next to `target`: the name, or the `errno`.
  private static func link(_ fd: Int32, beside target: String) -> Result<String, LinkFailure> {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<attempts {
      let temporary = temporaryName(beside: target, &generator)
      if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 {
        return .success(temporary)
      }
      if errno != EEXIST { return .failure(LinkFailure(code: errno)) }
    }
    return .failure(LinkFailure(code: EEXIST))
  }

  /// A random name `.cas-logs-XXXXXXXXXX` in `target`'s directory: short and independent of the
  /// target's own name, so a target name near `NAME_MAX` (255 bytes) still gets a temporary file.
  static func temporaryName(beside target: String, _ generator: inout SystemRandomNumberGenerator) -> String {
    let name = ".cas-logs-" + String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 36)
    let directory = parent(of: target)
    return target.contains("/") ? (directory == "/" ? "/" : directory + "/") + name : name
  }

  /// Why naming an unnamed file failed.
  private struct LinkFailure: Error {
    var code: Int32
  }

  /// Creates a new file with a random name next to `target`, exclusively (never through a link).
  private static func createTemporary(beside target: String, named path: String) throws -> (String, Int32) {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<attempts {
      let temporary = temporaryName(beside: target, &generator)
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0o644)
      if fd >= 0 { return (temporary, fd) }
      if errno != EEXIST { throw failure(path, errno) }
    }
    throw failure(path, "no unused temporary name beside it after \(attempts) attempts")
  }

  /// Makes the rename durable; a directory that cannot be synced is not an error.
  private static func syncDirectory(of target: String) {
    let fd = open(parent(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }
}
