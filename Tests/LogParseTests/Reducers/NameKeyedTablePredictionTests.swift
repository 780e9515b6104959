import LogGen
import Testing

@testable import LogParse

/// A per-node table's lookup by the previous loop's order (``NameKeyedTable/find(name:)``) gives
/// what a lookup by hash gives, whatever the order, the removals and the names' lengths.
struct NameKeyedTablePredictionTests {
  /// The entry `find(name:)` gives for `text`, and the hash the name then holds.
  static func find(_ table: inout NameKeyedTable<Int>, _ text: String) -> (entry: Int?, hash: UInt64) {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      var name = LineName(bytes)
      let entry = table.find(name: &name)
      return (entry, name.hash())
    }
  }

  /// Whether the table's next lookup of `text` is predicted (found without a hash).
  static func isPredicted(_ table: NameKeyedTable<Int>, _ text: String) -> Bool {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      var name = LineName(bytes)
      table.predict(&name)
      return name.entry != nil
    }
  }

  /// Names of 1 to 60 bytes and a few of thousands, some sharing a length and all but a byte.
  static func names(_ random: inout SplitMix64, count: Int) -> [String] {
    var names: Set<String> = []
    while names.count < count {
      let length = random.next() % 8 == 0 ? 2_000 + Int(random.next() % 3_000) : 1 + Int(random.next() % 60)
      names.insert(String(decoding: (0..<length).map { _ in UInt8(0x61 + random.next() % 3) }, as: UTF8.self))
    }
    return names.sorted()
  }

  /// Loops of lookups in one order, with names inserted, removed and shuffled between them: each
  /// lookup gives the entry holding the name (nil for a name not held) and the name's own hash,
  /// through removals that move entries and that store the held names' bytes again.
  @Test func aPredictedLookupGivesWhatTheHashGives() {
    var random = SplitMix64(seed: 38)
    let all = Self.names(&random, count: 120)
    var table = NameKeyedTable<Int>()
    var order = Array(all.prefix(60))
    for name in order { table.insert(name, hash: NameKeyedTable<Int>.hash(name), value: name.utf8.count) }
    for loop in 0..<40 {
      for text in order + [all[60 + loop % 60]] {
        let (entry, hash) = Self.find(&table, text)
        let expected = Array(text.utf8).withUnsafeBufferPointer { table.find(bytes: $0, hash: NameGeneration.hash($0)) }
        #expect(entry == expected, "loop \(loop), \(text.utf8.count) bytes")
        #expect(entry.map { table.keys[$0] } == (expected == nil ? nil : text))
        #expect(hash == NameKeyedTable<Int>.hash(text))
      }
      // Change the table and the order between loops: a removal moves the last entry.
      switch loop % 4 {
      case 0:
        // Every other removal takes the longest name: removed bytes soon outweigh the held ones.
        let longest = order.indices.max { order[$0].utf8.count < order[$1].utf8.count } ?? 0
        let gone = order.remove(at: loop % 8 == 0 ? longest : Int(random.next() % UInt64(order.count)))
        #expect(table.removeValue(forKey: gone) == gone.utf8.count)
      case 1:
        let new = all[60 + Int(random.next() % 60)]
        if table[new] == nil {
          table.insert(new, hash: NameKeyedTable<Int>.hash(new), value: new.utf8.count)
          order.insert(new, at: Int(random.next() % UInt64(order.count + 1)))
        }
      case 2: order.swapAt(Int(random.next() % UInt64(order.count)), Int(random.next() % UInt64(order.count)))
      default: break
      }
    }
    for name in order { #expect(table[name] == name.utf8.count) }
  }

  /// After one loop in an order, the next loop's every lookup is predicted; a lookup out of
  /// order is not, and an emptied table predicts nothing.
  @Test func theNextLoopInTheSameOrderIsPredicted() {
    let order = (0..<50).map { "ip-10-0-\($0 / 10)-\($0).ec2.internal" }
    var table = NameKeyedTable<Int>()
    for (value, name) in order.enumerated() { table.insert(name, hash: NameKeyedTable<Int>.hash(name), value: value) }
    for name in order { _ = Self.find(&table, name) }
    for (value, name) in order.enumerated() {
      if value > 0 { #expect(Self.isPredicted(table, name), "\(name)") }
      #expect(Self.find(&table, name).entry.map { table[entry: $0] } == value)
    }
    #expect(!Self.isPredicted(table, order[10]))
    table.removeAll()
    #expect(!Self.isPredicted(table, order[1]))
    #expect(Self.find(&table, order[1]).entry == nil)
  }
}
