/// The whole pipeline: bytes in; lines, envelopes, records, events and episodes out.
///
/// Feed it chunks of any size with ``feed(_:)``; the result does not depend on how the input was
/// cut. Observers see each record, event and episode step as it completes. ``report()`` gives the
/// analysis so far at any time.
public struct Analyzer {
  /// The options in force.
  public let options: AnalyzerOptions
  /// Called with every record (for `--expect-line`).
  public var onRecord: ((Record) -> Void)?
  /// Called with every event the episode builder applies, in the order it applies them.
  public var onEvent: ((Event, EventContext) -> Void)?
  /// Called with every episode step and the base year as known so far (for dating live output).
  public var onStep: ((EpisodeStep, Int) -> Void)?

  /// The episodes and findings so far.
  public private(set) var builder = EpisodeBuilder()
  /// Source names, in the order read.
  public private(set) var sources: [String] = []
  /// Records mapped to an event.
  public internal(set) var recognized = 0
  /// Well-formed records no catalogue entry matched.
  public internal(set) var unrecognized = 0
  /// The lowest `--v` the log proves, if any line proves one.
  public internal(set) var verbosity: Int?
  /// The earliest and latest record times.
  public internal(set) var firstTime: LogTime?
  public internal(set) var lastTime: LogTime?
  /// The cloud provider the log shows, if any.
  public internal(set) var cloudProvider: String?
  /// The shapes of unrecognised records, with counts and a sample each.
  public internal(set) var unrecognizedShapes = UnrecognizedShapes()

  // The stages are optional so that each can be moved out of `self` while its callback runs (the
  // callback needs `self`) and moved back after: moving keeps its buffers uniquely referenced, so
  // nothing is copied, and leaves nothing behind to build or destroy.
  private var splitter: LineSplitter?
  private var stripper: EnvelopeStripper?
  var assembler: RecordAssembler?
  private var extractor = EventExtractor()
  var reorder: ReorderBuffer<PendingEvent>?
  /// Physical lines read from the current source.
  var lineNumber = 0
  /// Whether events are kept in ``collected`` instead of applied: for parsing one segment of a file.
  var collectsEvents = false
  /// The events of a segment, in order, when ``collectsEvents`` is set.
  var collected: [(Event, EventContext)] = []
  /// What segments parsed elsewhere added: line counts, envelopes and pattern errors.
  var absorbedAccounting = LineAccounting()
  var absorbedFormats: Set<InputFormat> = []
  var absorbedPatternErrors = 0

  /// Creates an analyzer with `options`.
  public init(options: AnalyzerOptions) {
    self.options = options
    splitter = LineSplitter(maximumLineLength: options.maximumLineLength)
    stripper = EnvelopeStripper(maximumLineLength: options.maximumLineLength)
    assembler = RecordAssembler(maximumRecordLength: options.maximumRecordLength)
    reorder = ReorderBuffer(window: options.reorderWindow)
  }

  /// Starts a new source (a file, or `-` for standard input); line numbers restart at 1.
  public mutating func beginSource(_ name: String) {
    if !sources.isEmpty { endSource() }
    sources.append(name)
    lineNumber = 0
  }

  /// Feeds the next chunk of the current source.
  public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
    if sources.isEmpty { sources.append("-") }
    var splitter = self.splitter.take()!
    splitter.feed(chunk) { line in self.acceptLine(line) }
    self.splitter = splitter
    assembler!.noteTruncated(splitter.truncatedLines)
  }

  /// Feeds a chunk held in an array.
  public mutating func feed(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { feed($0) }
  }

  /// Ends the current source: its last line and record are delivered.
  public mutating func endSource() {
    var splitter = self.splitter.take()!
    splitter.finish { line in self.acceptLine(line) }
    self.splitter = splitter
    assembler!.noteTruncated(splitter.truncatedLines)
    var stripper = self.stripper.take()!
    stripper.finish { unwrapped, span in self.acceptUnwrapped(unwrapped, span: span) }
    self.stripper = stripper
    flushRecord()
  }

  /// Delivers a record that may still be waiting for continuation lines: for live input gone quiet.
  public mutating func flushIdle() {
    flushRecord()
  }

  /// Ends the input: everything held is delivered and put in order.
  public mutating func finish() {
    if !sources.isEmpty { endSource() }
    var reorder = self.reorder.take()!
    reorder.drain { item in self.apply(item.event, item.context) }
    self.reorder = reorder
  }

  /// Line counts so far.
  public var accounting: LineAccounting {
    var counts = assembler!.accounting
    counts.add(absorbedAccounting)
    counts.held = stripper!.partialLines + (assembler!.isHoldingRecord ? 1 : 0)
    return counts
  }

  /// The envelopes seen so far.
  public var formats: [InputFormat] {
    var seen = stripper!.formats.union(absorbedFormats)
    if assembler!.sawKlogText { seen.insert(.klogText) }
    if assembler!.sawPasted { seen.insert(.pasted) }
    return seen.sorted()
  }

  /// PCRE2 matches that hit a limit (their records count as unrecognised).
  public var patternErrors: Int { extractor.patternErrors + absorbedPatternErrors }

  /// The base year proven by an envelope time, if any.
  var envelopeBaseYear: Int? { assembler!.years.envelopeBaseYear }
  /// The same, as known from the records handled so far: what callbacks may read while the
  /// assembler is busy delivering a record.
  var handledEnvelopeBaseYear: Int?

  private mutating func acceptLine(_ line: UnsafeBufferPointer<UInt8>) {
    lineNumber += 1
    assembler!.noteLine()
    var stripper = self.stripper.take()!
    stripper.unwrap(line, lineNumber: lineNumber) { unwrapped, span in self.acceptUnwrapped(unwrapped, span: span) }
    self.stripper = stripper
  }

  /// Passes an unwrapped line on; `span` is the physical lines it was joined from (CRI/Docker partials).
  private mutating func acceptUnwrapped(_ unwrapped: UnwrappedLine, span: (first: Int, count: Int)) {
    let source = max(0, sources.count - 1)
    var assembler = self.assembler.take()!
    assembler.accept(unwrapped, source: source, lineNumber: span.first, physicalLines: span.count) { record in
      self.handleJoiningWraps(record)
    }
    self.assembler = assembler
  }

  private mutating func flushRecord() {
    var assembler = self.assembler.take()!
    assembler.flush { record in self.handleJoiningWraps(record) }
    self.assembler = assembler
  }

  /// Handles a record, first trying to rejoin lines a hard wrap cut from it; returns whether it did.
  ///
  /// The pieces are joined directly (a terminal cuts mid-word), then with a space (a mail client
  /// cuts at a space); a join is kept only when the catalogue recognises the result.
  private mutating func handleJoiningWraps(_ record: Record) -> Bool {
    guard record.wrappedLines > 0 else {
      handle(record)
      return false
    }
    for separator: UInt8? in [nil, 0x20] {
      var joined = Array(record.message)
      for piece in record.wrapped.split(separator: 0x0A, omittingEmptySubsequences: false) {
        if let separator { joined.append(separator) }
        joined.append(contentsOf: piece)
      }
      let recognized = joined.withUnsafeBufferPointer { message -> Bool in
        var candidate = record
        candidate.message = message
        candidate.lineCount += record.wrappedLines
        candidate.wrapped = UnsafeBufferPointer(start: nil, count: 0)
        candidate.wrappedLines = 0
        guard extractor.extract(candidate) != nil else { return false }
        handle(candidate)
        return true
      }
      if recognized { return true }
    }
    handle(record)
    return false
  }

  private mutating func handle(_ record: Record) {
    onRecord?(record)
    if let year = record.envelopeBaseYear { handledEnvelopeBaseYear = year }
    if firstTime == nil || record.time < firstTime! { firstTime = record.time }
    if lastTime == nil || lastTime! < record.time { lastTime = record.time }
    if cloudProvider == nil { cloudProvider = CloudProviderHint.provider(file: record.file) }
    if let level = record.verbosity { verbosity = max(verbosity ?? 0, level) }
    guard let (event, entry) = extractor.extract(record) else {
      unrecognized += 1
      unrecognizedShapes.add(record)
      return
    }
    recognized += 1
    if record.severity == .info, record.verbosity == nil {
      verbosity = max(verbosity ?? 0, Catalog.entries[entry].verbosity)
    }
    let context = EventContext(time: record.time, source: record.source, lines: record.lines, severity: record.severity)
    var reorder = self.reorder.take()!
    reorder.push(PendingEvent(event: event, context: context), at: record.time) { item in
      self.apply(item.event, item.context)
    }
    self.reorder = reorder
  }

  mutating func apply(_ event: Event, _ context: EventContext) {
    if collectsEvents {
      collected.append((event, context))
      return
    }
    onEvent?(event, context)
    let steps = builder.apply(event, context)
    if let onStep, !steps.isEmpty {
      let year = YearResolver.resolve(
        envelope: handledEnvelopeBaseYear, message: builder.messageBaseYear, option: options.year, now: options.now,
        lastTime: lastTime)
      for step in steps { onStep(step, year.baseYear) }
    }
  }
}

@available(*, unavailable)
extension Analyzer: Sendable {}

/// Names the cloud provider from a record's source file.
enum CloudProviderHint {
  static let prefixes: [(String, String)] = [
    ("aws_", "aws"), ("auto_scaling", "aws"), ("azure_", "azure"), ("gce_", "gce"), ("autoscaling_gce", "gce"),
    ("clusterapi_", "clusterapi"), ("hetzner_", "hetzner"), ("alicloud_", "alicloud"), ("oci_", "oci"),
    ("digitalocean_", "digitalocean"), ("kwok_", "kwok"),
  ]

  /// The provider a file name belongs to, or nil.
  static func provider(file: UnsafeBufferPointer<UInt8>) -> String? {
    guard let first = file.first,
      first == UInt8(ascii: "a") || first == UInt8(ascii: "g") || first == UInt8(ascii: "c")
        || first == UInt8(ascii: "h") || first == UInt8(ascii: "o") || first == UInt8(ascii: "d")
        || first == UInt8(ascii: "k")
    else { return nil }
    for (prefix, provider) in prefixes where file.starts(with: prefix.utf8) { return provider }
    return nil
  }
}
