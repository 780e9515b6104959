import CPCRE2

/// Match-time settings shared by the matchers of one user (thread): limits and an explicit JIT stack.
///
/// The match limit bounds backtracking work and the depth limit bounds backtracking memory per
/// match, so no input can hang a pattern; the JIT stack (32 KiB growing to 1 MiB) is sized
/// explicitly rather than left to the 32 KiB machine-stack default.
final class MatchSettings {
  let context: OpaquePointer?
  private let jitStack: OpaquePointer?

  /// Settings with ``Matcher/matchLimit``, ``Matcher/depthLimit`` and a JIT stack.
  init() {
    let matchContext = pcre2_match_context_create_8(nil)
    context = matchContext
    guard let matchContext else {
      jitStack = nil
      return
    }
    pcre2_set_match_limit_8(matchContext, Matcher.matchLimit)
    pcre2_set_depth_limit_8(matchContext, Matcher.depthLimit)
    jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
    if let jitStack { pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack)) }
  }

  deinit {
    if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    if let context { pcre2_match_context_free_8(context) }
  }
}

@available(*, unavailable)
extension MatchSettings: Sendable {}

/// Scratch memory for matching one ``BytePattern``; one per pattern per user, never shared between threads.
final class Matcher {
  /// The pattern this matcher runs.
  let pattern: BytePattern
  /// The pattern's capture groups (kept here so that matching never touches the shared pattern).
  let captureCount: Int
  private let code: OpaquePointer
  private let isJITCompiled: Bool
  private let matchData: OpaquePointer
  private let settings: MatchSettings
  private let ovector: UnsafeMutablePointer<Int>
  /// Where the last result is kept: behind a pointer, a match costs no exclusivity check.
  private let result = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  /// The result code of the last match (the number of captures set, or a negative error).
  var lastResult: Int32 { result.pointee }
  /// The start and end offsets of each group in the last match (PCRE2's output vector).
  var offsets: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: ovector, count: 2 * (captureCount + 1)) }

  /// Match limit: bounds backtracking work per match so no input can hang a pattern.
  static let matchLimit: UInt32 = 1_000_000
  /// Depth limit: bounds the backtracking depth (heap memory) per match.
  static let depthLimit: UInt32 = 10_000

  /// Creates scratch memory for `pattern`, matching with `settings` (shared with the user's other matchers).
  init(_ pattern: BytePattern, settings: MatchSettings = MatchSettings()) {
    self.pattern = pattern
    captureCount = pattern.captureCount
    code = pattern.code
    isJITCompiled = pattern.isJITCompiled
    self.settings = settings
    guard let data = pcre2_match_data_create_from_pattern_8(pattern.code, nil) else {
      fatalError("out of memory creating PCRE2 match data")
    }
    matchData = data
    ovector = UnsafeMutablePointer(mutating: pcre2_get_ovector_pointer_8(data))
    result.initialize(to: 0)
  }

  deinit {
    pcre2_match_data_free_8(matchData)
    result.deallocate()
  }

  /// Searches `subject` for the pattern; true on a match, false when there is none.
  /// - Throws: ``PatternError`` when PCRE2 gives up (match or depth limit, JIT stack).
  func matches(_ subject: UnsafeBufferPointer<UInt8>) throws(PatternError) -> Bool {
    // A NULL subject with a non-zero length is undefined behaviour: give PCRE2 a valid pointer.
    let base = subject.baseAddress ?? UnsafePointer(Matcher.emptySubject)
    let rc: Int32
    if isJITCompiled {
      rc = pcre2_jit_match_8(code, base, subject.count, 0, 0, matchData, settings.context)
    } else {
      rc = pcre2_match_8(code, base, subject.count, 0, 0, matchData, settings.context)
    }
    result.pointee = rc
    if rc >= 0 { return true }
    if rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL { return false }
    throw PatternError(
      pattern: pattern.source, code: Int(rc), offset: nil, message: BytePattern.message(for: rc))
  }

  /// Searches `subject`, treating a PCRE2 limit error as no match; `onError` hears of it.
  func matchesSafely(
    _ subject: UnsafeBufferPointer<UInt8>, onError: (PatternError) -> Void = { _ in }
  ) -> Bool {
    do {
      return try matches(subject)
    } catch {
      onError(error)
      return false
    }
  }

  // A valid one-byte buffer handed to PCRE2 for empty subjects; never written after creation.
  nonisolated(unsafe) private static let emptySubject: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return pointer
  }()
}

@available(*, unavailable)
extension Matcher: Sendable {}
