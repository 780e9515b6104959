/// What the events waiting in the reorder buffer may do to node candidacies, counted as they come
/// and go: whether a utilization reading can be applied ahead of them (``EventApplier``).
///
/// A reading changes only its node's candidacy, so applying it before waiting events that touch
/// neither that candidacy nor the table gives the state their time order gives. Names are counted
/// by the hash of their text (``NameGeneration/hash(_:)``) in a fixed array of slots: two names
/// may share a slot, which only makes a reading wait that could have gone ahead. Events that may
/// touch any candidacy (``CandidacyReach/any``) are counted apart.
struct WaitingNames {
  /// Slots of the array: a power of two.
  static let slotCount = 4096

  /// Waiting events naming a node, by the slot of the name's hash.
  private var slots = [Int](repeating: 0, count: WaitingNames.slotCount)
  /// How many waiting events name a node: at most this many candidacies they may insert.
  private(set) var named = 0
  /// How many waiting events may touch any candidacy.
  private(set) var reachingAny = 0

  /// Whether a waiting event may touch the candidacy of the node whose name hashes to `hash`, or
  /// any candidacy.
  @inline(__always)
  func mayTouch(nameHash hash: UInt64) -> Bool {
    reachingAny > 0 || mayName(nameHash: hash)
  }

  /// Whether a waiting event may name the node whose name hashes to `hash` (``mayTouch(nameHash:)``
  /// without the events that may touch any candidacy).
  @inline(__always)
  func mayName(nameHash hash: UInt64) -> Bool {
    slots[Self.slot(hash)] > 0
  }

  /// Counts an event that starts waiting.
  mutating func enter(_ reach: CandidacyReach) {
    switch reach {
    case .none: return
    case .node(let name): enter(nameHash: NameKeyedTable<Void>.hash(name))
    case .any: reachingAny += 1
    }
  }

  /// Counts an event naming the node whose name hashes to `hash` that starts waiting.
  @inline(__always)
  mutating func enter(nameHash hash: UInt64) {
    slots[Self.slot(hash)] += 1
    named += 1
  }

  /// Counts an event that was applied.
  mutating func leave(_ reach: CandidacyReach) {
    switch reach {
    case .none: return
    case .node(let name): leave(nameHash: NameKeyedTable<Void>.hash(name))
    case .any: reachingAny = max(0, reachingAny - 1)
    }
  }

  /// Counts an applied event naming the node whose name hashes to `hash`.
  @inline(__always)
  mutating func leave(nameHash hash: UInt64) {
    let slot = Self.slot(hash)
    // Never below zero, whatever the order: a count too high only makes readings wait.
    if slots[slot] > 0 {
      slots[slot] -= 1
      named -= 1
    }
  }

  /// Forgets every count (after the buffer drained: nothing waits).
  mutating func removeAll() {
    for index in slots.indices { slots[index] = 0 }
    named = 0
    reachingAny = 0
  }

  @inline(__always)
  private static func slot(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash >> 40) & (slotCount - 1)
  }
}

@available(*, unavailable)
extension WaitingNames: Sendable {}
