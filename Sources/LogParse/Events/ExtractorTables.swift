/// What an ``EventExtractor`` reads of its catalogue: the tables derived from the entries, built
/// once per catalogue and copied into each extractor's own buffers.
///
/// A segmented read builds an extractor for every segment of a megabyte; deriving these tables
/// each time cost about as much as parsing a tenth of the segment. ``ownCopy()`` copies the
/// built tables instead, so that the arrays the hot path reads are buffers of its own extractor,
/// whose reference counts no parser on another thread touches (the builders' closures and the
/// structured forms' strings stay shared, as they were when each extractor derived its tables).
struct ExtractorTables: Sendable {
  /// Each entry's event builder, verbosity and ``CatalogEntry/fatal``.
  let builders: [@Sendable (Captures) -> ParsedEvent?]
  let verbosities: [Int]
  let fatalEntries: [Bool]
  /// Each entry's ``CatalogEntry/closedMessage``.
  let closedEntries: [Bool]
  /// All literals, end to end; entry `n`'s is `literalBytes[literalStarts[n]..<literalStarts[n + 1]]`.
  let literalBytes: [UInt8]
  let literalStarts: [Int]
  /// Entries anchored at the message start, grouped by their literal's first byte: the entries
  /// starting with byte `b` are `prefixEntries[prefixStarts[b]..<prefixStarts[b + 1]]`.
  let prefixEntries: [Int]
  let prefixStarts: [Int]
  let anywhereEntries: [Int]
  /// The anywhere entries' literals in one prefilter, so one pass over a first line tells which may be there.
  ///
  /// `anywhereEntries[slot]` is in group `slot % 64`. Literals shorter than two bytes (which the
  /// prefilter cannot hold) have their group in `anywhereAlways`.
  let anywherePrefilter: LiteralPrefilter
  let anywhereAlways: UInt64
  /// Each entry's structured form, and its keys' names as bytes.
  let forms: [StructuredForm?]
  let formKeyNames: [[[UInt8]]]
  /// The structured forms' message texts, sorted, and the entries stating each (in catalogue order).
  let structuredMessages: [[UInt8]]
  let structuredEntries: [[Int]]
  /// The index of the entry `scaleDown.utilization` (nil when the entries have none).
  let utilizationEntry: Int?
  /// Each entry's hand-written matcher, when one is written for its pattern (``HandPattern``).
  let handPatterns: [HandPattern?]

  /// The tables of the whole catalogue, derived once per process.
  static let catalog = ExtractorTables(entries: Catalog.entries)

  /// The tables of `entries`.
  init(entries: [CatalogEntry]) {
    builders = entries.map(\.build)
    utilizationEntry = entries.firstIndex { $0.id == "scaleDown.utilization" }
    handPatterns = entries.map { HandPattern.of($0.pattern) }
    verbosities = entries.map(\.verbosity)
    fatalEntries = entries.map(\.fatal)
    closedEntries = entries.map(\.closedMessage)
    var bytes: [UInt8] = []
    var starts: [Int] = []
    var byFirstByte = [[Int]](repeating: [], count: 256)
    var anywhere: [Int] = []
    for (number, entry) in entries.enumerated() {
      starts.append(bytes.count)
      bytes += Array(entry.literal.utf8)
      switch entry.position {
      case .prefix: byFirstByte[Int(entry.literal.utf8.first ?? 0)].append(number)
      case .anywhere: anywhere.append(number)
      }
    }
    starts.append(bytes.count)
    literalBytes = bytes
    literalStarts = starts
    prefixEntries = byFirstByte.flatMap { $0 }
    prefixStarts = byFirstByte.reduce(into: [0]) { starts, group in
      starts.append(starts[starts.count - 1] + group.count)
    }
    anywhereEntries = anywhere
    var anywhereGroups = [[String]](repeating: [], count: min(anywhere.count, 64))
    var always: UInt64 = 0
    for (slot, number) in anywhere.enumerated() {
      let literal = entries[number].literal
      if literal.utf8.count >= 2 {
        anywhereGroups[slot % 64].append(literal)
      } else {
        always |= 1 << UInt64(slot % 64)
      }
    }
    anywherePrefilter = LiteralPrefilter(groups: anywhereGroups)
    anywhereAlways = always
    forms = entries.map(\.structured)
    formKeyNames = entries.map { entry in (entry.structured?.keys ?? []).map { Array($0.name.utf8) } }
    var byMessage: [[UInt8]: [Int]] = [:]
    for (number, entry) in entries.enumerated() {
      if let form = entry.structured { byMessage[Array(form.message.utf8), default: []].append(number) }
    }
    let sorted = byMessage.sorted { a, b in
      a.key.withUnsafeBufferPointer { left in b.key.withUnsafeBufferPointer { ByteSearch.compare(left, $0) < 0 } }
    }
    structuredMessages = sorted.map(\.key)
    structuredEntries = sorted.map(\.value)
  }

  private init(copying tables: ExtractorTables) {
    builders = tables.builders.ownCopy()
    verbosities = tables.verbosities.ownCopy()
    fatalEntries = tables.fatalEntries.ownCopy()
    closedEntries = tables.closedEntries.ownCopy()
    literalBytes = tables.literalBytes.ownCopy()
    literalStarts = tables.literalStarts.ownCopy()
    prefixEntries = tables.prefixEntries.ownCopy()
    prefixStarts = tables.prefixStarts.ownCopy()
    anywhereEntries = tables.anywhereEntries.ownCopy()
    anywherePrefilter = tables.anywherePrefilter.ownCopy()
    anywhereAlways = tables.anywhereAlways
    forms = tables.forms.ownCopy()
    // `map` makes new buffers of its own.
    formKeyNames = tables.formKeyNames.map { names in names.map { $0.ownCopy() } }
    structuredMessages = tables.structuredMessages.map { $0.ownCopy() }
    structuredEntries = tables.structuredEntries.map { $0.ownCopy() }
    utilizationEntry = tables.utilizationEntry
    handPatterns = tables.handPatterns.ownCopy()
  }

  /// The same tables in buffers of their own, nested arrays included (the closures and strings
  /// they hold are shared).
  func ownCopy() -> ExtractorTables { ExtractorTables(copying: self) }
}

extension Array {
  /// The same elements in a new buffer, not shared with this array.
  func ownCopy() -> [Element] {
    withUnsafeBufferPointer { elements in
      [Element](unsafeUninitializedCapacity: elements.count) { buffer, count in
        _ = buffer.initialize(fromContentsOf: elements)
        count = elements.count
      }
    }
  }
}
