/// The message and key=value pairs of a structured (contextual logging) record, unquoted into a scratch buffer.
///
/// klog's text serialisation writes the message Go-quoted after the header (`"Scale-up: setting
/// group size"`), then ` key=value` pairs: strings, errors and Stringers Go-quoted with escapes,
/// numbers and booleans bare, structs and slices as `%+v` (brackets and braces balanced, spaces
/// inside), and strings with line breaks as `key=<` then one `\t`-indented line each and a closing
/// ` >` line (continuation lines of the record, joined to it with `\n`). CAS JSON logging reaches
/// this form too: the envelope stage writes its extra fields as such pairs.
///
/// One parse per record, no `String`, no recursion: the scratch buffer is reused, and every
/// range points into it.
struct StructuredFields {
  /// The unquoted message and values, end to end.
  private(set) var scratch: [UInt8] = []
  /// The unquoted message's range in ``scratch``.
  private(set) var message: Range<Int> = 0..<0
  /// Each pair's key and value ranges in ``scratch``, in the order written.
  private(set) var pairs: [(key: Range<Int>, value: Range<Int>)] = []
  /// The most pairs kept from one record; later ones are ignored.
  static let maximumPairs = 64

  /// Parses `text`, a message that starts with `"`; false when it is no structured record.
  ///
  /// A record is structured when its quoted message closes and only ` key=value` pairs follow.
  mutating func parse(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    scratch.removeAll(keepingCapacity: true)
    pairs.removeAll(keepingCapacity: true)
    guard text.first == UInt8(ascii: "\""), let end = unquote(text, from: 0) else { return false }
    message = 0..<scratch.count
    var i = end
    let n = text.count
    while i < n {
      // Pairs are separated by spaces; a multi-line value's lines by `\n`.
      while i < n, text[i] == 0x20 || text[i] == 0x0A || text[i] == 0x09 || text[i] == 0x0D { i += 1 }
      guard i < n else { break }
      let keyStart = i
      while i < n, text[i] != UInt8(ascii: "="), text[i] != 0x20, text[i] != 0x0A, text[i] != UInt8(ascii: "\"") {
        i += 1
      }
      guard i < n, i > keyStart, text[i] == UInt8(ascii: "=") else { return false }
      let key = append(UnsafeBufferPointer(rebasing: text[keyStart..<i]))
      i += 1
      let valueStart = scratch.count
      if i < n, text[i] == UInt8(ascii: "\"") {
        guard let after = unquote(text, from: i) else { return false }
        i = after
      } else if i + 1 < n, text[i] == UInt8(ascii: "<"), text[i + 1] == 0x0A {
        i = multiline(text, from: i + 2)
      } else {
        i = bare(text, from: i)
      }
      if pairs.count < StructuredFields.maximumPairs { pairs.append((key, valueStart..<scratch.count)) }
    }
    return true
  }

  /// The value of the first pair whose key is `name`, or nil.
  func value(_ name: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    scratch.withUnsafeBufferPointer { bytes in
      pairs.first { ByteSearch.equal(UnsafeBufferPointer(rebasing: bytes[$0.key]), name) }?.value
    }
  }

  /// Appends `bytes` to the scratch buffer and returns their range.
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let start = scratch.count
    scratch.append(contentsOf: bytes)
    return start..<scratch.count
  }

  /// Copies a bare value (a number, `true`, a `%+v` struct or slice) from `start`; returns its end.
  ///
  /// It ends at a space or line break outside brackets; an unbalanced value runs to the line's end.
  private mutating func bare(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var depth = 0
    var i = start
    while i < text.count {
      let byte = text[i]
      if byte == 0x0A { break }
      if byte == 0x20, depth == 0 { break }
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"): depth = max(0, depth - 1)
      default: break
      }
      i += 1
    }
    _ = append(UnsafeBufferPointer(rebasing: text[start..<i]))
    return i
  }

  /// Copies a `key=<` value's lines (after the `<` line break) without their tab, joined by `\n`, up to the ` >`
  /// that closes it (further pairs may follow it on that line); returns the offset after the `>`.
  private mutating func multiline(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var i = start
    var first = true
    while i < text.count {
      let lineEnd = memchrIndex(UnsafeBufferPointer(rebasing: text[i...]), 0x0A).map { i + $0 } ?? text.count
      var line = UnsafeBufferPointer(rebasing: text[i..<lineEnd])
      var indent = 0
      while indent < line.count, line[indent] == 0x20 { indent += 1 }
      // The closing ` >`, which the record's next pairs may follow on the same line.
      if indent > 0, indent < line.count, line[indent] == UInt8(ascii: ">"),
        indent + 1 == line.count || line[indent + 1] == 0x20
      {
        return i + indent + 1
      }
      if line.first == 0x09 { line = UnsafeBufferPointer(rebasing: line[1...]) }
      if !first { scratch.append(0x0A) }
      first = false
      scratch.append(contentsOf: line)
      i = lineEnd + 1
    }
    return text.count
  }

  /// Unquotes the Go-quoted string at `start` into the scratch buffer; returns the offset after its closing quote.
  ///
  /// Escapes: `\"`, `\\`, `\n`, `\t`, `\r`, `\a`, `\b`, `\f`, `\v`, `\xHH`, `\ooo`, `\uHHHH`,
  /// `\UHHHHHHHH` (invalid code points become U+FFFD). Nil when the string does not close.
  private mutating func unquote(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start + 1
    let n = text.count
    while i < n {
      let byte = text[i]
      if byte == UInt8(ascii: "\"") { return i + 1 }
      if byte == 0x0A { return nil }
      guard byte == UInt8(ascii: "\\") else {
        scratch.append(byte)
        i += 1
        continue
      }
      guard i + 1 < n else { return nil }
      let escape = text[i + 1]
      i += 2
      switch escape {
      case UInt8(ascii: "n"): scratch.append(0x0A)
      case UInt8(ascii: "t"): scratch.append(0x09)
      case UInt8(ascii: "r"): scratch.append(0x0D)
      case UInt8(ascii: "a"): scratch.append(0x07)
      case UInt8(ascii: "b"): scratch.append(0x08)
      case UInt8(ascii: "f"): scratch.append(0x0C)
      case UInt8(ascii: "v"): scratch.append(0x0B)
      case UInt8(ascii: "x"):
        guard let value = HexDigits.number(text, at: i, digits: 2) else { return nil }
        scratch.append(UInt8(value))
        i += 2
      case UInt8(ascii: "u"), UInt8(ascii: "U"):
        let digits = escape == UInt8(ascii: "u") ? 4 : 8
        guard let value = HexDigits.number(text, at: i, digits: digits) else { return nil }
        scratch.append(contentsOf: String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
        i += digits
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        guard i + 2 <= n else { return nil }
        var value = UInt32(escape - 0x30)
        for k in i..<(i + 2) {
          guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(text[k]) else { return nil }
          value = value << 3 | UInt32(text[k] - 0x30)
        }
        scratch.append(UInt8(truncatingIfNeeded: value))
        i += 2
      default: scratch.append(escape)
      }
    }
    return nil
  }
}
