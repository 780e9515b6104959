/// Findings: failures, backoffs, nodes that cannot be removed and target sizes set back.
///
/// Each kind is folded (the same failure, backoff, node and reason, or decrease is one entry with a
/// count); the reducer owns its lists and the tables that point into them, and forgets those indices
/// itself when old entries are dropped to keep memory bounded.
struct FindingsReducer: EpisodeReducer, Sendable {
  var failures = EpisodeList<Failure>(capacity: EpisodeBuilder.maximumEpisodes)
  var backoffs = EpisodeList<Backoff>(capacity: EpisodeBuilder.maximumEpisodes)
  var blockedScaleDowns = EpisodeList<BlockedScaleDown>(capacity: EpisodeBuilder.maximumEpisodes)
  /// Target sizes set back (fixNodeGroupSizes, reverts, a cloud resize below the known size).
  var sizeDecreases = EpisodeList<SizeDecrease>(capacity: EpisodeBuilder.maximumEpisodes)
  /// Classes of the failures dropped to keep memory bounded, so that totals stay exact.
  var droppedFailureClasses: [FailureClass: Int] = [:]
  var failureIndex: [Failure.FoldKey: Int] = [:]
  var blockedIndex: [BlockKey: Int] = [:]
  /// The latest backoff of each group.
  var openBackoffs: [String: Int] = [:]
  /// The latest size decrease of each group.
  var lastSizeDecrease: [String: Int] = [:]

  mutating func apply(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    switch event {
    case .scaleDownBlocked(let node, let reason, let detail, let pod):
      recordBlocked(node: node, reason: reason, detail: detail, pod: pod, context, &steps)
    case .groupSizeDecreasing(let group, let from, let to):
      recordSizeDecrease(group: group, from: from, to: to, reason: .fixNodeGroupSizes, context, &steps)
    case .backoffStarted(let group, let until, let errorClass, let errorCode, _):
      let newEntry =
        Backoff(
          nodeGroup: group, at: context.knownTime, until: until, errorClass: errorClass.isEmpty ? nil : errorClass,
          errorCode: errorCode.isEmpty ? nil : errorCode, evidence: context.evidence)
      EpisodeBuilder.remember(add(newEntry, to: \.backoffs), group, in: &openBackoffs)
      let untilText = until.map { " until \($0.rfc3339)" } ?? ""
      let codeText = errorCode.isEmpty ? "" : " (\(errorCode))"
      steps.append(step(.backoff, nil, group, "group \(group) in backoff\(untilText)\(codeText)", context))
    case .groupInBackoff(let group, _, _):
      if let index = openBackoffs[group] {
        backoffs[index].evidence.add(context)
      } else {
        let newEntry =
          Backoff(
            nodeGroup: group, at: context.knownTime, until: nil, errorClass: nil, errorCode: nil,
            evidence: context.evidence)
        EpisodeBuilder.remember(add(newEntry, to: \.backoffs), group, in: &openBackoffs)
      }
    case .processStarted, .leaseAcquiring, .mainLoopStarted, .leadershipLost, .podsFound, .podUnschedulable,
      .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes, .scaleUpCapped, .scaleUpCappedToClusterMax,
      .scaleUpSplit, .scaleUpPlan, .scaleUpRequested, .cloudResize, .cloudResizeDone, .scaleUpFinished,
      .scaleUpTimedOut, .failedNodesDeleted, .scaleUpReverted, .maxSizeReached, .groupNotReady, .podDoesNotFitGroup,
      .similarPodsDoNotFitGroup, .noExpansionOptions, .nodeUtilization, .nodeUnneededSince, .nodeUnneededFor,
      .scaleDownEmpty, .scaleDownDrain, .deletionTaintAdded, .unregisteredNodeRemoval, .drainFinished,
      .instanceTerminated, .scaleSetInstancesDeleting, .kubernetesEvent, .failure, .leaderElection, .datedNote, .noted,
      .scaleUpRevertFailed, .scaleUpSalvoIteration, .expanderFilteredAll, .scaleUpCappedByQuota, .noPodFitsGroup:
      // Failures are classified and recorded by the builder (``record(_:)``), which links them to episodes.
      break
    }
  }

  /// Records a failure, folding it into an earlier identical one; returns its index.
  @discardableResult
  mutating func record(_ failure: Failure) -> Int {
    if let index = failureIndex[failure.foldKey], failures.isKept(index) {
      failures[index].count += 1
      // The times are those of the first and the last record: null when that one had none.
      failures[index].lastAt = failure.lastAt.map { max(failures[index].lastAt ?? $0, $0) }
      failures[index].evidence.merge(failure.evidence)
      return index
    }
    let index = add(failure, to: \.failures)
    if failureIndex.count >= EpisodeBuilder.maximumTrackedKeys { failureIndex.removeAll(keepingCapacity: true) }
    failureIndex[failure.foldKey] = index
    return index
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

  /// Appends to one of the bounded lists; when that drops old entries, forgets their indices.
  mutating func add<Element>(
    _ element: Element, to list: WritableKeyPath<FindingsReducer, EpisodeList<Element>>
  ) -> Int {
    var dropped: [Element] = []
    let index = self[keyPath: list].append(element) { dropped.append($0) }
    guard !dropped.isEmpty else { return index }
    for case let failure as Failure in dropped { droppedFailureClasses[failure.failureClass, default: 0] += 1 }
    let failures = failures
    failureIndex = failureIndex.filter { failures.isKept($0.value) }
    let blocked = blockedScaleDowns
    blockedIndex = blockedIndex.filter { blocked.isKept($0.value) }
    let backoffs = backoffs
    openBackoffs = openBackoffs.filter { backoffs.isKept($0.value) }
    let decreases = sizeDecreases
    lastSizeDecrease = lastSizeDecrease.filter { decreases.isKept($0.value) }
    return index
  }
}

/// What makes two blocked scale-downs the same finding.
struct BlockKey: Hashable, Sendable {
  var node: String
  var reason: BlockReason
  var pod: String?
}
