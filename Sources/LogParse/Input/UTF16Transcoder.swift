/// Turns UTF-16 text (what PowerShell 5's `>` writes, little-endian after a `FF FE` byte order
/// mark) into UTF-8, piece by piece: a code unit or surrogate pair cut by a read is carried over.
///
/// A lone surrogate, and an odd byte at the end, become U+FFFD: bad input is marked, never dropped.
struct UTF16Transcoder {
  /// Whether the code units are big-endian (`FE FF`).
  let bigEndian: Bool
  /// The first byte of a code unit cut by a read.
  private var heldByte: UInt8?
  /// A high surrogate waiting for its low half.
  private var highSurrogate: UInt16?

  init(bigEndian: Bool) { self.bigEndian = bigEndian }

  /// Transcodes `input` into `output` and returns the number of bytes written.
  ///
  /// `output` holds at least `(n + 2) / 2 * 3 + 4` bytes for `n` input bytes (with what is carried over).
  mutating func transcode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
    var written = 0
    var index = 0
    while index < input.count {
      let first: UInt8
      if let held = heldByte {
        first = held
        heldByte = nil
      } else {
        first = input[index]
        index += 1
        guard index < input.count else {
          heldByte = first
          break
        }
      }
      let second = input[index]
      index += 1
      let unit = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
      written += take(unit, into: output, at: written)
    }
    return written
  }

  /// Ends the input: what is still carried over, as U+FFFD, into `output` (at least 6 bytes).
  mutating func finish(into output: UnsafeMutableRawBufferPointer) -> Int {
    var written = 0
    if highSurrogate != nil {
      highSurrogate = nil
      written += Self.encode(0xFFFD, into: output, at: written)
    }
    if heldByte != nil {
      heldByte = nil
      written += Self.encode(0xFFFD, into: output, at: written)
    }
    return written
  }

  /// Writes what one code unit completes; the number of bytes written.
  private mutating func take(_ unit: UInt16, into output: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
    var written = 0
    if let high = highSurrogate {
      highSurrogate = nil
      if unit >= 0xDC00 && unit <= 0xDFFF {
        let scalar = 0x10000 + (UInt32(high - 0xD800) << 10 | UInt32(unit - 0xDC00))
        return Self.encode(scalar, into: output, at: offset)
      }
      written += Self.encode(0xFFFD, into: output, at: offset)
    }
    switch unit {
    case 0xD800...0xDBFF: highSurrogate = unit
    case 0xDC00...0xDFFF: written += Self.encode(0xFFFD, into: output, at: offset + written)
    default: written += Self.encode(UInt32(unit), into: output, at: offset + written)
    }
    return written
  }

  /// Writes `scalar` as UTF-8; the number of bytes written.
  private static func encode(_ scalar: UInt32, into output: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
    switch scalar {
    case 0..<0x80:
      output[offset] = UInt8(scalar)
      return 1
    case 0x80..<0x800:
      output[offset] = UInt8(0xC0 | scalar >> 6)
      output[offset + 1] = UInt8(0x80 | scalar & 0x3F)
      return 2
    case 0x800..<0x10000:
      output[offset] = UInt8(0xE0 | scalar >> 12)
      output[offset + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
      output[offset + 2] = UInt8(0x80 | scalar & 0x3F)
      return 3
    default:
      output[offset] = UInt8(0xF0 | scalar >> 18)
      output[offset + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
      output[offset + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
      output[offset + 3] = UInt8(0x80 | scalar & 0x3F)
      return 4
    }
  }
}
