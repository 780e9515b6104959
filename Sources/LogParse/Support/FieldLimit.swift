/// The cap on every name and field kept from a log, and the counts of what it cut or rejected.
///
/// A log line may hold a 1 MB pod name; the analysis keeps names in tables, events and findings,
/// so each is cut to ``maximumBytes`` (at a UTF-8 boundary, with ``marker`` appended) where its
/// bytes become a `String`.
enum FieldLimit {
  /// The longest name or field kept, in bytes (before the marker).
  static let maximumBytes = 1024
  /// The longest message or list kept or read further (failure evidence, a plan, a list of pods),
  /// in bytes; the names it yields are cut to ``maximumBytes`` each.
  static let maximumMessageBytes = 4096
  /// What a cut field ends with.
  static let marker = "…"

  /// The length of the longest prefix of `bytes` of at most `limit` bytes that ends at a UTF-8 boundary.
  static func cutLength(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    guard bytes.count > limit else { return bytes.count }
    var end = limit
    // Step back over continuation bytes (10xxxxxx) so that no character is split.
    while end > 0, bytes[end] & 0xC0 == 0x80, limit - end < 4 { end -= 1 }
    return end
  }

  /// `text` cut to ``maximumBytes`` bytes plus the marker (for names read out of an already capped field).
  static func capped(_ text: Substring) -> String {
    guard text.utf8.count > maximumBytes else { return String(text) }
    var whole = String(text)
    return whole.withUTF8 { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<cutLength(bytes, limit: maximumBytes)]), as: UTF8.self)
        + marker
    }
  }
}

/// What one extractor cut and rejected while building events: added to the input accounting.
struct FieldCounts: Hashable, Sendable {
  /// Names and fields cut at ``FieldLimit/maximumBytes``.
  var truncated = 0
  /// Numbers out of range: durations clamped, sizes and counts rejected.
  var outOfRange = 0

  /// Creates zero counts.
  init() {}
}
