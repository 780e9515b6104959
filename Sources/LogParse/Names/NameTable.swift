import Glibc

/// Names read from log bytes, each stored once: bytes to ``NameId`` without allocating, and an id
/// back to its name when a report is made.
///
/// Memory is bounded: names live in two generations of at most `generationCapacity` names and
/// `generationBytes` bytes each. When the current generation is full it becomes the previous one
/// and the older one is dropped. A name found in the previous generation moves into the current one
/// with the same id, so a name seen at least once per generation keeps its id; a name absent for two
/// whole generations gets a new id when it returns, as if it had never been seen (the reducers'
/// per-key tables forget old keys the same way).
struct NameTable: Sendable {
  /// Names kept per generation by default: far more than a cluster's nodes, groups and pending pods
  /// in the reorder window, so only hostile cardinality ever rotates a generation.
  static let defaultGenerationCapacity = 1 << 16
  /// Bytes of names kept per generation by default.
  static let defaultGenerationBytes = 4 << 20

  private var current = NameGeneration(firstNewId: 0)
  private var previous = NameGeneration(firstNewId: 0)
  private var nextId: UInt32 = 0
  /// Most names in one generation.
  let generationCapacity: Int
  /// Most name bytes in one generation.
  let generationBytes: Int

  /// An empty table whose generations hold at most `generationCapacity` names and `generationBytes`
  /// bytes (both at least 1).
  init(
    generationCapacity: Int = NameTable.defaultGenerationCapacity,
    generationBytes: Int = NameTable.defaultGenerationBytes
  ) {
    self.generationCapacity = max(1, generationCapacity)
    self.generationBytes = max(1, generationBytes)
  }

  /// A table that never drops a name: for a parser of one bounded stretch of input, whose names
  /// are at most its bytes.
  static func unbounded() -> NameTable {
    NameTable(generationCapacity: Int.max, generationBytes: Int.max)
  }

  /// The names the table holds now (both generations).
  var count: Int { current.count + previous.count }

  /// The name bytes the table holds now (both generations).
  var byteCount: Int { current.bytes.count + previous.bytes.count }

  /// The id of `name`, interned now if the table does not hold it.
  mutating func intern(_ name: UnsafeBufferPointer<UInt8>) -> NameId {
    let hash = NameGeneration.hash(name)
    if let entry = current.find(name, hash: hash) { return NameId(rawValue: current.ids[entry]) }
    if let entry = previous.find(name, hash: hash) {
      let id = previous.ids[entry]
      makeRoom(for: name.count)
      current.insert(name, hash: hash, id: id)
      return NameId(rawValue: id)
    }
    makeRoom(for: name.count)
    let id = nextId
    nextId &+= 1
    current.insert(name, hash: hash, id: id)
    return NameId(rawValue: id)
  }

  /// The table's string for `name`, which is interned now if the table does not hold it: a name
  /// read by hand leaves the parser as this string, with no id in between.
  @inline(__always)
  mutating func string(interning name: UnsafeBufferPointer<UInt8>) -> String {
    string(interning: name, hash: NameGeneration.hash(name))
  }

  /// ``string(interning:)`` for a name whose ``NameGeneration/hash(_:)`` the caller took.
  @inline(__always)
  mutating func string(interning name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
    if let entry = current.find(name, hash: hash) { return current.names[entry] }
    // Interned first: `self.name(intern(name))` would look the id up in a copy taken before.
    let id = intern(name)
    return self.name(id) ?? ""
  }

  /// The id of `name`, interned now if the table does not hold it.
  mutating func intern(_ name: String) -> NameId {
    var name = name
    return name.withUTF8 { intern($0) }
  }

  /// The id of the bytes `range` of `buffer`.
  mutating func intern(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> NameId {
    intern(UnsafeBufferPointer(rebasing: buffer[range]))
  }

  /// The name of `id`, or nil when the table no longer holds it (or never did).
  ///
  /// The string was made once, when the name was interned: asking again allocates nothing.
  func name(_ id: NameId) -> String? {
    if let entry = current.entry(of: id.rawValue) { return current.names[entry] }
    if let entry = previous.entry(of: id.rawValue) { return previous.names[entry] }
    return nil
  }

  /// Starts a new generation first when `length` more bytes or one more name would not fit.
  private mutating func makeRoom(for length: Int) {
    let full = current.count >= generationCapacity
    let tooLarge = current.count > 0 && current.bytes.count > generationBytes - min(length, generationBytes)
    guard full || tooLarge else { return }
    previous = current
    current = NameGeneration(firstNewId: nextId)
  }
}

/// One generation of a ``NameTable``: the names' bytes back to back, an open-addressing index by
/// hash, and an index by id.
struct NameGeneration: Sendable {
  /// Every name's bytes, back to back.
  private(set) var bytes: [UInt8] = []
  /// Where each name starts in ``bytes``, and one more entry: the end of the last name.
  private var bounds: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Each name's id.
  private(set) var ids: [UInt32] = []
  /// Each name as a string, made once when it was interned.
  private(set) var names: [String] = []
  /// The entries by hash.
  private var index = ProbeIndex()
  /// The ids this generation gave out are consecutive from `firstNewId`: their entries by id.
  private let firstNewId: UInt32
  private var newEntries: [Int32] = []
  /// The entries of ids an older generation gave out (names that moved into this one).
  private var carriedEntries: [UInt32: Int32] = [:]

  /// An empty generation whose first new id is `firstNewId`.
  init(firstNewId: UInt32) { self.firstNewId = firstNewId }

  /// The names held.
  var count: Int { ids.count }

  /// A hash of the bytes, eight at a time.
  ///
  /// A name of at most 32 bytes, the usual one, is read as at most four words (the last ones
  /// overlapping the ones before), mixed in pairs by a full-width multiply (the high and low halves
  /// of the product folded); longer bytes are mixed a word at a time. Nothing any output shows
  /// depends on the values: they only place entries in hash tables whose entries are compared in
  /// full.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = bytes.count
    let length = UInt64(truncatingIfNeeded: count)
    guard let base = bytes.baseAddress, count > 0 else { return length &* 0x9e37_79b9_7f4a_7c15 }
    let raw = UnsafeRawPointer(base)
    @inline(__always) func word(_ offset: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
    @inline(__always) func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
      let product = a.multipliedFullWidth(by: b)
      return product.high ^ product.low
    }
    var hash: UInt64
    if count >= 8, count <= 16 {
      hash = mix(word(0) ^ 0xa076_1d64_78bd_642f, word(count &- 8) ^ 0xe703_7ed1_a0b4_28db ^ length)
    } else if count > 16, count <= 32 {
      hash =
        mix(word(0) ^ 0xa076_1d64_78bd_642f, word(8) ^ 0x8ebc_6af0_9c88_c6e3)
        ^ mix(word(count &- 16) ^ 0x5899_65cc_7537_4cc3, word(count &- 8) ^ 0xe703_7ed1_a0b4_28db ^ length)
    } else if count >= 4, count < 8 {
      let low = UInt64(raw.loadUnaligned(as: UInt32.self))
      let high = UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
      hash = mix(low ^ 0xa076_1d64_78bd_642f, high ^ 0xe703_7ed1_a0b4_28db ^ length)
    } else if count < 4 {
      var tail: UInt64 = 0
      for index in 0..<count { tail |= UInt64(base[index]) << UInt64(8 &* index) }
      hash = mix(tail ^ 0xa076_1d64_78bd_642f, 0xe703_7ed1_a0b4_28db ^ length)
    } else {
      hash = length &* 0x9e37_79b9_7f4a_7c15
      var offset = 0
      while offset &+ 8 <= count {
        hash = (hash ^ word(offset)) &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 32
        offset &+= 8
      }
      hash = mix(hash ^ 0x5899_65cc_7537_4cc3, word(count &- 8) ^ 0xe703_7ed1_a0b4_28db)
    }
    hash ^= hash >> 32
    hash &*= 0xd6e8_feb8_6659_fd93
    return hash ^ (hash >> 29)
  }

  /// The entry holding `name`, if any.
  func find(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    index.find(hash: hash) { hashes[$0] == hash && equals($0, name) }
  }

  /// Adds `name` (not held yet) with `id`.
  mutating func insert(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64, id: UInt32) {
    let entry = ids.count
    bytes.append(contentsOf: name)
    bounds.append(bytes.count)
    hashes.append(hash)
    ids.append(id)
    names.append(String(decoding: name, as: UTF8.self))
    let stored = Int32(truncatingIfNeeded: entry)
    if id &- firstNewId == UInt32(newEntries.count) {
      newEntries.append(stored)
    } else {
      carriedEntries[id] = stored
    }
    index.add(entry, hash: hash) { hashes[$0] }
  }

  /// The entry of `id`, if this generation holds it.
  func entry(of id: UInt32) -> Int? {
    let offset = id &- firstNewId
    if offset < UInt32(newEntries.count) { return Int(newEntries[Int(offset)]) }
    return carriedEntries[id].map { Int($0) }
  }

  private func equals(_ entry: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = bounds[entry]
    guard bounds[entry + 1] - start == name.count else { return false }
    guard let other = name.baseAddress, !name.isEmpty else { return true }
    return bytes.withUnsafeBufferPointer { stored in
      WordScan.equal(stored.baseAddress! + start, other, count: name.count)
    }
  }
}
