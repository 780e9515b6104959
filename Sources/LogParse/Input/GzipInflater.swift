import CZlib

/// Inflates gzip data through the system zlib, one piece at a time, in bounded memory.
///
/// Concatenated members (`cat a.gz b.gz`, what `gzip` itself accepts) are inflated one after the
/// other; NUL padding after a member is skipped. Only zlib's 32 KiB window and the caller's buffers
/// are held, however large the data: nothing is ever inflated whole.
final class GzipInflater {
  private var stream = z_stream()
  /// Whether the last member ended and no byte of another has been taken since.
  private(set) var atMemberEnd = false
  /// Compressed bytes taken so far.
  private(set) var consumed = 0
  /// Bytes produced so far.
  private(set) var produced = 0
  /// An error met after some bytes were inflated in the same call: thrown by the next call.
  private var pendingError: GzipError?

  /// A new inflater; nil when zlib cannot start one (out of memory).
  init?() {
    guard caslogs_inflate_init_gzip(&stream) == Z_OK else { return nil }
  }

  deinit { inflateEnd(&stream) }

  /// Takes `bytes` as the next compressed input; they must stay valid until they are inflated.
  func supply(_ bytes: UnsafeMutableRawBufferPointer) {
    stream.next_in = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
    stream.avail_in = UInt32(clamping: bytes.count)
  }

  /// Inflates into `output` and returns how many bytes were written: 0 once the input is used up.
  ///
  /// Bytes inflated before corrupt data (a bad check value, garbage after a member) are returned
  /// first; the error is thrown by the next call.
  /// - Throws: ``GzipError/corrupt(_:)`` on data that is not gzip or fails its checks.
  func inflate(into output: UnsafeMutableRawBufferPointer) throws(GzipError) -> Int {
    if let pendingError {
      self.pendingError = nil
      throw pendingError
    }
    guard let base = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
    var written = 0
    while written < output.count, stream.avail_in > 0 {
      if atMemberEnd {
        // Padding after a member, or the next member.
        while stream.avail_in > 0, stream.next_in.pointee == 0 {
          stream.next_in += 1
          stream.avail_in -= 1
          consumed += 1
        }
        guard stream.avail_in > 0 else { break }
        inflateReset(&stream)
        atMemberEnd = false
      }
      let before = stream.avail_in
      stream.next_out = base + written
      stream.avail_out = UInt32(clamping: output.count - written)
      let status = CZlib.inflate(&stream, Z_NO_FLUSH)
      let made = output.count - written - Int(stream.avail_out)
      written += made
      consumed += Int(before - stream.avail_in)
      switch status {
      case Z_OK: continue
      case Z_STREAM_END: atMemberEnd = true
      case Z_BUF_ERROR where made == 0 && before == stream.avail_in:
        // No progress is possible: wait for more input.
        produced += written
        return written
      default:
        let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        // What was inflated before the error is handed out first; the next call throws.
        if written > 0 {
          pendingError = .corrupt(message)
          stream.avail_in = 0
          produced += written
          return written
        }
        throw GzipError.corrupt(message)
      }
    }
    produced += written
    return written
  }

  /// Ends the input: an error when it stopped inside a member.
  func finish() throws(GzipError) {
    if let pendingError { throw pendingError }
    if !atMemberEnd || stream.avail_in > 0 { throw GzipError.truncated }
  }
}

/// Why gzip data could not be inflated.
enum GzipError: Error, Equatable {
  /// The data is not gzip, or fails its checks (zlib's message).
  case corrupt(String)
  /// The input ended inside a member.
  case truncated

  /// The text for an error line.
  var description: String {
    switch self {
    case .corrupt(let message): return "corrupt gzip data (zlib: \(message))"
    case .truncated: return "truncated gzip data (the input ends inside a compressed member)"
    }
  }
}
