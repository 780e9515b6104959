/// The dominant line's event in compact form: a node's utilization with its record's context.
///
/// It stands for ``PendingEvent`` with ``EventOf/nodeUtilization(node:utilization:)``; the parser
/// hands it on and the reorder buffer holds it this way while the input runs in time order, so that
/// most lines make no general event, and the reducer takes it without the event's dispatch
/// (``EventSink/apply(_:_:)-utilization``).
struct UtilizationNote: Sendable {
  var node: String
  var utilization: Double
  var context: EventContext

  /// The event this note stands for.
  var event: Event { .nodeUtilization(node: node, utilization: utilization) }
}

extension PendingEvent: CompactlyHeld {
  init(expanding note: __owned UtilizationNote) {
    self.init(event: note.event, context: note.context)
  }

  /// ``Event/retainedBytes`` of the utilization event, with its context.
  @inline(__always)
  static func retainedBytes(of note: UtilizationNote) -> Int {
    Event.utilizationRetainedBytes(note.node) + MemoryLayout<EventContext>.stride
  }
}
