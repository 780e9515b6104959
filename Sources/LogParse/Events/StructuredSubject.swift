/// The subject a structured record gives its catalogue entry: the text and capture offsets its build closure reads.
///
/// Built in buffers reused from record to record: for a keys form, the message with its pairs
/// (`Failed adding nodes to group nodeGroupId=… errorCode=…`, what failure detection reads) and
/// then each key's value, adapted, with its offsets as capture groups; for a printf form, the
/// printf text with the values in its places, for the entry's own pattern.
struct StructuredSubject {
  /// The subject's bytes.
  private(set) var bytes: [UInt8] = []
  /// Start and end offsets of each group, from group 0 (the message); -1 for a missing value.
  private(set) var offsets: [Int] = []
  /// The end of the message part of ``bytes`` (group 0).
  private(set) var messageEnd = 0
  /// Values found out of range while building subjects (times outside the supported years), to be counted.
  var outOfRange = 0

  /// The key names of the context (values every record of a loop carries), left out of the message text.
  private static let contextKeys: [[UInt8]] = [Array("iterationId".utf8)]

  /// Builds the subject of `form` (its keys' names as bytes in `names`) from `fields`.
  mutating func build(_ form: StructuredForm, names: [[UInt8]], fields: StructuredFields) {
    bytes.removeAll(keepingCapacity: true)
    offsets.removeAll(keepingCapacity: true)
    fields.scratch.withUnsafeBufferPointer { scratch in
      if let printf = form.printf {
        var keyIndex = 0
        var rest = Substring(printf).utf8[...]
        while let percent = rest.firstIndex(of: UInt8(ascii: "%")) {
          bytes.append(contentsOf: rest[..<percent])
          let after = rest.index(after: percent)
          guard after < rest.endIndex, rest[after] == UInt8(ascii: "v") else {
            bytes.append(UInt8(ascii: "%"))
            rest = rest[after...]
            continue
          }
          if keyIndex < form.keys.count {
            _ = append(form.keys[keyIndex], name: names[keyIndex], fields: fields, scratch: scratch)
          }
          keyIndex += 1
          rest = rest[rest.index(after: after)...]
        }
        bytes.append(contentsOf: rest)
        messageEnd = bytes.count
        offsets = [0, messageEnd]
        return
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[fields.message]))
      pairs: for pair in fields.pairs {
        let key = UnsafeBufferPointer(rebasing: scratch[pair.key])
        for context in StructuredSubject.contextKeys {
          if context.withUnsafeBufferPointer({ ByteSearch.equal(key, $0) }) { continue pairs }
        }
        bytes.append(0x20)
        bytes.append(contentsOf: key)
        bytes.append(UInt8(ascii: "="))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[pair.value]))
      }
      messageEnd = bytes.count
      offsets = [0, messageEnd]
      for (index, key) in form.keys.enumerated() {
        if let range = append(key, name: names[index], fields: fields, scratch: scratch) {
          offsets += [range.lowerBound, range.upperBound]
        } else {
          offsets += [-1, -1]
        }
      }
    }
  }

  /// Appends the value `key` reads and returns its range, or nil when the record lacks it.
  private mutating func append(
    _ key: StructuredKey, name: [UInt8], fields: StructuredFields, scratch: UnsafeBufferPointer<UInt8>
  ) -> Range<Int>? {
    let start = bytes.count
    if case .constant = key.reading {
      bytes.append(contentsOf: key.name.utf8)
      return start..<bytes.count
    }
    guard let range = name.withUnsafeBufferPointer({ fields.value($0) }) else { return nil }
    let value = UnsafeBufferPointer(rebasing: scratch[range])
    switch key.reading {
    case .value, .constant:
      bytes.append(contentsOf: value)
    case .field(let field):
      guard appendField(field, of: value, last: false) else { return nil }
    case .lastField(let field):
      guard appendField(field, of: value, last: true) else { return nil }
    case .list:
      appendList(value)
    case .time:
      guard appendTime(value) else { return nil }
    case .unbracketed:
      var inner = value
      if inner.first == UInt8(ascii: "["), inner.last == UInt8(ascii: "]"), inner.count >= 2 {
        inner = UnsafeBufferPointer(rebasing: inner[1..<(inner.count - 1)])
      }
      bytes.append(contentsOf: inner)
    }
    return start..<bytes.count
  }

  /// Appends field `field` of a `%+v` struct (`{A:1 B:{C:x D:y z}}`) or a JSON object; false when it has none.
  ///
  /// A `%+v` field ends at the next space or closing brace; the last field of a struct (`last`)
  /// runs to the closing braces of every struct it is in, so it may hold spaces.
  private mutating func appendField(_ field: String, of value: UnsafeBufferPointer<UInt8>, last: Bool) -> Bool {
    let json = Array("\"\(field)\":".utf8)
    if let found = ByteSearch.offset(of: json, in: value) {
      return appendJSONValue(UnsafeBufferPointer(rebasing: value[(found + json.count)...]))
    }
    let text = Array("\(field):".utf8)
    var from = 0
    while let found = ByteSearch.offset(of: text, in: value, from: from) {
      from = found + 1
      // A field name follows `{` or a space.
      guard found > 0, value[found - 1] == UInt8(ascii: "{") || value[found - 1] == 0x20 else { continue }
      var depth = 0
      for byte in UnsafeBufferPointer(rebasing: value[..<found]) {
        if byte == UInt8(ascii: "{") { depth += 1 } else if byte == UInt8(ascii: "}") { depth = max(0, depth - 1) }
      }
      let start = found + text.count
      var end = start
      if last {
        end = value.count
        var closing = depth
        while closing > 0, end > start, value[end - 1] == UInt8(ascii: "}") {
          end -= 1
          closing -= 1
        }
      } else {
        while end < value.count, value[end] != 0x20, value[end] != UInt8(ascii: "}") { end += 1 }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<end]))
      return true
    }
    return false
  }

  /// Appends a JSON value at the start of `text`: a string decoded (as ``JSONLineScanner`` decodes
  /// strings), else its raw text.
  private mutating func appendJSONValue(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = text.first else { return false }
    if first == UInt8(ascii: "\"") {
      // An unclosed string keeps what was decoded before its end.
      _ = JSONLineScanner.decodeString(text, from: 0, into: &bytes)
      return true
    }
    var end = 0
    while end < text.count, text[end] != UInt8(ascii: ","), text[end] != UInt8(ascii: "}") { end += 1 }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<end]))
    return true
  }

  /// Appends a time as Go's `time.Time.String()` writes it; false (counted when out of range) when it is none.
  ///
  /// Text logging writes that form already; JSON logging writes epoch milliseconds (`1773406480139.187`)
  /// or RFC 3339; the milliseconds become `2026-03-13 12:54:40.139187 +0000 UTC`.
  private mutating func appendTime(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    let numeric =
      !value.isEmpty
      && value.allSatisfy {
        isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
          || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
      }
    if numeric {
      guard value.count <= 400, let milliseconds = Double(String(decoding: value, as: UTF8.self)),
        let time = FullTime(epochMilliseconds: milliseconds)
      else {
        outOfRange += 1
        return false
      }
      let text = time.rfc3339.dropLast()  // the `Z`
      bytes.append(contentsOf: text.utf8.map { $0 == UInt8(ascii: "T") ? 0x20 : $0 })
      bytes.append(contentsOf: " +0000 UTC".utf8)
      return true
    }
    let start = bytes.count
    bytes.append(contentsOf: value)
    // RFC 3339 (`2026-03-13T12:54:40Z`) takes Go's space between date and time.
    if value.count > 10, value[10] == UInt8(ascii: "T") || value[10] == UInt8(ascii: "t") { bytes[start + 10] = 0x20 }
    return true
  }

  /// Appends a list's names separated by commas: `[a b]`, `["a","b"]` and `a, b` give `a,b`.
  private mutating func appendList(_ value: UnsafeBufferPointer<UInt8>) {
    var inner = value
    if inner.first == UInt8(ascii: "["), inner.last == UInt8(ascii: "]"), inner.count >= 2 {
      inner = UnsafeBufferPointer(rebasing: inner[1..<(inner.count - 1)])
    }
    var pending = false
    var wrote = false
    for byte in inner {
      switch byte {
      case 0x20, UInt8(ascii: ","):
        pending = true
      case UInt8(ascii: "\""):
        continue
      default:
        if pending, wrote { bytes.append(UInt8(ascii: ",")) }
        pending = false
        wrote = true
        bytes.append(byte)
      }
    }
  }
}
