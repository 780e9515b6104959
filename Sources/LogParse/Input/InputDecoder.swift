/// The bytes of one input as the analyzer takes them: gzip data, recognised by its magic bytes
/// (`1f 8b`) at the start, whatever the input's name, is inflated; a UTF-8 byte order mark
/// (`EF BB BF`) at the start is dropped; UTF-16 text with its byte order mark (`FF FE`, what
/// PowerShell 5's `>` writes, or `FE FF`) is turned into UTF-8; anything else passes as read.
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
    case utf16(UTF16Transcoder)
  }

  /// The most UTF-16 bytes transcoded into one piece (their UTF-8 fits in one chunk).
  private static let utf16InputPerPiece = (InputReader.chunkSize - 16) / 3 * 2

  /// The byte order marks and magic bytes the first bytes are compared with.
  private static let signatures: [[UInt8]] = [[0x1F, 0x8B], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]

  /// The buffer reads go into.
  let readBuffer: UnsafeMutableRawBufferPointer
  /// How many bytes a read may put into ``readBuffer`` (two bytes are kept free for held first bytes).
  var readCapacity: Int { readBuffer.count - 2 }
  private var output: UnsafeMutableRawBufferPointer?
  private var mode: Mode
  /// Bytes of ``readBuffer`` not handed out yet (plain mode), from ``pendingStart``.
  private var pending = 0
  private var pendingStart = 0
  /// First bytes that begin a signature (`1f`, `EF BB`, …), held until the next read decides.
  private var held: [UInt8] = []
  private var failure: String?

  /// A decoder; with `detectsGzip` false (the rest of a file read from the middle) bytes always pass as read.
  init(detectsGzip: Bool = true) {
    readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: InputReader.chunkSize + 2, alignment: 16)
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
    if !held.isEmpty {
      // Put the held bytes back in front.
      (readBuffer.baseAddress! + held.count).copyMemory(from: readBuffer.baseAddress!, byteCount: count)
      for (offset, byte) in held.enumerated() { readBuffer[offset] = byte }
      count += held.count
      held = []
    }
    var start = 0
    if case .undecided = mode {
      let first = UnsafeRawBufferPointer(rebasing: readBuffer[..<count])
      if Self.signatures.contains(where: { $0.count > count && $0.starts(with: first) }) {
        held = Array(first)
        return
      }
      if first.starts(with: Self.signatures[0]), let inflater = GzipInflater() {
        mode = .gzip(inflater)
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: InputReader.chunkSize, alignment: 16)
      } else if first.starts(with: Self.signatures[1]) {
        mode = .plain
        start = 3
      } else if first.starts(with: Self.signatures[2]) || first.starts(with: Self.signatures[3]) {
        mode = .utf16(UTF16Transcoder(bigEndian: first[0] == 0xFE))
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: InputReader.chunkSize, alignment: 16)
        start = 2
      } else {
        mode = .plain
      }
    }
    switch mode {
    case .gzip(let inflater): inflater.supply(UnsafeMutableRawBufferPointer(rebasing: readBuffer[..<count]))
    default:
      pendingStart = start
      pending = count - start
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
    case .utf16(var transcoder):
      guard pending > 0, let output else { return .needsRead }
      // At most what gives one chunk of UTF-8.
      let taken = min(pending, Self.utf16InputPerPiece)
      let input = UnsafeRawBufferPointer(rebasing: readBuffer[pendingStart..<(pendingStart + taken)])
      pendingStart += taken
      pending -= taken
      let count = transcoder.transcode(input, into: output)
      mode = .utf16(transcoder)
      if count == 0 { return pending > 0 ? next() : .needsRead }
      return .bytes(UnsafeBufferPointer(start: output.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
    default:
      guard pending > 0 else { return .needsRead }
      let count = pending
      pending = 0
      return .bytes(
        UnsafeBufferPointer(
          start: readBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self).advanced(by: pendingStart), count: count))
    }
  }

  /// Ends the input: held first bytes (or the end of cut UTF-16) are handed to `body`; the error
  /// text when gzip data ended inside a member (or was corrupt), else nil.
  func finish(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> String? {
    if let failure { return failure }
    if !held.isEmpty {
      // A signature cut short is text: a lone BOM start or `1f` passes as read (a lone full BOM
      // never reaches here, it is decided at once).
      mode = .plain
      let bytes = held
      held = []
      bytes.withUnsafeBufferPointer { body($0) }
    }
    switch mode {
    case .gzip(let inflater):
      do {
        try inflater.finish()
      } catch {
        failure = error.description
        return error.description
      }
    case .utf16(var transcoder):
      guard let output else { break }
      let count = transcoder.finish(into: output)
      mode = .utf16(transcoder)
      if count > 0 {
        body(UnsafeBufferPointer(start: output.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
      }
    default: break
    }
    return nil
  }
}

@available(*, unavailable)
extension InputDecoder: Sendable {}
