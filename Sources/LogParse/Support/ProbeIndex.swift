/// An open-addressing index of a table's entries by hash, shared by the hot path's hash tables.
///
/// The table keeps its entries and their hashes itself; the index holds each entry's number plus
/// one in a power-of-two array of slots (0 is empty), at most half full, probed linearly. A removal
/// shifts back the entries after it that probing would no longer reach, so no tombstones collect.
/// Where the index moves entries it asks the table for their hashes (`hashOf`).
struct ProbeIndex: Sendable {
  private var slots: [Int32] = []

  /// An empty index.
  init() {}

  /// How many slots the index has (0 before the first entry).
  var slotCount: Int { slots.count }

  /// The entry filed under `hash` that `matches` accepts, if any.
  @inline(__always)
  func find(hash: UInt64, where matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = Int(slots[slot])
      if stored == 0 { return nil }
      if matches(stored - 1) { return stored - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// Files `entry`, the table's newest (entries `0..<entry` are filed), under `hash`; doubles the
  /// slots first when one more entry would fill more than half of them.
  mutating func add(_ entry: Int, hash: UInt64, hashOf: (Int) -> UInt64) {
    if (entry + 1) * 2 > slots.count {
      slots = [Int32](repeating: 0, count: max(64, slots.count * 2))
      for older in 0..<entry { place(older, hash: hashOf(older)) }
    }
    place(entry, hash: hash)
  }

  /// Files `entry` under `hash` again, after ``remove(_:hash:hashOf:)`` took it out.
  mutating func place(_ entry: Int, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(truncatingIfNeeded: entry + 1)
  }

  /// Takes `entry` (filed under `hash`) out, shifting back the entries after it that probing would
  /// no longer reach.
  mutating func remove(_ entry: Int, hash: UInt64, hashOf: (Int) -> UInt64) {
    let mask = slots.count - 1
    var hole = slot(of: entry, hash: hash)
    var next = (hole + 1) & mask
    while slots[next] != 0 {
      let home = Int(truncatingIfNeeded: hashOf(Int(slots[next]) - 1)) & mask
      // The entry at `next` may fill the hole unless its home lies cyclically in (hole, next].
      if (next - home) & mask >= (next - hole) & mask {
        slots[hole] = slots[next]
        hole = next
      }
      next = (next + 1) & mask
    }
    slots[hole] = 0
  }

  /// Files entry `old` (under `hash`) as entry `new`: the table moved it.
  mutating func renumber(_ old: Int, hash: UInt64, to new: Int) {
    slots[slot(of: old, hash: hash)] = Int32(truncatingIfNeeded: new + 1)
  }

  /// Empties every slot, keeping their number.
  mutating func removeAll() {
    for index in slots.indices { slots[index] = 0 }
  }

  /// The slot that holds `entry`, filed under `hash`.
  private func slot(of entry: Int, hash: UInt64) -> Int {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while Int(slots[slot]) != entry + 1 { slot = (slot + 1) & mask }
    return slot
  }
}
