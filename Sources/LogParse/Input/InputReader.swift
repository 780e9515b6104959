import Glibc

/// Reads files and live streams into an ``Analyzer`` in large chunks.
public enum InputReader {
  /// The read size: large reads keep system calls rare.
  public static let chunkSize = 1 << 20

  /// Why a live read stopped.
  public enum StreamEnd: Sendable, Equatable {
    /// The writer closed the stream.
    case endOfInput
    /// The caller asked to stop (its condition was met, a signal arrived, a deadline passed).
    case stopped
  }

  /// Reads the file at `path` to its end into `analyzer`, as a new source named `path`.
  ///
  /// A named pipe is opened without blocking and given `pipeWaitMilliseconds` for a writer to
  /// appear, so that a pipe nobody writes to is an error, not a hang.
  /// - Throws: ``InputError`` when the file cannot be opened or read.
  public static func readFile(
    _ path: String, into analyzer: inout Analyzer, pipeWaitMilliseconds: Int32 = 10_000
  ) throws(InputError) {
    var info = stat()
    guard stat(path, &info) == 0 else { throw InputError.cannotOpen(path: path, reason: errnoText()) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError.isDirectory(path: path) }
    let isPipe = (info.st_mode & S_IFMT) == S_IFIFO
    let fd = open(path, O_RDONLY | O_CLOEXEC | (isPipe ? O_NONBLOCK : 0))
    guard fd >= 0 else { throw InputError.cannotOpen(path: path, reason: errnoText()) }
    defer { close(fd) }
    if isPipe {
      var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, pipeWaitMilliseconds) > 0 else {
        throw InputError.noWriter(path: path, seconds: Double(pipeWaitMilliseconds) / 1000)
      }
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    }
    analyzer.beginSource(path)
    if !isPipe, (info.st_mode & S_IFMT) == S_IFREG, analyzer.options.parseThreads > 1, analyzer.canParseSegments,
      let plan = SegmentedFileReader.plan(fd: fd, size: Int(info.st_size), segmentBytes: analyzer.options.segmentBytes)
    {
      if let error = SegmentedFileReader.read(
        fd: fd, plan: plan, threads: analyzer.options.parseThreads, into: &analyzer)
      {
        throw InputError.readFailed(path: path, reason: error)
      }
      // Whatever was appended while the segments were read follows, read as a stream.
      _ = lseek(fd, off_t(plan.segments.last?.upperBound ?? 0), SEEK_SET)
    }
    if let error = pump(fd, into: &analyzer, idleMilliseconds: nil, shouldStop: { false }).error {
      throw InputError.readFailed(path: path, reason: error)
    }
    analyzer.endSource()
  }

  /// Reads a live stream (standard input) as it arrives, until it ends or `shouldStop` says so.
  ///
  /// When no data arrives for `idleMilliseconds`, a record waiting for continuation lines is
  /// delivered, so that the last line of a quiet stream is seen without waiting for the next one.
  /// `shouldStop` is asked after every chunk and at least every `idleMilliseconds`.
  public static func readStream(
    fd: Int32, name: String, into analyzer: inout Analyzer, idleMilliseconds: Int32 = 50,
    shouldStop: () -> Bool
  ) -> StreamEnd {
    analyzer.beginSource(name)
    if analyzer.options.parseThreads > 1, analyzer.canParseSegments {
      // Nobody watches records or steps as they come: parse in segments on every core.
      let end = SegmentedStreamReader.read(
        fd: fd, threads: analyzer.options.parseThreads, segmentBytes: analyzer.options.segmentBytes,
        into: &analyzer, shouldStop: shouldStop)
      if end == .endOfInput { analyzer.endSource() }
      return end
    }
    let result = pump(fd, into: &analyzer, idleMilliseconds: idleMilliseconds, shouldStop: shouldStop)
    if result.end == .endOfInput { analyzer.endSource() }
    return result.end
  }

  /// Continues reading a stream started with ``readStream(fd:name:into:idleMilliseconds:shouldStop:)``.
  public static func continueStream(
    fd: Int32, into analyzer: inout Analyzer, idleMilliseconds: Int32 = 50, shouldStop: () -> Bool
  ) -> StreamEnd {
    let result = pump(fd, into: &analyzer, idleMilliseconds: idleMilliseconds, shouldStop: shouldStop)
    if result.end == .endOfInput { analyzer.endSource() }
    return result.end
  }

  static func pump(
    _ fd: Int32, into analyzer: inout Analyzer, idleMilliseconds: Int32?, shouldStop: () -> Bool
  ) -> (end: StreamEnd, error: String?) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      if let idle = idleMilliseconds {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, idle)
        if shouldStop() { return (.stopped, nil) }
        if ready == 0 {
          analyzer.flushIdle()
          if shouldStop() { return (.stopped, nil) }
          continue
        }
        if ready < 0 {
          if errno == EINTR { continue }
          return (.endOfInput, errnoText())
        }
      }
      let count = read(fd, buffer.baseAddress, chunkSize)
      if count < 0 {
        if errno == EINTR {
          if shouldStop() { return (.stopped, nil) }
          continue
        }
        return (.endOfInput, errnoText())
      }
      if count == 0 { return (.endOfInput, nil) }
      analyzer.feed(UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
      if idleMilliseconds != nil, shouldStop() { return (.stopped, nil) }
    }
  }

  private static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}
