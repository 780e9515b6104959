/// The shape of a line that has no klog header.
enum LineShape: Equatable {
  /// Empty or only whitespace.
  case blank
  /// An elision a person put in a paste: `...`, `…`, `# ...`, `[...]`.
  case elision
  /// A shell prompt line: `$ kubectl logs …`.
  case prompt
  /// A klog line that lost its severity and time: ` 1 utils.go:456] …`, or `utils.go:456] …`.
  case headerlessFragment(HeaderlessFragment)
  /// Anything else; `startsIndented` when it begins with a space or tab.
  case other(startsIndented: Bool)

  /// Classifies a headerless line.
  static func classify(_ text: UnsafeBufferPointer<UInt8>) -> LineShape {
    var i = 0
    let n = text.count
    while i < n, text[i] == 0x20 || text[i] == 0x09 || text[i] == 0x0D { i += 1 }
    if i == n { return .blank }
    let indented = i > 0
    var j = i
    while j < n, text[j] == UInt8(ascii: "#") || text[j] == UInt8(ascii: ">") || text[j] == 0x20 { j += 1 }
    if j == n { return .elision }
    if isElision(text, from: j) { return .elision }
    if text[i] == UInt8(ascii: "$"), i + 1 < n, text[i + 1] == 0x20 { return .prompt }
    if let fragment = HeaderlessFragment.parse(text, from: i) { return .headerlessFragment(fragment) }
    return .other(startsIndented: indented)
  }

  /// `...`, `…`, `[...]` and the like, alone on the line.
  private static func isElision(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    var dots = 0
    var i = start
    while i < text.count {
      let b = text[i]
      if b == UInt8(ascii: ".") {
        dots += 1
      } else if b == 0xE2, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0xA6 {
        dots += 3
        i += 2
      } else if b != 0x20 && b != 0x09 && b != UInt8(ascii: "[") && b != UInt8(ascii: "]") && b != 0x0D {
        return false
      }
      i += 1
    }
    return dots >= 3
  }
}

/// The tail of a klog header whose start was lost: `[<pid> ]file.go:N] message`.
struct HeaderlessFragment: Equatable {
  /// Byte range of `file.go`.
  var fileRange: Range<Int>
  /// The `:N` line number.
  var sourceLine: Int
  /// Offset of the message's first byte.
  var messageStart: Int

  /// Parses a fragment at `start` (after any indentation); nil when the line is no such tail.
  ///
  /// Without a pid the file name must end in `.go`, so that ordinary text with a colon and a
  /// bracket is not taken for one.
  static func parse(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> HeaderlessFragment? {
    var i = start
    let n = text.count
    while i < n, isDigit(text[i]) { i += 1 }
    let hasPid = i > start
    if hasPid {
      guard i < n, text[i] == 0x20 else { return nil }
      while i < n, text[i] == 0x20 { i += 1 }
    }
    let fileStart = i
    while i < n, i - fileStart < 128, text[i] != UInt8(ascii: ":"), text[i] != 0x20 { i += 1 }
    guard i > fileStart, i < n, text[i] == UInt8(ascii: ":") else { return nil }
    let fileEnd = i
    if !hasPid {
      guard fileEnd - fileStart > 3, text[fileEnd - 3] == UInt8(ascii: "."), text[fileEnd - 2] == UInt8(ascii: "g"),
        text[fileEnd - 1] == UInt8(ascii: "o")
      else { return nil }
    }
    i += 1
    let digitsStart = i
    var line = 0
    while i < n, i - digitsStart < 9, isDigit(text[i]) {
      line = line * 10 + Int(text[i] &- 0x30)
      i += 1
    }
    guard i > digitsStart, i < n, text[i] == UInt8(ascii: "]") else { return nil }
    i += 1
    if i < n, text[i] == 0x20 { i += 1 }
    return HeaderlessFragment(fileRange: fileStart..<fileEnd, sourceLine: line, messageStart: i)
  }
}
