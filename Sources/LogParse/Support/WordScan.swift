/// Scans of eight bytes at a time for the end of a token, for the hand-written readers of the
/// hot path.
enum WordScan {
  /// Every byte of a word set to `byte`.
  @inline(__always)
  static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

  /// The high bit of each byte of `word` that is zero, and possibly of bytes above the lowest one
  /// (the lowest set bit is exact).
  @inline(__always)
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }

  /// Whether the `count` bytes at `a` and at `b` are the same, compared eight at a time (the last
  /// word ends at the last byte and may overlap the one before; up to 32 bytes without a loop):
  /// for short keys, where a call to `memcmp` costs more than the comparison.
  @inline(__always)
  static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
    guard count >= 8 else {
      var i = 0
      while i < count {
        if a[i] != b[i] { return false }
        i &+= 1
      }
      return true
    }
    let left = UnsafeRawPointer(a)
    let right = UnsafeRawPointer(b)
    @inline(__always) func differs(_ offset: Int) -> UInt64 {
      left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        ^ right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }
    // Up to 32 bytes, the usual name or header: two or four words (overlapping), no loop.
    if count <= 16 { return differs(0) | differs(count &- 8) == 0 }
    if count <= 32 { return differs(0) | differs(8) | differs(count &- 16) | differs(count &- 8) == 0 }
    var i = 0
    while i &+ 8 < count {
      if left.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        != right.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      {
        return false
      }
      i &+= 8
    }
    return left.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
      == right.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
  }

  /// The number of blanks (0x20) at `base[start..<count]`'s start, found eight bytes at a time.
  @inline(__always)
  static func blankRun(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    var i = start
    let raw = UnsafeRawPointer(base)
    while i &+ 8 <= count {
      // The lowest set bit lies in the first byte that is not a blank.
      let other = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ broadcast(0x20)
      if other != 0 { return i &- start &+ other.trailingZeroBitCount &>> 3 }
      i &+= 8
    }
    while i < count, base[i] == 0x20 { i &+= 1 }
    return i &- start
  }

  /// The offset from `start` of the first byte of `base[start..<count]` that is a blank, a control
  /// byte or not ASCII (below `!` or above `~`), or `count - start` when there is none.
  @inline(__always)
  static func printableRun(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    var i = start
    let raw = UnsafeRawPointer(base)
    while i + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // A byte below 0x21 borrows into its high bit; a byte of 0x7F or above has it set after adding 1.
      let flagged =
        ((word &- broadcast(0x21)) | word | (word &+ broadcast(0x01))) & 0x8080_8080_8080_8080
      if flagged != 0 { return i - start + flagged.trailingZeroBitCount / 8 }
      i += 8
    }
    while i < count, base[i] > 0x20, base[i] < 0x7F { i += 1 }
    return i - start
  }

  /// The offset from `start` of the first byte of `base[start..<count]` that does not stand for
  /// itself inside a JSON string (a control byte, a quote, a backslash, DEL or not ASCII), or
  /// `count - start` when there is none.
  @inline(__always)
  static func jsonPlainRun(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    var i = start
    let raw = UnsafeRawPointer(base)
    while i &+ 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // A byte below 0x20 borrows into its high bit; a byte of 0x7F or above has it set after adding 1.
      let flagged =
        (((word &- broadcast(0x20)) | word | (word &+ broadcast(0x01))) & 0x8080_8080_8080_8080)
        | zeroBytes(word ^ broadcast(0x22)) | zeroBytes(word ^ broadcast(0x5C))
      if flagged != 0 { return i &- start &+ flagged.trailingZeroBitCount / 8 }
      i &+= 8
    }
    while i < count, isJSONPlain(base[i]) { i &+= 1 }
    return i &- start
  }

  /// Whether `byte` stands for itself inside a JSON string: printable ASCII but a quote or a backslash.
  @inline(__always)
  static func isJSONPlain(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C }

  /// The offset from `start` of the first byte of `base[start..<count]` that is `:`, `]`, a blank
  /// or a line break, or `count - start` when there is none.
  @inline(__always)
  static func fileNameRun(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    var i = start
    let raw = UnsafeRawPointer(base)
    while i + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let flagged =
        zeroBytes(word ^ broadcast(UInt8(ascii: ":"))) | zeroBytes(word ^ broadcast(UInt8(ascii: "]")))
        | zeroBytes(word ^ broadcast(0x20)) | zeroBytes(word ^ broadcast(0x0A))
      if flagged != 0 { return i - start + flagged.trailingZeroBitCount / 8 }
      i += 8
    }
    while i < count, base[i] != UInt8(ascii: ":"), base[i] != UInt8(ascii: "]"), base[i] != 0x20, base[i] != 0x0A {
      i += 1
    }
    return i - start
  }
}
