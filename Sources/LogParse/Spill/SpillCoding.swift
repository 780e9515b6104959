/// Appends values to a byte array in a compact binary form that ``SpillReader`` reads back.
///
/// Integers are zig-zag varints, doubles their bit patterns, strings a length and their UTF-8
/// bytes. Only this process reads what it writes, so the form has no version and no byte order
/// beyond little-endian varints.
struct SpillWriter {
  /// The bytes written so far.
  var bytes: [UInt8] = []

  /// Writes a signed integer.
  mutating func int(_ value: Int) {
    var zigzag = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
    while zigzag >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: zigzag) | 0x80)
      zigzag >>= 7
    }
    bytes.append(UInt8(zigzag))
  }

  /// Writes a Boolean.
  mutating func bool(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  /// Writes a double exactly.
  mutating func double(_ value: Double) {
    int(Int(Int64(bitPattern: value.bitPattern)))
  }

  /// Writes a string.
  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  /// Writes an optional: a presence flag, then the value.
  mutating func optional<Value>(_ value: Value?, _ write: (inout SpillWriter, Value) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }

  /// Writes an array: its count, then each element.
  mutating func array<Element>(_ values: [Element], _ write: (inout SpillWriter, Element) -> Void) {
    int(values.count)
    for value in values { write(&self, value) }
  }
}

/// Reads what a ``SpillWriter`` wrote, in the same order; nil where the bytes do not fit.
struct SpillReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var offset = 0

  /// A reader over `bytes`, which must stay valid while it is used.
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Reads a signed integer.
  mutating func int() -> Int? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count, shift < 64 {
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 {
        let decoded = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
        return Int(exactly: decoded)
      }
      shift += 7
    }
    return nil
  }

  /// Reads a Boolean.
  mutating func bool() -> Bool? {
    guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
    offset += 1
    return bytes[offset - 1] == 1
  }

  /// Reads a double.
  mutating func double() -> Double? {
    int().map { Double(bitPattern: UInt64(bitPattern: Int64($0))) }
  }

  /// Reads a string.
  mutating func string() -> String? {
    guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    offset += count
    return text
  }

  /// Reads an optional written by ``SpillWriter/optional(_:_:)``: `.some(nil)` when absent.
  mutating func optional<Value>(_ read: (inout SpillReader) -> Value?) -> Value?? {
    guard let present = bool() else { return nil }
    guard present else { return .some(nil) }
    guard let value = read(&self) else { return nil }
    return .some(value)
  }

  /// Reads an array written by ``SpillWriter/array(_:_:)``.
  mutating func array<Element>(_ read: (inout SpillReader) -> Element?) -> [Element]? {
    guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
    var values: [Element] = []
    values.reserveCapacity(count)
    for _ in 0..<count {
      guard let value = read(&self) else { return nil }
      values.append(value)
    }
    return values
  }
}
