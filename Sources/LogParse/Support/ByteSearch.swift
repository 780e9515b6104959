import CPCRE2
import Glibc

/// Byte-level searches used on the hot path (no `String`, no regex).
enum ByteSearch {
  /// Whether `haystack` begins with `prefix`.
  @inline(__always)
  static func hasPrefix(_ haystack: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
    guard haystack.count >= prefix.count, let base = haystack.baseAddress else { return false }
    return prefix.withUnsafeBufferPointer { needle in
      guard let needleBase = needle.baseAddress else { return true }
      return memcmp(base, needleBase, prefix.count) == 0
    }
  }

  /// Whether `needle` occurs in `haystack` (glibc `memmem`, SIMD-accelerated).
  @inline(__always)
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
    return needle.withUnsafeBufferPointer { caslogs_memmem(base, haystack.count, $0.baseAddress, needle.count) != nil }
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

  /// Whether `needle` occurs in `haystack` (glibc `memmem`).
  @inline(__always)
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let needleBase = needle.baseAddress, needle.count > 0 else { return true }
    guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
    return caslogs_memmem(base, haystack.count, needleBase, needle.count) != nil
  }
}
