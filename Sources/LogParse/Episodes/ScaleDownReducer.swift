/// Scale-downs: node candidacies (utilization, unneeded since) and the removals they become.
///
/// Owns its episodes and the tables that point into them, and forgets those indices itself when
/// old episodes are dropped to keep memory bounded.
struct ScaleDownReducer: EpisodeReducer, Sendable {
  /// The scale-downs so far, in order of first evidence.
  var scaleDowns = EpisodeList<ScaleDownEpisode>(capacity: EpisodeBuilder.maximumEpisodes)
  /// Outcomes of the episodes dropped to keep memory bounded, so that totals stay exact.
  var droppedOutcomes: [ScaleDownOutcome: Int] = [:]
  /// The open removal of each node.
  var openScaleDowns: [String: Int] = [:]
  /// What is known of each node considered for removal, until its removal starts.
  var candidacies = NameKeyedTable<NodeCandidacy>()
  /// The latest removal of each node, open or ended.
  var lastScaleDownByNode: [String: Int] = [:]

  mutating func apply(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    switch event {
    case .nodeUtilization(let node, let utilization):
      noteUtilization(node, utilization, context)
    case .nodeUnneededSince(let node, let since, let seconds):
      // The builder takes the date as evidence of the year.
      let entry = candidacy(node, context)
      let isNew = candidacies[entry: entry].unneededSince == nil
      if let since { candidacies[entry: entry].unneededSince = since }
      if let seconds { candidacies[entry: entry].unneededSeconds = seconds }
      if isNew {
        steps.append(step(.unneeded, nil, node, "node \(node) is unneeded", context))
      }
    case .nodeUnneededFor(let node, let seconds):
      let entry = candidacy(node, context)
      candidacies[entry: entry].unneededSeconds = seconds
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
    case .processStarted, .leaseAcquiring, .mainLoopStarted, .leadershipLost, .podsFound, .podUnschedulable,
      .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes, .scaleUpCapped, .scaleUpCappedToClusterMax,
      .scaleUpSplit, .scaleUpPlan, .scaleUpRequested, .cloudResize, .cloudResizeDone, .scaleUpFinished,
      .scaleUpTimedOut, .failedNodesDeleted, .scaleUpReverted, .backoffStarted, .groupInBackoff, .maxSizeReached,
      .groupNotReady, .podDoesNotFitGroup, .similarPodsDoNotFitGroup, .noExpansionOptions, .scaleDownBlocked,
      .kubernetesEvent, .failure, .leaderElection, .datedNote, .noted, .scaleUpRevertFailed, .scaleUpSalvoIteration,
      .expanderFilteredAll, .scaleUpCappedByQuota, .groupSizeDecreasing, .noPodFitsGroup:
      // Not removals: a blocked node is a finding, a failed removal the builder's link.
      break
    }
  }

  /// Whether applying `event`, one of those that change only a candidacy
  /// (``EventOf/candidacyOnlyNode``), makes a step: an unneeded-since line of a node not yet noted
  /// unneeded.
  func makesStep(_ event: Event) -> Bool {
    guard case .nodeUnneededSince(let node, _, _) = event else { return false }
    return candidacies[node]?.unneededSince == nil
  }

  /// Notes a node's utilization in its candidacy (the builder calls it directly for the dominant line).
  @inline(__always)
  mutating func noteUtilization(_ node: String, _ utilization: Double, _ context: EventContext) {
    guard let entry = candidacies.entry(of: node) else {
      candidacies[entry: newCandidacyEntry(node, context)].utilization = utilization
      return
    }
    noteUtilization(entry: entry, utilization, context)
  }

  /// Notes a utilization in the candidacy at `entry`: one access to the entry for both changes.
  @inline(__always)
  private mutating func noteUtilization(entry: Int, _ utilization: Double, _ context: EventContext) {
    modify(&candidacies[entry: entry]) { candidacy in
      candidacy.evidence.add(context)
      candidacy.utilization = utilization
    }
  }

  /// ``noteUtilization(_:_:_:)`` for a node whose name's hash (``NameKeyedTable/hash(_:)``) the
  /// parser took.
  @inline(__always)
  mutating func noteUtilization(_ node: String, nameHash: UInt64, _ utilization: Double, _ context: EventContext) {
    guard let entry = candidacies.entry(of: node, hash: nameHash) else {
      candidacies[entry: newCandidacyEntry(node, hash: nameHash, context)].utilization = utilization
      return
    }
    noteUtilization(entry: entry, utilization, context)
  }

  /// ``noteUtilization(_:nameHash:_:_:)`` for a node given by its name's bytes: the candidacy
  /// with that name (``NameKeyedTable/find(name:)``), else the one of the string `node` gives
  /// (made only then).
  @inline(__always)
  mutating func noteUtilization(
    name: inout LineName, node: (_ hash: UInt64) -> String, _ utilization: Double, _ context: EventContext
  ) {
    if let entry = candidacies.find(name: &name) {
      noteUtilization(entry: entry, utilization, context)
      return
    }
    let hash = name.hash()
    noteUtilization(node(hash), nameHash: hash, utilization, context)
  }

  /// The entry of `node`'s candidacy with this record's lines added: one lookup, the value
  /// changed in place (a copy out and back would copy the evidence array on every line).
  ///
  /// A node not yet a candidate when the table is full empties it first, so memory stays bounded.
  @inline(__always)
  private mutating func candidacy(_ node: String, _ context: EventContext) -> Int {
    if let entry = candidacies.entry(of: node) {
      candidacies[entry: entry].evidence.add(context)
      return entry
    }
    return newCandidacyEntry(node, context)
  }

  /// A new candidacy of `node` holding this record's lines; a full table is emptied first.
  private mutating func newCandidacyEntry(_ node: String, _ context: EventContext) -> Int {
    newCandidacyEntry(node, hash: NameKeyedTable<NodeCandidacy>.hash(node), context)
  }

  /// ``newCandidacyEntry(_:_:)`` for a name whose hash is known.
  private mutating func newCandidacyEntry(_ node: String, hash: UInt64, _ context: EventContext) -> Int {
    if candidacies.count >= EpisodeBuilder.maximumTrackedKeys { candidacies.removeAll() }
    return candidacies.insert(node, hash: hash, value: NodeCandidacy(evidence: context.evidence))
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
    let candidacy = candidacies.removeValue(forKey: node)
    var evidence = candidacy?.evidence ?? context.evidence
    evidence.add(context)
    var episode = ScaleDownEpisode(id: "down-\(scaleDowns.totalCount + 1)", node: node, kind: kind, evidence: evidence)
    episode.utilization = candidacy?.utilization
    episode.unneededSince = candidacy?.unneededSince
    episode.unneededSeconds = candidacy?.unneededSeconds
    episode.startedAt = context.knownTime
    let index = add(episode)
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

  /// The latest scale-down of `node`, ended near `time`: the removal an echo of the same moment belongs to.
  func recentlyEndedScaleDown(node: String, near time: LogTime?) -> Int? {
    guard let index = lastScaleDownByNode[node], scaleDowns.isKept(index), !scaleDowns[index].isOpen,
      EpisodeBuilder.areNear(scaleDowns[index].endedAt, time)
    else { return nil }
    return index
  }

  /// Gives a removal failure of `node` its episode; returns the episode's index.
  ///
  /// The open scale-down of the node ends failed with `failure` (recorded by the caller); else the
  /// failure folds into the removal that just ended; else a failed scale-down inferred from the
  /// failure opens and ends.
  @discardableResult
  mutating func failOrInferScaleDown(
    node: String, kind: ScaleDownKind, failure: Failure, _ context: EventContext
  ) -> Int {
    if let index = openScaleDowns[node] {
      failScaleDown(index, failure, context)
      return index
    }
    if let index = recentlyEndedScaleDown(node: node, near: context.knownTime) {
      scaleDowns[index].evidence.add(context)
      if let known = scaleDowns[index].error, EpisodeBuilder.isVague(known), !EpisodeBuilder.isVague(failure) {
        scaleDowns[index].error = failure
      }
      return index
    }
    let index = openOrNewScaleDown(node: node, kind: kind, context)
    scaleDowns[index].inferredFrom = .failure
    failScaleDown(index, failure, context)
    return index
  }

  /// A failure to remove unregistered nodes that names no node fails every open removal of an
  /// unregistered node (of its group, when it names one).
  mutating func failOpenUnregisteredScaleDowns(_ failure: Failure, _ context: EventContext) {
    let open = openScaleDowns.values.filter {
      scaleDowns[$0].kind == .unregistered
        && (failure.nodeGroup == nil || scaleDowns[$0].nodeGroup == nil
          || scaleDowns[$0].nodeGroup == failure.nodeGroup)
    }
    for index in open.sorted() { failScaleDown(index, failure, context) }
  }

  /// Appends a scale-down; when that drops old ones, counts their outcomes and forgets their indices.
  private mutating func add(_ episode: ScaleDownEpisode) -> Int {
    var dropped: [ScaleDownOutcome] = []
    let index = scaleDowns.append(episode) { dropped.append($0.outcome) }
    if !dropped.isEmpty {
      for outcome in dropped { droppedOutcomes[outcome, default: 0] += 1 }
      let downs = scaleDowns
      openScaleDowns = openScaleDowns.filter { downs.isKept($0.value) }
      lastScaleDownByNode = lastScaleDownByNode.filter { downs.isKept($0.value) }
    }
    return index
  }
}

/// What is known about a node being considered for removal.
struct NodeCandidacy: Hashable, Sendable {
  var utilization: Double?
  var unneededSince: FullTime?
  var unneededSeconds: Double?
  /// The lines of the node's candidacy, from its first.
  var evidence: Evidence
}

/// Applies `change` to `value` in place (through a dictionary's `modify` accessor, without a copy).
@inline(__always)
func modify<T>(_ value: inout T, _ change: (inout T) -> Void) {
  change(&value)
}
