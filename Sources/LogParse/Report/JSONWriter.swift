/// A minimal JSON writer that keeps field order and escapes every control character.
struct JSONWriter {
  /// The text written so far.
  private(set) var output = ""
  private var needsComma = [false]
  private let indentUnit: String?

  /// A writer producing pretty-printed (two-space indent) or compact (`pretty: false`) JSON.
  init(pretty: Bool = true) {
    indentUnit = pretty ? "  " : nil
  }

  /// Hands the text written so far to `sink` once it passes 64 KiB, so that a large report is
  /// written in pieces and never held whole.
  mutating func drain(to sink: (String) -> Void) {
    guard output.utf8.count >= 1 << 16 else { return }
    sink(output)
    output.removeAll(keepingCapacity: true)
  }

  mutating func beginObject() { openContainer("{") }
  mutating func endObject() { closeContainer("}") }
  mutating func beginArray() { openContainer("[") }
  mutating func endArray() { closeContainer("]") }

  /// Writes a key of the current object; the value follows.
  mutating func key(_ name: String) {
    separate()
    output += "\"" + JSONWriter.escape(name) + "\":" + (indentUnit == nil ? "" : " ")
    needsComma[needsComma.count - 1] = false
    pendingKey = true
  }

  mutating func string(_ value: String?) {
    guard let value else { return null() }
    scalar("\"" + JSONWriter.escape(value) + "\"")
  }

  mutating func int(_ value: Int?) {
    guard let value else { return null() }
    scalar(String(value))
  }

  mutating func double(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    if value == value.rounded(), abs(value) < 1e15 {
      scalar(String(Int(value)))
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
    output += "[" + ints.map(String.init).joined(separator: ", ") + "]"
    needsComma[needsComma.count - 1] = true
  }

  private var pendingKey = false

  private mutating func scalar(_ text: String) {
    separate()
    output += text
    needsComma[needsComma.count - 1] = true
  }

  private mutating func separate() {
    if pendingKey {
      pendingKey = false
      return
    }
    if needsComma[needsComma.count - 1] { output += "," }
    if let indentUnit, needsComma.count > 1 {
      output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1)
    }
  }

  private mutating func openContainer(_ bracket: String) {
    separate()
    output += bracket
    needsComma[needsComma.count - 1] = true
    needsComma.append(false)
  }

  private mutating func closeContainer(_ bracket: String) {
    let hadItems = needsComma.removeLast()
    if hadItems, let indentUnit {
      output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1)
    }
    output += bracket
  }

  /// `text` as the inside of a JSON string: quotes, backslashes and all control characters escaped.
  static func escape(_ text: String) -> String {
    // Most text needs no escaping: printable ASCII without quotes or backslashes.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
