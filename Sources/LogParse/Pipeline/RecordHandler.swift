/// What the analyzer does with each record: maps it to an event and counts what it saw.
struct RecordHandler {
  /// Called with every record (for `--expect-line`).
  var onRecord: ((Record) -> Void)?
  /// Called with every record after it was mapped: its loop and the event it meant, if any.
  var onRecordMeaning: ((Record, LoopId?, Event?) -> Void)?
  /// Called with the catalogue entry (its index) and the event of every record an entry recognised
  /// (for ``Catalog/identify(_:)``).
  var onEntry: ((Int, Event) -> Void)?
  /// Which loop each record belongs to, and the log's form.
  var loops = LoopTracker()
  var extractor = EventExtractor()
  /// Records mapped to an event, and well-formed records no catalogue entry matched.
  var recognized = 0
  var unrecognized = 0
  /// Lines offered as records that the catalogue did not recognise (``Record/needsRecognition``):
  /// counted as malformed, not as records.
  var notRecords = 0
  var notRecordContinuations = 0
  /// The lowest `--v` the log proves, if any line proves one.
  var verbosity: Int?
  /// The earliest and latest record times.
  var firstTime: LogTime?
  var lastTime: LogTime?
  /// The cloud provider the records' clues show, if any (``CloudProviderClue``).
  var cloudClue = CloudProviderClue()
  var cloudProvider: String? { cloudClue.provider }
  /// The shapes of unrecognised records, with counts and a sample each.
  var unrecognizedShapes = UnrecognizedShapes()
  /// The base year an envelope time proved, as known from the records handled so far.
  var envelopeBaseYear: Int?
  /// The first full date inside a recognised record's message, with the record's time: evidence of
  /// the log's year from any message form, old ones too.
  var firstMessageDate: MessageDate?

  /// Counts a record and passes its event, if it means one, to `events`.
  mutating func handle(_ record: Record, _ events: inout EventApplier) {
    if record.needsRecognition, extractor.extract(record) == nil {
      notRecords += 1
      notRecordContinuations += record.lineCount - 1
      return
    }
    onRecord?(record)
    if let year = record.envelopeBaseYear { envelopeBaseYear = year }
    if record.hasTime {
      if firstTime == nil || record.time < firstTime! { firstTime = record.time }
      if lastTime == nil || lastTime! < record.time { lastTime = record.time }
    }
    cloudClue.note(file: record.file, message: record.message)
    if let level = record.verbosity { verbosity = max(verbosity ?? 0, level) }
    let extracted = extractor.extract(record)
    // A failure found by its shape: the record's only event, or one more beside an event that
    // classified none (a fatal record's, an error inside a loop step's message).
    // (A message of names and numbers only is not searched, unless its record is fatal.)
    let searched =
      extracted.map { !$0.event.carriesFailure && (!$0.event.isClosedMessage || record.severity == .fatal) } ?? true
    let shaped = searched ? extractor.shapeFailure(record, unknown: extracted == nil) : nil
    guard let (event, entry) = extracted ?? shaped.map({ ($0, -1) }) else {
      let loop = loops.loop(of: record, event: nil)
      onRecordMeaning?(record, loop, nil)
      unrecognized += 1
      unrecognizedShapes.add(record)
      // A new iterationId on a record no entry knows still marks the loop boundary (and a
      // restart) at its time: the builder sees it as a note.
      if loops.startedLoop {
        let context = EventContext(
          time: record.time, source: record.source, lines: record.lines, severity: record.severity, loop: loop,
          stream: record.stream, hasTime: record.hasTime)
        events.push(
          PendingEvent(event: .noted(id: LoopTracker.loopStartNote), context: context), lastTime: lastTime,
          envelopeBaseYear: envelopeBaseYear)
      }
      return
    }
    let loop = loops.loop(of: record, event: event)
    onRecordMeaning?(record, loop, event)
    if entry >= 0 { onEntry?(entry, event) }
    recognized += 1
    if firstMessageDate == nil, record.time.isKnown, let date = TimeText.firstDate(in: record.message) {
      firstMessageDate = MessageDate(date: date, recordTime: record.time)
    }
    if entry >= 0, record.severity == .info, record.verbosity == nil, !record.isRewritten {
      verbosity = max(verbosity ?? 0, extractor.verbosity(of: entry))
    }
    let context = EventContext(
      time: record.time, source: record.source, lines: record.lines, severity: record.severity, loop: loop,
      stream: record.stream, hasTime: record.hasTime)
    events.push(PendingEvent(event: event, context: context), lastTime: lastTime, envelopeBaseYear: envelopeBaseYear)
    if extracted != nil, let shaped {
      events.push(
        PendingEvent(event: shaped, context: context), lastTime: lastTime, envelopeBaseYear: envelopeBaseYear)
    }
  }
}

@available(*, unavailable)
extension RecordHandler: Sendable {}
