/// A string's two words (its storage's address and count, or a short string's bytes): equal
/// identities are equal text while one of the two strings is held.
///
/// Taking it copies no reference, so the hot path can look a name up in a table that caches its
/// entries by identity (``NameKeyedTable/cachedEntry(of:)``) without retaining the string.
struct StringIdentity: Equatable {
  let first: UInt64
  let second: UInt64

  /// The identity of `string`.
  @inline(__always)
  init(_ string: String) {
    (first, second) = unsafeBitCast(string, to: (UInt64, UInt64).self)
  }
}
