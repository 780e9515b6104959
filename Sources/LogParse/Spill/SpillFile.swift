import Glibc

/// A temporary file that one sorted run of the reorder buffer is written to and read back from.
///
/// It is created with an exclusive, unpredictable name and unlinked at once, so nothing is left
/// behind whatever way the process ends, and its space is given back as soon as it is closed (when
/// its run has been merged into a larger one, or read back). It goes to `$TMPDIR`, else
/// `/var/tmp` (usually on disk), else `/tmp` (often memory).
final class SpillFile {
  private let descriptor: Int32
  /// Bytes written so far (the file's length).
  private(set) var length = 0

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// The directories tried, in order.
  static var directories: [String] {
    let fromEnvironment = getenv("TMPDIR").map { String(cString: $0) } ?? ""
    return (fromEnvironment.isEmpty ? [] : [fromEnvironment]) + ["/var/tmp", "/tmp"]
  }

  /// A new, already unlinked temporary file, or nil when none can be made.
  static func create() -> SpillFile? {
    for directory in directories {
      var template = Array((directory + "/cas-logs-spill-XXXXXX").utf8CString)
      let descriptor = template.withUnsafeMutableBufferPointer { buffer in mkstemp(buffer.baseAddress!) }
      guard descriptor >= 0 else { continue }
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
      template.withUnsafeBufferPointer { buffer in _ = unlink(buffer.baseAddress!) }
      return SpillFile(descriptor: descriptor)
    }
    return nil
  }

  /// Appends `bytes`; false when the file system refuses them (full, or an I/O error).
  func append(_ bytes: [UInt8]) -> Bool {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { raw in
        pwrite(descriptor, raw.baseAddress! + written, raw.count - written, off_t(length + written))
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return false }
      written += count
    }
    length += bytes.count
    return true
  }

  /// Reads up to `buffer.count` bytes at `offset`; the count read, 0 at the end, or -1 on error.
  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
      let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
      if count < 0, errno == EINTR { continue }
      return count
    }
  }
}

@available(*, unavailable)
extension SpillFile: Sendable {}

/// A sorted run written out: its file and how many items it holds.
struct SpilledRun {
  let file: SpillFile
  let count: Int
}

@available(*, unavailable)
extension SpilledRun: Sendable {}
