/// Maps records to typed events with the catalogue, running a regex only where a byte test says it may match.
///
/// Entries anchored at the message start are indexed by their literal's first byte, so a record
/// is compared only with the few entries that start like it; entries whose literal may sit
/// anywhere are found by one ``LiteralPrefilter`` pass over the first line, and only those it
/// finds are tested with `memmem`. Only then does the entry's JIT-compiled
/// PCRE2 pattern run.
///
/// A record whose message opens with `"` may be structured (CAS 1.38+): its pairs are parsed once
/// (``StructuredFields``), its message text looked up in a sorted table of the entries'
/// structured forms, and the entry found gets its values as captures (``StructuredSubject``).
/// Structured messages no entry states (client-go's leader election) go on to the printf entries
/// with their opening quote removed. A printf record pays one byte test for all this.
struct EventExtractor {
  // The arrays the hot path reads are this instance's own: parsers on other threads never touch
  // their reference counts. The catalogue's tables are derived once and copied
  // (``ExtractorTables/ownCopy()``).
  private let tables: ExtractorTables
  private let matchers: [Matcher?]
  /// The failure shapes' matchers (``FailureShapes``), run on records no entry classified as a failure.
  private let shapeMatcher: FailureShapeMatcher
  /// Where the hand-written matchers (``HandPattern``) write their groups' offsets.
  private let handOffsets = HandOffsets()
  /// The pairs of the record being extracted and the subject built from them, reused.
  private var fields = StructuredFields()
  private var structuredSubject = StructuredSubject()
  /// Records on which a catalogue pattern gave up (a PCRE2 limit hit, counted as no match): their
  /// event may be missing, so the report says so.
  private(set) var patternErrors = 0
  /// Fields the builders cut at their limit and numbers they found out of range.
  private(set) var fieldCounts = FieldCounts()
  /// The node, node group, pod and instance names the builders read, interned: the events this
  /// extractor makes name them by id (``resolve(_:)`` gives them back as strings).
  private(set) var names = NameTable()
  /// Whether a pattern gave up on the record being extracted.
  private var recordHitLimit = false

  /// Builds matchers for the whole catalogue, whose patterns are compiled once per process.
  init() {
    self.init(tables: ExtractorTables.catalog.ownCopy(), compiled: EventExtractor.catalogPatterns)
  }

  /// Builds matchers for `entries`, compiling their patterns.
  init(entries: [CatalogEntry]) {
    self.init(tables: ExtractorTables(entries: entries), compiled: entries.map(EventExtractor.compile))
  }

  private init(tables: ExtractorTables, compiled: [BytePattern?]) {
    self.tables = tables
    let settings = MatchSettings()
    matchers = compiled.map { $0.map { Matcher($0, settings: settings) } }
    shapeMatcher = FailureShapeMatcher(settings: settings)
  }

  /// The `--v` at which CAS writes the message of entry `entry`.
  func verbosity(of entry: Int) -> Int { tables.verbosities[entry] }

  /// Whether a record entry `entry` matched holds only names and numbers: its event's kind says
  /// so (``EventOf/isClosedMessage``), or the entry does (``CatalogEntry/closedMessage``).
  func isClosedMessage(_ event: ParsedEvent, entry: Int) -> Bool {
    event.isClosedMessage || (entry >= 0 && tables.closedEntries[entry])
  }

  /// The catalogue's patterns, compiled and JIT-compiled once per process (they are immutable and shareable).
  private static let catalogPatterns: [BytePattern?] = Catalog.entries.map(compile)

  /// Compiles an entry's pattern; an entry without one matches on its literal alone.
  private static func compile(_ entry: CatalogEntry) -> BytePattern? {
    guard !entry.pattern.isEmpty else { return nil }
    do {
      return try BytePattern(entry.pattern)
    } catch {
      fatalError("catalogue entry \(entry.id) has an invalid pattern: \(error)")
    }
  }

  /// The event of a per-node utilization line of the usual shape, read by hand (``UtilizationLine``),
  /// or nil: the event and entry ``extract(_:)`` would give, without a pattern, its name already
  /// the table's string (as ``resolve(_:)`` gives it).
  @inline(__always)
  mutating func extractUtilization(_ message: UnsafeBufferPointer<UInt8>) -> (event: Event, entry: Int)? {
    readUtilization(message).map { (.nodeUtilization(node: $0.node, utilization: $0.utilization), $0.entry) }
  }

  /// The parts of ``extractUtilization(_:)``'s event, without making the event, and the hash of
  /// the node's name (``NameGeneration/hash(_:)``).
  @inline(__always)
  mutating func readUtilization(_ message: UnsafeBufferPointer<UInt8>) -> (
    node: String, nameHash: UInt64, utilization: Double, entry: Int
  )? {
    readUtilization(message, known: nil)
  }

  /// ``readUtilization(_:)``, or its parts from the reading of `message` already made and the
  /// hash of its name (``UtilizationLine/read(_:)``, ``NameGeneration/hash(_:)``), when `known`.
  @inline(__always)
  mutating func readUtilization(
    _ message: UnsafeBufferPointer<UInt8>, known: (reading: UtilizationLine.Reading, nameHash: UInt64)?
  ) -> (node: String, nameHash: UInt64, utilization: Double, entry: Int)? {
    guard let utilizationEntry = tables.utilizationEntry, let reading = known?.reading ?? UtilizationLine.read(message)
    else { return nil }
    let name = UnsafeBufferPointer(rebasing: message[reading.name])
    let hash = known?.nameHash ?? NameGeneration.hash(name)
    return (nodeName(interning: name, hash: hash), hash, reading.utilization, utilizationEntry)
  }

  /// The table's string for a node name read by hand, whose hash (``NameGeneration/hash(_:)``)
  /// the caller took: what ``readUtilization(_:)`` hands on as the node.
  @inline(__always)
  mutating func nodeName(interning name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
    names.string(interning: name, hash: hash)
  }

  /// The event the record means, with the catalogue entry's index, or nil when none matches.
  mutating func extract(_ record: Record) -> (event: ParsedEvent, entry: Int)? {
    var message = record.message
    recordHitLimit = false
    defer { if recordHitLimit { patternErrors += 1 } }
    // Structured lines quote their message.
    if message.first == UInt8(ascii: "\""), message.count > 1 {
      if let found = extractStructured(record) { return found }
      message = UnsafeBufferPointer(rebasing: message[1...])
    }
    guard let first = message.first else { return nil }
    let found = tables.literalBytes.withUnsafeBufferPointer { literals -> (ParsedEvent, Int)? in
      func literal(_ number: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: literals[tables.literalStarts[number]..<tables.literalStarts[number + 1]])
      }
      for slot in tables.prefixStarts[Int(first)]..<tables.prefixStarts[Int(first) + 1] {
        let number = tables.prefixEntries[slot]
        if ByteSearch.hasPrefix(message, literal(number)), let event = run(number, message, record) {
          return (event, number)
        }
      }
      let headline = record.headline
      // One pass finds the groups whose literals occur; only their entries are searched, in order.
      let present = tables.anywherePrefilter.groups(in: headline) | tables.anywhereAlways
      guard present != 0 else { return nil }
      for (slot, number) in tables.anywhereEntries.enumerated()
      where present & (1 << UInt64(slot % 64)) != 0 && ByteSearch.contains(headline, literal(number)) {
        if let event = run(number, message, record) { return (event, number) }
      }
      return nil
    }
    return found.map { (event: $0.0, entry: $0.1) }
  }

  /// The event of a structured record whose message an entry's structured form states, or nil.
  private mutating func extractStructured(_ record: Record) -> (event: ParsedEvent, entry: Int)? {
    guard !tables.structuredMessages.isEmpty, fields.parse(record.message) else { return nil }
    let candidates = fields.scratch.withUnsafeBufferPointer { scratch -> [Int]? in
      let text = UnsafeBufferPointer(rebasing: scratch[fields.message])
      var low = 0
      var high = tables.structuredMessages.count
      while low < high {
        let middle = (low + high) / 2
        let order = tables.structuredMessages[middle].withUnsafeBufferPointer { ByteSearch.compare($0, text) }
        if order == 0 { return tables.structuredEntries[middle] }
        if order < 0 { low = middle + 1 } else { high = middle }
      }
      return nil
    }
    guard let candidates else { return nil }
    for number in candidates {
      guard let form = tables.forms[number] else { continue }
      structuredSubject.build(form, names: tables.formKeyNames[number], fields: fields)
      fieldCounts.outOfRange += structuredSubject.outOfRange
      structuredSubject.outOfRange = 0
      let subject = structuredSubject
      let event = subject.bytes.withUnsafeBufferPointer { bytes -> ParsedEvent? in
        if form.printf != nil {
          // The rendered text must state the entry's literal as a printf record would.
          let range = tables.literalStarts[number]..<tables.literalStarts[number + 1]
          let stated = tables.literalBytes.withUnsafeBufferPointer {
            ByteSearch.offset(of: UnsafeBufferPointer(rebasing: $0[range]), in: bytes) != nil
          }
          return stated ? run(number, bytes, record) : nil
        }
        return subject.offsets.withUnsafeBufferPointer { offsets in
          build(
            number, bytes, offsets: offsets, groupsSet: offsets.count / 2, messageLength: subject.messageEnd, record)
        }
      }
      if let event { return (event, number) }
    }
    return nil
  }

  /// The failure a record carries by the shape of its error (``FailureShapes``), whatever its
  /// message and severity, or nil; for records whose event (if any) classified no failure.
  ///
  /// A fatal record is a failure whatever its text: the process exited after it.
  /// An error record (`E`) no entry knows (`unknown`) is a failure too: CAS writes errors with `klog.Errorf`.
  mutating func shapeFailure(_ record: Record, unknown: Bool = false) -> ParsedEvent? {
    var limited = false
    let shaped = shapeMatcher.matches(record.message) { limited = true }
    if limited { patternErrors += 1 }
    guard
      shaped || record.severity == .fatal || (unknown && record.severity == .error)
        || FailureWords.isProviderCreation(record.message)
    else { return nil }
    let message = withUnsafeMutablePointer(to: &fieldCounts) { Captures(subject: record.message, counts: $0).message }
    return .failure(FailureWords.detail(message, fatal: isFatal(record, entry: nil)))
  }

  /// Whether a failure of `record` (matched by catalogue entry `entry`, if any) ended the process.
  ///
  /// The one rule for ``FailureDetail/fatal``: the record's severity is `F`, or the entry is
  /// ``CatalogEntry/fatal`` (CAS writes it with `klog.Fatalf`, so it is fatal without its header too).
  private func isFatal(_ record: Record, entry: Int?) -> Bool {
    record.severity == .fatal || entry.map { tables.fatalEntries[$0] } == true
  }

  /// `event`, a failure marked fatal by ``isFatal(_:entry:)``; the builders never mark one.
  private func markFatal(_ event: ParsedEvent, _ entry: Int, _ record: Record) -> ParsedEvent {
    guard case .failure(var detail) = event, isFatal(record, entry: entry) else { return event }
    detail.fatal = true
    return .failure(detail)
  }

  /// Runs entry `number` on `subject`, the message with a structured line's opening quote removed:
  /// its hand-written matcher when it has one and that is sure (``HandPattern``), else its pattern.
  private mutating func run(_ number: Int, _ subject: UnsafeBufferPointer<UInt8>, _ record: Record) -> ParsedEvent? {
    guard let matcher = matchers[number] else {
      return build(number, subject, offsets: UnsafeBufferPointer(start: nil, count: 0), groupsSet: 0, record)
    }
    if let hand = tables.handPatterns[number] {
      let offsets = handOffsets.buffer
      switch hand.match(subject, offsets) {
      case .noMatch: return nil
      case .unsure: break
      case .matched(let groupsSet):
        return build(number, subject, offsets: UnsafeBufferPointer(offsets), groupsSet: groupsSet, record)
      }
    }
    var failed = false
    let matched = matcher.matchesSafely(subject) { _ in failed = true }
    if failed { recordHitLimit = true }
    guard matched else { return nil }
    return build(number, subject, offsets: matcher.offsets, groupsSet: Int(matcher.lastResult), record)
  }

  /// Entry `number`'s event from the captures of `subject` (`groupsSet` groups at `offsets`, the
  /// message its first `messageLength` bytes), marked fatal by ``markFatal(_:_:_:)``; nil when the
  /// builder makes none.
  @inline(__always)
  private mutating func build(
    _ number: Int, _ subject: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int>, groupsSet: Int,
    messageLength: Int? = nil, _ record: Record
  ) -> ParsedEvent? {
    let build = tables.builders[number]
    let built = Self.withCaptureState(&fieldCounts, &names) { counts, names in
      var captures = Captures(
        subject: subject, offsets: offsets, groupsSet: groupsSet, counts: counts, messageLength: messageLength)
      captures.names = names
      return build(captures)
    }
    guard let built else { return nil }
    return markFatal(built, number, record)
  }

  /// Calls `body` with the counts and the name table a builder's captures write to.
  private static func withCaptureState<Result>(
    _ fieldCounts: inout FieldCounts, _ names: inout NameTable,
    _ body: (UnsafeMutablePointer<FieldCounts>, UnsafeMutablePointer<NameTable>) -> Result
  ) -> Result {
    withUnsafeMutablePointer(to: &fieldCounts) { counts in
      withUnsafeMutablePointer(to: &names) { names in body(counts, names) }
    }
  }

  /// `event` with its names as the strings they stand for: what the parser hands on.
  ///
  /// The strings are the table's own, made once per name, so resolving allocates no string.
  mutating func resolve(_ event: ParsedEvent) -> Event {
    withUnsafeMutablePointer(to: &names) { table in event.mapNames { table.pointee.name($0) ?? "" } }
  }
}
