/// Puts events in time order and applies them to the episode builder.
struct EventApplier: EventReceiver {
  var reorder: ReorderBuffer<PendingEvent>
  var sink: EventSink
  /// The time of the last event pushed that has one: where events without a time are ordered.
  private var orderTime = LogTime.unknown

  init(options: AnalyzerOptions) {
    reorder = ReorderBuffer(window: options.reorderWindow, memoryLimit: options.reorderMemoryLimit)
    sink = EventSink(year: options.year, now: options.now)
  }

  /// Adds an event; those the reorder window releases are applied now.
  ///
  /// `years` is what dates the log so far: the evidence that dates live steps.
  mutating func receive(_ item: __owned PendingEvent, _ years: YearEvidence) {
    // A record without a time keeps its place in line order: it waits at the last known time.
    if item.context.time.isKnown { orderTime = item.context.time }
    Self.push(item, at: orderTime, years, &reorder, &sink)
  }

  /// Adds a utilization reading, held and applied in its compact form while the input runs in order.
  mutating func receive(_ note: __owned UtilizationNote, _ years: YearEvidence) {
    if note.context.time.isKnown { orderTime = note.context.time }
    Self.push(note, at: orderTime, years, &reorder, &sink)
  }

  /// Applies every waiting event, in time order; `years` is what the whole input showed.
  mutating func drain(_ years: YearEvidence) {
    Self.drain(years, &reorder, &sink)
  }

  @inline(__always)
  private static func push(
    _ item: __owned PendingEvent, at time: LogTime, _ years: YearEvidence,
    _ reorder: inout ReorderBuffer<PendingEvent>, _ sink: inout EventSink
  ) {
    // Released events are applied where they wait (borrowed), neither moved out nor copied; the
    // closure captures only the sink and the year evidence, a plain value.
    reorder.push(item, at: time) { released in
      sink.apply(released.event, released.context, years)
    } _: { note in
      sink.apply(note, years)
    }
  }

  @inline(__always)
  private static func push(
    _ note: __owned UtilizationNote, at time: LogTime, _ years: YearEvidence,
    _ reorder: inout ReorderBuffer<PendingEvent>, _ sink: inout EventSink
  ) {
    reorder.push(compact: note, at: time) { released in
      sink.apply(released.event, released.context, years)
    } _: { note in
      sink.apply(note, years)
    }
  }

  private static func drain(
    _ years: YearEvidence, _ reorder: inout ReorderBuffer<PendingEvent>, _ sink: inout EventSink
  ) {
    reorder.drain { released in sink.apply(released.event, released.context, years) }
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
