extension EpisodeBuilder {
  /// Applies a Kubernetes event echoed into the log: evidence of steps, and sometimes their only record.
  mutating func applyKubernetesEvent(_ event: KubernetesEvent, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    switch event.meaning {
    case .groupResized(let group, let size, let from, let max):
      up.applyScaledUpGroup(group: group, size: size, from: from, max: max, context, &steps)
    case .scaleUpTriggered(let pod, let resizes):
      up.applyTriggeredScaleUp(pod: pod, resizes: resizes, context, &steps)
    case .unregisteredNodeRemoved(let node):
      applyUnregisteredEvent(node: node, failure: nil, context, &steps)
    case .unregisteredNodeRemovalFailed(let node, let detail):
      applyUnregisteredEvent(node: node, failure: detail, context, &steps)
    case .scaleUpFailed(let group, let detail):
      let failure = makeFailure(detail, context)
      failScaleUp(group: group ?? failure.nodeGroup, failure: failure, inference: nil, context, &steps)
    case .scaleUpTimedOut(let group):
      timeOutScaleUp(group: group, seconds: nil, context, &steps)
    case .scaleDown(let meaning):
      applyScaleDownEvent(meaning, message: event.message, context, &steps)
    case .scaleUpNotTriggered(let pod, let reasons):
      up.applyNotTriggerScaleUp(pod: pod, reasons: reasons, context)
    case .revertFailed(let group, let detail):
      // The failure once, carried by the scale-up.
      if let index = up.lastScaleUpByGroup[group], up.scaleUps[index].revertError != nil {
        up.scaleUps[index].evidence.add(context)
      } else {
        applyRevertFailure(group: group, detail, context, &steps)
      }
    case .gracefulDegradation(let started):
      process.applyGracefulDegradation(started: started, event.message, context, &steps)
    case .unread:
      break
    }
  }

  /// Applies what a scale-down event shows; `message` is the event's, for the step's summary.
  private mutating func applyScaleDownEvent(
    _ meaning: ScaleDownEventMeaning, message: String, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    switch meaning {
    case .nodeFailed(let node, let detail):
      let failure = makeFailure(detail, context)
      record(failure)
      let index = down.openOrNewScaleDown(node: node, kind: .drain, context)
      down.failScaleDown(index, failure, context)
      steps.append(step(.failure, down.scaleDowns[index].id, node, "scale-down of \(node) failed: \(message)", context))
    case .nodeRemovedByAutoscaler(let node):
      if down.openScaleDowns[node] == nil, let done = down.recentlyEndedScaleDown(node: node, near: context.knownTime) {
        down.scaleDowns[done].evidence.add(context)
      } else {
        // The event alone shows the removal when no line does (kind: drain, as for ScaleDownFailed).
        let index = down.openOrNewScaleDown(node: node, kind: .drain, context)
        down.finishScaleDown(index, context)
        steps.append(step(.termination, down.scaleDowns[index].id, node, "node \(node) removed", context))
      }
    case .nodeNoted(let node):
      if let index = down.openScaleDowns[node] { down.scaleDowns[index].evidence.add(context) }
    case .podEvicted(let pod, let bare):
      guard let index = down.openScaleDowns.values.filter({ down.scaleDowns[$0].kind == .drain }).max() else { return }
      down.scaleDowns[index].evidence.add(context)
      if let existing = down.scaleDowns[index].evictedPods.firstIndex(of: bare) {
        down.scaleDowns[index].evictedPods[existing] = pod
      } else if !down.scaleDowns[index].evictedPods.contains(pod),
        down.scaleDowns[index].evictedPods.count < ScaleUpEpisode.maximumPods
      {
        down.scaleDowns[index].evictedPods.append(pod)
      }
    case .nodeRemoved(let node, let empty):
      if down.openScaleDowns[node] == nil, let done = down.lastScaleDownByNode[node] {
        // The removal already ended (e.g. the cloud line came first): this event is more evidence.
        down.scaleDowns[done].evidence.add(context)
        return
      }
      let index = down.openOrNewScaleDown(node: node, kind: empty ? .empty : .drain, context)
      down.finishScaleDown(index, context)
      steps.append(step(.termination, down.scaleDowns[index].id, node, "node \(node) removed", context))
    case .nodeRemoving(let node, let empty):
      if let index = down.openScaleDowns[node] {
        down.scaleDowns[index].evidence.add(context)
      } else if empty {
        down.apply(.scaleDownEmpty(node: node), context, &steps)
      } else {
        down.apply(.scaleDownDrain(node: node, utilization: nil, pods: []), context, &steps)
      }
    }
  }

  /// Applies a failure line (failed scale-up, cache refresh, fatal start-up …).
  mutating func applyFailure(_ detail: FailureDetail, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    var fallbackGroup: String?
    if detail.operation == .scaleUp, detail.nodeGroup == nil, let lastRequested = up.lastRequested,
      up.scaleUps[lastRequested].isOpen
    {
      fallbackGroup = up.scaleUps[lastRequested].nodeGroup
    }
    let failure = makeFailure(detail, fallbackGroup: fallbackGroup, context)
    if detail.operation == .scaleUp {
      failScaleUp(group: failure.nodeGroup, failure: failure, inference: .failure, context, &steps)
      return
    }
    let index = record(failure)
    if let node = detail.node ?? findings.failures[index].node,
      detail.operation == .scaleDown || detail.operation == .unregisteredRemoval
    {
      // A failure that names a node (stated by its entry or read from its words) fails its
      // removal, inferred when no removal line shows it; `empty node` in its words tells the kind.
      let kind: ScaleDownKind =
        detail.operation == .unregisteredRemoval
        ? .unregistered : detail.reading.emptyNode ? .empty : .drain
      let removal = down.failOrInferScaleDown(node: node, kind: kind, failure: findings.failures[index], context)
      steps.append(
        step(
          .failure, down.scaleDowns[removal].id, node,
          "scale-down of \(node) failed: \(failure.failureClass.rawValue) \(failure.code ?? "error")", context))
      return
    }
    if detail.operation == .unregisteredRemoval {
      down.failOpenUnregisteredScaleDowns(findings.failures[index], context)
    }
    let what = detail.operation.map { " (\($0.rawValue))" } ?? ""
    steps.append(
      step(
        .failure, nil, failure.nodeGroup, "\(failure.failureClass.rawValue) failure\(what): \(failure.code ?? "error")",
        context))
  }

  /// Records a scale-up failure and ends the open episode of its group as failed.
  ///
  /// Without an open one, the failure belongs to the attempt of the group that just failed, else it
  /// shows a failed scale-up of its own (`inference` says how it is marked; nil: the event itself shows it).
  private mutating func failScaleUp(
    group: String?, failure: Failure, inference: EpisodeInference?, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    let index = record(failure)
    var episodeId: String?
    if let group {
      episodeId = up.failOrInferScaleUp(group: group, failure: findings.failures[index], inference: inference, context)
      if episodeId == nil {
        // The event is the only evidence so far; a resize line of the same moment joins it.
        let created = up.newScaleUp(group: group, context)
        up.scaleUps[created].fromEventOnly = true
        up.decision.podsConsumed = true
        episodeId =
          up.closeScaleUps(group: group, outcome: .failed, seconds: nil, error: findings.failures[index], context).last
      }
    }
    let action = failure.action.map { " \($0)" } ?? ""
    steps.append(
      step(
        .failure, episodeId, group,
        "scale-up\(group.map { " of " + $0 } ?? "") failed: \(failure.failureClass.rawValue) \(failure.code ?? "")\(action)",
        context))
  }
}
