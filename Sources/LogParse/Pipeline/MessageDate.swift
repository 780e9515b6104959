/// A full date read inside a message, and the time of the record that holds it.
struct MessageDate: Hashable, Sendable {
  var date: FullTime
  var recordTime: LogTime

  /// The log's base year this date proves: the record's year, taken as the date's, corrected
  /// across New Year when their months lie six or more apart.
  var baseYear: Int {
    let (year, month, _) = date.date
    var recordYear = year
    let recordMonth = Int(recordTime.month)
    if month - recordMonth >= 6 { recordYear += 1 }
    if recordMonth - month >= 6 { recordYear -= 1 }
    return recordYear - Int(recordTime.yearOffset)
  }
}

/// What dates inside messages say about the log's year: parse-side evidence in ``ParseStatistics``.
///
/// The date an event carries (a dated note, a backoff's `until`, `unneeded since 2019-09-27 …`) is
/// the first evidence, kept for the whole input and for each source (files from different times each
/// resolve their own year); the first full date inside any recognised message is the fallback.
struct MessageYears: Hashable, Sendable {
  /// The first dated note, of the whole input and of each source.
  private(set) var firstNote: MessageDate? { didSet { baseYear = firstNote?.baseYear ?? firstDate?.baseYear } }
  private(set) var firstNoteBySource: [Int: MessageDate] = [:]
  /// The first full date inside any recognised record's message.
  var firstDate: MessageDate? { didSet { baseYear = firstNote?.baseYear ?? firstDate?.baseYear } }

  /// The base year messages prove: a dated note's, else any message's date.
  ///
  /// Kept as the two dates are set, not worked out again for every event that hands it on.
  private(set) var baseYear: Int?
  /// Per source, the base year its own first dated note proves.
  var baseYearBySource: [Int: Int] { firstNoteBySource.mapValues(\.baseYear) }

  /// Notes the full date an event carries (a dated note's, a backoff's `until`, a node's
  /// `unneeded since`), with its record's context.
  mutating func note(_ event: Event, _ context: EventContext) {
    // The case first, without its values: most events carry no date, and binding them copies the event.
    switch event {
    case .datedNote, .backoffStarted, .nodeUnneededSince: break
    default: return
    }
    switch event {
    case .datedNote(_, let date, _), .backoffStarted(_, .some(let date), _, _, _),
      .nodeUnneededSince(_, .some(let date), _):
      note(date, context)
    default: break
    }
  }

  /// Notes a full date from a message with its record's context.
  ///
  /// A record without a time (a kubectl event's age) dates nothing: the message's year is taken as is.
  mutating func note(_ date: FullTime, _ context: EventContext) {
    guard firstNote == nil || firstNoteBySource[context.source] == nil else { return }
    var time = context.time
    if !time.isKnown { time.month = UInt8(clamping: date.date.month) }
    note(MessageDate(date: date, recordTime: time), source: context.source)
  }

  private mutating func note(_ date: MessageDate, source: Int) {
    if firstNote == nil { firstNote = date }
    if firstNoteBySource[source] == nil, firstNoteBySource.count < EpisodeBuilder.maximumTrackedKeys {
      firstNoteBySource[source] = date
    }
  }

  /// Takes in the evidence of the next stretch of the input, parsed from a fresh start (its only
  /// source is 0), placed by `placement`.
  mutating func merge(_ later: MessageYears, _ placement: SegmentPlacement) {
    func placed(_ date: MessageDate) -> MessageDate {
      var date = date
      date.recordTime = placement.place(date.recordTime)
      return date
    }
    if firstDate == nil, let date = later.firstDate { firstDate = placed(date) }
    guard firstNote == nil || firstNoteBySource[placement.source] == nil, let note = later.firstNote else { return }
    self.note(placed(note), source: placement.source)
  }
}
