/// The whole pipeline: bytes in; lines, envelopes, records, events and episodes out.
///
/// Feed it chunks of any size with ``feed(_:)``; the result does not depend on how the input was
/// cut. Observers see each record, event and episode step as it completes. ``report()`` gives the
/// analysis so far at any time.
///
/// Each stage calls the next from a callback. The stages are separate stored properties, passed
/// together as `inout` arguments to static functions, so that a callback can use the next stage
/// while the current one runs without moving or copying either.
public struct Analyzer {
  /// The options in force.
  let options: AnalyzerOptions
  /// Source names, in the order read.
  private(set) var sources: [String] = []

  private var splitter: LineSplitter
  private var stripper: EnvelopeStripper
  var assembler: RecordAssembler
  var records = RecordHandler()
  var events: EventApplier
  /// The header of the next line, read while the line before it was taken as a one-line record.
  private var nextHeader = NextHeader()
  /// Whether a line known to be a whole record is taken without the envelope and assembly stages
  /// (``acceptSingleLine``); off, every line goes through them (the tests compare the two).
  var takesSingleLines = true
  /// Lines taken as whole records that way.
  private(set) var singleLineRecords = 0
  /// The run of utilization lines being read (``UtilizationRun``); closed at the end of every chunk.
  private var utilizationRun = UtilizationRun()
  /// Lines read in runs of utilization lines, after each run's first.
  var linesInRuns: Int { utilizationRun.linesTaken }
  /// Physical lines read from the current source.
  var lineNumber = 0
  /// The decoder of the stream being read, kept between ``InputReader/readStream`` and
  /// ``InputReader/continueStream``.
  var streamDecoder: InputDecoder?
  /// Why an input could not be read to its end (corrupt or truncated gzip data), if one could not.
  private(set) var incompleteInput: String?

  /// Creates an analyzer with `options`.
  public init(options: AnalyzerOptions) {
    self.options = options
    splitter = LineSplitter(maximumLineLength: options.maximumLineLength)
    stripper = EnvelopeStripper(maximumLineLength: options.maximumLineLength)
    assembler = RecordAssembler(maximumRecordLength: options.maximumRecordLength)
    events = EventApplier(options: options)
    records.statistics.unrecognizedShapes = UnrecognizedShapes(capacity: options.maximumUnrecognizedShapes)
  }

  /// Called with every record (for `--expect-line`).
  var onRecord: ((Record) -> Void)? {
    get { records.onRecord }
    set { records.onRecord = newValue }
  }
  /// Called with every record once it is mapped: the loop it belongs to and the event it meant
  /// (nil when no catalogue entry recognised it); for `--iteration`.
  var onRecordMeaning: ((Record, LoopId?, Event?) -> Void)? {
    get { records.onRecordMeaning }
    set { records.onRecordMeaning = newValue }
  }
  /// Called with every event the episode builder applies, in the order it applies them.
  var onEvent: ((Event, EventContext) -> Void)? {
    get { events.sink.onEvent }
    set { events.sink.onEvent = newValue }
  }
  /// Called with every episode step and the base year as known so far (for dating live output).
  public var onStep: ((EpisodeStep, Int) -> Void)? {
    get { events.sink.onStep }
    set { events.sink.onStep = newValue }
  }

  /// The episodes and findings so far.
  var builder: EpisodeBuilder { events.sink.builder }
  /// Records mapped to an event.
  var recognized: Int { records.statistics.recognized }
  /// Well-formed records no catalogue entry matched.
  var unrecognized: Int { records.statistics.unrecognized }
  /// The lowest `--v` the log proves, if any line proves one.
  var verbosity: Int? { records.statistics.verbosity }
  /// The earliest and latest record times.
  var firstTime: LogTime? { records.statistics.firstTime }
  var lastTime: LogTime? { records.statistics.lastTime }
  /// The cloud provider the records' clues show, if any (``CloudProviderClue``).
  var cloudProvider: String? { records.statistics.cloudClue.provider }
  /// The shapes of unrecognised records, with counts and a sample each.
  var unrecognizedShapes: UnrecognizedShapes { records.statistics.unrecognizedShapes }
  /// Whether the records so far are in the printf form, the structured form, or both.
  var logFormat: LogFormat { records.statistics.loops.logFormat }

  /// Starts a new source (a file, or `-` for standard input); line numbers restart at 1.
  public mutating func beginSource(_ name: String) {
    if !sources.isEmpty { endSource() }
    sources.append(name)
    lineNumber = 0
  }

  /// The index of the current source.
  private var source: Int { max(0, sources.count - 1) }

  /// Feeds the next chunk of the current source.
  mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
    if sources.isEmpty { sources.append("-") }
    records.statistics.keepSample(chunk)
    if !takesSingleLines { nextHeader.disable() }
    Self.feed(
      chunk, source, &splitter, &nextHeader, &utilizationRun, &singleLineRecords, &lineNumber, &stripper, &assembler,
      &records, &events)
    assembler.noteTruncated(splitter.truncatedLines)
  }

  /// Feeds the next chunk of the current source, handing its events to `receiver` instead of the
  /// episode builder: the parser alone, for one segment of the input.
  mutating func feed<Receiver: EventReceiver>(_ chunk: UnsafeBufferPointer<UInt8>, to receiver: inout Receiver) {
    if sources.isEmpty { sources.append("-") }
    records.statistics.keepSample(chunk)
    if !takesSingleLines { nextHeader.disable() }
    Self.feed(
      chunk, source, &splitter, &nextHeader, &utilizationRun, &singleLineRecords, &lineNumber, &stripper, &assembler,
      &records, &receiver)
    assembler.noteTruncated(splitter.truncatedLines)
  }

  /// Notes that the current input could not be read to its end, and why (the first reason is kept).
  mutating func noteIncompleteInput(_ reason: String) {
    if incompleteInput == nil { incompleteInput = reason }
  }

  /// Whether the input was read as a log, and if not, what it looks like.
  var inputVerdict: InputVerdict {
    InputVerdict.classify(
      accounting: accounting, recognized: recognized, sample: records.statistics.sample,
      incompleteInput: incompleteInput)
  }

  /// Feeds a chunk held in an array.
  public mutating func feed(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { feed($0) }
  }

  /// Ends the current source: its last line and record are delivered.
  mutating func endSource() {
    Self.finishLines(source, &splitter, &lineNumber, &stripper, &assembler, &records, &events)
    assembler.noteTruncated(splitter.truncatedLines)
    Self.finishPartials(source, &stripper, &assembler, &records, &events)
    Self.flush(&assembler, &records, &events)
  }

  /// Ends the current source, handing the events of its last records to `receiver` (see
  /// ``feed(_:to:)``).
  mutating func endSource<Receiver: EventReceiver>(to receiver: inout Receiver) {
    Self.finishLines(source, &splitter, &lineNumber, &stripper, &assembler, &records, &receiver)
    assembler.noteTruncated(splitter.truncatedLines)
    Self.finishPartials(source, &stripper, &assembler, &records, &receiver)
    Self.flush(&assembler, &records, &receiver)
  }

  /// Delivers a record that may still be waiting for continuation lines: for live input gone quiet.
  public mutating func flushIdle() {
    Self.flush(&assembler, &records, &events)
  }

  /// Ends the input: everything held is delivered and put in order.
  public mutating func finish() {
    if !sources.isEmpty { endSource() }
    events.drain(records.statistics.yearEvidence)
  }

  /// Line counts so far.
  var accounting: LineAccounting {
    var counts = assembler.accounting
    counts.records -= records.notRecords
    counts.continuationLines -= records.notRecordContinuations
    counts.malformed += records.notRecords + records.notRecordContinuations
    // What segments parsed elsewhere counted.
    counts.add(records.statistics.accounting)
    counts.held =
      stripper.partialLines + stripper.documentHeldLines + assembler.newestFirst.heldLines
      + (assembler.isHoldingRecord ? 1 : 0)
    counts.truncated += stripper.oversizedJSONRecords
    counts.truncatedFields += records.extractor.fieldCounts.truncated
    counts.outOfRangeValues += records.extractor.fieldCounts.outOfRange + stripper.outOfRangeValues
    return counts
  }

  /// The envelopes seen so far.
  var formats: [InputFormat] {
    var seen = stripper.formats.union(records.statistics.formats)
    if assembler.sawKlogText { seen.insert(.klogText) }
    if assembler.sawPasted { seen.insert(.pasted) }
    seen.formUnion(assembler.eventLines.formats)
    seen.formUnion(assembler.prefixFormats)
    return seen.sorted()
  }

  /// What putting events in time order took so far.
  var reorderStatistics: ReorderStatistics { events.reorder.statistics }

  /// PCRE2 matches that hit a limit (their records count as unrecognised).
  var patternErrors: Int { records.extractor.patternErrors + records.statistics.patternErrors }

  /// The streams of interleaved logs (kubectl `--prefix` pods), stream `n` at `n - 1`.
  var streamNames: [String] { stripper.streamNames }

  /// Everything the parser counted so far, in one value (``ParseStatistics``): the records' with
  /// the stages' own line counts, envelopes, pattern errors and year tracker.
  var statistics: ParseStatistics {
    var statistics = records.statistics
    statistics.accounting = accounting
    statistics.formats = Set(formats)
    statistics.patternErrors = patternErrors
    statistics.years = assembler.years
    return statistics
  }

  // MARK: - The stages, linked

  private static func feed<Receiver: EventReceiver>(
    _ chunk: UnsafeBufferPointer<UInt8>, _ source: Int, _ splitter: inout LineSplitter, _ nextHeader: inout NextHeader,
    _ run: inout UtilizationRun, _ singleLineRecords: inout Int, _ lineNumber: inout Int,
    _ stripper: inout EnvelopeStripper, _ assembler: inout RecordAssembler, _ records: inout RecordHandler,
    _ events: inout Receiver
  ) {
    splitter.feed(chunk) { line, following in
      var known: (reading: UtilizationLine.Reading, nameHash: UInt64)?
      if run.isOpen {
        if continueRun(line, following, source, &run, &nextHeader, &lineNumber, &assembler, &records, &events) {
          return
        }
        known = run.takeHandoff(for: line)
        closeRun(&run, &singleLineRecords, &stripper, &assembler, &records, &events)
      }
      if acceptSingleLine(
        line, following, source, known, &nextHeader, &run, &lineNumber, &stripper, &assembler, &records, &events)
      {
        singleLineRecords += 1
        return
      }
      acceptLine(line, source, &lineNumber, &stripper, &assembler, &records, &events)
    }
    // The chunk's lines are gone: the run's are counted before anything else reads the counts.
    closeRun(&run, &singleLineRecords, &stripper, &assembler, &records, &events)
    nextHeader.clear()
  }

  /// Takes `line` as a whole record when it is one for certain, without unwrapping or assembling it.
  ///
  /// That is a plain line with a standard klog header (``StandardHeader``) and no record merged
  /// into it, while no envelope or held line is in progress, followed in the chunk by a line that
  /// opens with a standard header too: that next line ends the record, so it is exactly this line.
  /// The record views the chunk (``RecordAssembler/stampSingleLine(_:header:_:)``).
  /// Returns false, having changed nothing, for any other line.
  @inline(__always)
  private static func acceptSingleLine<Receiver: EventReceiver>(
    _ line: UnsafeBufferPointer<UInt8>, _ following: UnsafeBufferPointer<UInt8>, _ source: Int,
    _ known: (reading: UtilizationLine.Reading, nameHash: UInt64)?, _ nextHeader: inout NextHeader,
    _ run: inout UtilizationRun, _ lineNumber: inout Int,
    _ stripper: inout EnvelopeStripper, _ assembler: inout RecordAssembler, _ records: inout RecordHandler,
    _ events: inout Receiver
  ) -> Bool {
    guard let header = nextHeader.header(of: line) else {
      nextHeader.clear()
      return false
    }
    guard stripper.passesPlainLines, assembler.takesSingleLines else { return false }
    // A utilization line read to its end holds no merged record (``holdsOneRecord``): it is read
    // before the search for one, and handed on read.
    var known = known
    if known == nil {
      let message = assembler.singleLineMessage(line, header: header)
      if let reading = UtilizationLine.read(message) {
        known = (reading, NameGeneration.hash(UnsafeBufferPointer(rebasing: message[reading.name])))
      }
    }
    guard holdsOneRecord(line, messageStart: header.messageStart, readingEnd: known?.reading.end),
      nextHeader.opensRecord(following, after: line, header)
    else { return false }
    lineNumber += 1
    assembler.noteLine()
    assembler.newestFirst.newestFirstByDefault = stripper.collectors.newestFirstByDefault
    assembler.currentStream = 0
    stripper.notePlainLine(lineNumber)
    let time = assembler.stampSingleLine(line, header: header) { record in
      records.handleJoiningWraps(record, &events)
    }
    // The dominant line, read without its record.
    let severity = header.severity ?? .info
    if records.handleUtilizationLine(
      assembler.singleLineMessage(line, header: header), file: UnsafeBufferPointer(rebasing: line[header.fileRange]),
      time: time, severity: severity, source: source, lineNumber: lineNumber, known: known, &events)
    {
      openRun(&run, source: source, line: lineNumber, time: time, severity: severity, &records, &events)
      return true
    }
    let record = assembler.singleLineRecord(line, header: header, time: time, source: source, lineNumber: lineNumber)
    // A one-line record with a header and no wrap pieces: nothing to join.
    records.handlePlainLine(record, &events)
    return true
  }

  private static func finishLines<Receiver: EventReceiver>(
    _ source: Int, _ splitter: inout LineSplitter, _ lineNumber: inout Int, _ stripper: inout EnvelopeStripper,
    _ assembler: inout RecordAssembler, _ records: inout RecordHandler, _ events: inout Receiver
  ) {
    splitter.finish { line in
      acceptLine(line, source, &lineNumber, &stripper, &assembler, &records, &events)
    }
  }

  private static func acceptLine<Receiver: EventReceiver>(
    _ line: UnsafeBufferPointer<UInt8>, _ source: Int, _ lineNumber: inout Int, _ stripper: inout EnvelopeStripper,
    _ assembler: inout RecordAssembler, _ records: inout RecordHandler, _ events: inout Receiver
  ) {
    lineNumber += 1
    assembler.noteLine()
    assembler.newestFirst.newestFirstByDefault = stripper.collectors.newestFirstByDefault
    assembler.currentStream = stripper.stream(of: line)
    stripper.unwrap(line, lineNumber: lineNumber) { unwrapped, span in
      acceptUnwrapped(unwrapped, span, source, &assembler, &records, &events)
    }
  }

  private static func finishPartials<Receiver: EventReceiver>(
    _ source: Int, _ stripper: inout EnvelopeStripper, _ assembler: inout RecordAssembler,
    _ records: inout RecordHandler, _ events: inout Receiver
  ) {
    stripper.finish { unwrapped, span in
      acceptUnwrapped(unwrapped, span, source, &assembler, &records, &events)
    }
  }

  /// Passes an unwrapped line on; `span` is the physical lines it was joined from (CRI/Docker partials).
  private static func acceptUnwrapped<Receiver: EventReceiver>(
    _ unwrapped: UnwrappedLine, _ span: (first: Int, count: Int), _ source: Int, _ assembler: inout RecordAssembler,
    _ records: inout RecordHandler, _ events: inout Receiver
  ) {
    assembler.accept(unwrapped, source: source, lineNumber: span.first, physicalLines: span.count) { record in
      records.handleJoiningWraps(record, &events)
    }
  }

  private static func flush<Receiver: EventReceiver>(
    _ assembler: inout RecordAssembler, _ records: inout RecordHandler, _ events: inout Receiver
  ) {
    assembler.flushAll { record in records.handleJoiningWraps(record, &events) }
  }
}

@available(*, unavailable)
extension Analyzer: Sendable {}
