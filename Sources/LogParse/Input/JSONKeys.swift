/// The keys of the first JSON object in some bytes, to name the shape of JSON cas-logs cannot read.
///
/// A single pass that tracks strings (with escapes) and nesting depth; no value is decoded and
/// nothing recurses, so any input costs one look at each byte.
enum JSONKeys {
  /// Up to `limit` keys of the first object in `bytes` (the first `{`, at any depth of arrays),
  /// each cut at ``InputSniffer/quotedBytes`` bytes.
  static func firstObjectKeys(_ bytes: [UInt8], limit: Int) -> [String] {
    guard let open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return [] }
    var keys: [String] = []
    var depth = 0
    var index = open
    // Whether the next string at depth 1 is a key (after `{` or `,`), not a value.
    var expectsKey = false
    while index < bytes.count, keys.count < limit {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        expectsKey = depth == 1 && byte == UInt8(ascii: "{")
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth <= 0 { return keys }
      case UInt8(ascii: ","):
        expectsKey = depth == 1
      case UInt8(ascii: "\""):
        let start = index + 1
        index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        if expectsKey {
          let end = min(index, bytes.count, start + InputSniffer.quotedBytes)
          keys.append(String(decoding: bytes[start..<max(start, end)], as: UTF8.self))
          expectsKey = false
        }
      default: break
      }
      index += 1
    }
    return keys
  }
}
