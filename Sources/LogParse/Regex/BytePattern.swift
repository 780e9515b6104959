import CPCRE2

/// A PCRE2 pattern compiled once in byte mode and JIT-compiled when the library supports it.
///
/// Byte mode (no `PCRE2_UTF`) means any input bytes, valid UTF-8 or not, can be matched without
/// undefined behaviour; the patterns are ASCII and high bytes still match `.` and `\S`.
/// Match and depth limits are set on every match, so no input can make a pattern run away.
final class BytePattern: @unchecked Sendable {
  // SAFETY: a compiled PCRE2 code object is immutable once built and safe to use from several
  // threads at once. JIT compilation writes into it, but only here in `init`, before `self`
  // escapes. Per-match scratch memory lives in `Matcher`, one per user.
  let code: OpaquePointer
  /// The pattern's source text, for messages.
  let source: String
  /// Whether the JIT compiled the pattern (otherwise the interpreter runs it, more slowly).
  let isJITCompiled: Bool
  /// How many capture groups the pattern has.
  let captureCount: Int

  /// Compiles `pattern`; `caseless` makes letters match either case.
  /// - Throws: ``PatternError`` with PCRE2's message and the offset of the problem.
  init(_ pattern: String, caseless: Bool = false) throws(PatternError) {
    var errorCode: Int32 = 0
    var errorOffset: Int = 0
    var options: UInt32 = PCRE2_DOTALL
    if caseless { options |= PCRE2_CASELESS }
    let compiled: OpaquePointer? = pattern.utf8CString.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: UInt8.self) { bytes in
        pcre2_compile_8(bytes.baseAddress, bytes.count - 1, options, &errorCode, &errorOffset, nil)
      }
    }
    guard let compiled else {
      throw PatternError(
        pattern: pattern, code: Int(errorCode), offset: errorOffset,
        message: BytePattern.message(for: errorCode))
    }
    code = compiled
    source = pattern
    isJITCompiled = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
    var count: UInt32 = 0
    pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
    captureCount = Int(count)
  }

  deinit {
    pcre2_code_free_8(code)
  }

  /// PCRE2's text for an error code.
  static func message(for code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
    guard length > 0 else { return "error \(code)" }
    return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
  }
}
