/// The bytes of one input as the analyzer takes them: gzip data, recognised by its magic bytes
/// (`1f 8b`) at the start, whatever the input's name, is inflated; anything else passes as read.
///
/// The reader reads into ``readBuffer`` (at most ``readCapacity`` bytes), calls
/// ``supplied(_:)``, then takes ``next()`` pieces until it says ``Step/needsRead``; at the end of
/// the input it calls ``finish(_:)``. A piece is at most ``InputReader/chunkSize`` bytes, so memory
/// stays bounded whatever the compression ratio.
final class InputDecoder {
  /// What to do next.
  enum Step {
    /// Bytes to feed (valid until the next call).
    case bytes(UnsafeBufferPointer<UInt8>)
    /// Everything read so far was handed out: read more.
    case needsRead
    /// The gzip data is corrupt: nothing more can be read.
    case failed(String)
  }

  private enum Mode {
    /// Whether the input is gzip is not known yet (no byte, or only a lone `1f`).
    case undecided
    case plain
    case gzip(GzipInflater)
  }

  /// The buffer reads go into.
  let readBuffer: UnsafeMutableRawBufferPointer
  /// How many bytes a read may put into ``readBuffer`` (one byte is kept free for a held first byte).
  var readCapacity: Int { readBuffer.count - 1 }
  private var output: UnsafeMutableRawBufferPointer?
  private var mode: Mode
  /// Bytes of ``readBuffer`` not handed out yet (plain mode).
  private var pending = 0
  /// A lone first byte `1f`, held until the next tells whether the input is gzip.
  private var heldFirstByte = false
  private var failure: String?

  /// A decoder; with `detectsGzip` false (the rest of a file read from the middle) bytes always pass as read.
  init(detectsGzip: Bool = true) {
    readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: InputReader.chunkSize + 1, alignment: 16)
    mode = detectsGzip ? .undecided : .plain
  }

  deinit {
    readBuffer.deallocate()
    output?.deallocate()
  }

  /// Whether the input turned out to be gzip data.
  var isGzip: Bool {
    if case .gzip = mode { return true }
    return false
  }

  /// Takes the `count` bytes a read put at the start of ``readBuffer``.
  func supplied(_ count: Int) {
    guard count > 0 else { return }
    var count = count
    if heldFirstByte {
      // Put the held byte back in front.
      (readBuffer.baseAddress! + 1).copyMemory(from: readBuffer.baseAddress!, byteCount: count)
      readBuffer[0] = 0x1F
      count += 1
      heldFirstByte = false
    }
    if case .undecided = mode {
      if count == 1 && readBuffer[0] == 0x1F {
        heldFirstByte = true
        return
      }
      if readBuffer[0] == 0x1F && readBuffer[1] == 0x8B, let inflater = GzipInflater() {
        mode = .gzip(inflater)
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: InputReader.chunkSize, alignment: 16)
      } else {
        mode = .plain
      }
    }
    switch mode {
    case .gzip(let inflater): inflater.supply(UnsafeMutableRawBufferPointer(rebasing: readBuffer[..<count]))
    default: pending = count
    }
  }

  /// The next piece of bytes, or what to do instead.
  func next() -> Step {
    if let failure { return .failed(failure) }
    switch mode {
    case .gzip(let inflater):
      guard let output else { return .needsRead }
      do {
        let count = try inflater.inflate(into: output)
        if count == 0 { return .needsRead }
        return .bytes(UnsafeBufferPointer(start: output.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
      } catch {
        failure = error.description
        return .failed(error.description)
      }
    default:
      guard pending > 0 else { return .needsRead }
      let count = pending
      pending = 0
      return .bytes(
        UnsafeBufferPointer(start: readBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
    }
  }

  /// Ends the input: a held first byte is handed to `body`; the error text when gzip data ended
  /// inside a member (or was corrupt), else nil.
  func finish(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> String? {
    if let failure { return failure }
    if heldFirstByte {
      heldFirstByte = false
      mode = .plain
      body(UnsafeBufferPointer(start: readBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: 1))
    }
    if case .gzip(let inflater) = mode {
      do {
        try inflater.finish()
      } catch {
        failure = error.description
        return error.description
      }
    }
    return nil
  }
}

@available(*, unavailable)
extension InputDecoder: Sendable {}
