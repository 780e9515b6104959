/// A name read from a line, by its bytes, whose hash (``NameGeneration/hash(_:)``) is made only
/// when a step asks for it.
///
/// A utilization run's reading looks its node's candidacy up by the previous loop's order first
/// (``NameKeyedTable/predict(_:)``): a hit gives the entry and the hash the table holds for it,
/// so on most lines the name's bytes are neither hashed nor looked up a second time.
struct LineName {
  /// The name's bytes, valid while the line is.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The hash once made or learned.
  private var known: UInt64?
  /// The entry of the per-node table that holds the name, when ``NameKeyedTable/predict(_:)``
  /// found it; valid until that table next changes its entries.
  private(set) var entry: Int?

  /// The name at `bytes`, its hash not made yet.
  @inline(__always)
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The hash of the name's text, made at the first call.
  @inline(__always)
  mutating func hash() -> UInt64 {
    if let known { return known }
    let made = NameGeneration.hash(bytes)
    known = made
    return made
  }

  /// Notes that entry `entry` of the per-node table holds the name, under `hash`.
  @inline(__always)
  mutating func learn(entry: Int, hash: UInt64) {
    self.entry = entry
    known = hash
  }
}

@available(*, unavailable)
extension LineName: Sendable {}
