/// The `iterationId` of a structured CAS record: `<8 hex>-<n>`, a process hash and a loop number.
///
/// CAS 1.38 logs it through `WithValues` on every main-loop record at every verbosity; the hash
/// changes at every process start. Read from bytes, without a `String`, and validated: exactly
/// eight hex digits, a `-`, and a decimal number of at most 18 digits.
public struct IterationId: Hashable, Sendable, CustomStringConvertible {
  /// The eight hex digits: a hash of the process's start time.
  public var process: UInt32
  /// The loop's number within the process.
  public var number: Int

  /// Creates an id from its parts.
  public init(process: UInt32, number: Int) {
    self.process = process
    self.number = number
  }

  /// `1f0c9a7e-42`.
  public var description: String {
    let hex = String(process, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex + "-\(number)"
  }

  /// The id `bytes` spell exactly (`1f0c9a7e-42`), or nil.
  public static func parse(_ bytes: some Collection<UInt8>) -> IterationId? {
    var process: UInt32 = 0
    var number = 0
    var index = 0
    var digits = 0
    for byte in bytes {
      if index < 8 {
        guard let digit = HexDigits.value(byte) else { return nil }
        process = process << 4 | UInt32(digit)
      } else if index == 8 {
        guard byte == UInt8(ascii: "-") else { return nil }
      } else {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 else { return nil }
        number = number * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    return IterationId(process: process, number: number)
  }

  /// The `iterationId="…"` of a klog text record's message, or nil.
  ///
  /// The message must be Go-quoted (the structured form); the id is the first key after it, or
  /// the second after an `err="…"` (`logger.Error` puts `err` first). No other key is read.
  static func scan(message: UnsafeBufferPointer<UInt8>) -> IterationId? {
    guard message.first == UInt8(ascii: "\""), var i = quotedEnd(message, from: 0) else { return nil }
    for _ in 0..<2 {
      guard i < message.count, message[i] == 0x20 else { return nil }
      i += 1
      if ByteSearch.hasPrefix(UnsafeBufferPointer(rebasing: message[i...]), key) {
        let start = i + key.count
        var end = start
        while end < message.count, end - start <= 27, message[end] != UInt8(ascii: "\"") { end += 1 }
        guard end < message.count else { return nil }
        return parse(UnsafeBufferPointer(rebasing: message[start..<end]))
      }
      guard ByteSearch.hasPrefix(UnsafeBufferPointer(rebasing: message[i...]), errorKey),
        let after = quotedEnd(message, from: i + errorKey.count - 1)
      else {
        return nil
      }
      i = after
    }
    return nil
  }

  private static let key = Array("iterationId=\"".utf8)
  private static let errorKey = Array("err=\"".utf8)

  /// The offset after the closing quote of the Go-quoted string whose opening quote is at `start`.
  private static func quotedEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start + 1
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "\\"): i += 2
      case UInt8(ascii: "\""): return i + 1
      case 0x0A: return nil
      default: i += 1
      }
    }
    return nil
  }
}
