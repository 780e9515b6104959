/// Where the parser hands its events: the reducer (``EventApplier``) in a sequential read, or a
/// list (``SegmentEvents``) when a segment is parsed on its own.
protocol EventReceiver {
  /// Takes the next event in input order; `statistics` is what the parser has counted so far.
  mutating func receive(_ item: PendingEvent, _ statistics: ParseStatistics)
}

/// The events of one segment, in input order, kept to be applied once the segment is placed.
struct SegmentEvents: EventReceiver {
  var events: [(Event, EventContext)] = []

  mutating func receive(_ item: PendingEvent, _ statistics: ParseStatistics) {
    events.append((item.event, item.context))
  }
}

/// An event on its way to the reducer, with its context.
struct PendingEvent {
  var event: Event
  var context: EventContext
}
