import Glibc

/// Parses a stream (standard input) on several threads, cutting segments as the bytes arrive,
/// with the result of one sequential read.
///
/// Bytes are gathered until a ``SegmentBoundary`` cut lies past `segmentBytes`; what comes
/// before the cut is a segment, handed to the worker threads, and the calling thread applies
/// parsed segments in order (parsing one itself while the next is not ready). What is left at the
/// end, always starting at a cut, is read by the analyzer itself. A stream with no cuts in four
/// segment sizes (kubectl `--prefix`, CRI) is read sequentially from there on.
enum SegmentedStreamReader {
  /// Reads `fd` to its end (or until `shouldStop` says so) into `analyzer`.
  static func read(
    fd: Int32, threads: Int, segmentBytes: Int, into analyzer: inout Analyzer, shouldStop: () -> Bool
  ) -> InputReader.StreamEnd {
    let queue = StreamSegmentQueue()
    let options = analyzer.options
    let workers = (1..<max(2, threads)).map { _ in
      WorkerThread {
        while let (index, bytes) = queue.next() {
          queue.deliver(SegmentedStreamReader.parse(bytes, options: options), at: index)
        }
      }
    }
    var submitted = 0
    var absorbed = 0
    func absorbNext() {
      switch queue.take(absorbed) {
      case .ready(var segment): analyzer.absorb(&segment)
      case .parse(let index, let bytes):
        queue.deliver(parse(bytes, options: options), at: index)
        return
      }
      absorbed += 1
    }
    var buffer: [UInt8] = []
    var end = InputReader.StreamEnd.endOfInput
    var cutsFound = true
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: InputReader.chunkSize, alignment: 16)
    defer { chunk.deallocate() }
    reading: while true {
      // Wait with a timeout, so that a stop request is heard even while the writer is quiet.
      var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, 1000)
      if shouldStop() {
        end = .stopped
        break
      }
      if ready == 0 || (ready < 0 && errno == EINTR) { continue }
      let count = Glibc.read(fd, chunk.baseAddress, chunk.count)
      if count < 0, errno == EINTR {
        if shouldStop() {
          end = .stopped
          break
        }
        continue
      }
      guard count > 0 else { break }
      buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
      while buffer.count > 2 * segmentBytes {
        let cut = buffer.withUnsafeBufferPointer { bytes in
          SegmentBoundary.firstCut(in: UnsafeBufferPointer(rebasing: bytes[segmentBytes...]), before: bytes.count)
        }
        guard let cut else {
          if buffer.count > 4 * segmentBytes {
            cutsFound = false
            break reading
          }
          break
        }
        while submitted - absorbed > threads { absorbNext() }
        queue.submit(Array(buffer[..<(segmentBytes + cut)]), at: submitted)
        submitted += 1
        buffer.removeFirst(segmentBytes + cut)
      }
      if shouldStop() {
        end = .stopped
        break
      }
    }
    queue.close()
    while absorbed < submitted { absorbNext() }
    for worker in workers { worker.join() }
    // The rest starts at a cut, so the analyzer's own pipeline takes over from a clean state.
    analyzer.feed(buffer)
    if !cutsFound {
      end = InputReader.pump(fd, into: &analyzer, idleMilliseconds: 1000, shouldStop: shouldStop).end
    }
    return end
  }

  /// Parses one segment's bytes with a fresh pipeline.
  static func parse(_ bytes: [UInt8], options: AnalyzerOptions) -> ParsedSegment {
    var parser = Analyzer.segmentParser(options: options)
    parser.beginSource("-")
    parser.feed(bytes)
    return parser.takeSegment()
  }
}

/// Hands stream segments to workers and their results back to the reader, in order.
final class StreamSegmentQueue: @unchecked Sendable {
  /// What the reader should do next.
  enum Next {
    /// The segment it waits for is parsed.
    case ready(ParsedSegment)
    /// It is not: parse this one meanwhile.
    case parse(Int, [UInt8])
  }

  private let monitor = Monitor()
  private var pending: [(Int, [UInt8])] = []
  private var pendingHead = 0
  private var results: [Int: ParsedSegment] = [:]
  private var closed = false

  /// Adds a segment to parse.
  func submit(_ bytes: [UInt8], at index: Int) {
    monitor.locked {
      pending.append((index, bytes))
      monitor.broadcast()
    }
  }

  /// No more segments will come; idle workers stop.
  func close() {
    monitor.locked {
      closed = true
      monitor.broadcast()
    }
  }

  /// The next segment to parse, waiting for one; nil once the queue is closed and empty.
  func next() -> (Int, [UInt8])? {
    monitor.locked {
      while pendingHead == pending.count, !closed { monitor.wait() }
      return popPending()
    }
  }

  /// Hands in a parsed segment.
  func deliver(_ segment: ParsedSegment, at index: Int) {
    monitor.locked {
      results[index] = segment
      monitor.broadcast()
    }
  }

  /// Segment `index` when it is parsed, else a submitted segment to parse meanwhile; waits only
  /// when there is neither (`index` must have been submitted).
  func take(_ index: Int) -> Next {
    monitor.locked {
      while true {
        if let segment = results.removeValue(forKey: index) { return .ready(segment) }
        if let (claimed, bytes) = popPending() { return .parse(claimed, bytes) }
        monitor.wait()
      }
    }
  }

  /// Takes the oldest pending segment; call with the lock held.
  private func popPending() -> (Int, [UInt8])? {
    guard pendingHead < pending.count else { return nil }
    let item = pending[pendingHead]
    pending[pendingHead].1 = []
    pendingHead += 1
    if pendingHead == pending.count {
      pending.removeAll(keepingCapacity: true)
      pendingHead = 0
    }
    return item
  }
}
