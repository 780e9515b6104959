/// Where the parser hands its events: the reducer (``EventApplier``) in a sequential read, or a
/// list (``SegmentEvents``) when a segment is parsed on its own.
protocol EventReceiver {
  /// Takes the next event in input order; `years` is what dates the log so far.
  mutating func receive(_ item: __owned PendingEvent, _ years: YearEvidence)
  /// Takes the next event in input order when it is a utilization reading, in compact form.
  mutating func receive(_ note: __owned UtilizationNote, _ years: YearEvidence)
}

extension EventReceiver {
  /// Takes a utilization reading as the event it stands for.
  mutating func receive(_ note: __owned UtilizationNote, _ years: YearEvidence) {
    receive(PendingEvent(expanding: note), years)
  }
}

/// The events of one segment, in input order, kept to be applied once the segment is placed:
/// utilization readings in their compact form (``UtilizationNote``), the rest as events, and one
/// bit per event saying which list holds it.
struct SegmentEvents: EventReceiver, Sendable {
  var events: [PendingEvent] = []
  var notes: [UtilizationNote] = []
  /// Which list holds each event, in input order (set: ``notes``).
  var order = BitRing()

  /// Lists with room for `capacity` events, so that a segment's lists are not grown by copying.
  init(capacity: Int = 0) {
    notes.reserveCapacity(capacity)
    events.reserveCapacity(capacity / 8)
    order = BitRing(capacity: capacity)
  }

  mutating func receive(_ item: __owned PendingEvent, _ years: YearEvidence) {
    events.append(item)
    order.append(false)
  }

  mutating func receive(_ note: __owned UtilizationNote, _ years: YearEvidence) {
    notes.append(note)
    order.append(true)
  }

  /// How many events the segment holds.
  var count: Int { order.count }
}

/// An event on its way to the reducer, with its context.
struct PendingEvent {
  var event: Event
  var context: EventContext
}
