import Glibc

/// Parses a large regular file on several threads, in segments, with the result of one sequential read.
///
/// The file is cut at ``SegmentBoundary`` places about ``Plan/segmentBytes`` apart. Worker threads
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

  /// The number of threads worth using: the online cores, at most `limit`.
  static func workerCount(limit: Int = 8) -> Int {
    max(1, min(limit, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
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

  /// Reads `plan`'s segments of `fd` into `analyzer` with `threads` threads (this one included);
  /// returns an error text when a read fails.
  ///
  /// This thread applies the segments in order and, while the next one is not ready, parses one
  /// itself: with one thread per core, no core waits and none is shared.
  static func read(fd: Int32, plan: Plan, threads: Int, into analyzer: inout Analyzer) -> String? {
    let queue = SegmentQueue(count: plan.segments.count, ahead: threads + 1)
    let options = analyzer.options
    let workers = (1..<max(2, threads)).map { _ in
      WorkerThread {
        while let index = queue.claim() {
          queue.deliver(parse(fd: fd, range: plan.segments[index], options: options), at: index)
        }
      }
    }
    var failure: String?
    reading: for index in plan.segments.indices {
      while true {
        switch queue.poll(index) {
        case .ready(.success(var segment)):
          analyzer.absorb(&segment)
          continue reading
        case .ready(.failure(let error)):
          failure = error.text
          break reading
        case .parse(let claimed):
          queue.deliver(parse(fd: fd, range: plan.segments[claimed], options: options), at: claimed)
        }
      }
    }
    queue.cancel()
    for worker in workers { worker.join() }
    return failure
  }

  /// A read error, as text.
  struct ReadError: Error, Sendable {
    var text: String
  }

  /// Parses one segment with a fresh pipeline.
  private static func parse(fd: Int32, range: Range<Int>, options: AnalyzerOptions) -> Result<ParsedSegment, ReadError>
  {
    var parser = Analyzer.segmentParser(options: options)
    parser.beginSource("-")
    let chunkSize = InputReader.chunkSize
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var offset = range.lowerBound
    while offset < range.upperBound {
      let count = pread(fd, buffer.baseAddress, min(chunkSize, range.upperBound - offset), off_t(offset))
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        return .failure(ReadError(text: count < 0 ? String(cString: strerror(errno)) : "the file shrank while read"))
      }
      parser.feed(UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
      offset += count
    }
    return .success(parser.takeSegment())
  }
}

/// Hands segment numbers to workers and their results back to the reader, in order.
///
/// Segments are claimed in order and never more than `ahead` past the one the reader waits for.
final class SegmentQueue: @unchecked Sendable {
  /// What the reader should do next.
  enum Next {
    /// The segment it waits for is parsed (or failed).
    case ready(Result<ParsedSegment, SegmentedFileReader.ReadError>)
    /// It is not: parse this segment meanwhile.
    case parse(Int)
  }

  private let monitor = Monitor()
  private let count: Int
  private let ahead: Int
  private var nextClaim = 0
  private var nextTake = 0
  private var results: [Int: Result<ParsedSegment, SegmentedFileReader.ReadError>] = [:]
  private var cancelled = false

  init(count: Int, ahead: Int) {
    self.count = count
    self.ahead = max(1, ahead)
  }

  private var mayClaim: Bool { !cancelled && nextClaim < count && nextClaim < nextTake + ahead }

  /// The next segment to parse, waiting while the workers are far enough ahead; nil when all are
  /// claimed or the read was cancelled.
  func claim() -> Int? {
    monitor.locked {
      while !cancelled, nextClaim < count, !mayClaim { monitor.wait() }
      guard mayClaim else { return nil }
      nextClaim += 1
      return nextClaim - 1
    }
  }

  /// Hands in a parsed segment, or the error that stopped it.
  func deliver(_ result: Result<ParsedSegment, SegmentedFileReader.ReadError>, at index: Int) {
    monitor.locked {
      results[index] = result
      monitor.broadcast()
    }
  }

  /// Stops handing out segments.
  func cancel() {
    monitor.locked {
      cancelled = true
      monitor.broadcast()
    }
  }

  /// Segment `index` (taken in order) when it is parsed, else a segment to parse meanwhile; waits
  /// only when there is neither.
  func poll(_ index: Int) -> Next {
    monitor.locked {
      while true {
        if let result = results.removeValue(forKey: index) {
          nextTake = index + 1
          monitor.broadcast()
          return .ready(result)
        }
        if mayClaim {
          nextClaim += 1
          return .parse(nextClaim - 1)
        }
        monitor.wait()
      }
    }
  }
}
