import Glibc

/// Reads and decodes a regular file on a thread of its own, a few chunks ahead of the parser.
///
/// Gzip data is then inflated while the other threads parse what came before, instead of between
/// the reading thread's turns at parsing and applying. At most ``depth`` chunks wait (each at most
/// ``InputReader/chunkSize`` bytes), so memory stays bounded whatever the compression ratio. The
/// decoder belongs to the thread from ``start()`` on; ``stop()`` ends and joins it.
final class DecodeAhead: @unchecked Sendable {
  /// What ``next()`` gives: decoded bytes in input order, then how the input ended.
  enum Piece {
    case bytes([UInt8])
    case end(InputReader.StreamEnd)
  }

  /// How many decoded chunks may wait for the parser.
  let depth: Int
  private let fd: Int32
  private let decoder: InputDecoder
  private let monitor = Monitor()
  // Guarded by `monitor`.
  private var chunks: [[UInt8]] = []
  private var end: InputReader.StreamEnd?
  private var stopping = false
  private var thread: WorkerThread?

  /// A reader of `fd` through `decoder`, not started yet.
  init(fd: Int32, decoder: InputDecoder, depth: Int = 2) {
    self.fd = fd
    self.decoder = decoder
    self.depth = max(1, depth)
  }

  /// Starts the thread; false when it cannot be created (the caller then reads by itself).
  func start() -> Bool {
    let thread = WorkerThread { [self] in produce() }
    guard thread.isRunning else { return false }
    self.thread = thread
    return true
  }

  /// The next decoded chunk, or how the input ended (waits for the thread).
  func next() -> Piece {
    monitor.locked {
      while chunks.isEmpty && end == nil { monitor.wait() }
      guard chunks.isEmpty else {
        let chunk = chunks.removeFirst()
        monitor.broadcast()
        return .bytes(chunk)
      }
      return .end(end ?? .endOfInput)
    }
  }

  /// Ends the thread (at once when it waits for room, else after its current read or piece) and joins it.
  func stop() {
    monitor.locked {
      stopping = true
      chunks.removeAll()
      monitor.broadcast()
    }
    thread?.join()
    thread = nil
  }

  /// The thread's loop: read, decode, hand the pieces over, until the end, a failure or a stop.
  private func produce() {
    var result = InputReader.StreamEnd.endOfInput
    reading: while true {
      var holdsBytes = true
      while holdsBytes {
        switch decoder.next() {
        case .bytes(let bytes):
          guard put(Array(bytes)) else { break reading }
        case .failed(let reason):
          result = .undecodable(reason: reason)
          break reading
        case .needsRead: holdsBytes = false
        }
      }
      let count = read(fd, decoder.readBuffer.baseAddress, decoder.readCapacity)
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        result = .failed(reason: InputReader.errnoText())
        break
      }
      if count == 0 {
        var tail: [UInt8] = []
        let reason = decoder.finish { tail.append(contentsOf: $0) }
        if !tail.isEmpty { _ = put(tail) }
        if let reason { result = .undecodable(reason: reason) }
        break
      }
      decoder.supplied(count)
    }
    monitor.locked {
      end = result
      monitor.broadcast()
    }
  }

  /// Hands a chunk over, waiting while ``depth`` chunks wait; false when asked to stop.
  private func put(_ chunk: [UInt8]) -> Bool {
    monitor.locked {
      while chunks.count >= depth && !stopping { monitor.wait() }
      guard !stopping else { return false }
      chunks.append(chunk)
      monitor.broadcast()
      return true
    }
  }
}
