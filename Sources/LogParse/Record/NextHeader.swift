/// The standard header read at the start of the next line while the line before was taken, kept
/// so that the next line's header is read once.
///
/// It is keyed by the address the next line starts at within the chunk being split, and cleared
/// when the chunk ends (a reader may reuse its buffer for the next chunk).
struct NextHeader {
  private var start: UnsafePointer<UInt8>?
  /// The kept header; meaningful only while ``start`` is set.
  private(set) var kept = KlogHeader(
    severity: nil, month: 1, day: 1, microsecondOfDay: 0, fractionDigits: 0, fileRange: 0..<0, sourceLine: 0,
    messageStart: 0, pastedPrefixLength: 0)
  /// The microsecond of day at which the kept header's minute starts (``StandardHeader/minuteStart(_:)``).
  private var minuteStart: Int64 = 0
  /// Whether the kept header was found repeating the line before's (``StandardHeader/repeated(_:count:previous:_:)``).
  private var keptRepeats = false
  /// The line ``header(of:)`` last gave the kept header for: it is that line's header still.
  private var handedOut: UnsafePointer<UInt8>?
  /// Whether no line is taken as a whole record (``disable()``).
  private var isDisabled = false

  /// The standard header of `line`: the one kept for its address, else read now.
  mutating func header(of line: UnsafeBufferPointer<UInt8>) -> KlogHeader? {
    guard !isDisabled, let base = line.baseAddress else { return nil }
    if start == base {
      start = nil
      handedOut = base
      return kept
    }
    handedOut = nil
    return StandardHeader.read(base, count: line.count)
  }

  /// Whether the header kept is `line`'s and repeats the header of the line before in all but its
  /// seconds (``kept`` then is `line`'s header); unlike ``header(of:)``, the header stays kept.
  @inline(__always)
  func repeatsHeader(of line: UnsafeBufferPointer<UInt8>) -> Bool {
    keptRepeats && start == line.baseAddress && start != nil
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
    // The line's header is the kept one, found repeating: a next line repeating it changes only
    // the kept time (what ``repeated(_:count:previous:_:)`` tests of the header held when it was).
    let lineHeaderIsKept = keptRepeats && handedOut == previous
    handedOut = nil
    if lineHeaderIsKept, keepRepeat(base, count: following.count, previous: previous) { return true }
    if let found = StandardHeader.repeated(base, count: following.count, previous: previous, lineHeader) {
      keptRepeats = true
      start = base
      kept = found
      minuteStart = StandardHeader.minuteStart(previous)
      return true
    }
    guard let found = StandardHeader.read(base, count: following.count) else {
      start = nil
      return false
    }
    keptRepeats = false
    start = base
    kept = found
    minuteStart = StandardHeader.minuteStart(base)
    return true
  }

  /// ``opensRecord(_:after:_:)`` for a `line` whose header is the kept one and repeats
  /// (``repeatsHeader(of:)``): a next line repeating it too changes only the kept time.
  @inline(__always)
  mutating func opensRecordRepeatingKept(
    _ following: UnsafeBufferPointer<UInt8>, after line: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    if let base = following.baseAddress, let previous = line.baseAddress,
      keepRepeat(base, count: following.count, previous: previous)
    {
      return true
    }
    return opensRecord(following, after: line, kept)
  }

  /// Whether the header at `base` repeats the kept one, the header of the line at `previous`:
  /// then it is kept for that address, with only its time changed.
  @inline(__always)
  private mutating func keepRepeat(_ base: UnsafePointer<UInt8>, count: Int, previous: UnsafePointer<UInt8>) -> Bool {
    guard
      let time = StandardHeader.repeatedTime(
        base, count: count, previous: previous, end: kept.messageStart, minuteStart: minuteStart)
    else { return false }
    start = base
    kept.microsecondOfDay = time
    return true
  }

  /// Takes no line as a whole record from now on: every line is assembled.
  mutating func disable() { isDisabled = true }

  /// Forgets the kept header: the chunk it points into is done.
  mutating func clear() {
    start = nil
    handedOut = nil
  }
}
