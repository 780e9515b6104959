/// An error from compiling or running a PCRE2 pattern.
public struct PatternError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The pattern the error concerns.
  let pattern: String
  /// PCRE2's error code: positive for compile errors, negative for match errors.
  let code: Int
  /// The byte offset in the pattern where compilation failed, or nil for match errors.
  let offset: Int?
  /// PCRE2's own message for the code.
  let message: String

  public var description: String {
    if let offset {
      return "invalid regular expression '\(pattern)': \(message) at offset \(offset)"
    }
    return "regular expression '\(pattern)' failed: \(message)"
  }
}
