/// Puts events in time order and applies them to the episode builder.
///
/// A utilization reading, nearly every line of a busy log, is applied as it comes, without waiting
/// in the reorder buffer, when that gives what its turn in time order would: the buffer releases
/// in arrival order (the input runs in time order and the reading is not older than the events
/// before it), no waiting event may touch its node's candidacy or insert enough candidacies to
/// empty the table (``WaitingNames``), and no observer needs the events. Such a reading takes no
/// room in the window but counts as an arrival (``ReorderBuffer/passOver(at:_:_:)``), so while
/// the input runs in order the window reaches over as many records as before.
///
/// What this changes, for input out of order only: an event that arrives later than a reading of
/// its node but sorts before it is applied after it, and once waiting events need keys the window
/// counts only those that wait, so it reaches over more records.
struct EventApplier: EventReceiver {
  var reorder: ReorderBuffer<PendingEvent>
  var sink: EventSink
  /// The time of the last event pushed that has one: where events without a time are ordered.
  private var orderTime = LogTime.unknown
  /// What the waiting events may do to candidacies.
  private var waitingNames = WaitingNames()
  /// The time of the last reading applied as it came: a reading older than it waits.
  private var aheadTime = LogTime.unknown
  /// Whether readings, and the other events that change only a candidacy, may be applied as they
  /// come (off, every event waits its turn).
  var appliesReadingsAhead = true
  /// How many readings were applied as they came.
  private(set) var readingsAppliedAhead = 0
  /// How many other events that change only a candidacy were applied as they came.
  private(set) var eventsAppliedAhead = 0
  /// Whether the last event received was a utilization reading applied as it came.
  private var appliedLastAhead = false

  init(options: AnalyzerOptions) {
    reorder = ReorderBuffer(window: options.reorderWindow, memoryLimit: options.reorderMemoryLimit)
    sink = EventSink(year: options.year, now: options.now)
  }

  /// Adds an event; those the reorder window releases are applied now.
  ///
  /// `years` is what dates the log so far: the evidence that dates live steps.
  ///
  /// An event that changes only its node's candidacy, an unneeded line, is applied now as a
  /// reading may be (``EventApplier``), when no observer sees a step it makes: so readings of its
  /// node after it need not wait for it.
  @inline(__always)
  mutating func receive(_ item: __owned PendingEvent, _ years: YearEvidence) {
    // A record without a time keeps its place in line order: it waits at the last known time.
    appliedLastAhead = false
    if item.context.time.isKnown { orderTime = item.context.time }
    if item.event.changesOnlyACandidacy, appliedAhead(item, years) { return }
    waitingNames.enter(item.event.candidacyReach)
    Self.push(item, at: orderTime, years, &reorder, &sink, &waitingNames)
  }

  /// Adds a utilization reading: applied now when that gives its turn's outcome (see
  /// ``EventApplier``), else held, in its compact form while the input runs in order.
  mutating func receive(_ note: __owned UtilizationNote, _ years: YearEvidence) {
    let time = note.context.time.isKnown ? note.context.time : orderTime
    orderTime = time
    if mayGoAhead(nameHash: note.nameHash, at: time, loop: note.context.loop) {
      sink.applyAhead(note)
      wentAhead(at: time, years)
      return
    }
    hold(note, years)
  }

  /// Whether a reading of the node hashing to `nameHash`, of `loop`, arriving at `time`, may be
  /// applied as it came.
  ///
  /// The cheapest test first (a waiting event naming the node is the usual reason to wait).
  @inline(__always)
  private func mayGoAhead(nameHash: UInt64, at time: LogTime, loop: LoopId?) -> Bool {
    !waitingNames.mayTouch(nameHash: nameHash)
      && sink.mayApplyAhead(loop: loop, possibleInsertions: waitingNames.named) && appliesReadingsAhead
      && !(time < aheadTime) && reorder.waitsInArrivalOrder(at: time)
  }

  /// Applies `item`, an event that changes only its node's candidacy, as it came at
  /// ``orderTime`` when a reading of its node may be and, if it makes a step, no observer sees it
  /// (steps are shown in the order events are applied); returns whether it did.
  @inline(never)
  private mutating func appliedAhead(_ item: borrowing PendingEvent, _ years: YearEvidence) -> Bool {
    guard let node = item.event.candidacyOnlyNode,
      mayGoAhead(nameHash: NameKeyedTable<Void>.hash(node), at: orderTime, loop: item.context.loop),
      sink.onStep == nil || !sink.builder.down.makesStep(item.event)
    else { return false }
    sink.apply(item.event, item.context, years)
    eventsAppliedAhead += 1
    passedAhead(at: orderTime, years)
    return true
  }

  /// Counts a reading applied as it came at `time`, and lets the window release what is due.
  @inline(__always)
  private mutating func wentAhead(at time: LogTime, _ years: YearEvidence) {
    readingsAppliedAhead += 1
    appliedLastAhead = true
    passedAhead(at: time, years)
  }

  /// Notes an event applied as it came at `time`: later readings may not be older, and the window
  /// releases what its arrival lets out.
  @inline(__always)
  private mutating func passedAhead(at time: LogTime, _ years: YearEvidence) {
    aheadTime = time
    Self.passOver(at: time, years, &reorder, &sink, &waitingNames)
  }

  /// Holds a utilization reading that may not be applied as it came, at ``orderTime``.
  @inline(never)
  private mutating func hold(_ note: __owned UtilizationNote, _ years: YearEvidence) {
    appliedLastAhead = false
    waitingNames.enter(nameHash: note.nameHash)
    Self.push(note, at: orderTime, years, &reorder, &sink, &waitingNames)
  }

  /// Adds a utilization reading by its parts: applied now, without its note, when that gives its
  /// turn's outcome (as ``receive(_:_:)-utilization`` decides), else held as its note.
  @inline(__always)
  mutating func receiveReading(
    node: String, nameHash: UInt64, utilization: Double, context: EventContext, _ years: YearEvidence
  ) {
    let time = context.time.isKnown ? context.time : orderTime
    orderTime = time
    if mayGoAhead(nameHash: nameHash, at: time, loop: context.loop) {
      sink.applyAhead(node, nameHash: nameHash, utilization, context)
      wentAhead(at: time, years)
      return
    }
    hold(UtilizationNote(node: node, nameHash: nameHash, utilization: utilization, context: context), years)
  }

  /// Applies every waiting event, in time order; `years` is what the whole input showed.
  mutating func drain(_ years: YearEvidence) {
    appliedLastAhead = false
    reorder.drain { released in Self.apply(released, years, &sink, &waitingNames) }
    waitingNames.removeAll()
  }

  /// How many readings may follow the last as a run: it was applied as it came, no waiting event
  /// may touch every candidacy, and the window releases nothing for that many more arrivals.
  ///
  /// The rest of what let the last reading go ahead holds for the run: nothing is pushed or
  /// released during it, so the buffer still releases in arrival order, and its readings come in
  /// time order from the last one's time on (``UtilizationRun`` tests each one's).
  mutating func readingRunRoom() -> Int {
    guard appliedLastAhead, waitingNames.reachingAny == 0, appliesReadingsAhead else { return 0 }
    return reorder.arrivalsBeforeRelease()
  }

  /// Whether a reading of the run may be applied as it came (see ``readingRunRoom()``): no
  /// waiting event names its node, and a new candidacy would not fill the table.
  ///
  /// The rest of what let the reading that opened the run go ahead holds for each of its lines: no
  /// waiting event may touch every candidacy, no observer wants the events (both are fixed while
  /// the run lasts), and the run's loop, that reading's, is not named by an `iterationId`. The
  /// candidacy is looked up first by the previous loop's order: found, it gives the name's hash.
  @inline(__always)
  func mayApplyInRun(name: inout LineName) -> Bool {
    let named = waitingNames.named
    sink.builder.predictCandidacy(&name)
    if named > 0, waitingNames.mayName(nameHash: name.hash()) { return false }
    return sink.builder.mayInsertCandidacy(besides: named)
  }

  /// Applies a reading of the run as it came; ``endRun(count:ascents:lastTime:)`` counts it.
  @inline(__always)
  mutating func applyInRun(
    name: inout LineName, utilization: Double, context: EventContext, node: (_ hash: UInt64) -> String
  ) {
    sink.applyAhead(name: &name, node: node, utilization, context)
  }

  /// Counts a run's readings as ``receiveReading(node:nameHash:utilization:context:_:)`` counts
  /// each it applies as it came.
  mutating func endRun(count: Int, ascents: Int, lastTime: LogTime) {
    orderTime = lastTime
    aheadTime = lastTime
    readingsAppliedAhead += count
    reorder.passOver(count: count, ascents: ascents, lastTime: lastTime)
  }

  @inline(__always)
  private static func push(
    _ item: __owned PendingEvent, at time: LogTime, _ years: YearEvidence,
    _ reorder: inout ReorderBuffer<PendingEvent>, _ sink: inout EventSink, _ waiting: inout WaitingNames
  ) {
    // Released events are applied where they wait (borrowed), neither moved out nor copied; the
    // closures capture only the sink, the counts and the year evidence, a plain value.
    reorder.push(item, at: time) { released in
      apply(released, years, &sink, &waiting)
    } _: { note in
      apply(note, years, &sink, &waiting)
    }
  }

  @inline(__always)
  private static func push(
    _ note: __owned UtilizationNote, at time: LogTime, _ years: YearEvidence,
    _ reorder: inout ReorderBuffer<PendingEvent>, _ sink: inout EventSink, _ waiting: inout WaitingNames
  ) {
    reorder.push(compact: note, at: time) { released in
      apply(released, years, &sink, &waiting)
    } _: { note in
      apply(note, years, &sink, &waiting)
    }
  }

  /// Counts a reading applied as it came as an arrival of the reorder window.
  @inline(__always)
  private static func passOver(
    at time: LogTime, _ years: YearEvidence, _ reorder: inout ReorderBuffer<PendingEvent>, _ sink: inout EventSink,
    _ waiting: inout WaitingNames
  ) {
    reorder.passOver(at: time) { released in
      apply(released, years, &sink, &waiting)
    } _: { note in
      apply(note, years, &sink, &waiting)
    }
  }

  /// Applies a released event and counts it as no longer waiting.
  @inline(__always)
  private static func apply(
    _ released: PendingEvent, _ years: YearEvidence, _ sink: inout EventSink, _ waiting: inout WaitingNames
  ) {
    waiting.leave(released.event.candidacyReach)
    sink.apply(released.event, released.context, years)
  }

  /// Applies a released note and counts it as no longer waiting.
  @inline(__always)
  private static func apply(
    _ note: UtilizationNote, _ years: YearEvidence, _ sink: inout EventSink, _ waiting: inout WaitingNames
  ) {
    waiting.leave(nameHash: note.nameHash)
    sink.apply(note, years)
  }
}

/// Applies events to the episode builder and tells observers.
struct EventSink {
  /// The year given with `--year` and the present moment, for dating live steps.
  let year: Int?
  let now: FullTime
  /// Called with every event the episode builder applies, in the order it applies them.
  var onEvent: ((Event, EventContext) -> Void)?
  /// Called with every episode step and the base year as known so far.
  var onStep: ((EpisodeStep, Int) -> Void)?
  /// The episodes and findings so far.
  var builder = EpisodeBuilder()
  /// The steps of the event being applied: one buffer for every event.
  private var steps: [EpisodeStep] = []

  init(year: Int?, now: FullTime) {
    self.year = year
    self.now = now
  }

  /// Applies one event; `years` is what dated the log when it was pushed.
  mutating func apply(_ event: Event, _ context: EventContext, _ years: YearEvidence) {
    onEvent?(event, context)
    builder.apply(event, context, into: &steps)
    noteSteps(years)
  }

  /// Whether a utilization reading may be applied ahead of its turn: no observer needs the events
  /// and the builder allows it (``EpisodeBuilder/mayApplyAhead(loop:possibleInsertions:)``); `loop` is
  /// the reading's.
  @inline(__always)
  func mayApplyAhead(loop: LoopId?, possibleInsertions: Int) -> Bool {
    onEvent == nil && builder.mayApplyAhead(loop: loop, possibleInsertions: possibleInsertions)
  }

  /// Applies a utilization reading ahead of its turn (``mayApplyAhead(loop:possibleInsertions:)``).
  @inline(__always)
  mutating func applyAhead(_ note: UtilizationNote) {
    builder.applyAhead(note)
  }

  /// ``applyAhead(_:)`` for a reading given by its parts.
  @inline(__always)
  mutating func applyAhead(_ node: String, nameHash: UInt64, _ utilization: Double, _ context: EventContext) {
    builder.applyAhead(node, nameHash: nameHash, utilization, context)
  }

  /// ``applyAhead(_:)`` for a reading whose node is given by its name's bytes.
  @inline(__always)
  mutating func applyAhead(
    name: inout LineName, node: (_ hash: UInt64) -> String, _ utilization: Double, _ context: EventContext
  ) {
    builder.applyAhead(name: &name, node: node, utilization, context)
  }

  /// Applies a utilization reading: the builder's short way when no observer needs the event.
  @inline(__always)
  mutating func apply(_ note: UtilizationNote, _ years: YearEvidence) {
    guard onEvent == nil else {
      apply(note.event, note.context, years)
      return
    }
    builder.apply(note, into: &steps)
    noteSteps(years)
  }

  /// Shows the steps of the event just applied to ``onStep``, and empties the buffer.
  @inline(__always)
  private mutating func noteSteps(_ years: YearEvidence) {
    guard !steps.isEmpty else { return }
    if let onStep {
      // The report's rule, on the evidence of the records read so far.
      let resolved = YearResolver.resolve(years, option: year, now: now)
      for step in steps { onStep(step, resolved.baseYear) }
    }
    steps.removeAll(keepingCapacity: true)
  }
}

@available(*, unavailable)
extension EventApplier: Sendable {}
