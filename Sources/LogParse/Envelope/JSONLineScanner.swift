/// A scalar value found by ``JSONLineScanner``.
enum JSONScalar {
  /// A string, decoded into the scanner's buffer at this range.
  case string(Range<Int>)
  /// A number, with its text's byte range in the line.
  case number(Double, Range<Int>)
  /// `true`, `false`, `null`, or a nested object or array (skipped), with its text's byte range in the line.
  case other(Range<Int>)
}

/// Scans one flat JSON object on one line, decoding string values into a reusable buffer.
///
/// Only what log envelopes need: the top-level keys of an object and their scalar values.
/// Nested objects and arrays are skipped. Invalid input makes ``scan(_:visit:)`` return false.
struct JSONLineScanner {
  /// Decoded string values; ranges in ``JSONScalar/string(_:)`` point here.
  private(set) var decoded: [UInt8] = []
  private var keyBuffer: [UInt8] = []

  /// Visits each top-level key and value of the object in `line`; false when it is not valid JSON.
  mutating func scan(
    _ line: UnsafeBufferPointer<UInt8>, visit: (_ key: [UInt8], _ value: JSONScalar, _ scanner: JSONLineScanner) -> Void
  ) -> Bool {
    decoded.removeAll(keepingCapacity: true)
    var i = 0
    let n = line.count
    func skipWhitespace() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 } }
    skipWhitespace()
    guard i < n, line[i] == UInt8(ascii: "{") else { return false }
    i += 1
    skipWhitespace()
    if i < n, line[i] == UInt8(ascii: "}") { return true }
    while i < n {
      skipWhitespace()
      guard i < n, line[i] == UInt8(ascii: "\"") else { return false }
      keyBuffer.removeAll(keepingCapacity: true)
      guard let afterKey = Self.decodeString(line, from: i, into: &keyBuffer) else { return false }
      i = afterKey
      skipWhitespace()
      guard i < n, line[i] == UInt8(ascii: ":") else { return false }
      i += 1
      skipWhitespace()
      guard i < n else { return false }
      let value: JSONScalar
      switch line[i] {
      case UInt8(ascii: "\""):
        let start = decoded.count
        guard let after = Self.decodeString(line, from: i, into: &decoded) else { return false }
        i = after
        value = .string(start..<decoded.count)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let start = i
        while i < n, isNumberByte(line[i]) { i += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: line[start..<i]), as: UTF8.self)
        guard let number = Double(text) else { return false }
        value = .number(number, start..<i)
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        guard let after = skipNested(line, from: i) else { return false }
        value = .other(i..<after)
        i = after
      default:
        let start = i
        while i < n, line[i] != UInt8(ascii: ","), line[i] != UInt8(ascii: "}") { i += 1 }
        var end = i
        while end > start, line[end - 1] == 0x20 { end -= 1 }
        value = .other(start..<end)
      }
      visit(keyBuffer, value, self)
      skipWhitespace()
      guard i < n else { return false }
      if line[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      return line[i] == UInt8(ascii: "}")
    }
    return false
  }

  /// The decoded value of the first `"key": "…"` anywhere in `line`, nested objects included.
  ///
  /// The string is decoded into the buffer and its range there returned (nil when absent). For
  /// envelopes whose layout is not known in advance. `quotedKey` is the key's bytes with its
  /// quotes (`"log"`), made once by the caller rather than per line.
  mutating func findString(quotedKey needle: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var from = 0
    while from + needle.count <= line.count {
      guard let found = ByteSearch.offset(of: needle, in: line, from: from) else { return nil }
      var i = found + needle.count
      from = i
      while i < line.count, line[i] == 0x20 { i += 1 }
      guard i < line.count, line[i] == UInt8(ascii: ":") else { continue }
      i += 1
      while i < line.count, line[i] == 0x20 { i += 1 }
      guard i < line.count, line[i] == UInt8(ascii: "\"") else { continue }
      let start = decoded.count
      guard Self.decodeString(line, from: i, into: &decoded) != nil else { return nil }
      return start..<decoded.count
    }
    return nil
  }

  /// Forgets decoded strings.
  mutating func reset() { decoded.removeAll(keepingCapacity: true) }

  /// The decoded bytes of a string value.
  func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { decoded[range] }

  private func isNumberByte(_ b: UInt8) -> Bool {
    isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
      || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
  }

  private func skipNested(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var depth = 0
    var i = start
    var inString = false
    while i < line.count {
      let b = line[i]
      if inString {
        if b == UInt8(ascii: "\\") {
          i += 1
        } else if b == UInt8(ascii: "\"") {
          inString = false
        }
      } else if b == UInt8(ascii: "\"") {
        inString = true
      } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
        depth += 1
      } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
        depth -= 1
        if depth == 0 { return i + 1 }
      }
      i += 1
    }
    return nil
  }

  /// Decodes the JSON string starting at the quote at `start`; returns the offset after its end quote.
  static func decodeString(_ line: UnsafeBufferPointer<UInt8>, from start: Int, into out: inout [UInt8]) -> Int? {
    var i = start + 1
    let n = line.count
    while i < n {
      let b = line[i]
      if b == UInt8(ascii: "\"") { return i + 1 }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        i += 1
        continue
      }
      guard i + 1 < n else { return nil }
      let escape = line[i + 1]
      i += 2
      switch escape {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        guard i + 4 <= n, var scalar = HexDigits.number(line, at: i, digits: 4) else { return nil }
        i += 4
        if (0xD800..<0xDC00).contains(scalar), i + 6 <= n, line[i] == UInt8(ascii: "\\"),
          line[i + 1] == UInt8(ascii: "u"), let low = HexDigits.number(line, at: i + 2, digits: 4),
          (0xDC00..<0xE000).contains(low)
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: String(character).utf8)
      default: out.append(escape)
      }
    }
    return nil
  }
}
