extension EpisodeBuilder {
  /// `DeleteUnregistered` (`Removed unregistered node NODE`) and `DeleteUnregisteredFailed`
  /// (`Failed to remove node NODE: ERR`, its `failure`): the removal of an unregistered node, and how it ended.
  mutating func applyUnregisteredEvent(
    node: String, failure detail: FailureDetail?, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    if let detail {
      let failureIndex = record(makeFailure(detail, context))
      let index = down.failOrInferScaleDown(
        node: node, kind: .unregistered, failure: findings.failures[failureIndex], context)
      down.scaleDowns[index].kind = .unregistered
      steps.append(
        step(.failure, down.scaleDowns[index].id, node, "removal of unregistered node \(node) failed", context))
    } else {
      let index = down.openOrNewScaleDown(node: node, kind: .unregistered, context)
      down.scaleDowns[index].kind = .unregistered
      down.finishScaleDown(index, context)
      steps.append(step(.termination, down.scaleDowns[index].id, node, "unregistered node \(node) removed", context))
    }
  }
}
