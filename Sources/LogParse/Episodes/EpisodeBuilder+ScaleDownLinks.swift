extension EpisodeBuilder {
  /// The open removal of each node (for the Kubernetes-event and failure links).
  var openScaleDowns: [String: Int] { down.openScaleDowns }
  /// The latest removal of each node.
  var lastScaleDownByNode: [String: Int] { down.lastScaleDownByNode }

  /// Applies a removal event the scale-down reducer takes (a Kubernetes event may stand for one).
  mutating func applyScaleDown(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    down.apply(event, context, &steps)
  }

  /// The open scale-down of `node`, or a new one started now with what its candidacy knew.
  mutating func openOrNewScaleDown(node: String, kind: ScaleDownKind, _ context: EventContext) -> Int {
    down.openOrNewScaleDown(node: node, kind: kind, context)
  }

  /// Marks a scale-down as succeeded now.
  mutating func finishScaleDown(_ index: Int, _ context: EventContext) {
    down.finishScaleDown(index, context)
  }

  /// Marks a scale-down as failed now.
  mutating func failScaleDown(_ index: Int, _ failure: Failure, _ context: EventContext) {
    down.failScaleDown(index, failure, context)
  }

  /// The latest scale-down of `node`, ended near `time`.
  func recentlyEndedScaleDown(node: String, near time: LogTime?) -> Int? {
    down.recentlyEndedScaleDown(node: node, near: time)
  }

  /// Gives a removal failure of `node` (recorded by the caller) its episode; returns the episode's index.
  @discardableResult
  mutating func failOrInferScaleDown(
    node: String, kind: ScaleDownKind, failure: Failure, _ context: EventContext
  ) -> Int {
    down.failOrInferScaleDown(node: node, kind: kind, failure: failure, context)
  }

  /// A failure to remove unregistered nodes that names no node fails every open removal of one.
  mutating func failOpenUnregisteredScaleDowns(_ failure: Failure, _ context: EventContext) {
    down.failOpenUnregisteredScaleDowns(failure, context)
  }

  /// `DeleteUnregistered` (`Removed unregistered node NODE`) and `DeleteUnregisteredFailed`
  /// (`Failed to remove node NODE: ERR`, its `failure`): the removal of an unregistered node, and how it ended.
  mutating func applyUnregisteredEvent(
    node: String, failure detail: FailureDetail?, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    if let detail {
      let failureIndex = record(makeFailure(detail, context))
      let index = failOrInferScaleDown(node: node, kind: .unregistered, failure: failures[failureIndex], context)
      scaleDowns[index].kind = .unregistered
      steps.append(step(.failure, scaleDowns[index].id, node, "removal of unregistered node \(node) failed", context))
    } else {
      let index = openOrNewScaleDown(node: node, kind: .unregistered, context)
      scaleDowns[index].kind = .unregistered
      finishScaleDown(index, context)
      steps.append(step(.termination, scaleDowns[index].id, node, "unregistered node \(node) removed", context))
    }
  }
}
