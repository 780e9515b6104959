/// A value the reorder buffer can write to a temporary file and read back when its turn comes.
protocol Spillable {
  /// About how many bytes of memory the value keeps alive: its own size and the strings it holds.
  var retainedBytes: Int { get }
  /// Writes the value.
  func spill(into writer: inout SpillWriter)
  /// Reads a value written by ``spill(into:)``; nil if the bytes are not one.
  init?(unspilling reader: inout SpillReader)
}
