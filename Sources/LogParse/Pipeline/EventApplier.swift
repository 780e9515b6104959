/// Puts events in time order and applies them to the episode builder.
struct EventApplier {
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
  /// `lastTime` and `envelopeBaseYear` are what the records so far show, for dating live steps.
  mutating func push(_ item: PendingEvent, lastTime: LogTime?, envelopeBaseYear: Int?) {
    sink.lastTime = lastTime
    sink.envelopeBaseYear = envelopeBaseYear
    // A record without a time keeps its place in line order: it waits at the last known time.
    if item.context.time.isKnown { orderTime = item.context.time }
    Self.push(item, at: orderTime, &reorder, &sink)
  }

  /// Applies every waiting event, in time order.
  mutating func drain() {
    Self.drain(&reorder, &sink)
  }

  private static func push(
    _ item: PendingEvent, at time: LogTime, _ reorder: inout ReorderBuffer<PendingEvent>,
    _ sink: inout EventSink
  ) {
    reorder.push(item, at: time) { released in sink.apply(released.event, released.context) }
  }

  private static func drain(_ reorder: inout ReorderBuffer<PendingEvent>, _ sink: inout EventSink) {
    reorder.drain { released in sink.apply(released.event, released.context) }
  }
}

/// Applies events to the episode builder and tells observers, or keeps them for a segment.
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
  /// Whether events are kept in ``collected`` instead of applied: for parsing one segment of a file.
  var collectsEvents = false
  /// The events of a segment, in order, when ``collectsEvents`` is set.
  var collected: [(Event, EventContext)] = []
  /// The latest record time and the envelope's base year, as known when the event was pushed.
  var lastTime: LogTime?
  var envelopeBaseYear: Int?

  init(year: Int?, now: FullTime) {
    self.year = year
    self.now = now
  }

  mutating func apply(_ event: Event, _ context: EventContext) {
    if collectsEvents {
      collected.append((event, context))
      return
    }
    onEvent?(event, context)
    let steps = builder.apply(event, context)
    if let onStep, !steps.isEmpty {
      let resolved = YearResolver.resolve(
        envelope: envelopeBaseYear, message: builder.messageBaseYear, option: year, now: now, lastTime: lastTime)
      for step in steps { onStep(step, resolved.baseYear) }
    }
  }
}

@available(*, unavailable)
extension EventApplier: Sendable {}

/// An event waiting in the reorder buffer, with its context.
struct PendingEvent {
  var event: Event
  var context: EventContext
}
