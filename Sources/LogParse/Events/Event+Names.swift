extension EventOf {
  /// The same event with every name passed through `transform`: ids resolved to strings for the
  /// reducers, a segment's ids placed in the whole input's table, strings interned.
  func mapNames<Other: Hashable & Sendable>(_ transform: (Name) -> Other) -> EventOf<Other> {
    switch self {
    case .processStarted(let version): return .processStarted(version: version)
    case .leaseAcquiring: return .leaseAcquiring
    case .mainLoopStarted: return .mainLoopStarted
    case .leadershipLost: return .leadershipLost
    case .podsFound(let total, let unschedulable): return .podsFound(total: total, unschedulable: unschedulable)
    case .podUnschedulable(let pod): return .podUnschedulable(pod: transform(pod))
    case .otherPodsUnschedulable(let count): return .otherPodsUnschedulable(count: count)
    case .upcomingNodes(let count): return .upcomingNodes(count: count)
    case .bestOption(let group): return .bestOption(group: transform(group))
    case .estimatedNodes(let count, let group): return .estimatedNodes(count: count, group: transform(group))
    case .scaleUpCapped(let requested, let cappedTo): return .scaleUpCapped(requested: requested, cappedTo: cappedTo)
    case .scaleUpCappedToClusterMax(let size): return .scaleUpCappedToClusterMax(size: size)
    case .scaleUpSplit(let groups): return .scaleUpSplit(groups: groups.map(transform))
    case .scaleUpPlan(let plan): return .scaleUpPlan(plan.map { $0.mapNames(transform) })
    case .scaleUpRequested(let group, let size): return .scaleUpRequested(group: transform(group), size: size)
    case .cloudResize(let group, let size): return .cloudResize(group: transform(group), size: size)
    case .cloudResizeDone(let seconds): return .cloudResizeDone(seconds: seconds)
    case .scaleUpFinished(let group, let seconds): return .scaleUpFinished(group: transform(group), seconds: seconds)
    case .scaleUpTimedOut(let group, let seconds): return .scaleUpTimedOut(group: transform(group), seconds: seconds)
    case .failedNodesDeleted(let count, let group): return .failedNodesDeleted(count: count, group: transform(group))
    case .scaleUpReverted(let group, let delta): return .scaleUpReverted(group: transform(group), delta: delta)
    case .backoffStarted(let group, let until, let errorClass, let errorCode, let failureClass):
      return .backoffStarted(
        group: transform(group), until: until, errorClass: errorClass, errorCode: errorCode, failureClass: failureClass)
    case .groupInBackoff(let group, let errorCode, let failure):
      return .groupInBackoff(group: transform(group), errorCode: errorCode, failure: failure)
    case .maxSizeReached(let group): return .maxSizeReached(group: transform(group))
    case .groupNotReady(let group, let reason): return .groupNotReady(group: transform(group), reason: reason)
    case .podDoesNotFitGroup(let pod, let group, let reason):
      return .podDoesNotFitGroup(pod: transform(pod), group: transform(group), reason: reason)
    case .similarPodsDoNotFitGroup(let count, let pod, let group):
      return .similarPodsDoNotFitGroup(count: count, pod: transform(pod), group: transform(group))
    case .noExpansionOptions: return .noExpansionOptions
    case .nodeUtilization(let node, let utilization):
      return .nodeUtilization(node: transform(node), utilization: utilization)
    case .nodeUnneededSince(let node, let since, let seconds):
      return .nodeUnneededSince(node: transform(node), since: since, seconds: seconds)
    case .nodeUnneededFor(let node, let seconds): return .nodeUnneededFor(node: transform(node), seconds: seconds)
    case .scaleDownEmpty(let node): return .scaleDownEmpty(node: transform(node))
    case .scaleDownDrain(let node, let utilization, let pods):
      return .scaleDownDrain(node: transform(node), utilization: utilization, pods: pods.map(transform))
    case .deletionTaintAdded(let node): return .deletionTaintAdded(node: transform(node))
    case .unregisteredNodeRemoval(let node): return .unregisteredNodeRemoval(node: transform(node))
    case .drainFinished(let node): return .drainFinished(node: transform(node))
    case .instanceTerminated(let instanceId): return .instanceTerminated(instanceId: transform(instanceId))
    case .scaleSetInstancesDeleting(let scaleSet, let instances, let ids):
      return .scaleSetInstancesDeleting(scaleSet: transform(scaleSet), instances: instances, ids: ids)
    case .scaleDownBlocked(let node, let reason, let detail, let pod):
      return .scaleDownBlocked(node: transform(node), reason: reason, detail: detail, pod: pod.map(transform))
    case .kubernetesEvent(let event): return .kubernetesEvent(event)
    case .failure(let detail): return .failure(detail)
    case .leaderElection(let acquired): return .leaderElection(acquired: acquired)
    case .datedNote(let id, let date, let processStart):
      return .datedNote(id: id, date: date, processStart: processStart)
    case .noted(let id): return .noted(id: id)
    case .scaleUpRevertFailed(let group, let failure):
      return .scaleUpRevertFailed(group: transform(group), failure: failure)
    case .scaleUpSalvoIteration(let iteration, let podsLeft):
      return .scaleUpSalvoIteration(iteration: iteration, podsLeft: podsLeft)
    case .expanderFilteredAll(let validOptions): return .expanderFilteredAll(validOptions: validOptions)
    case .scaleUpCappedByQuota(let group, let requested, let cappedTo):
      return .scaleUpCappedByQuota(group: transform(group), requested: requested, cappedTo: cappedTo)
    case .groupSizeDecreasing(let group, let from, let to):
      return .groupSizeDecreasing(group: transform(group), from: from, to: to)
    case .noPodFitsGroup(let group): return .noPodFitsGroup(group: transform(group))
    }
  }
}

extension PlannedResizeOf {
  /// The same resize with its group passed through `transform`.
  func mapNames<Other: Hashable & Sendable>(_ transform: (Name) -> Other) -> PlannedResizeOf<Other> {
    PlannedResizeOf<Other>(group: transform(group), from: from, to: to, max: max)
  }
}
