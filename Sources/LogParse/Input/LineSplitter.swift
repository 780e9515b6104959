import Glibc

/// Splits a byte stream into physical lines, chunk by chunk, without a `String` per line.
///
/// Lines end at `\n`; a `\r` before it is dropped (CRLF). A line longer than
/// ``maximumLineLength`` is cut to that length and counted in ``truncatedLines``; the rest of it
/// is skipped without being buffered, so memory stays bounded on any input. A last line without
/// a newline is delivered by ``finish(_:)``.
struct LineSplitter {
  /// The longest line delivered whole; longer lines are cut to this many bytes.
  let maximumLineLength: Int
  /// Lines that were cut at ``maximumLineLength``.
  private(set) var truncatedLines = 0
  private var pending: [UInt8] = []
  private var isCuttingLine = false

  /// Creates a splitter that cuts lines at `maximumLineLength` bytes (1 MiB by default).
  init(maximumLineLength: Int = 1 << 20) {
    self.maximumLineLength = max(16, maximumLineLength)
  }

  /// Splits `chunk`, calling `body` with each complete line (without its line ending).
  ///
  /// The buffer passed to `body` is valid only during the call.
  /// - Complexity: O(*n*) in the chunk's length; no byte is scanned twice.
  mutating func feed(
    _ chunk: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    feed(chunk) { line, _ in body(line) }
  }

  /// Splits `chunk` as ``feed(_:_:)`` does, also giving `body` the bytes of the chunk after each
  /// line's newline: the start of the next line, when the chunk holds it (empty at the chunk's end).
  ///
  /// A stage may look at the next line's first bytes to know that the line it has ends a record.
  mutating func feed(
    _ chunk: UnsafeBufferPointer<UInt8>,
    _ body: (_ line: UnsafeBufferPointer<UInt8>, _ following: UnsafeBufferPointer<UInt8>) -> Void
  ) {
    guard let base = chunk.baseAddress, chunk.count > 0 else { return }
    var start = 0
    let end = chunk.count
    while start < end {
      guard let found = memchr(base + start, 0x0A, end - start) else {
        append(UnsafeBufferPointer(start: base + start, count: end - start))
        return
      }
      let newline = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
      let piece = UnsafeBufferPointer(start: base + start, count: newline - start)
      let following = UnsafeBufferPointer(start: base + newline + 1, count: end - newline - 1)
      if pending.isEmpty && !isCuttingLine {
        deliver(piece) { body($0, following) }
      } else {
        append(piece)
        pending.withUnsafeBufferPointer { deliver($0) { body($0, following) } }
        pending.removeAll(keepingCapacity: pending.capacity <= 1 << 16)
        isCuttingLine = false
      }
      start = newline + 1
    }
  }

  /// Delivers the last line when the input did not end with a newline.
  mutating func finish(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    if !pending.isEmpty || isCuttingLine {
      pending.withUnsafeBufferPointer { deliver($0, body) }
    }
    pending = []
    isCuttingLine = false
  }

  /// Whether a partial line is waiting for its newline.
  var hasPartialLine: Bool { !pending.isEmpty || isCuttingLine }

  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !isCuttingLine else { return }
    let room = maximumLineLength - pending.count
    if bytes.count <= room {
      pending.append(contentsOf: bytes)
    } else {
      pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<room]))
      isCuttingLine = true
      truncatedLines += 1
    }
  }

  private mutating func deliver(
    _ line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var count = line.count
    if count > maximumLineLength {
      count = maximumLineLength
      truncatedLines += 1
    }
    if count > 0, line[count - 1] == 0x0D { count -= 1 }
    // A UTF-8 byte order mark at a line's start (a marked file after another, `cat a b`) is no text.
    let start = count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF ? 3 : 0
    body(UnsafeBufferPointer(rebasing: line[start..<count]))
  }
}

@available(*, unavailable)
extension LineSplitter: Sendable {}
