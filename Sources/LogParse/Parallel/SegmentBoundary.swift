/// Finds places where a file can be cut into segments that parse the same alone as in sequence.
///
/// A cut goes before a line that starts a plain klog record (`I0927 11:50:35.158391 …`, no paste
/// damage) and follows another such line. There, no record waits for continuation lines, no
/// hard-wrapped piece is held, and no partial CRI or Docker line is open: every stage of the
/// pipeline is as it would be at the start of a file.
enum SegmentBoundary {
  /// The offset in `window` of the first cut whose line starts before `limit`, or nil.
  ///
  /// `window` begins anywhere in the file; its first, possibly cut, line is never a candidate,
  /// and neither is a line that does not end inside `window`.
  static func firstCut(in window: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
    guard var lineStart = memchrIndex(window, 0x0A).map({ $0 + 1 }) else { return nil }
    var previousIsRecord = false
    while lineStart < window.count, lineStart < limit {
      let rest = UnsafeBufferPointer(rebasing: window[lineStart...])
      guard let length = memchrIndex(rest, 0x0A) else { return nil }
      let isRecord = startsPlainRecord(UnsafeBufferPointer(rebasing: rest[..<length]))
      if isRecord && previousIsRecord { return lineStart }
      previousIsRecord = isRecord
      lineStart += length + 1
    }
    return nil
  }

  /// Whether `line` starts with an undamaged klog text header.
  static func startsPlainRecord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = line.first,
      first == UInt8(ascii: "I") || first == UInt8(ascii: "W") || first == UInt8(ascii: "E")
        || first == UInt8(ascii: "F"),
      let header = KlogHeaderParser.parse(line)
    else { return false }
    return header.pastedPrefixLength == 0 && header.severity != nil && header.hasTime
  }
}
