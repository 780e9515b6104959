extension EpisodeBuilder {
  mutating func applyScaleDown(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    switch event {
    case .nodeUtilization(let node, let utilization):
      updateCandidacy(node, context) { $0.utilization = utilization }
    case .nodeUnneededSince(let node, let since, let seconds):
      let isNew = candidacies[node]?.unneededSince == nil
      updateCandidacy(node, context) {
        $0.unneededSince = since ?? $0.unneededSince
        $0.unneededSeconds = seconds ?? $0.unneededSeconds
      }
      if isNew {
        steps.append(step(.unneeded, nil, node, "node \(node) is unneeded", context))
      }
    case .nodeUnneededFor(let node, let seconds):
      updateCandidacy(node, context) { $0.unneededSeconds = seconds }
    case .scaleDownEmpty(let node):
      let index = openOrNewScaleDown(node: node, kind: .empty, context)
      steps.append(step(.removal, scaleDowns[index].id, node, "removing empty node \(node)", context))
    case .scaleDownDrain(let node, let utilization, let pods):
      let index = openOrNewScaleDown(node: node, kind: .drain, context)
      scaleDowns[index].kind = .drain
      if let utilization { scaleDowns[index].utilization = utilization }
      for pod in pods
      where !scaleDowns[index].evictedPods.contains(pod)
        && scaleDowns[index].evictedPods.count < ScaleUpEpisode.maximumPods
      {
        scaleDowns[index].evictedPods.append(pod)
      }
      steps.append(step(.removal, scaleDowns[index].id, node, "removing node \(node) with drain", context))
    case .deletionTaintAdded(let node):
      let index = openOrNewScaleDown(node: node, kind: .empty, context)
      steps.append(step(.taint, scaleDowns[index].id, node, "node \(node) tainted for deletion", context))
    case .unregisteredNodeRemoval(let node):
      let index = openOrNewScaleDown(node: node, kind: .unregistered, context)
      scaleDowns[index].kind = .unregistered
      steps.append(step(.removal, scaleDowns[index].id, node, "removing unregistered node \(node)", context))
    case .drainFinished(let node):
      let index = openOrNewScaleDown(node: node, kind: .drain, context)
      scaleDowns[index].kind = .drain
      scaleDowns[index].drainedAt = scaleDowns[index].drainedAt ?? context.knownTime
      steps.append(step(.drained, scaleDowns[index].id, node, "all pods removed from \(node)", context))
    case .instanceTerminated(let instanceId):
      // The cloud terminates instances in the order the autoscaler asked: the oldest open removal.
      let waiting = openScaleDowns.values.filter { scaleDowns[$0].instanceId == nil }
      guard let index = waiting.min() else {
        steps.append(step(.termination, nil, instanceId, "instance \(instanceId) terminated", context))
        return
      }
      scaleDowns[index].instanceId = instanceId
      finishScaleDown(index, context)
      steps.append(
        step(
          .termination, scaleDowns[index].id, scaleDowns[index].node,
          "instance \(instanceId) of \(scaleDowns[index].node) terminated", context))
    case .scaleSetInstancesDeleting(let scaleSet, let instances, let ids):
      // Each node with the full id of its instance (its provider id), when the line gives one.
      var names: [(String, String?)] = zip(instances, ids).compactMap { instance, id in
        ScaleSetText.nodeName(scaleSet: scaleSet, instance: instance).map { ($0, id) }
      }
      if names.isEmpty {
        names = openScaleDowns.keys.filter { $0.hasPrefix(scaleSet) }.sorted().map { ($0, nil) }
      }
      for (name, id) in names {
        guard let index = openScaleDowns[name] else { continue }
        scaleDowns[index].nodeGroup = scaleDowns[index].nodeGroup ?? scaleSet
        scaleDowns[index].instanceId = scaleDowns[index].instanceId ?? id
        finishScaleDown(index, context)
        steps.append(step(.termination, scaleDowns[index].id, name, "scale set \(scaleSet) deleting \(name)", context))
      }
    case .scaleDownBlocked(let node, let reason, let detail, let pod):
      recordBlocked(node: node, reason: reason, detail: detail, pod: pod, context, &steps)
    default:
      break
    }
  }

  /// Records a node that cannot be removed, folded per node, reason and pod.
  mutating func recordBlocked(
    node: String, reason: BlockReason, detail: String, pod: String?, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    let key = BlockKey(node: node, reason: reason, pod: pod)
    if let index = blockedIndex[key] {
      blockedScaleDowns[index].count += 1
      blockedScaleDowns[index].lastAt = context.knownTime
      blockedScaleDowns[index].evidence.add(context)
      return
    }
    let blocked = BlockedScaleDown(
      node: node, reason: reason, detail: detail, pod: pod, firstAt: context.knownTime, lastAt: context.knownTime,
      count: 1,
      evidence: context.evidence)
    let index = add(blocked, to: \.blockedScaleDowns)
    if blockedIndex.count >= EpisodeBuilder.maximumTrackedKeys { blockedIndex.removeAll(keepingCapacity: true) }
    blockedIndex[key] = index
    steps.append(step(.blocked, nil, node, "node \(node) cannot be removed: \(detail)", context))
  }

  private mutating func updateCandidacy(
    _ node: String, _ context: EventContext, _ update: (inout NodeCandidacy) -> Void
  ) {
    if candidacies.count >= EpisodeBuilder.maximumTrackedKeys, candidacies[node] == nil {
      candidacies.removeAll(keepingCapacity: true)
    }
    // Mutate in place: a copy out and back would copy the evidence array on every line.
    modify(&candidacies[node, default: NodeCandidacy()]) { candidacy in
      update(&candidacy)
      if candidacy.evidence == nil {
        candidacy.evidence = context.evidence
      } else {
        candidacy.evidence?.add(context)
      }
    }
  }

  /// The open scale-down of `node`, or a new one started now with what its candidacy knew.
  mutating func openOrNewScaleDown(node: String, kind: ScaleDownKind, _ context: EventContext) -> Int {
    if let index = openScaleDowns[node] {
      scaleDowns[index].evidence.add(context)
      return index
    }
    if let index = recentlyEndedScaleDown(node: node, near: context.knownTime) {
      // A line of a removal that already ended a moment ago (its event or failure came first).
      scaleDowns[index].evidence.add(context)
      scaleDowns[index].inferredFrom = nil
      return index
    }
    noteActing(context)
    scaleDownCount += 1
    let candidacy = candidacies.removeValue(forKey: node)
    var evidence = candidacy?.evidence ?? context.evidence
    evidence.add(context)
    var episode = ScaleDownEpisode(id: "down-\(scaleDownCount)", node: node, kind: kind, evidence: evidence)
    episode.utilization = candidacy?.utilization
    episode.unneededSince = candidacy?.unneededSince
    episode.unneededSeconds = candidacy?.unneededSeconds
    episode.startedAt = context.knownTime
    let index = add(episode, to: \.scaleDowns)
    openScaleDowns[node] = index
    EpisodeBuilder.remember(index, node, in: &lastScaleDownByNode)
    return index
  }

  /// Marks a scale-down as succeeded now.
  mutating func finishScaleDown(_ index: Int, _ context: EventContext) {
    guard scaleDowns[index].isOpen else { return }
    scaleDowns[index].outcome = .succeeded
    scaleDowns[index].endedAt = context.knownTime
    scaleDowns[index].evidence.add(context)
    if openScaleDowns[scaleDowns[index].node] == index { openScaleDowns[scaleDowns[index].node] = nil }
  }

  /// Marks a scale-down as failed now.
  mutating func failScaleDown(_ index: Int, _ failure: Failure, _ context: EventContext) {
    guard scaleDowns[index].isOpen else { return }
    scaleDowns[index].outcome = .failed
    scaleDowns[index].endedAt = context.knownTime
    scaleDowns[index].error = failure
    scaleDowns[index].evidence.add(context)
    if openScaleDowns[scaleDowns[index].node] == index { openScaleDowns[scaleDowns[index].node] = nil }
  }
}

/// Applies `change` to `value` in place (through a dictionary's `modify` accessor, without a copy).
@inline(__always)
func modify<T>(_ value: inout T, _ change: (inout T) -> Void) {
  change(&value)
}
