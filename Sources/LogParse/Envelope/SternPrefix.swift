/// The `POD CONTAINER ` prefix stern prints before each line (`NAMESPACE POD CONTAINER ` for
/// several namespaces), learned from lines where a klog record follows it.
///
/// Once learned, a prefix is stripped from every line that starts with it, so that the
/// continuation lines of each pod stay with their records. At most ``capacity`` prefixes are kept.
struct SternPrefixes {
  /// The prefixes seen, each with its trailing space, the most recent first.
  private var known: [[UInt8]] = []
  static let capacity = 64

  /// The length of the stern prefix `line` starts with, or nil.
  mutating func prefixLength(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
    for (index, prefix) in known.enumerated() where ByteSearch.hasPrefix(line, prefix) {
      if index > 0 { known.swapAt(index, index - 1) }
      return prefix.count
    }
    var end = 0
    for name in 0..<3 {
      guard let space = Self.nameEnd(line, from: end) else { return nil }
      end = space + 1
      // Two names at least: pod and container.
      if name >= 1, Self.recordFollows(UnsafeBufferPointer(rebasing: line[end...])) {
        if known.count == Self.capacity { known.removeLast() }
        known.insert(Array(UnsafeBufferPointer(rebasing: line[0..<end])), at: 0)
        return end
      }
    }
    return nil
  }

  /// The offset of the space after a Kubernetes name (lower-case letters, digits, `-`, `.`, `_`) at `start`.
  private static func nameEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    while i < line.count, i - start < 254 {
      let b = line[i]
      if b == 0x20 { return i > start ? i : nil }
      guard
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || isDigit(b) || b == UInt8(ascii: "-")
          || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
      else { return nil }
      i += 1
    }
    return nil
  }

  /// Whether a klog record (or a JSON record, or a time and then one) starts `rest`.
  private static func recordFollows(_ rest: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = rest.first else { return false }
    if first == UInt8(ascii: "{") { return rest.count > 1 && rest[1] == UInt8(ascii: "\"") }
    if isDigit(first), let (_, length) = TimeText.parse(rest, dateTimeSeparators: [0x54, 0x74]),
      length < rest.count, rest[length] == 0x20
    {
      return recordFollows(UnsafeBufferPointer(rebasing: rest[(length + 1)...]))
    }
    if let short = shortTimeLength(rest) { return recordFollows(UnsafeBufferPointer(rebasing: rest[short...])) }
    return KlogHeaderParser.parse(rest) != nil
  }

  /// Whether `line` is stern's notice that it starts (`+ POD › CONTAINER`) or stops (`-`) tailing a container.
  static func isNotice(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard line.count > 8, line[0] == UInt8(ascii: "+") || line[0] == UInt8(ascii: "-"), line[1] == 0x20 else {
      return false
    }
    return ByteSearch.offset(of: noticeArrow, in: line) != nil
  }

  /// ` › ` in UTF-8.
  private static let noticeArrow: [UInt8] = [0x20, 0xE2, 0x80, 0xBA, 0x20]

  /// The length of stern's `--timestamps=short` time (`01-02 15:04:05 `, Go's `01-02 15:04:05`
  /// and a space, then the message) at the start of `rest`, or nil.
  ///
  /// A line of an empty message is the time alone: `01-02 15:04:05 `, or `01-02 15:04:05` once a
  /// tool trimmed its trailing space; its length is then all of `rest`.
  static func shortTimeLength(_ rest: UnsafeBufferPointer<UInt8>) -> Int? {
    guard rest.count >= 14, rest[2] == UInt8(ascii: "-"), rest[5] == 0x20, rest[8] == UInt8(ascii: ":"),
      rest[11] == UInt8(ascii: ":"), rest.count == 14 || rest[14] == 0x20
    else { return nil }
    for i in [0, 1, 3, 4, 6, 7, 9, 10, 12, 13] where !isDigit(rest[i]) { return nil }
    return min(15, rest.count)
  }
}
