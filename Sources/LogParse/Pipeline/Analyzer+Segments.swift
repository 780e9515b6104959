/// One stretch of a file or stream, parsed on its own: its events and everything else the analysis counts.
///
/// Line numbers and year offsets are the stretch's own, counted from its start;
/// ``Analyzer/absorb(_:)`` places them in the whole input.
struct ParsedSegment: Sendable {
  var events: [(Event, EventContext)]
  var accounting: LineAccounting
  var formats: [InputFormat]
  var years: YearTracker
  var recognized: Int
  var unrecognized: Int
  var verbosity: Int?
  var firstTime: LogTime?
  var lastTime: LogTime?
  var cloudClue: CloudProviderClue
  var firstMessageDate: MessageDate?
  var unrecognizedShapes: UnrecognizedShapes
  var patternErrors: Int
  var loops: LoopTracker
  /// The segment's first bytes (``Analyzer/sample``).
  var sample: [UInt8]
}

extension Analyzer {
  /// An analyzer that parses one segment of the input and keeps its events instead of applying them.
  static func segmentParser(options: AnalyzerOptions) -> Analyzer {
    var options = options
    options.reorderWindow = 0
    var parser = Analyzer(options: options)
    parser.events.sink.collectsEvents = true
    parser.records.loops = LoopTracker(inheritsLoop: true)
    // The segment's unrecognised records are replayed in order into the whole input's table.
    parser.records.unrecognizedShapes = UnrecognizedShapes(
      capacity: options.maximumUnrecognizedShapes, recordsOccurrences: true)
    return parser
  }

  /// Whether the input may be parsed in segments on several threads with the same result.
  ///
  /// Only when nobody watches records, events or steps as they happen: those must come in order.
  var canParseSegments: Bool {
    onRecord == nil && onRecordMeaning == nil && onEvent == nil && onStep == nil && !events.sink.collectsEvents
  }

  /// Ends a segment parser's only source and hands over what it found.
  mutating func takeSegment() -> ParsedSegment {
    endSource()
    let segment = ParsedSegment(
      events: events.sink.collected, accounting: accounting, formats: formats,
      years: assembler.years,
      recognized: recognized, unrecognized: unrecognized, verbosity: verbosity, firstTime: firstTime,
      lastTime: lastTime, cloudClue: records.cloudClue, firstMessageDate: records.firstMessageDate,
      unrecognizedShapes: unrecognizedShapes, patternErrors: patternErrors, loops: records.loops, sample: sample)
    events.sink.collected = []
    return segment
  }

  /// Takes in a segment parsed elsewhere, the next stretch of the current source.
  ///
  /// The result is what feeding the segment's bytes here would have given, provided the segment
  /// starts where no record, partial line or hard wrap is open (see ``SegmentBoundary``).
  mutating func absorb(_ segment: inout ParsedSegment) {
    let source = max(0, sources.count - 1)
    let lineOffset = lineNumber
    let yearBase = assembler.years.absorb(segment.years)
    records.envelopeBaseYear = envelopeBaseYear
    func placed(_ time: LogTime) -> LogTime {
      var time = time
      time.yearOffset = Int16(clamping: min(Int(time.yearOffset) + yearBase, YearTracker.maximumOffset))
      return time
    }
    lineNumber += segment.accounting.lines
    if sample.count < Self.sampleBytes {
      segment.sample.withUnsafeBufferPointer { keepSample($0) }
    }
    absorbedAccounting.add(segment.accounting)
    absorbedFormats.formUnion(segment.formats)
    absorbedPatternErrors += segment.patternErrors
    records.recognized += segment.recognized
    records.unrecognized += segment.unrecognized
    if let level = segment.verbosity { records.verbosity = max(records.verbosity ?? 0, level) }
    if let first = segment.firstTime.map(placed), records.firstTime == nil || first < records.firstTime! {
      records.firstTime = first
    }
    if let last = segment.lastTime.map(placed), records.lastTime == nil || records.lastTime! < last {
      records.lastTime = last
    }
    records.cloudClue.absorb(segment.cloudClue)
    if records.firstMessageDate == nil, var date = segment.firstMessageDate {
      date.recordTime = placed(date.recordTime)
      records.firstMessageDate = date
    }
    records.unrecognizedShapes.absorb(segment.unrecognizedShapes, source: source, lineOffset: lineOffset)
    // Each event is moved out of the segment, never copied (a copy retains its strings), and a
    // payload-free event is left in its place for the array to destroy.
    let lastTime = records.lastTime
    let envelopeBaseYear = records.envelopeBaseYear
    records.loops.enter(source: source)
    let loops = records.loops
    let placeholder = (
      Event.mainLoopStarted, EventContext(time: LogTime(month: 1, day: 1, microsecondOfDay: 0), source: 0, lines: 0...0)
    )
    segment.events.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for index in 0..<buffer.count {
        let (event, parsedContext) = (base + index).move()
        (base + index).initialize(to: placeholder)
        var context = parsedContext
        context.time = placed(context.time)
        context.source = source
        context.lines = (context.lines.lowerBound + lineOffset)...(context.lines.upperBound + lineOffset)
        context.loop = loops.resolve(context.loop)
        events.push(
          PendingEvent(event: event, context: context), lastTime: lastTime, envelopeBaseYear: envelopeBaseYear)
      }
    }
    records.loops.absorb(segment.loops, source: source)
  }
}
