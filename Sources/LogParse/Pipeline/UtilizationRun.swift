/// A run of utilization lines, each repeating the header of the one before: read and applied
/// with the few tests each line needs, and counted once when the run ends.
///
/// A busy `--v=4` log writes one utilization line per node in every loop, one after the other from
/// one `file:line`. The first line of a run goes the usual way
/// (``RecordHandler/handleUtilizationLine(_:file:time:severity:source:lineNumber:known:_:)``), and its
/// reading is applied as it came (``EventApplier``). A run opens then, and each next line joins
/// it when it is the next physical line of the source, its header repeats the line before's in all
/// but its seconds (``NextHeader/repeatedHeader(of:)``), it is a whole record, its message is a utilization
/// line of the usual shape, its time is not earlier than the line before's, and its reading may be
/// applied as it came (``EventReceiver/mayApplyInRun(nameHash:)``) without the reorder
/// window releasing anything (``EventReceiver/readingRunRoom()``). Such a line's severity, source
/// file, year, loop, `--v` level and stream are those of the line before, and no event waits or
/// is released while the run lasts: what the usual way would test and note for it is known.
///
/// Each line of the run is read, its node's candidacy updated, its cloud clue and message date
/// looked for; what the usual way counts for it (lines, records, recognised and printf records,
/// the last time, the reorder window's arrivals) is counted when the run ends
/// (``Analyzer/closeRun(_:_:_:_:_:_:)``): at the first line that does not join it, and at the end
/// of every chunk, before anything else reads those counts. `ShortcutEquivalenceTests` hold the
/// reports to those of the usual way.
struct UtilizationRun {
  /// Whether a run is open.
  private(set) var isOpen = false
  /// The run's source.
  private(set) var source = 0
  /// The physical line number of the run's last line.
  private(set) var lastLine = 0
  /// The time of the run's last line: the next one's may not be earlier.
  private(set) var lastTime = LogTime.unknown
  /// The year offset of the run's times: the first line's.
  private(set) var yearOffset: Int16 = 0
  /// The severity and loop of every line of the run: the first line's.
  private(set) var severity = Severity.info
  private(set) var loop: LoopId?
  /// How many lines the run may take before the reorder window would release an event.
  private(set) var room = 0
  /// Lines taken after the first, not counted yet.
  private(set) var count = 0
  /// How many of them came later than the line before.
  private(set) var ascents = 0
  /// The length of the last line taken.
  private(set) var lastLength = 0
  /// Lines taken into runs so far, in all runs.
  private(set) var linesTaken = 0
  /// A line that was read but did not join the run because its reading may not be applied as it
  /// came: where it starts, its reading and its name's hash, so that the usual way does not read it
  /// again (``Analyzer/acceptSingleLine``).
  var handoff: (line: UnsafePointer<UInt8>, reading: UtilizationLine.Reading, nameHash: UInt64)?

  /// Opens a run after the line `line` of `source`, handled the usual way at `time`, whose
  /// reading was applied as it came; `room` is ``EventReceiver/readingRunRoom()``.
  @inline(__always)
  mutating func open(source: Int, line: Int, time: LogTime, severity: Severity, loop: LoopId?, room: Int) {
    isOpen = true
    self.source = source
    lastLine = line
    lastTime = time
    yearOffset = time.yearOffset
    self.severity = severity
    self.loop = loop
    self.room = room
    count = 0
    ascents = 0
  }

  /// Notes a line taken into the run: line `line`, `length` bytes, at `time`.
  @inline(__always)
  mutating func take(line: Int, time: LogTime, length: Int) {
    count += 1
    linesTaken += 1
    if lastTime < time { ascents += 1 }
    lastTime = time
    lastLine = line
    lastLength = length
  }

  /// Closes the run (its lines counted).
  @inline(__always)
  mutating func close() {
    isOpen = false
    count = 0
  }

  /// The handoff of `line`, if the run left one for it; the handoff is forgotten either way.
  @inline(__always)
  mutating func takeHandoff(for line: UnsafeBufferPointer<UInt8>) -> (
    reading: UtilizationLine.Reading, nameHash: UInt64
  )? {
    defer { handoff = nil }
    guard let handoff, let base = line.baseAddress, handoff.line == base else { return nil }
    return (handoff.reading, handoff.nameHash)
  }
}

@available(*, unavailable)
extension UtilizationRun: Sendable {}
