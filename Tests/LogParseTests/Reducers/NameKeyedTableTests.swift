import Testing

@testable import LogParse

/// The reducers' table keyed by name: the same answers as a dictionary, whatever the order of
/// insertions and removals, and one key per text whatever the string's storage.
struct NameKeyedTableTests {
  /// A deterministic generator (a linear congruential one), so a failure repeats.
  private struct Numbers {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  private static func insertOrUpdate(_ name: String, _ value: Int, in table: inout NameKeyedTable<Int>) {
    let hash = NameKeyedTable<Int>.hash(name)
    if let entry = table.find(name, hash: hash) {
      table[entry: entry] = value
    } else {
      table.insert(name, hash: hash, value: value)
    }
  }

  @Test func answersAsADictionaryThroughInsertionsAndRemovals() {
    var table = NameKeyedTable<Int>()
    var model: [String: Int] = [:]
    var numbers = Numbers(state: 16)
    // Few names for many operations: probe chains form, and removals shift entries back into them.
    let names = (0..<300).map { "ip-10-0-\($0 / 256)-\($0 % 256).ec2.internal" }
    for step in 0..<20_000 {
      let name = names[numbers.next(names.count)]
      if numbers.next(3) == 0 {
        #expect(table.removeValue(forKey: name) == model.removeValue(forKey: name))
      } else {
        Self.insertOrUpdate(name, step, in: &table)
        model[name] = step
      }
      if step % 997 == 0 {
        #expect(table.count == model.count)
        for name in names { #expect(table[name] == model[name], "\(name) after step \(step)") }
      }
      // By identity, once cached: entries move as others are removed, so a stale cache must miss.
      if step % 7 == 0 {
        let probe = names[numbers.next(names.count)]
        #expect(table.entry(of: probe).map { table[entry: $0] } == model[probe], "\(probe) after step \(step)")
        let copy = String(decoding: Array(probe.utf8), as: UTF8.self)
        #expect(table.entry(of: copy).map { table.keys[$0] } == model[probe].map { _ in probe })
      }
    }
    #expect(table.count == model.count)
    for name in names { #expect(table[name] == model[name]) }
    #expect(Set(table.keys) == Set(model.keys))
  }

  @Test func equalTextIsOneKeyWhateverItsStorage() {
    var table = NameKeyedTable<Int>()
    let name = "gke-cluster-default-pool-1a2b3c4d-wxyz"
    table.insert(name, hash: NameKeyedTable<Int>.hash(name), value: 1)
    // The same text in a string of its own storage, and a short name stored inline.
    let copy = String(decoding: Array(name.utf8), as: UTF8.self)
    #expect(table[copy] == 1)
    table.insert("n1", hash: NameKeyedTable<Int>.hash("n1"), value: 2)
    #expect(table[String(decoding: Array("n1".utf8), as: UTF8.self)] == 2)
    #expect(table["n2"] == nil)
    #expect(table[String(name.dropLast())] == nil)
  }

  @Test func removeAllEmptiesTheTableForNewNames() {
    var table = NameKeyedTable<Int>()
    let names = (0..<100).map { "node-name-long-enough-to-be-stored-\($0)" }
    for (index, name) in names.enumerated() { Self.insertOrUpdate(name, index, in: &table) }
    for (index, name) in names.enumerated() { #expect(table.entry(of: name).map { table[entry: $0] } == index) }
    table.removeAll()
    #expect(names.allSatisfy { table.entry(of: $0) == nil }, "no cached identity outlives its entry")
    #expect(table.count == 0)
    #expect(table["n5"] == nil)
    Self.insertOrUpdate("n5", 7, in: &table)
    #expect(table["n5"] == 7)
    #expect(table.count == 1)
  }

  /// Lookups with the same text in strings of different storage (each segment's parser makes its
  /// own), interleaved and repeated, find the one entry each time, and the keys keep their text.
  @Test func findsOneEntryForTheSameTextInDistinctStrings() {
    var table = NameKeyedTable<Int>()
    var numbers = Numbers(state: 3)
    let texts = (0..<200).map { "ip-10-0-\($0 / 256)-\($0 % 256).ec2.internal" }
    // Three copies of each name, each in storage of its own.
    let copies = (0..<3).map { _ in texts.map { String(decoding: Array($0.utf8), as: UTF8.self) } }
    for (index, text) in texts.enumerated() { table.insert(text, hash: NameKeyedTable<Int>.hash(text), value: index) }
    for _ in 0..<20_000 {
      let name = numbers.next(texts.count)
      let copy = copies[numbers.next(copies.count)][name]
      #expect(table.entry(of: copy).map { table[entry: $0] } == name)
    }
    #expect(table.count == texts.count)
    for (index, text) in texts.enumerated() { #expect(table[text] == index) }
    #expect(table.entry(of: "ip-10-0-9-9.ec2.internal") == nil)
  }
}
