/// Where the parser hands its events: the reducer (``EventApplier``) in a sequential read, or a
/// list (``SegmentEvents``) when a segment is parsed on its own.
protocol EventReceiver {
  /// Takes the next event in input order; `years` is what dates the log so far.
  mutating func receive(_ item: __owned PendingEvent, _ years: YearEvidence)
  /// Takes the next event in input order when it is a utilization reading, in compact form.
  mutating func receive(_ note: __owned UtilizationNote, _ years: YearEvidence)
  /// Takes the next event in input order when it is a utilization reading, by its parts: what
  /// ``receive(_:_:)-utilization`` takes as a note (``UtilizationNote``), which a receiver that
  /// applies the reading at once need not make.
  mutating func receiveReading(
    node: String, nameHash: UInt64, utilization: Double, context: EventContext, _ years: YearEvidence)
  /// How many more utilization readings may follow the last one as a run (``UtilizationRun``):
  /// applied as the last was, ahead of the waiting events, and releasing none of them; 0 when the
  /// last was not applied that way or the receiver keeps its readings.
  mutating func readingRunRoom() -> Int
  /// Whether a reading of the node named `name` may be applied in the run: no waiting event may
  /// touch its candidacy, and a new candidacy would not fill the table.
  func mayApplyInRun(name: inout LineName) -> Bool
  /// Applies a reading of the run, which ``mayApplyInRun(name:)`` allowed, of the node named
  /// `name`, its string what `node` gives from the name's hash (made only when needed).
  mutating func applyInRun(
    name: inout LineName, utilization: Double, context: EventContext, node: (_ hash: UInt64) -> String)
  /// Counts the `count` readings of a run as arrivals, the last at `lastTime`, `ascents` of them
  /// later than the one before: what receiving each would have counted.
  mutating func endRun(count: Int, ascents: Int, lastTime: LogTime)
}

extension EventReceiver {
  /// Takes a utilization reading as the event it stands for.
  mutating func receive(_ note: __owned UtilizationNote, _ years: YearEvidence) {
    receive(PendingEvent(expanding: note), years)
  }

  /// No runs: every reading is received (``readingRunRoom()`` is 0, so no run opens; a reading
  /// applied in one anyway is received as its note).
  mutating func readingRunRoom() -> Int { 0 }
  func mayApplyInRun(name: inout LineName) -> Bool { false }
  mutating func applyInRun(
    name: inout LineName, utilization: Double, context: EventContext, node: (_ hash: UInt64) -> String
  ) {
    receive(
      UtilizationNote(node: node(name.hash()), nameHash: name.hash(), utilization: utilization, context: context),
      YearEvidence())
  }
  mutating func endRun(count: Int, ascents: Int, lastTime: LogTime) {}

  /// Takes a utilization reading's parts as its note.
  @inline(__always)
  mutating func receiveReading(
    node: String, nameHash: UInt64, utilization: Double, context: EventContext, _ years: YearEvidence
  ) {
    receive(UtilizationNote(node: node, nameHash: nameHash, utilization: utilization, context: context), years)
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

  /// Any number of readings may follow the last as a run: a segment applies none of its events,
  /// it keeps them in input order, so a run's readings are kept as the usual way keeps each.
  mutating func readingRunRoom() -> Int { Int.max }

  func mayApplyInRun(name: inout LineName) -> Bool { true }

  mutating func applyInRun(
    name: inout LineName, utilization: Double, context: EventContext, node: (_ hash: UInt64) -> String
  ) {
    notes.append(
      UtilizationNote(node: node(name.hash()), nameHash: name.hash(), utilization: utilization, context: context))
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
