import Glibc

/// Parses a large regular file on several threads, in segments, with the result of one sequential read.
///
/// The file is cut at ``SegmentBoundary`` places about `segmentBytes` apart. Worker threads
/// parse segments into events, each with a fresh pipeline; the calling thread takes the segments
/// in file order and applies their events (``Analyzer/absorb(_:)``), so the episode builder sees
/// exactly the sequence a sequential read gives. At most a few segments wait, which keeps memory
/// bounded whatever the file size.
enum SegmentedFileReader {
  /// How a file is cut.
  struct Plan: Sendable, Equatable {
    /// The byte ranges of the segments, in order, covering the file.
    var segments: [Range<Int>]
  }

  /// The usual segment size.
  static let defaultSegmentBytes = 1 << 20
  /// How far past a nominal cut a boundary is looked for.
  static let boundaryWindowBytes = 32 << 10

  /// The number of threads worth using: the usable cores (affinity mask and CPU quota), at most `limit`.
  static func workerCount(limit: Int = 8) -> Int {
    max(1, min(limit, UsableCores.count()))
  }

  /// Cuts the `size` bytes of `fd` about `segmentBytes` apart; nil when the file has fewer than two
  /// segments or cannot be cut within four segment sizes somewhere (then it is read sequentially).
  static func plan(fd: Int32, size: Int, segmentBytes: Int) -> Plan? {
    guard segmentBytes > 0, size >= 2 * segmentBytes else { return nil }
    let window = UnsafeMutableRawBufferPointer.allocate(byteCount: boundaryWindowBytes, alignment: 16)
    defer { window.deallocate() }
    var cuts = [0]
    var nominal = segmentBytes
    while nominal < size {
      let count = pread(fd, window.baseAddress, min(boundaryWindowBytes, size - nominal), off_t(nominal))
      guard count > 0 else { return nil }
      let bytes = UnsafeBufferPointer(start: window.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count)
      if let cut = SegmentBoundary.firstCut(in: bytes, before: segmentBytes) {
        if nominal + cut - cuts[cuts.count - 1] > 4 * segmentBytes { return nil }
        cuts.append(nominal + cut)
      }
      nominal += segmentBytes
    }
    if size - cuts[cuts.count - 1] > 4 * segmentBytes { return nil }
    guard cuts.count > 1 else { return nil }
    cuts.append(size)
    return Plan(segments: zip(cuts, cuts.dropFirst()).map { $0..<$1 })
  }

  /// Reads `plan`'s segments of `fd` into `analyzer` with `threads` threads (this one included).
  ///
  /// `shouldStop` is asked before each segment is handed out; once it says so, no more are, the
  /// few already handed out are applied, and `stopped` is true. `error` is the text of a failed read.
  static func read(
    fd: Int32, plan: Plan, threads: Int, into analyzer: inout Analyzer, shouldStop: () -> Bool = { false }
  ) -> (error: String?, stopped: Bool) {
    let options = analyzer.options
    var ranges = plan.segments.makeIterator()
    var stopped = false
    let error = SegmentedReading.run(
      threads: threads, parse: { parse(fd: fd, range: $0, options: options) },
      produce: {
        if shouldStop() {
          stopped = true
          return nil
        }
        return ranges.next()
      },
      absorb: { analyzer.absorb(&$0) }
    )?.text
    return (error, stopped)
  }

  /// Parses the bytes of `range` with a fresh pipeline.
  private static func parse(
    fd: Int32, range: Range<Int>, options: AnalyzerOptions
  ) -> Result<ParsedSegment, SegmentReadError> {
    SegmentedReading.parse(options: options) { parser in
      let chunkSize = InputReader.chunkSize
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
      defer { buffer.deallocate() }
      var offset = range.lowerBound
      while offset < range.upperBound {
        let count = pread(fd, buffer.baseAddress, min(chunkSize, range.upperBound - offset), off_t(offset))
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
          return SegmentReadError(text: count < 0 ? String(cString: strerror(errno)) : "the file shrank while read")
        }
        parser.feed(UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
        offset += count
      }
      return nil
    }
  }
}
