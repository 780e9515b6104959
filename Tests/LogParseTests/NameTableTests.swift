import Testing

@testable import LogParse

/// Interned names: one id per name, names back from ids, bounded generations.
struct NameTableTests {
  @Test func sameNameSameIdOtherNameOtherId() {
    var table = NameTable()
    let a = table.intern("ip-10-0-1-5.ec2.internal")
    let b = table.intern("ip-10-0-1-6.ec2.internal")
    #expect(a != b)
    #expect(table.intern("ip-10-0-1-5.ec2.internal") == a)
    #expect(table.name(a) == "ip-10-0-1-5.ec2.internal")
    #expect(table.name(b) == "ip-10-0-1-6.ec2.internal")
    #expect(table.count == 2)
  }

  @Test func bytesAndStringsMeetAtOneId() {
    var table = NameTable()
    let fromString = table.intern("eks-ng-a")
    let line = Array("group eks-ng-a size".utf8)
    let fromBytes = line.withUnsafeBufferPointer { table.intern($0, 6..<14) }
    #expect(fromBytes == fromString)
  }

  @Test func emptyAndPrefixNamesAreDistinct() {
    var table = NameTable()
    let empty = table.intern("")
    let a = table.intern("a")
    let ab = table.intern("ab")
    #expect(Set([empty, a, ab]).count == 3)
    #expect(table.name(empty) == "")
  }

  @Test func unknownIdHasNoName() {
    let table = NameTable()
    #expect(table.name(NameId(rawValue: 7)) == nil)
  }

  @Test func anActiveNameKeepsItsIdAcrossGenerations() {
    var table = NameTable(generationCapacity: 4)
    let kept = table.intern("node-kept")
    for index in 0..<100 {
      _ = table.intern("node-\(index)")
      #expect(table.intern("node-kept") == kept)
    }
    #expect(table.name(kept) == "node-kept")
    #expect(table.count <= 8)
  }

  @Test func aNameGoneForTwoGenerationsGetsANewId() {
    var table = NameTable(generationCapacity: 4)
    let old = table.intern("node-old")
    for index in 0..<20 { _ = table.intern("node-\(index)") }
    #expect(table.name(old) == nil)
    let again = table.intern("node-old")
    #expect(again != old)
    #expect(again > old)
  }

  @Test func memoryStaysBoundedForAnyCardinality() {
    var table = NameTable(generationCapacity: 1000, generationBytes: 8192)
    var largest = 0
    var lastId = NameId(rawValue: 0)
    for index in 0..<50_000 {
      let id = table.intern("pod-with-a-longish-name-\(index)")
      #expect(index == 0 || id > lastId)
      lastId = id
      largest = max(largest, table.byteCount)
    }
    #expect(largest <= 2 * 8192)
    #expect(table.count <= 2000)
  }

  @Test func unboundedTableKeepsEveryName() {
    var table = NameTable.unbounded()
    let ids = (0..<5000).map { table.intern("n\($0)") }
    #expect(Set(ids).count == 5000)
    #expect(table.name(ids[0]) == "n0")
    #expect(table.count == 5000)
  }
}

/// Names back from ids in every generation, and hashes that tell names apart.
struct NameTableLookupTests {
  @Test func everyHeldIdResolvesAfterRotations() {
    var table = NameTable(generationCapacity: 7)
    var held: [(NameId, String)] = []
    for index in 0..<40 {
      let name = "node-\(index)-" + String(repeating: "x", count: index % 13)
      held.append((table.intern(name), name))
      // Names of the last generation or two still resolve, whether new or carried over.
      for (id, expected) in held.suffix(7) { #expect(table.name(id) == expected) }
      if index % 3 == 0 { _ = table.intern("node-kept") }
    }
    #expect(table.name(table.intern("node-kept")) == "node-kept")
  }

  @Test func namesDifferingInOneByteAnywhereAreDistinct() {
    var table = NameTable()
    let base = Array("ip-10-0-1-5.eu-west-1.compute.internal".utf8)
    var ids: Set<NameId> = []
    for position in base.indices {
      var changed = base
      changed[position] ^= 0x01
      ids.insert(changed.withUnsafeBufferPointer { table.intern($0) })
    }
    ids.insert(base.withUnsafeBufferPointer { table.intern($0) })
    #expect(ids.count == base.count + 1)
  }

  /// A name read by hand gets the table's string at once, new or known, with the id `intern` gives.
  @Test func stringInterningGivesTheNameAndKeepsIt() {
    var table = NameTable(generationCapacity: 2, generationBytes: 1 << 10)
    for name in ["a", "b", "c", "a", "d", "b"] {
      let bytes = Array(name.utf8)
      let string = bytes.withUnsafeBufferPointer { table.string(interning: $0) }
      #expect(string == name)
      let id = bytes.withUnsafeBufferPointer { table.intern($0) }
      #expect(table.name(id) == name)
    }
  }
}
