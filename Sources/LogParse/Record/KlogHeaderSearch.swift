extension KlogHeaderParser {
  /// How far into a line the header search looks for a header behind a prefix.
  static let searchLimit = 256

  /// Finds a klog header that starts after an unknown prefix in the first ``searchLimit`` bytes.
  ///
  /// Runs only when no header stands at the line's start (or after paste damage), so clean klog
  /// lines never pay for it. A candidate is a severity letter followed by a digit, or a digit (the
  /// letter was lost), that starts a word: what stands before it is the prefix (an editor's
  /// `Line 12: `, a pod name, a box border, a time; ``LinePrefix`` names it). A prefix that holds
  /// a header's `file.go:N]` is no prefix: the line is then the end of a record, not its start.
  static func search(_ line: UnsafeBufferPointer<UInt8>) -> KlogHeader? {
    let limit = min(line.count - 12, searchLimit)
    guard limit > 1 else { return nil }
    var k = 1
    while k < limit {
      let byte = line[k]
      let next = line[k + 1]
      let isCandidate =
        ((byte == UInt8(ascii: "I") || byte == UInt8(ascii: "W") || byte == UInt8(ascii: "E")
          || byte == UInt8(ascii: "F")) && isDigit(next)) || (isDigit(byte) && isDigit(next))
      if isCandidate, !isWordByte(line[k - 1]), var header = parse(line, at: k),
        !holdsHeaderTail(UnsafeBufferPointer(rebasing: line[0..<k]))
      {
        header.foundBySearch = true
        return header
      }
      k += 1
    }
    return nil
  }

  /// Whether `byte` continues a word (so a header cannot start right after it).
  @inline(__always)
  private static func isWordByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || isLetter(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
  }

  /// Whether `prefix` holds `.go:N]`, the end of a klog header (then it is no prefix).
  private static func holdsHeaderTail(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    var searchFrom = 0
    while let found = memchrIndex(UnsafeBufferPointer(rebasing: prefix[searchFrom...]), UInt8(ascii: "]")) {
      let bracket = searchFrom + found
      var i = bracket - 1
      while i >= 0, isDigit(prefix[i]) { i -= 1 }
      if i < bracket - 1, i >= 3, prefix[i] == UInt8(ascii: ":"), prefix[i - 1] == UInt8(ascii: "o"),
        prefix[i - 2] == UInt8(ascii: "g"), prefix[i - 3] == UInt8(ascii: ".")
      {
        return true
      }
      searchFrom = bracket + 1
      if searchFrom >= prefix.count { break }
    }
    return false
  }
}
