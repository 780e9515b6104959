/// What the analyzer does with each record: maps it to an event and counts what it saw.
struct RecordHandler {
  /// Called with every record (for `--expect-line`).
  var onRecord: ((Record) -> Void)?
  /// Called with every record after it was mapped: its loop and the event it meant, if any.
  var onRecordMeaning: ((Record, LoopId?, Event?) -> Void)?
  /// Called with the catalogue entry (its index) and the event of every record an entry recognised
  /// (for ``Catalog/identify(_:)``).
  var onEntry: ((Int, Event) -> Void)?
  var extractor = EventExtractor()
  /// What the records so far showed: counts, times, year and cloud evidence, shapes, loops, the
  /// input's first bytes, and everything segments merged in (``Analyzer/absorb(_:)``).
  ///
  /// The line counts, envelopes and pattern errors of the lines this analyzer read itself stay in
  /// the stages that count them, and the New Years in the assembler's tracker (lent to each merge):
  /// ``Analyzer/statistics`` puts them together.
  var statistics = ParseStatistics()
  /// Lines offered as records that the catalogue did not recognise (``Record/needsRecognition``):
  /// counted as malformed, not as records.
  var notRecords = 0
  var notRecordContinuations = 0

  /// What the catalogue made of recent messages that name nothing (``MessageMemo``).
  var memo = MessageMemo()
  /// Whether one-line records may be read by hand or recalled from ``memo``; off, every record
  /// goes through the catalogue (the tests compare the two).
  var takesShortcuts = true
  /// Records read by hand or recalled from ``memo``.
  private(set) var recalledRecords = 0

  /// Counts a record and passes its event, if it means one, to `events`.
  ///
  /// A one-line record of the usual kind is read by hand when it is a utilization line
  /// (``EventExtractor/extractUtilization(_:)``) and looked up in ``memo`` otherwise; the rest, and
  /// what the memo does not hold, go through the catalogue, whose outcome the memo then keeps when
  /// it depends on the message alone.
  mutating func handle<Receiver: EventReceiver>(_ record: Record, _ events: inout Receiver) {
    handle(record, isPlainLine: takesShortcuts && record.isPlainLine, &events)
  }

  /// Handles a one-line record the assembler took from a line with a standard header
  /// (``RecordAssembler/stampSingleLine(_:header:_:)``): ``Record/isPlainLine``
  /// holds unless its message is quoted.
  @inline(__always)
  mutating func handlePlainLine<Receiver: EventReceiver>(_ record: Record, _ events: inout Receiver) {
    handle(record, isPlainLine: takesShortcuts && record.message.first != UInt8(ascii: "\""), &events)
  }

  @inline(__always)
  private mutating func handle<Receiver: EventReceiver>(
    _ record: Record, isPlainLine: Bool, _ events: inout Receiver
  ) {
    if isPlainLine {
      if record.severity != .fatal, let (node, hash, utilization, entry) = extractor.readUtilization(record.message) {
        // A closed message: no failure shape is searched for.
        recalledRecords += 1
        noteRecord(record)
        deliverUtilization(record, node, hash, utilization, entry: entry, &events)
        return
      }
      if let known = memo.outcome(record.severity, record.message) {
        recalledRecords += 1
        noteRecord(record)
        if let event = known.event {
          _ = deliver(record, event, entry: known.entry, holdsDate: known.holdsDate, &events)
        } else {
          deliverUnrecognized(record, &events)
        }
        return
      }
    }
    let patternErrors = extractor.patternErrors
    let fieldCounts = extractor.fieldCounts
    // Extracted once: a second run would count its pattern errors and cut fields again.
    let extracted = extractor.extract(record)
    if record.needsRecognition, extracted == nil {
      notRecords += 1
      notRecordContinuations += record.lineCount - 1
      return
    }
    noteRecord(record)
    // A failure found by its shape: the record's only event, or one more beside an event that
    // classified none (a fatal record's, an error inside a loop step's message).
    // (A message of names and numbers only is not searched, unless its record is fatal.)
    let searched =
      extracted.map {
        !$0.event.carriesFailure && (!extractor.isClosedMessage($0.event, entry: $0.entry) || record.severity == .fatal)
      } ?? true
    let shaped = searched ? extractor.shapeFailure(record, unknown: extracted == nil) : nil
    // The outcome depends on the severity and message alone: remember it.
    if isPlainLine, shaped == nil, extractor.patternErrors == patternErrors, extractor.fieldCounts == fieldCounts,
      extracted?.event.holdsName != true
    {
      memo.remember(
        record.severity, record.message,
        MessageMemo.Outcome(
          event: extracted.map { extractor.resolve($0.event) }, entry: extracted?.entry ?? -1,
          holdsDate: TimeText.firstDate(in: record.message) != nil))
    }
    guard let (parsed, entry) = extracted ?? shaped.map({ ($0, -1) }) else {
      deliverUnrecognized(record, &events)
      return
    }
    // Past this point the event leaves the parser: its names become the table's strings.
    let context = deliver(record, extractor.resolve(parsed), entry: entry, holdsDate: nil, &events)
    if extracted != nil, let shaped {
      let shapedEvent = extractor.resolve(shaped)
      statistics.cloudClue.note(shapedEvent)
      events.receive(PendingEvent(event: shapedEvent, context: context), statistics.yearEvidence)
    }
  }

  /// Handles a line taken whole whose message is a utilization line, without a ``Record``: what
  /// ``handlePlainLine(_:_:)`` does with the line's record when no observer is set.
  ///
  /// The line's record would be a one-line record of `source` with no `--v` level, envelope year
  /// or stream (``RecordAssembler/singleLineRecord(_:header:time:source:lineNumber:)``). Returns
  /// false, having changed nothing, when the message is not a utilization line of the usual shape
  /// (``EventExtractor/readUtilization(_:)``), an observer needs the record, shortcuts are off or
  /// the last record came from another source; the caller then makes the record.
  ///
  /// `known` is the reading of `message` and the hash of its name when a run already made them
  /// (``UtilizationRun/handoff``).
  @inline(__always)
  mutating func handleUtilizationLine<Receiver: EventReceiver>(
    _ message: UnsafeBufferPointer<UInt8>, file: UnsafeBufferPointer<UInt8>, time: LogTime, severity: Severity,
    source: Int, lineNumber: Int, known: (reading: UtilizationLine.Reading, nameHash: UInt64)? = nil,
    _ events: inout Receiver
  ) -> Bool {
    guard takesShortcuts, onRecord == nil, onRecordMeaning == nil, onEntry == nil,
      statistics.loops.continues(source: source), severity != .fatal,
      let (node, hash, utilization, entry) = extractor.readUtilization(message, known: known)
    else { return false }
    // What noteRecord and deliverUtilization do with the record: a closed message.
    recalledRecords += 1
    noteTime(time, hasTime: time.isKnown)
    statistics.cloudClue.note(file: file, message: message)
    let loop = statistics.loops.loopOfPrintfRecord()
    noteRecognized(
      message, time: time, severity: severity, verbosity: nil, isRewritten: false, entry: entry, holdsDate: nil)
    let context = EventContext(
      time: time, source: source, lines: lineNumber...lineNumber, severity: severity, loop: loop, stream: 0,
      hasTime: time.isKnown)
    events.receiveReading(
      node: node, nameHash: hash, utilization: utilization, context: context, statistics.yearEvidence)
    return true
  }

  /// Notes what a line of a utilization run shows of its own.
  ///
  /// That is a cloud clue, and the message's date while none was found (``UtilizationRun``). The
  /// rest of what ``handleUtilizationLine(_:file:time:severity:source:lineNumber:known:_:)`` notes
  /// is the same for every line of the run and counted when it ends
  /// (``noteRunOfUtilizationLines(_:lastTime:)``).
  @inline(__always)
  mutating func noteRunLine(file: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>, time: LogTime) {
    statistics.cloudClue.note(file: file, message: message)
    if statistics.messageYears.firstDate == nil, let date = TimeText.firstDate(in: message) {
      statistics.messageYears.firstDate = MessageDate(date: date, recordTime: time)
    }
  }

  /// Counts `count` utilization lines of a run, the last at `lastTime`, each as
  /// ``handleUtilizationLine(_:file:time:severity:source:lineNumber:known:_:)`` counts one that follows
  /// the run's first line: a record read by hand and recognised, a printf record of the same loop,
  /// a time no earlier than the one before, and the same `--v` level its entry proves.
  @inline(__always)
  mutating func noteRunOfUtilizationLines(_ count: Int, lastTime: LogTime) {
    recalledRecords += count
    statistics.recognized += count
    statistics.loops.noteMorePrintfRecords(count)
    noteTime(lastTime, hasTime: true)
  }

  /// Counts what every record shows, recognised or not: its time, year, cloud clue and `--v` level.
  @inline(__always)
  private mutating func noteRecord(_ record: Record) {
    onRecord?(record)
    if statistics.envelopeBaseYear == nil { statistics.envelopeBaseYear = record.envelopeBaseYear }
    noteTime(record.time, hasTime: record.hasTime)
    statistics.cloudClue.note(file: record.file, message: record.message)
    if let level = record.verbosity { statistics.verbosity = max(statistics.verbosity ?? 0, level) }
  }

  /// Counts a record's time in the first and last times, when it has one.
  @inline(__always)
  private mutating func noteTime(_ time: LogTime, hasTime: Bool) {
    guard hasTime else { return }
    if statistics.firstTime == nil || time < statistics.firstTime! { statistics.firstTime = time }
    if statistics.lastTime == nil || statistics.lastTime! < time { statistics.lastTime = time }
  }

  /// Counts a record no entry recognised and no failure shape matched.
  private mutating func deliverUnrecognized<Receiver: EventReceiver>(_ record: Record, _ events: inout Receiver) {
    let loop = statistics.loops.loop(of: record, boundary: .none)
    onRecordMeaning?(record, loop, nil)
    statistics.unrecognized += 1
    statistics.unrecognizedShapes.add(record)
    // A new iterationId on a record no entry knows still marks the loop boundary (and a
    // restart) at its time: the builder sees it as a note.
    if statistics.loops.startedLoop {
      let context = Self.context(of: record, loop: loop)
      events.receive(
        PendingEvent(event: .noted(id: LoopTracker.loopStartNote), context: context), statistics.yearEvidence)
    }
  }

  /// Counts a recognised utilization line and passes its reading on in compact form
  /// (``UtilizationNote``): what ``deliver(_:_:entry:holdsDate:_:)`` does with its event.
  ///
  /// The event is made only for an observer. It is no loop boundary, holds no date for
  /// ``MessageYears`` and names no cloud provider, so those notes are left out.
  @inline(__always)
  private mutating func deliverUtilization<Receiver: EventReceiver>(
    _ record: Record, _ node: String, _ nameHash: UInt64, _ utilization: Double, entry: Int,
    _ events: inout Receiver
  ) {
    let loop = statistics.loops.loop(of: record, boundary: .none)
    if onRecordMeaning != nil || onEntry != nil {
      let event = Event.nodeUtilization(node: node, utilization: utilization)
      onRecordMeaning?(record, loop, event)
      onEntry?(entry, event)
    }
    noteRecognized(record, entry: entry, holdsDate: nil)
    let context = Self.context(of: record, loop: loop)
    events.receive(
      UtilizationNote(node: node, nameHash: nameHash, utilization: utilization, context: context),
      statistics.yearEvidence)
  }

  /// Counts a recognised record: the first date of a message, and the `--v` its entry proves.
  @inline(__always)
  private mutating func noteRecognized(_ record: Record, entry: Int, holdsDate: Bool?) {
    noteRecognized(
      record.message, time: record.time, severity: record.severity, verbosity: record.verbosity,
      isRewritten: record.isRewritten, entry: entry, holdsDate: holdsDate)
  }

  /// ``noteRecognized(_:entry:holdsDate:)`` from the parts of the record it reads.
  @inline(__always)
  private mutating func noteRecognized(
    _ message: UnsafeBufferPointer<UInt8>, time: LogTime, severity: Severity, verbosity: Int?, isRewritten: Bool,
    entry: Int, holdsDate: Bool?
  ) {
    statistics.recognized += 1
    if statistics.messageYears.firstDate == nil, holdsDate != false, time.isKnown,
      let date = TimeText.firstDate(in: message)
    {
      statistics.messageYears.firstDate = MessageDate(date: date, recordTime: time)
    }
    if entry >= 0, severity == .info, verbosity == nil, !isRewritten {
      statistics.verbosity = max(statistics.verbosity ?? 0, extractor.verbosity(of: entry))
    }
  }

  /// Counts a recognised record and passes its event on; returns the event's context.
  ///
  /// `entry` is the catalogue entry (-1 for a failure found by its shape); `holdsDate` whether the
  /// message holds a date, when known (else it is searched for one while no date was found yet).
  @inline(__always)
  private mutating func deliver<Receiver: EventReceiver>(
    _ record: Record, _ event: __owned Event, entry: Int, holdsDate: Bool?, _ events: inout Receiver
  ) -> EventContext {
    let loop = statistics.loops.loop(of: record, boundary: LoopTracker.boundary(of: event))
    onRecordMeaning?(record, loop, event)
    if entry >= 0 { onEntry?(entry, event) }
    noteRecognized(record, entry: entry, holdsDate: holdsDate)
    let context = Self.context(of: record, loop: loop)
    statistics.messageYears.note(event, context)
    statistics.cloudClue.note(event)
    events.receive(PendingEvent(event: event, context: context), statistics.yearEvidence)
    return context
  }

  /// The context an event of `record` in `loop` carries to the reducer.
  @inline(__always)
  private static func context(of record: Record, loop: LoopId?) -> EventContext {
    EventContext(
      time: record.time, source: record.source, lines: record.lines, severity: record.severity, loop: loop,
      stream: record.stream, hasTime: record.hasTime)
  }
}

@available(*, unavailable)
extension RecordHandler: Sendable {}
