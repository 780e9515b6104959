/// Everything the parser (bytes → events) counts and notes beside its events: one mergeable value.
///
/// A sequential read is one parser whose statistics grow record by record. A segmented read is N
/// parsers, each from a fresh start over one stretch of the input, whose statistics are merged in
/// input order with ``merge(_:source:lineOffset:)``.
///
/// The algebra of ``merge(_:source:lineOffset:)``:
/// - Identity: an empty value (``init()``) merged with the statistics `s` of a stretch is `s`
///   (placed at its source and line offset).
/// - Concatenation: for a stretch `A` followed by a stretch `B` that starts where no record, partial
///   line or hard wrap is open (``SegmentBoundary``), `S(A)` merged with `S(B)` (parsed from a fresh
///   start) is `S(AB)`, the statistics of reading `A` then `B` with one parser. So merging segment
///   statistics in order gives the statistics of the sequential read.
/// - Counts add; the first evidence (first time, message dates, envelope year, sample) is the
///   earlier stretch's unless it has none; the last time is the later one's; verbosity is the
///   maximum; the cloud clue is the stronger one, the earlier among equals; New Years and loops
///   continue the earlier stretch's count (the later stretch's times and loops are placed by the
///   returned ``SegmentPlacement``); unrecognised shapes are replayed in order.
/// - It is not commutative, and the argument must come from a fresh start (a segment parser's
///   statistics: its shapes record their occurrences, its loops start at `.ordinal(0)`).
struct ParseStatistics: Sendable {
  /// How every physical line was accounted for.
  var accounting = LineAccounting()
  /// The envelopes seen.
  var formats: Set<InputFormat> = []
  /// Records mapped to an event, and well-formed records no catalogue entry matched.
  var recognized = 0
  var unrecognized = 0
  /// PCRE2 matches that hit a limit (their records count as unrecognised).
  var patternErrors = 0
  /// The lowest `--v` the log proves, if any line proves one.
  var verbosity: Int?
  /// The earliest and latest record times.
  var firstTime: LogTime?
  var lastTime: LogTime?
  /// The New Years crossed.
  var years = YearTracker()
  /// The base year the first handled record with a full time of its own (an envelope's, a JSON
  /// `ts`, an event row's) proves (``Record/envelopeBaseYear``): the one place that evidence is kept.
  var envelopeBaseYear: Int?
  /// What dates inside messages say about the log's year.
  var messageYears = MessageYears()
  /// The cloud provider the records' clues show, if any.
  var cloudClue = CloudProviderClue()
  /// The shapes of unrecognised records, with counts and a sample each.
  var unrecognizedShapes = UnrecognizedShapes()
  /// Which loop each record belongs to, and the log's form.
  var loops = LoopTracker()
  /// The first bytes of the input (at most ``sampleBytes``), for ``InputVerdict`` to describe.
  var sample: [UInt8] = []

  /// How much of the input's start is kept in ``sample``.
  static let sampleBytes = 4096

  /// Empty statistics: the identity of ``merge(_:source:lineOffset:)``.
  init() {}

  /// Statistics of one stretch parsed from a fresh start: its shapes keep their occurrences for the
  /// merge to replay, and its records before its first loop are in the loop the input is in.
  static func segment(maximumUnrecognizedShapes: Int) -> ParseStatistics {
    var statistics = ParseStatistics()
    statistics.loops = LoopTracker(inheritsLoop: true)
    statistics.unrecognizedShapes = UnrecognizedShapes(capacity: maximumUnrecognizedShapes, recordsOccurrences: true)
    return statistics
  }

  /// Keeps the start of `bytes` in ``sample`` while it is short of ``sampleBytes``.
  mutating func keepSample(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard sample.count < Self.sampleBytes else { return }
    sample.append(contentsOf: bytes.prefix(Self.sampleBytes - sample.count))
  }

  /// Appends the statistics of the next stretch of the input, parsed from a fresh start, whose
  /// records are of source `source` and whose line numbers count from `lineOffset`.
  ///
  /// Returns where that stretch's events go in the whole input.
  @discardableResult
  mutating func merge(_ later: ParseStatistics, source: Int = 0, lineOffset: Int = 0) -> SegmentPlacement {
    let yearBase = years.absorb(later.years)
    if envelopeBaseYear == nil, let year = later.envelopeBaseYear { envelopeBaseYear = year - yearBase }
    loops.enter(source: source)
    let placement = SegmentPlacement(source: source, lineOffset: lineOffset, yearBase: yearBase, loops: loops)
    accounting.add(later.accounting)
    formats.formUnion(later.formats)
    recognized += later.recognized
    unrecognized += later.unrecognized
    patternErrors += later.patternErrors
    if let level = later.verbosity { verbosity = max(verbosity ?? 0, level) }
    if let first = later.firstTime.map(placement.place), firstTime == nil || first < firstTime! { firstTime = first }
    if let last = later.lastTime.map(placement.place), lastTime == nil || lastTime! < last { lastTime = last }
    messageYears.merge(later.messageYears, placement)
    cloudClue.absorb(later.cloudClue)
    unrecognizedShapes.absorb(later.unrecognizedShapes, source: source, lineOffset: lineOffset)
    loops.absorb(later.loops, source: source)
    later.sample.withUnsafeBufferPointer { keepSample($0) }
    return placement
  }
}

/// Where a stretch parsed from a fresh start lies in the whole input: what its events' contexts
/// need to be placed there.
struct SegmentPlacement {
  /// The stretch's source, and the lines of that source before it.
  var source: Int
  var lineOffset: Int
  /// The New Years crossed before it.
  var yearBase: Int
  /// The loops as they stood when it began (resolving its `.ordinal` loops).
  var loops: LoopTracker

  /// A time of the stretch, in the whole input's years.
  func place(_ time: LogTime) -> LogTime {
    var time = time
    time.yearOffset = Int16(clamping: min(Int(time.yearOffset) + yearBase, YearTracker.maximumOffset))
    return time
  }

  /// An event context of the stretch, in the whole input.
  func place(_ context: EventContext) -> EventContext {
    var context = context
    context.time = place(context.time)
    context.source = source
    context.lines = (context.lines.lowerBound + lineOffset)...(context.lines.upperBound + lineOffset)
    context.loop = loops.resolve(context.loop)
    return context
  }
}
