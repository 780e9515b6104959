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
  /// The hash of the node's name (``NameKeyedTable/hash(_:)``), taken when the parser read it.
  var nameHash: UInt64

  /// A note whose node's name hashes to `nameHash` (the parser hashed the name as it read it).
  init(node: String, nameHash: UInt64, utilization: Double, context: EventContext) {
    self.node = node
    self.utilization = utilization
    self.context = context
    self.nameHash = nameHash
  }

  /// A note, its node's name hashed now.
  init(node: String, utilization: Double, context: EventContext) {
    self.init(node: node, nameHash: NameKeyedTable<Void>.hash(node), utilization: utilization, context: context)
  }

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
