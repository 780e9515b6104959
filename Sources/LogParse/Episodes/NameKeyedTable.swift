/// A table of values keyed by name, for the reducers' per-node tables that every line touches.
///
/// A `[String: Value]` hashes every byte of the name with SipHash on each lookup and goes through
/// `Optional` and closures to change a value in place. This table hashes the name's bytes eight at
/// a time (``NameGeneration/hash(_:)``, the name table's hash), compares the stored hash before the
/// name (names from the parser share the name table's string, so equal names compare by identity
/// first), and gives an entry's index, through which the value changes in place. Equality is
/// `String`'s: two strings with the same text are one key, whichever storage they have.
///
/// Entries are kept contiguous (a removal moves the last entry into the gap), indexed by a
/// ``ProbeIndex``. Indices are valid until the next insertion or removal.
///
/// ``entry(of:)`` looks first in a direct-mapped cache by the string's identity (its two words: the
/// storage's address and its count, or a short string's bytes), which a hit confirms against the
/// entry's own key: the same two words are the same text (the table holds the key, so its storage
/// can neither change nor be reused while it is there). A miss falls back to the hash of the text.
///
/// A line's name, by its bytes (``LineName``), is looked up first where the previous loop's order
/// puts it (``predict(_:)``, ``find(name:)``): the entry found after the last one found, its name
/// compared with a copy of the names' bytes kept beside the strings, so a hit needs no hash.
struct NameKeyedTable<Value> {
  /// Each entry's name.
  private(set) var keys: [String] = []
  /// Each entry's hash.
  private var hashes: [UInt64] = []
  /// Each entry's value; change one in place through ``subscript(entry:)``.
  private(set) var values: [Value] = []
  /// The entries by hash.
  private var index = ProbeIndex()
  /// The entries last found for each identity hash, plus one (0 is none): two ways per hash, the
  /// latest first.
  ///
  /// Twice as long as the index's slots. An entry may have moved or gone since: a hit is confirmed
  /// by the key's identity.
  private var identities: [Int32] = []
  /// For each entry, the entry ``find(name:)`` found after it the last time, or -1: the order of
  /// the previous loop's lines, which the next loop's usually repeat.
  private var successors: [Int32] = []
  /// The entry ``find(name:)`` found last, or -1.
  private var lastFound = -1
  /// Each entry's name's bytes, in ``keyBytes``: the start shifted left by 24 bits, or'ed with
  /// the length; ``unstoredKey`` for a name too long to store (then never predicted).
  private var keySpans: [UInt64] = []
  /// The names' bytes, compared without going through `String` (``predict(_:)``).
  private var keyBytes: [UInt8] = []
  /// How many bytes of ``keyBytes`` belong to removed entries; the bytes are stored again, only
  /// the held names', once these are most of them (so the storage stays within twice the names).
  private var removedKeyBytes = 0
  /// The span of a name not stored in ``keyBytes``.
  private static var unstoredKey: UInt64 { .max }
  /// The longest name stored in ``keyBytes``: a span's low 24 bits hold the length.
  private static var longestStoredKey: Int { 0xFF_FFFF }

  /// The length of the name stored at `span`.
  @inline(__always)
  private static func length(of span: UInt64) -> Int {
    Int(truncatingIfNeeded: span) & longestStoredKey
  }

  /// An empty table.
  init() {}

  /// How many names the table holds.
  var count: Int { keys.count }

  /// The hash of `name` the table files it under.
  @inline(__always)
  static func hash(_ name: String) -> UInt64 {
    if let hash = name.utf8.withContiguousStorageIfAvailable({ NameGeneration.hash($0) }) { return hash }
    var copy = name
    return copy.withUTF8 { NameGeneration.hash($0) }
  }

  /// The entry holding `name` (whose hash is `hash`), if any.
  @inline(__always)
  func find(_ name: String, hash: UInt64) -> Int? {
    index.find(hash: hash) { hashes[$0] == hash && keys[$0] == name }
  }

  /// The entry whose name has the bytes `name` (whose hash is `hash`), if any: a line's name is
  /// found without being made a string.
  @inline(__always)
  func find(bytes name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    index.find(hash: hash) { hashes[$0] == hash && Self.key(keys[$0], holds: name) }
  }

  /// Tries `name` at the entry found after the last one found the time before.
  ///
  /// When that entry (``find(name:)`` remembers it) holds `name`, the name learns its entry and
  /// hash (``LineName/learn(entry:hash:)``), so neither is made again. A hit is confirmed by the
  /// bytes; no hash is made.
  ///
  /// The nodes of a loop's utilization lines come in the order of the loop before: most lines
  /// find their candidacy at the first try.
  @inline(__always)
  func predict(_ name: inout LineName) {
    let last = lastFound
    guard name.entry == nil, last >= 0, last < successors.count, case let predicted = Int(successors[last]),
      predicted >= 0, predicted < keySpans.count, storedKey(keySpans[predicted], holds: name.bytes)
    else { return }
    name.learn(entry: predicted, hash: hashes[predicted])
  }

  /// Whether the name stored at `span` of ``keyBytes`` is the bytes `name`.
  @inline(__always)
  private func storedKey(_ span: UInt64, holds name: UnsafeBufferPointer<UInt8>) -> Bool {
    let length = Self.length(of: span)
    guard span != Self.unstoredKey, length == name.count else { return false }
    guard length > 0, let other = name.baseAddress else { return true }
    let start = Int(truncatingIfNeeded: span >> 24)
    return keyBytes.withUnsafeBufferPointer { stored in
      guard let base = stored.baseAddress, start + length <= stored.count else { return false }
      return WordScan.equal(base + start, other, count: length)
    }
  }

  /// Stores `name`'s bytes for ``predict(_:)``; returns their span.
  private mutating func storeKey(_ name: String) -> UInt64 {
    let length = name.utf8.count
    guard length <= Self.longestStoredKey, keyBytes.count < 1 << 39 else { return Self.unstoredKey }
    let start = keyBytes.count
    keyBytes.append(contentsOf: name.utf8)
    return UInt64(start) << 24 | UInt64(length)
  }

  /// Notes that a removed entry's name at `span` is no longer held, and stores the held names'
  /// bytes again once removed ones are most of the storage.
  private mutating func releaseKey(_ span: UInt64) {
    guard span != Self.unstoredKey else { return }
    removedKeyBytes += Self.length(of: span)
    guard removedKeyBytes > 4096, removedKeyBytes * 2 > keyBytes.count else { return }
    keyBytes.removeAll(keepingCapacity: true)
    removedKeyBytes = 0
    for entry in keys.indices where keySpans[entry] != Self.unstoredKey { keySpans[entry] = storeKey(keys[entry]) }
  }

  /// The entry whose name has the bytes of `name`, if any: the one ``predict(_:)`` found for it,
  /// else by its hash; the entry found is remembered for the next prediction.
  ///
  /// An entry `name` learned must be this table's, unchanged since.
  @inline(__always)
  mutating func find(name: inout LineName) -> Int? {
    predict(&name)
    let last = lastFound
    if let entry = name.entry {
      lastFound = entry
      return entry
    }
    guard let found = find(bytes: name.bytes, hash: name.hash()) else { return nil }
    if last >= 0, last < successors.count { successors[last] = Int32(truncatingIfNeeded: found) }
    lastFound = found
    return found
  }

  /// Whether `key`'s text is the bytes `name`.
  @inline(__always)
  private static func key(_ key: String, holds name: UnsafeBufferPointer<UInt8>) -> Bool {
    let utf8 = key.utf8
    guard utf8.count == name.count else { return false }
    guard let other = name.baseAddress, !name.isEmpty else { return true }
    return utf8.withContiguousStorageIfAvailable { stored in
      WordScan.equal(stored.baseAddress!, other, count: name.count)
    } ?? utf8.elementsEqual(name)
  }

  /// The entry holding `name`, if any: by the string's identity when the cache knows it, else by
  /// the hash of its text (and the cache then knows it).
  @inline(__always)
  mutating func entry(of name: String) -> Int? {
    entry(of: name) { Self.hash(name) }
  }

  /// ``entry(of:)`` for a name whose hash (``hash(_:)``) the caller knows.
  @inline(__always)
  mutating func entry(of name: String, hash: UInt64) -> Int? {
    entry(of: name) { hash }
  }

  /// The first of the cache's two ways for `identity`, among `count` ways (0 when the cache is empty).
  @inline(__always)
  private static func way(of identity: StringIdentity, count: Int) -> Int {
    let mixed = (identity.first ^ (identity.second &* 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
    return Int(truncatingIfNeeded: mixed >> 32) & (count - 2)
  }

  @inline(__always)
  private func cachedEntry(of identity: StringIdentity, way: Int) -> Int? {
    guard !identities.isEmpty else { return nil }
    for cached in way...(way + 1) {
      let known = Int(identities[cached]) - 1
      if known >= 0, known < keys.count, StringIdentity(keys[known]) == identity { return known }
    }
    return nil
  }

  @inline(__always)
  private mutating func entry(of name: String, hashing: () -> UInt64) -> Int? {
    guard !identities.isEmpty else { return nil }
    let identity = StringIdentity(name)
    let way = Self.way(of: identity, count: identities.count)
    if let known = cachedEntry(of: identity, way: way) { return known }
    guard let found = find(name, hash: hashing()) else { return nil }
    // The same text in another string (a segment's names are its own parser's): the key becomes
    // this string, so the next lookups with it are found by identity.
    keys[found] = name
    identities[way + 1] = identities[way]
    identities[way] = Int32(truncatingIfNeeded: found + 1)
    return found
  }

  /// Adds `name` (not held yet, its hash `hash`) with `value`; returns its entry.
  @discardableResult
  mutating func insert(_ name: String, hash: UInt64, value: Value) -> Int {
    let entry = keys.count
    keys.append(name)
    hashes.append(hash)
    values.append(value)
    successors.append(-1)
    keySpans.append(storeKey(name))
    index.add(entry, hash: hash) { hashes[$0] }
    if identities.count != 2 * index.slotCount {
      identities = [Int32](repeating: 0, count: 2 * index.slotCount)
    }
    return entry
  }

  /// The value of an entry, changed in place.
  subscript(entry entry: Int) -> Value {
    get { values[entry] }
    _modify { yield &values[entry] }
  }

  /// The value of `name`, if the table holds it.
  subscript(name: String) -> Value? {
    find(name, hash: Self.hash(name)).map { values[$0] }
  }

  /// Removes `name` and returns its value, if the table held it.
  @discardableResult
  mutating func removeValue(forKey name: String) -> Value? {
    let hash = Self.hash(name)
    guard let entry = find(name, hash: hash) else { return nil }
    index.remove(entry, hash: hash) { hashes[$0] }
    // Keep the entries contiguous: the last one moves into the gap.
    let last = keys.count - 1
    if entry != last {
      index.renumber(last, hash: hashes[last], to: entry)
      keys.swapAt(entry, last)
      hashes.swapAt(entry, last)
      values.swapAt(entry, last)
      successors.swapAt(entry, last)
      keySpans.swapAt(entry, last)
    }
    keys.removeLast()
    hashes.removeLast()
    successors.removeLast()
    releaseKey(keySpans.removeLast())
    return values.removeLast()
  }

  /// Removes every entry, keeping the storage for the next ones.
  mutating func removeAll() {
    keys.removeAll(keepingCapacity: true)
    hashes.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    successors.removeAll(keepingCapacity: true)
    keySpans.removeAll(keepingCapacity: true)
    keyBytes.removeAll(keepingCapacity: true)
    removedKeyBytes = 0
    lastFound = -1
    index.removeAll()
  }

}

extension NameKeyedTable: Sendable where Value: Sendable {}
