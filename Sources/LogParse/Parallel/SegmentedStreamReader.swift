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
  /// Reads `fd` to its end (or until `shouldStop` says so, asked before every read and segment and
  /// at least every 50 ms) into `analyzer`.
  static func read(
    fd: Int32, threads: Int, segmentBytes: Int, into analyzer: inout Analyzer, shouldStop: () -> Bool
  ) -> InputReader.StreamEnd {
    let options = analyzer.options
    var buffer: [UInt8] = []
    var end = InputReader.StreamEnd.endOfInput
    var cutsFound = true
    let decoder = InputDecoder()
    var ended = false
    // A regular file (gzip data, which cannot be cut at byte offsets) is read and inflated on a
    // thread of its own, ahead of the parsing; a stream is read here, between parsing turns.
    var status = stat()
    let isRegular = fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    var ahead: DecodeAhead? = isRegular ? DecodeAhead(fd: fd, decoder: decoder) : nil
    if let started = ahead, !started.start() { ahead = nil }
    defer { ahead?.stop() }

    /// The bytes before the next cut past `segmentBytes`, reading as needed; nil at the end, on a
    /// stop request, or when no cut comes within four segment sizes.
    func nextSegment() -> [UInt8]? {
      while true {
        if buffer.count > 2 * segmentBytes {
          let cut = buffer.withUnsafeBufferPointer { bytes in
            SegmentBoundary.firstCut(in: UnsafeBufferPointer(rebasing: bytes[segmentBytes...]), before: bytes.count)
          }
          if let cut {
            let segment = Array(buffer[..<(segmentBytes + cut)])
            buffer.removeFirst(segmentBytes + cut)
            return segment
          }
          if buffer.count > 4 * segmentBytes {
            cutsFound = false
            return nil
          }
        }
        if shouldStop() {
          end = .stopped
          return nil
        }
        if ended { return nil }
        if let ahead {
          let piece = ahead.next()
          // Asked again after the wait, as after a poll below: a stop drops what came meanwhile.
          if shouldStop() {
            end = .stopped
            return nil
          }
          switch piece {
          case .bytes(let bytes):
            buffer.append(contentsOf: bytes)
          case .end(let how):
            ended = true
            if how != .endOfInput { end = how }
            return nil
          }
          continue
        }
        switch decoder.next() {
        case .bytes(let bytes):
          buffer.append(contentsOf: bytes)
          continue
        case .failed(let reason):
          end = .undecodable(reason: reason)
          return nil
        case .needsRead: break
        }
        // Wait with a timeout, so that a stop request is heard even while the writer is quiet.
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, InputReader.stopCheckMilliseconds)
        if shouldStop() {
          end = .stopped
          return nil
        }
        if ready == 0 || (ready < 0 && errno == EINTR) { continue }
        if ready < 0 {
          end = .failed(reason: InputReader.errnoText())
          return nil
        }
        let count = Glibc.read(fd, decoder.readBuffer.baseAddress, decoder.readCapacity)
        if count < 0, errno == EINTR || errno == EAGAIN { continue }
        if count < 0 {
          end = .failed(reason: InputReader.errnoText())
          return nil
        }
        guard count > 0 else {
          ended = true
          if let reason = decoder.finish({ buffer.append(contentsOf: $0) }) { end = .undecodable(reason: reason) }
          return nil
        }
        decoder.supplied(count)
      }
    }

    _ = SegmentedReading.run(
      threads: threads,
      parse: { bytes in
        SegmentedReading.parse(options: options) {
          $0.feed(bytes); return nil
        }
      },
      produce: nextSegment, absorb: { analyzer.absorb(&$0) })
    // The rest starts at a cut, so the analyzer's own pipeline takes over from a clean state.
    analyzer.feed(buffer)
    if !cutsFound, let ahead {
      // No cuts: the rest is parsed here, as it comes from the decoding thread.
      reading: while true {
        if shouldStop() {
          end = .stopped
          break
        }
        switch ahead.next() {
        case .bytes(let bytes): bytes.withUnsafeBufferPointer { analyzer.feed($0) }
        case .end(let how):
          end = how
          break reading
        }
      }
    } else if !cutsFound {
      end = InputReader.pump(fd, into: &analyzer, decoder: decoder, idleMilliseconds: 1000, shouldStop: shouldStop)
    }
    if case .undecodable(let reason) = end { analyzer.noteIncompleteInput(reason) }
    return end
  }
}
