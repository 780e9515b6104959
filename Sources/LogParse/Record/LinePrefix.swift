/// What stood before a klog header the header search found: the kinds of prefix, and a time.
///
/// Read left to right, a piece at a time: blanks (indentation), quote marks, box borders of a
/// terminal UI, shell prompts, line numbers (`123:`, `Line 123: `, `123|`), a full time (`kubectl
/// --timestamps`, an aggregator's), and any other word (a pod or container name, an aggregator's
/// `namespace/pod[container]:`). Runs only for lines whose header is not at their start.
struct LinePrefix {
  /// The `input.formats` names of the pieces found.
  var formats: Set<InputFormat> = []
  /// The first full time the prefix holds, if any.
  var time: FullTime?

  /// Classifies `prefix`, the bytes before a header.
  init(_ prefix: UnsafeBufferPointer<UInt8>) {
    var i = 0
    let n = prefix.count
    while i < n {
      let byte = prefix[i]
      if byte == 0x20 || byte == 0x09 {
        // Indentation; blanks between the pieces of a prefix only separate them.
        if i == 0 { formats.insert(.pasted) }
        i += 1
      } else if byte == UInt8(ascii: "#") || byte == UInt8(ascii: ">") {
        formats.insert(.pasted)
        i += 1
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
        formats.insert(.quotePrefix)
        i += 1
      } else if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "+") {
        formats.insert(.boxBorderPrefix)
        i += 1
      } else if byte == 0xE2, i + 2 < n, prefix[i + 1] == 0x94 || prefix[i + 1] == 0x95 {
        // U+2500…U+257F, box drawing: `│`, `┃`, `║`.
        formats.insert(.boxBorderPrefix)
        i += 3
      } else if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%")), i + 1 < n, prefix[i + 1] == 0x20 {
        formats.insert(.pasted)
        i += 2
      } else if isDigit(byte),
        let (parsed, length) = TimeText.parse(
          UnsafeBufferPointer(rebasing: prefix[i...]), dateTimeSeparators: [0x54, 0x74, 0x20])
      {
        formats.insert(.timePrefix)
        if time == nil, parsed.isSupported { time = parsed }
        i += length
      } else if let end = LinePrefix.lineNumberEnd(prefix, from: i) {
        formats.insert(.lineNumberPrefix)
        i = end
      } else {
        // Any other word, up to the next blank.
        formats.insert(.namePrefix)
        while i < n, prefix[i] != 0x20, prefix[i] != 0x09 { i += 1 }
      }
    }
  }

  /// The end of a line number at `start` (`123:`, `123-`, `123|`, `123)`, `123.`, `123 `,
  /// `Line 123:`), or nil.
  private static func lineNumberEnd(_ prefix: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    let n = prefix.count
    if i + 5 < n, prefix[i] | 0x20 == UInt8(ascii: "l"), prefix[i + 1] == UInt8(ascii: "i"),
      prefix[i + 2] == UInt8(ascii: "n"), prefix[i + 3] == UInt8(ascii: "e"), prefix[i + 4] == 0x20
    {
      i += 5
    }
    let digits = i
    while i < n, isDigit(prefix[i]) { i += 1 }
    guard i > digits else { return nil }
    if i == n { return i }
    let after = prefix[i]
    guard
      after == UInt8(ascii: ":") || after == UInt8(ascii: "-") || after == UInt8(ascii: "|")
        || after == UInt8(ascii: ")") || after == UInt8(ascii: ".") || after == 0x20 || after == 0x09
    else { return nil }
    return i + 1
  }

  /// The form of a prefix, to recognise it on the neighbouring lines: its bytes with every run of
  /// digits as one `0` (`Line 12: ` and `Line 9: ` have one form).
  static func shape(_ prefix: UnsafeBufferPointer<UInt8>, into shape: inout [UInt8]) {
    shape.removeAll(keepingCapacity: true)
    var previousIsDigit = false
    for byte in prefix {
      let digit = isDigit(byte)
      if !digit || !previousIsDigit { shape.append(digit ? UInt8(ascii: "0") : byte) }
      previousIsDigit = digit
    }
  }

  /// The length of a prefix of the form `shape` at the start of `line`, or nil when there is
  /// none; a line may end inside the prefix's trailing blanks (an editor trims them).
  ///
  /// A wrapped piece carries only the outer part of the prefix (`Line 14: ` but not the `# ` the
  /// log had before its header): the longest such part, ending before a blank, is matched then.
  static func matchLength(_ line: UnsafeBufferPointer<UInt8>, shape: [UInt8]) -> Int? {
    if let length = matchLength(line, shape: shape[...]) { return length }
    var end = shape.count - 1
    while end > 0 {
      if shape[end] == 0x20, shape[end - 1] != 0x20, let length = matchLength(line, shape: shape[...end]) {
        return length
      }
      end -= 1
    }
    return nil
  }

  private static func matchLength(_ line: UnsafeBufferPointer<UInt8>, shape: ArraySlice<UInt8>) -> Int? {
    guard !shape.isEmpty else { return nil }
    var i = 0
    for expected in shape {
      if expected == UInt8(ascii: "0") {
        let start = i
        while i < line.count, isDigit(line[i]) { i += 1 }
        guard i > start else { return nil }
      } else if i == line.count, expected == 0x20 || expected == 0x09 {
        return i
      } else {
        guard i < line.count, line[i] == expected else { return nil }
        i += 1
      }
    }
    return i
  }

  /// `text` without a box border that closes it on the right (`… │`), as a terminal UI draws it.
  static func withoutRightBorder(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var end = text.count
    while end > 0, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
    if end > 0, text[end - 1] == UInt8(ascii: "|") {
      end -= 1
    } else if end >= 3, text[end - 3] == 0xE2, text[end - 2] == 0x94 || text[end - 2] == 0x95 {
      end -= 3
    } else {
      return text
    }
    // The one blank between the text and the border; the text's own blanks stay.
    if end > 0, text[end - 1] == 0x20 { end -= 1 }
    return UnsafeBufferPointer(rebasing: text[..<end])
  }
}
