import LogGen
import Testing

@testable import LogParse

/// A per-node table finds a name by its bytes exactly as by its string.
struct NameKeyedTableBytesTests {
  /// The entry ``NameKeyedTable/find(bytes:hash:)`` gives for `text`'s bytes, under `hash`
  /// (the text's own by default).
  static func find(_ table: NameKeyedTable<Int>, _ text: String, hash: UInt64? = nil) -> Int? {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      table.find(bytes: bytes, hash: hash ?? NameGeneration.hash(bytes))
    }
  }

  /// Names of every length from 0 to 40 bytes (short strings held inline, longer ones in storage),
  /// found by their bytes; the same length or hash with other bytes is not found.
  @Test func aNameIsFoundByItsBytesAndNoOtherIs() {
    var random = SplitMix64(seed: 11)
    var table = NameKeyedTable<Int>()
    var names: [String] = []
    for length in 0...40 {
      let name = String(
        decoding: (0..<length).map { _ in UInt8(0x61 + random.next() % 26) }, as: UTF8.self)
      guard !names.contains(name) else { continue }
      names.append(name)
      table.insert(name, hash: NameKeyedTable<Int>.hash(name), value: length)
    }
    for (entry, name) in names.enumerated() {
      #expect(Self.find(table, name) == entry, "\(name.utf8.count) bytes")
      guard let last = name.utf8.last else { continue }
      // One byte changed, under the name's own hash: the bytes decide, not the hash.
      let other = String(decoding: name.utf8.dropLast() + [last == 0x7A ? 0x61 : last + 1], as: UTF8.self)
      #expect(Self.find(table, other, hash: NameKeyedTable<Int>.hash(name)) == nil, "\(other)")
      // A prefix under the name's hash: the length decides.
      #expect(Self.find(table, String(name.dropLast()), hash: NameKeyedTable<Int>.hash(name)) == nil)
    }
  }

  /// A name held as a string built another way (not native UTF-8 made from bytes) is found too.
  @Test func aKeyMadeByInterpolationIsFound() {
    var table = NameKeyedTable<Int>()
    let number = 42
    let name = "ip-10-0-0-\(number).ec2.internal"
    table.insert(name, hash: NameKeyedTable<Int>.hash(name), value: 1)
    #expect(Self.find(table, "ip-10-0-0-42.ec2.internal") == 0)
    #expect(Self.find(table, "ip-10-0-0-43.ec2.internal") == nil)
  }
}
