import CPCRE2
import Glibc

/// Byte-level searches used on the hot path (no `String`, no regex).
enum ByteSearch {
  /// The offset of the first `needle` in `haystack` at or after `start` (glibc `memmem`,
  /// SIMD-accelerated), or nil; an empty needle is found at `start`.
  @inline(__always)
  static func offset(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    guard let needleBase = needle.baseAddress, needle.count > 0 else { return start <= haystack.count ? start : nil }
    guard start >= 0, haystack.count - start >= needle.count, let base = haystack.baseAddress else { return nil }
    guard let found = caslogs_memmem(base + start, haystack.count - start, needleBase, needle.count) else { return nil }
    return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
  }

  /// The offset of the first `needle` in `haystack` at or after `start`, or nil.
  @inline(__always)
  static func offset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    needle.withUnsafeBufferPointer { offset(of: $0, in: haystack, from: start) }
  }

  /// Whether `needle` occurs in `haystack`.
  @inline(__always)
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    offset(of: needle, in: haystack) != nil
  }

  /// Whether `needle` occurs in `haystack`.
  @inline(__always)
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    offset(of: needle, in: haystack) != nil
  }

  /// Whether `needle` occurs in `text`, compared as UTF-8 bytes (not the generic `String.contains`,
  /// which compares characters and costs thousands of instructions per call).
  static func contains(_ text: String, _ needle: String) -> Bool {
    var text = text
    var needle = needle
    return text.withUTF8 { haystack in needle.withUTF8 { contains(haystack, $0) } }
  }

  /// Whether `haystack` begins with `prefix`.
  @inline(__always)
  static func hasPrefix(_ haystack: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    guard haystack.count >= prefix.count else { return false }
    guard let needle = prefix.baseAddress, let base = haystack.baseAddress else { return true }
    return memcmp(base, needle, prefix.count) == 0
  }

  /// Whether `haystack` begins with `prefix`.
  @inline(__always)
  static func hasPrefix(_ haystack: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
    prefix.withUnsafeBufferPointer { hasPrefix(haystack, $0) }
  }
}

/// The offset of the first `byte` in `buffer`, or nil.
func memchrIndex(_ buffer: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Int? {
  guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
  guard let found = memchr(base, Int32(byte), buffer.count) else { return nil }
  return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
}

/// Whether `bytes` begins with the ASCII `prefix`.
func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
  let count = prefix.utf8CodeUnitCount
  guard bytes.count >= count, let base = bytes.baseAddress else { return false }
  return memcmp(base, prefix.utf8Start, count) == 0
}
