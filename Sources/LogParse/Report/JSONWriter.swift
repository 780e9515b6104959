/// A minimal JSON writer that keeps field order and escapes every control character.
///
/// It appends bytes to one buffer: no `String` is made for a key, a number or a separator.
struct JSONWriter: ~Copyable {
  /// The bytes written so far.
  private var bytes = ByteBuffer(capacity: 1 << 16)
  /// Whether the innermost open container (the top level when none is open) has an item yet; each
  /// container around it has one, the container open inside it.
  private var hasItem = false
  /// How many containers are open.
  private var depth = 0
  private let pretty: Bool
  private var pendingKey = false

  /// A writer producing pretty-printed (two-space indent) or compact (`pretty: false`) JSON.
  init(pretty: Bool = true) {
    self.pretty = pretty
  }

  /// The text written so far.
  var output: String { bytes.text }

  /// Hands the text written so far to `sink` once it passes 64 KiB, so that a large report is
  /// written in pieces and never held whole.
  mutating func drain(to sink: (String) -> Void) {
    guard bytes.count >= 1 << 16 else { return }
    sink(output)
    bytes.removeAll()
  }

  mutating func beginObject() { openContainer(UInt8(ascii: "{")) }
  mutating func endObject() { closeContainer(UInt8(ascii: "}")) }
  mutating func beginArray() { openContainer(UInt8(ascii: "[")) }
  mutating func endArray() { closeContainer(UInt8(ascii: "]")) }

  /// Writes a key of the current object; the value follows.
  mutating func key(_ name: String) {
    separate()
    appendQuoted(name)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(0x20) }
    hasItem = false
    pendingKey = true
  }

  mutating func string(_ value: String?) {
    guard let value else { return null() }
    separate()
    appendQuoted(value)
    hasItem = true
  }

  mutating func int(_ value: Int?) {
    guard let value else { return null() }
    separate()
    appendDecimal(value)
    hasItem = true
  }

  mutating func double(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    if value == value.rounded(), abs(value) < 1e15 {
      int(Int(value))
    } else {
      scalar(String(value))
    }
  }

  mutating func bool(_ value: Bool?) {
    guard let value else { return null() }
    scalar(value ? "true" : "false")
  }

  mutating func null() { scalar("null") }

  /// Writes `name: value` for a string.
  mutating func field(_ name: String, _ value: String?) {
    key(name)
    string(value)
  }

  mutating func field(_ name: String, _ value: Int?) {
    key(name)
    int(value)
  }

  mutating func field(_ name: String, _ value: Double?) {
    key(name)
    double(value)
  }

  mutating func field(_ name: String, _ value: Bool?) {
    key(name)
    bool(value)
  }

  /// Writes `name: [strings]`.
  mutating func field(_ name: String, strings: [String]) {
    key(name)
    beginArray()
    for value in strings { string(value) }
    endArray()
  }

  /// Writes `name: [ints]` on one line.
  mutating func field(_ name: String, ints: [Int]) {
    key(name)
    separate()
    bytes.append(UInt8(ascii: "["))
    for (index, value) in ints.enumerated() {
      if index > 0 {
        bytes.append(UInt8(ascii: ","))
        bytes.append(0x20)
      }
      appendDecimal(value)
    }
    bytes.append(UInt8(ascii: "]"))
    hasItem = true
  }

  private mutating func scalar(_ text: StaticString) {
    separate()
    bytes.append(text)
    hasItem = true
  }

  private mutating func scalar(_ text: String) {
    separate()
    var text = text
    text.withUTF8 { bytes.append($0) }
    hasItem = true
  }

  private mutating func separate() {
    if pendingKey {
      pendingKey = false
      return
    }
    if hasItem { bytes.append(UInt8(ascii: ",")) }
    if pretty, depth > 0 { newline(depth: depth) }
  }

  /// A line break and the indentation of `depth` levels.
  private mutating func newline(depth: Int) {
    bytes.append(0x0A)
    bytes.appendBlanks(2 * depth)
  }

  private mutating func openContainer(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    depth += 1
    hasItem = false
  }

  private mutating func closeContainer(_ bracket: UInt8) {
    let hadItems = hasItem
    hasItem = true
    depth -= 1
    if hadItems, pretty { newline(depth: depth) }
    bytes.append(bracket)
  }

  /// Appends `value` in decimal.
  private mutating func appendDecimal(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      bytes.append(raw: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }

  /// Appends `text` as a JSON string: quoted, with quotes, backslashes and control characters escaped.
  private mutating func appendQuoted(_ text: String) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { Self.appendEscaped($0, to: &bytes) }
    bytes.append(0x22)
  }

  /// `text` as the inside of a JSON string: quotes, backslashes and all control characters escaped.
  static func escape(_ text: String) -> String {
    var text = text
    var escaped = ByteBuffer(capacity: text.utf8.count + 16)
    text.withUTF8 { appendEscaped($0, to: &escaped) }
    return escaped.text
  }

  /// Appends the UTF-8 of valid text escaped for the inside of a JSON string: a quote, a backslash,
  /// `\n`, `\r` and `\t` as such, other control bytes and DEL as `\u00XX` (lower-case hex), and
  /// U+2028 and U+2029 as `\u2028` and `\u2029`; every other byte as it is.
  static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
    // Most text needs no escaping: printable ASCII without quotes or backslashes, found eight
    // bytes at a time and copied at once.
    if let base = utf8.baseAddress, WordScan.jsonPlainRun(base, from: 0, count: utf8.count) == utf8.count {
      out.append(utf8)
      return
    }
    guard !utf8.isEmpty else { return }
    var index = 0
    while index < utf8.count {
      let byte = utf8[index]
      index += 1
      if WordScan.isJSONPlain(byte) || byte >= 0x80 {
        if byte == 0xE2, index + 1 < utf8.count, utf8[index] == 0x80, utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9
        {
          out.append(utf8[index + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#)
          index += 2
        } else {
          out.append(byte)
        }
        continue
      }
      out.append(0x5C)
      switch byte {
      case 0x22: out.append(0x22)
      case 0x5C: out.append(0x5C)
      case 0x0A: out.append(UInt8(ascii: "n"))
      case 0x0D: out.append(UInt8(ascii: "r"))
      case 0x09: out.append(UInt8(ascii: "t"))
      default:
        out.append("u00")
        out.append(hexDigit(byte >> 4))
        out.append(hexDigit(byte & 0x0F))
      }
    }
  }

  /// The lower-case hex digit of a value below 16.
  @inline(__always)
  private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
}
