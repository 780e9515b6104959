extension EpisodeBuilder {
  /// Applies a Kubernetes event echoed into the log: evidence of steps, and sometimes their only record.
  mutating func applyKubernetesEvent(_ event: KubernetesEvent, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    let message = event.message
    switch event.reason {
    case "ScaledUpGroup":
      applyScaledUpGroup(message, context, &steps)
    case "TriggeredScaleUp":
      let pod = event.namespace.isEmpty ? event.name : "\(event.namespace)/\(event.name)"
      applyTriggeredScaleUp(pod: pod, message: message, context, &steps)
    case "DeleteUnregistered", "DeleteUnregisteredFailed":
      applyUnregisteredEvent(failed: event.reason == "DeleteUnregisteredFailed", message, context, &steps)
    case "FailedToScaleUpGroup", "ScaleUpFailed":
      let group =
        FailureClassifier.word(after: "for group ", in: message).map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 }
        ?? FailureClassifier.word(after: "to group ", in: message)
      let failure = makeFailure(message, operation: .scaleUp, nodeGroup: group, node: nil, fatal: false, context)
      failScaleUp(group: group ?? failure.nodeGroup, failure: failure, inference: nil, context, &steps)
    case "ScaleUpTimedOut":
      if let group = FailureClassifier.word(after: "to group ", in: message) {
        applyScaleUp(.scaleUpTimedOut(group: group, seconds: nil), context, &steps)
      }
    case "ScaleDownEmpty", "ScaleDown", "ScaleDownFailed":
      applyScaleDownEvent(event, context, &steps)
    case "NotTriggerScaleUp":
      let pod = event.namespace.isEmpty ? event.name : "\(event.namespace)/\(event.name)"
      applyNotTriggerScaleUp(pod: pod, reasons: NotTriggerScaleUpText.reasons(message), context)
    case "FailedToRevertScaleUp":
      // 1.36+: the event of `Failed to revert timed-out scale-up …`; the failure once, carried by the scale-up.
      guard
        let group =
          (FailureClassifier.word(after: "node group ", in: message)
          ?? FailureClassifier.word(after: "group ", in: message)).map({ $0.trimmingCharacters(":") })
      else { return }
      if let index = lastScaleUpByGroup[group], scaleUps[index].revertError != nil {
        scaleUps[index].evidence.add(context)
      } else {
        applyRevertFailure(group: group, message: message, context, &steps)
      }
    case "GracefulDegradationStarted", "GracefulDegradationStopped":
      applyGracefulDegradation(started: event.reason == "GracefulDegradationStarted", message, context, &steps)
    default:
      break
    }
  }

  private mutating func applyScaleDownEvent(
    _ event: KubernetesEvent, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    let message = event.message
    switch event.kind {
    case "Node":
      let node = event.name
      if event.reason == "ScaleDownFailed" {
        let failure = makeFailure(message, operation: .scaleDown, nodeGroup: nil, node: node, fatal: false, context)
        record(failure)
        let index = openOrNewScaleDown(node: node, kind: .drain, context)
        failScaleDown(index, failure, context)
        steps.append(step(.failure, scaleDowns[index].id, node, "scale-down of \(node) failed: \(message)", context))
      } else if ByteSearch.contains(message, "removed by cluster autoscaler") {
        if openScaleDowns[node] == nil, let done = recentlyEndedScaleDown(node: node, near: context.knownTime) {
          scaleDowns[done].evidence.add(context)
        } else {
          // The event alone shows the removal when no line does (kind: drain, as for ScaleDownFailed).
          let index = openOrNewScaleDown(node: node, kind: .drain, context)
          finishScaleDown(index, context)
          steps.append(step(.termination, scaleDowns[index].id, node, "node \(node) removed", context))
        }
      } else if let index = openScaleDowns[node] {
        scaleDowns[index].evidence.add(context)
      }
    case "Pod":
      guard ByteSearch.contains(message, "deleting pod for node scale down") else { return }
      let pod = event.namespace.isEmpty ? event.name : "\(event.namespace)/\(event.name)"
      guard let index = openScaleDowns.values.filter({ scaleDowns[$0].kind == .drain }).max() else { return }
      scaleDowns[index].evidence.add(context)
      let bare = event.name
      if let existing = scaleDowns[index].evictedPods.firstIndex(of: bare) {
        scaleDowns[index].evictedPods[existing] = pod
      } else if !scaleDowns[index].evictedPods.contains(pod),
        scaleDowns[index].evictedPods.count < ScaleUpEpisode.maximumPods
      {
        scaleDowns[index].evictedPods.append(pod)
      }
    default:
      guard let node = nodeName(inScaleDownMessage: message) else { return }
      let isRemoved = message.hasSuffix(" removed") || ByteSearch.contains(message, " removed with drain")
      if !isRemoved, let index = openScaleDowns[node] {
        scaleDowns[index].evidence.add(context)
        return
      }
      if isRemoved {
        if openScaleDowns[node] == nil, let done = lastScaleDownByNode[node] {
          // The removal already ended (e.g. the cloud line came first): this event is more evidence.
          scaleDowns[done].evidence.add(context)
          return
        }
        let index = openOrNewScaleDown(
          node: node, kind: ByteSearch.contains(message, "empty node") ? .empty : .drain, context)
        finishScaleDown(index, context)
        steps.append(step(.termination, scaleDowns[index].id, node, "node \(node) removed", context))
      } else if message.hasPrefix("Scale-down: removing empty node") {
        applyScaleDown(.scaleDownEmpty(node: node), context, &steps)
      } else if message.hasPrefix("Scale-down: removing node") {
        applyScaleDown(.scaleDownDrain(node: node, utilization: nil, pods: []), context, &steps)
      }
    }
  }

  /// Applies a failure line (failed scale-up, cache refresh, fatal start-up …).
  mutating func applyFailure(_ detail: FailureDetail, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    var group = detail.nodeGroup
    if detail.operation == .scaleUp, group == nil, let lastRequested, scaleUps[lastRequested].isOpen {
      group = scaleUps[lastRequested].nodeGroup
    }
    let failure = makeFailure(
      detail.message, operation: detail.operation, nodeGroup: group, node: detail.node, fatal: detail.fatal, context)
    if detail.operation == .scaleUp {
      failScaleUp(group: failure.nodeGroup, failure: failure, inference: .failure, context, &steps)
      return
    }
    let index = record(failure)
    if let node = detail.node ?? failures[index].node,
      detail.operation == .scaleDown || detail.operation == .unregisteredRemoval
    {
      // A failure that names a node (stated by its entry or read from its words) fails its
      // removal, inferred when no removal line shows it; `empty node` in its words tells the kind.
      let kind: ScaleDownKind =
        detail.operation == .unregisteredRemoval
        ? .unregistered : ByteSearch.contains(detail.message, "empty node") ? .empty : .drain
      let down = failOrInferScaleDown(node: node, kind: kind, failure: failures[index], context)
      steps.append(
        step(
          .failure, scaleDowns[down].id, node,
          "scale-down of \(node) failed: \(failure.failureClass.rawValue) \(failure.code ?? "error")", context))
      return
    }
    if detail.operation == .unregisteredRemoval { failOpenUnregisteredScaleDowns(failures[index], context) }
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
      episodeId = failOrInferScaleUp(group: group, failure: failures[index], inference: inference, context)
      if episodeId == nil {
        // The event is the only evidence so far; a resize line of the same moment joins it.
        let created = newScaleUp(group: group, context)
        scaleUps[created].fromEventOnly = true
        decision.podsConsumed = true
        episodeId = closeScaleUps(group: group, outcome: .failed, seconds: nil, error: failures[index], context).last
      }
    }
    let action = failure.action.map { " \($0)" } ?? ""
    steps.append(
      step(
        .failure, episodeId, group,
        "scale-up\(group.map { " of " + $0 } ?? "") failed: \(failure.failureClass.rawValue) \(failure.code ?? "")\(action)",
        context))
  }

  /// The node named in a `Scale-down: …` event message.
  private func nodeName(inScaleDownMessage message: String) -> String? {
    // 1.25+ quotes the name (`%q`).
    for marker in ["removing empty node ", "removing node ", "empty node ", "Scale-down: node "] {
      if let name = FailureClassifier.word(after: marker + "\"", in: message)
        ?? FailureClassifier.word(after: marker, in: message)
      {
        return name.trimmingCharacters("\"")
      }
    }
    return nil
  }
}

extension String {
  /// The string without leading and trailing `character`s.
  func trimmingCharacters(_ character: Character) -> String {
    var text = Substring(self)
    while text.first == character { text = text.dropFirst() }
    while text.last == character { text = text.dropLast() }
    return String(text)
  }
}
