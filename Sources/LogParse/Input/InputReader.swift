import Glibc

/// Reads files and live streams into an ``Analyzer`` in large chunks.
///
/// A read begins its source (``Analyzer/beginSource(_:)``) and never ends it: the analyzer does, once,
/// when the next source begins or the input is finished (``Analyzer/finish()``), so that the last
/// record of a source is delivered exactly once.
public enum InputReader {
  /// The read size: large reads keep system calls rare.
  static let chunkSize = 1 << 20

  /// How long a read that may block waits before it checks its stop condition again.
  static let stopCheckMilliseconds: Int32 = 50

  /// Why a read stopped.
  public enum StreamEnd: Sendable, Equatable {
    /// The input ended (the writer closed the stream, or the file was read to its end).
    case endOfInput
    /// The caller asked to stop (its condition was met, a signal arrived, a deadline passed).
    case stopped
    /// Reading failed part-way; what came before was analysed.
    case failed(reason: String)
    /// The input is gzip data that is corrupt or truncated; what came before was analysed, and the
    /// report says the input is incomplete (``Report/incompleteInput``).
    case undecodable(reason: String)
  }

  /// Reads the file at `path` to its end into `analyzer`, as a new source named `path`.
  ///
  /// `shouldStop` is asked after every chunk (and between segments of a file parsed on several
  /// threads), and at least every 50 ms while a pipe or device is quiet; when it says so, reading
  /// stops and ``StreamEnd/stopped`` is returned, with what was read analysed.
  ///
  /// A named pipe is given `pipeWaitMilliseconds` for a writer to open it, so that a pipe nobody
  /// opens is an error, not a hang; once a writer has opened it, it is read until the writer closes
  /// it, however long the writer takes to write.
  /// - Throws: ``InputError`` when the file cannot be opened or read.
  @discardableResult
  public static func readFile(
    _ path: String, into analyzer: inout Analyzer, pipeWaitMilliseconds: Int32 = 10_000,
    shouldStop: () -> Bool = { false }
  ) throws(InputError) -> StreamEnd {
    var info = stat()
    guard stat(path, &info) == 0 else { throw InputError.cannotOpen(path: path, reason: errnoText()) }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw InputError.isDirectory(path: path) }
    func thrown(_ end: StreamEnd) throws(InputError) -> StreamEnd {
      if case .failed(let reason) = end { throw InputError.readFailed(path: path, reason: reason) }
      if case .undecodable(let reason) = end { throw InputError.undecodable(path: path, reason: reason) }
      return end
    }
    let fd: Int32
    if type == S_IFIFO {
      switch FIFOOpener.open(path, waitMilliseconds: pipeWaitMilliseconds, shouldStop: shouldStop) {
      case .opened(let opened): fd = opened
      case .stopped: return .stopped
      case .noWriter: throw InputError.noWriter(path: path, seconds: Double(pipeWaitMilliseconds) / 1000)
      case .failed(let code): throw InputError.cannotOpen(path: path, reason: String(cString: strerror(code)))
      }
    } else {
      fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw InputError.cannotOpen(path: path, reason: errnoText()) }
    }
    defer { close(fd) }
    analyzer.beginSource(path)
    let isRegular = type == S_IFREG
    // Compressed data cannot be cut at byte offsets: a gzip file is inflated in one pass (its
    // inflated bytes may still be parsed in segments, as a stream's are).
    // So is a file that starts with a byte order mark (dropped, or UTF-16 turned into UTF-8).
    let isGzip = isRegular && startsWithGzipMagic(fd)
    if isGzip, analyzer.options.parseThreads > 1, analyzer.canParseSegments {
      return try thrown(
        SegmentedStreamReader.read(
          fd: fd, threads: analyzer.options.parseThreads, segmentBytes: analyzer.options.segmentBytes,
          into: &analyzer, shouldStop: shouldStop))
    }
    var detectsGzip = true
    if isRegular, !isGzip, analyzer.options.parseThreads > 1, analyzer.canParseSegments,
      let plan = SegmentedFileReader.plan(fd: fd, size: Int(info.st_size), segmentBytes: analyzer.options.segmentBytes)
    {
      let read = SegmentedFileReader.read(
        fd: fd, plan: plan, threads: analyzer.options.parseThreads, into: &analyzer, shouldStop: shouldStop)
      if let error = read.error { throw InputError.readFailed(path: path, reason: error) }
      if read.stopped { return .stopped }
      // Whatever was appended while the segments were read follows, read as a stream.
      _ = lseek(fd, off_t(plan.segments.last?.upperBound ?? 0), SEEK_SET)
      detectsGzip = false
    }
    // A pipe or device may block: wait in slices so that a stop request is heard while it is quiet.
    let result = pump(
      fd, into: &analyzer, decoder: InputDecoder(detectsGzip: detectsGzip),
      idleMilliseconds: isRegular ? nil : stopCheckMilliseconds, flushesWhenIdle: false, shouldStop: shouldStop)
    return try thrown(result)
  }

  /// Whether the regular file `fd` starts with gzip's magic bytes `1f 8b` or a byte order mark
  /// (`EF BB BF`, `FF FE`, `FE FF`): bytes ``InputDecoder`` changes, so never cut at offsets.
  static func startsWithGzipMagic(_ fd: Int32) -> Bool {
    var magic: (UInt8, UInt8, UInt8) = (0, 0, 0)
    let count = withUnsafeMutableBytes(of: &magic) { pread(fd, $0.baseAddress, 3, 0) }
    guard count >= 2 else { return false }
    switch (magic.0, magic.1) {
    case (0x1F, 0x8B), (0xFF, 0xFE), (0xFE, 0xFF): return true
    case (0xEF, 0xBB): return count == 3 && magic.2 == 0xBF
    default: return false
    }
  }

  /// Reads a live stream (standard input) as it arrives, until it ends or `shouldStop` says so.
  ///
  /// When no data arrives for `idleMilliseconds`, a record waiting for continuation lines is
  /// delivered, so that the last line of a quiet stream is seen without waiting for the next one.
  /// `shouldStop` is asked after every chunk and at least every 50 ms, however long the idle time.
  /// A read error ends the stream with ``StreamEnd/failed(reason:)``.
  public static func readStream(
    fd: Int32, name: String, into analyzer: inout Analyzer, idleMilliseconds: Int32 = 50,
    shouldStop: () -> Bool
  ) -> StreamEnd {
    analyzer.beginSource(name)
    if analyzer.options.parseThreads > 1, analyzer.canParseSegments {
      // Nobody watches records or steps as they come: parse in segments on every core.
      return SegmentedStreamReader.read(
        fd: fd, threads: analyzer.options.parseThreads, segmentBytes: analyzer.options.segmentBytes,
        into: &analyzer, shouldStop: shouldStop)
    }
    let decoder = InputDecoder()
    analyzer.streamDecoder = decoder
    return pump(fd, into: &analyzer, decoder: decoder, idleMilliseconds: idleMilliseconds, shouldStop: shouldStop)
  }

  /// Continues reading a stream started with ``readStream(fd:name:into:idleMilliseconds:shouldStop:)``.
  static func continueStream(
    fd: Int32, into analyzer: inout Analyzer, idleMilliseconds: Int32 = 50, shouldStop: () -> Bool
  ) -> StreamEnd {
    let decoder = analyzer.streamDecoder ?? InputDecoder()
    analyzer.streamDecoder = decoder
    return pump(fd, into: &analyzer, decoder: decoder, idleMilliseconds: idleMilliseconds, shouldStop: shouldStop)
  }

  /// Reads `fd` into `analyzer` through `decoder` until it ends, fails or `shouldStop` says so
  /// (asked after every chunk).
  ///
  /// With `idleMilliseconds`, each read is preceded by a wait in slices of at most
  /// ``stopCheckMilliseconds``, `shouldStop` asked after each; once the input has been quiet for
  /// `idleMilliseconds` and with `flushesWhenIdle`, a record waiting for continuation lines is
  /// delivered. Bytes the decoder still holds (inflated gzip data) are fed before anything is read.
  static func pump(
    _ fd: Int32, into analyzer: inout Analyzer, decoder: InputDecoder, idleMilliseconds: Int32?,
    flushesWhenIdle: Bool = true, shouldStop: () -> Bool
  ) -> StreamEnd {
    // How long the input has been quiet, counted in slices, since the last data or idle flush.
    var quiet: Int32 = 0
    if shouldStop() { return .stopped }
    while true {
      // What the decoder holds, asking after each piece.
      var holdsBytes = true
      while holdsBytes {
        switch decoder.next() {
        case .bytes(let bytes):
          analyzer.feed(bytes)
          if shouldStop() { return .stopped }
        case .failed(let reason):
          analyzer.noteIncompleteInput(reason)
          return .undecodable(reason: reason)
        case .needsRead: holdsBytes = false
        }
      }
      if let idle = idleMilliseconds {
        let slice = max(1, min(idle, stopCheckMilliseconds))
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, slice)
        if shouldStop() { return .stopped }
        if ready == 0 {
          quiet += slice
          if quiet >= idle {
            quiet = 0
            if flushesWhenIdle {
              analyzer.flushIdle()
              if shouldStop() { return .stopped }
            }
          }
          continue
        }
        if ready < 0 {
          if errno == EINTR { continue }
          return .failed(reason: errnoText())
        }
      }
      let count = read(fd, decoder.readBuffer.baseAddress, decoder.readCapacity)
      if count < 0 {
        if errno == EINTR || errno == EAGAIN {
          if shouldStop() { return .stopped }
          continue
        }
        return .failed(reason: errnoText())
      }
      if count == 0 {
        if let reason = decoder.finish({ analyzer.feed($0) }) {
          analyzer.noteIncompleteInput(reason)
          return .undecodable(reason: reason)
        }
        return .endOfInput
      }
      quiet = 0
      decoder.supplied(count)
    }
  }

  static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}
