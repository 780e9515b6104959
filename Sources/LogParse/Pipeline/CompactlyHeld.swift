/// An item of the reorder buffer with a compact form for its most common kind.
///
/// While the input runs in time order, items pushed in the compact form wait and are released in
/// it (``InOrderLanes``), and only become whole items where the buffer needs keys or a spill.
protocol CompactlyHeld: Spillable {
  /// The compact form.
  associatedtype Compact
  /// The whole item a compact form stands for.
  init(expanding compact: __owned Compact)
  /// What the whole item's ``Spillable/retainedBytes`` would be, without making it.
  static func retainedBytes(of compact: Compact) -> Int
}
