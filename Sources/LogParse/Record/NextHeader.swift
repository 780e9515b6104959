/// The standard header read at the start of the next line while the line before was taken, kept
/// so that the next line's header is read once.
///
/// It is keyed by the address the next line starts at within the chunk being split, and cleared
/// when the chunk ends (a reader may reuse its buffer for the next chunk).
struct NextHeader {
  private var start: UnsafePointer<UInt8>?
  private var header: KlogHeader?
  /// Whether the kept header was found repeating the line before's (``StandardHeader/repeated(_:count:previous:_:)``).
  private var keptRepeats = false
  /// Whether no line is taken as a whole record (``disable()``).
  private var isDisabled = false

  /// The standard header of `line`: the one kept for its address, else read now.
  mutating func header(of line: UnsafeBufferPointer<UInt8>) -> KlogHeader? {
    guard !isDisabled, let base = line.baseAddress else { return nil }
    if start == base {
      start = nil
      return header
    }
    return StandardHeader.read(base, count: line.count)
  }

  /// The kept header of `line` when it repeats the header of the line before in all but its
  /// seconds, else nil; unlike ``header(of:)``, the header stays kept.
  @inline(__always)
  func repeatedHeader(of line: UnsafeBufferPointer<UInt8>) -> KlogHeader? {
    guard keptRepeats, let base = line.baseAddress, start == base else { return nil }
    return header
  }

  /// Whether `following`, the bytes after `line`, opens with a standard header (kept for that
  /// line); `lineHeader` is `line`'s, which the next one usually repeats (``StandardHeader/repeated(_:count:previous:_:)``).
  mutating func opensRecord(
    _ following: UnsafeBufferPointer<UInt8>, after line: UnsafeBufferPointer<UInt8>, _ lineHeader: KlogHeader
  ) -> Bool {
    guard let base = following.baseAddress, let previous = line.baseAddress else {
      start = nil
      return false
    }
    if let found = StandardHeader.repeated(base, count: following.count, previous: previous, lineHeader) {
      keptRepeats = true
      start = base
      header = found
      return true
    }
    guard let found = StandardHeader.read(base, count: following.count) else {
      start = nil
      return false
    }
    keptRepeats = false
    start = base
    header = found
    return true
  }

  /// Takes no line as a whole record from now on: every line is assembled.
  mutating func disable() { isDisabled = true }

  /// Forgets the kept header: the chunk it points into is done.
  mutating func clear() { start = nil }
}
