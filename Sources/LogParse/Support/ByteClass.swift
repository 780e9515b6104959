/// Whether `byte` is an ASCII digit.
@inline(__always)
func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

/// Whether `byte` is an ASCII letter.
@inline(__always)
func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

/// Whether `byte` is one of the catalogue patterns' `[\w./-]` (byte mode): an ASCII letter or
/// digit, `_`, `.`, `/` or `-`, as in a resource name such as `nvidia.com/gpu`.
@inline(__always)
func isResourceNameByte(_ byte: UInt8) -> Bool {
  isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
}
