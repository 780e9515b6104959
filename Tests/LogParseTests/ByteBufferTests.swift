import LogGen
import Testing

@testable import LogParse

/// The report's byte buffer holds what an array would, through every growth.
struct ByteBufferTests {
  /// Random appends of bytes, runs, raw memory, literals and blanks from a one-byte start: the
  /// text is the array model's, and clearing keeps nothing.
  @Test func holdsWhatAnArrayHoldsThroughGrowth() {
    var random = SplitMix64(seed: 3)
    var buffer = ByteBuffer(capacity: 1)
    var model: [UInt8] = []
    for _ in 0..<2_000 {
      let length = Int(random.next() % 40)
      let bytes = (0..<length).map { _ in UInt8(0x21 + random.next() % 90) }
      switch random.next() % 5 {
      case 0:
        if let first = bytes.first {
          buffer.append(first)
          model.append(first)
        }
      case 1:
        bytes.withUnsafeBufferPointer { buffer.append($0) }
        model += bytes
      case 2:
        bytes.withUnsafeBytes { buffer.append(raw: $0) }
        model += bytes
      case 3:
        buffer.append("null")
        model += Array("null".utf8)
      default:
        buffer.appendBlanks(length)
        model += [UInt8](repeating: 0x20, count: length)
      }
      #expect(buffer.count == model.count)
    }
    #expect(buffer.text == String(decoding: model, as: UTF8.self))
    buffer.removeAll()
    buffer.append("x")
    #expect(buffer.text == "x")
  }
}
