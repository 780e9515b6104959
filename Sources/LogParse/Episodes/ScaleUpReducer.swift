/// Scale-ups with the decision context of the loop that made them, and the pods a decision left
/// without one.
///
/// Owns its episodes, the loop's decision, the target size last shown per group and the tables that
/// point into its lists, and forgets those indices itself when old entries are dropped.
struct ScaleUpReducer: EpisodeReducer, Sendable {
  /// Seconds of silence after which a loop's decision context is considered over.
  static let decisionWindowMicroseconds: Int64 = 10_000_000

  /// The scale-ups so far, in order of first evidence.
  var scaleUps = EpisodeList<ScaleUpEpisode>(capacity: EpisodeBuilder.maximumEpisodes)
  /// Pods that no scale-up took, with the reasons the log gave.
  var noScaleUps = EpisodeList<NoScaleUp>(capacity: EpisodeBuilder.maximumEpisodes)
  /// Outcomes of the episodes dropped to keep memory bounded, so that totals stay exact.
  var droppedOutcomes: [ScaleUpOutcome: Int] = [:]
  /// The open scale-ups of each group.
  var openScaleUps: [String: [Int]] = [:]
  /// What the current loop has said so far about a possible scale-up.
  var decision = DecisionContext()
  /// The scale-up of the latest resize line.
  var lastRequested: Int?
  /// The scale-up a cloud confirmation (`Target size set done`) ended last, for the confirmation that follows.
  var lastCloudConfirmed: Int?
  /// The latest scale-up of each group.
  var lastScaleUpByGroup: [String: Int] = [:]
  /// The target size the log last showed, per group (for telling a decrease from a scale-up).
  var knownSizes: [String: Int] = [:]
  /// The finding of each pod without a scale-up.
  var noScaleUpIndex: [String: Int] = [:]

  mutating func apply(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    if Self.isWindowed(event) { expireDecisionIfStale(context) }
    switch event {
    case .podUnschedulable(let pod):
      if decision.podsConsumed { decision.reset() }
      beginDecision(context)
      // The same pod may be named twice in a loop (`failed to find place`, then `is unschedulable`).
      if !decision.pods.contains(pod) {
        if decision.pods.count < ScaleUpEpisode.maximumPods { decision.pods.append(pod) }
        decision.podCount += 1
      }
      addPodEvidence(context)
      if decision.podCount == 1 {
        steps.append(step(.podsPending, nil, pod, "pod \(pod) is unschedulable", context))
      }
    case .otherPodsUnschedulable(let count):
      if decision.podsConsumed { decision.reset() }
      beginDecision(context)
      decision.podCount += count
      addPodEvidence(context)
      steps.append(step(.podsPending, nil, nil, "\(count) other pods are also unschedulable", context))
    case .upcomingNodes(let count):
      beginDecision(context)
      decision.evidence?.add(context)
      steps.append(step(.upcoming, nil, nil, "upcoming \(count) nodes", context))
    case .bestOption(let group):
      beginDecision(context)
      decision.noteDecided(context)
      decision.bestOption = group
      decision.evidence?.add(context)
    case .estimatedNodes(let count, let group):
      beginDecision(context)
      decision.noteDecided(context)
      if decision.bestOption == nil { decision.bestOption = group }
      decision.estimate = count
      decision.evidence?.add(context)
    case .scaleUpCapped(let requested, let cappedTo):
      beginDecision(context)
      decision.evidence?.add(context)
      var capping = decision.capping ?? ScaleUpCapping()
      capping.requestedNodes = requested
      capping.cappedToNodes = cappedTo
      decision.capping = capping
    case .scaleUpPlan(let resizes):
      // A loop makes one plan: a second one is the next loop's, even when no time tells so.
      if decision.podsConsumed, !decision.plannedEpisodes.isEmpty { decision.reset() }
      beginDecision(context)
      decision.noteDecided(context)
      decision.evidence?.add(context)
      decision.planGroups = resizes.count > 1 ? resizes.map(\.group) : []
      for resize in resizes {
        let index: Int
        if let echoed = echoedScaleUp(group: resize.group, to: resize.to, near: context.knownTime),
          !scaleUps[echoed].hasPlan
        {
          // An event or resize line of this plan came first: the same scale-up, now with the loop's pods.
          index = echoed
          adoptDecision(index, context)
        } else {
          index = newScaleUp(group: resize.group, context)
        }
        scaleUps[index].from = resize.from
        scaleUps[index].to = resize.to
        scaleUps[index].max = resize.max
        scaleUps[index].hasPlan = true
        noteKnownSize(resize.to, of: resize.group)
        scaleUps[index].fromEventOnly = false
        decision.plannedEpisodes.append(index)
        steps.append(
          step(
            .decision, scaleUps[index].id, resize.group,
            "scale-up decided: \(resize.group) \(resize.from)->\(resize.to) (max \(resize.max))", context))
      }
      decision.podsConsumed = true
    case .scaleUpRequested(let group, let size):
      noteKnownSize(size, of: group)
      let index = plannedOrNewScaleUp(group: group, size: size, context)
      scaleUps[index].requestedAt = scaleUps[index].requestedAt ?? context.knownTime
      lastRequested = index
      steps.append(step(.resize, scaleUps[index].id, group, "setting group \(group) size to \(size)", context))
    case .cloudResize(let group, let size):
      // The builder tells a decrease's cloud call (a size below the known one) from a scale-up first.
      noteKnownSize(size, of: group)
      let index = plannedOrNewScaleUp(group: group, size: size, context)
      lastRequested = index
      steps.append(step(.resize, scaleUps[index].id, group, "cloud: setting \(group) size to \(size)", context))
    case .cloudResizeDone(let seconds):
      applyCloudResizeDone(seconds: seconds, context, &steps)
    case .scaleUpFinished(let group, let seconds):
      let closed = closeScaleUps(group: group, outcome: .succeeded, seconds: seconds, error: nil, context)
      let text = seconds.map { "scale-up of \(group) finished successfully in \(formatSeconds($0))" }
      steps.append(step(.finished, closed.last, group, text ?? "scale-up of \(group) finished", context))
    case .groupInBackoff(let group, _, _):
      // The error it repeats and the backoff are the builder's links; the loop skipped the group.
      beginDecision(context)
      decision.evidence?.add(context)
      decision.skipped.add(group, reason: "in backoff")
    case .maxSizeReached(let group):
      beginDecision(context)
      decision.skipped.add(group, reason: "max size reached")
      decision.evidence?.add(context)
    case .podDoesNotFitGroup(let pod, let group, let reason):
      beginDecision(context)
      decision.evidence?.add(context)
      let entry = "\(group): \(reason)"
      if decision.podReasons[pod] != nil || decision.podReasons.count < ScaleUpEpisode.maximumPods,
        !(decision.podReasons[pod]?.contains(entry) ?? false), (decision.podReasons[pod]?.count ?? 0) < 20
      {
        if decision.podReasons[pod] == nil { decision.podReasonOrder.append(pod) }
        decision.podReasons[pod, default: []].append(entry)
      }
    case .noPodFitsGroup(let group):
      beginDecision(context)
      decision.evidence?.add(context)
      if !decision.noFitGroups.contains(group), decision.noFitGroups.count < NoScaleUp.maximumReasons {
        decision.noFitGroups.append(group)
      }
    case .noExpansionOptions:
      recordNoScaleUp(reason: "No expansion options", context, &steps)
    case .expanderFilteredAll(let validOptions):
      // 1.36+: there were options, the expander chose none; the pods stay without a scale-up.
      recordNoScaleUp(reason: "Expander filtered out all \(validOptions) valid options", context, &steps)
    case .scaleUpSalvoIteration(let iteration, let podsLeft):
      // The first iteration decides for the loop's pods; each later one is a new decision, for the
      // pods the earlier ones did not help, with a plan (and scale-ups) of its own.
      if iteration > 0 {
        decision.reset()
        decision.podCount = podsLeft
      }
      beginDecision(context)
      decision.evidence?.add(context)
    case .podsFound(_, let unschedulable):
      guard unschedulable > 0 else { return }
      if decision.podsConsumed { decision.reset() }
      beginDecision(context)
      decision.foundUnschedulable = unschedulable
    case .scaleUpCappedToClusterMax(let size):
      beginDecision(context)
      decision.evidence?.add(context)
      var capping = decision.capping ?? ScaleUpCapping()
      capping.clusterMaxSize = size
      decision.capping = capping
    case .scaleUpSplit(let groups):
      beginDecision(context)
      decision.evidence?.add(context)
      decision.similarGroups = groups
    case .groupNotReady(let group, let reason):
      beginDecision(context)
      decision.evidence?.add(context)
      decision.skipped.add(group, reason: reason)
    case .similarPodsDoNotFitGroup:
      beginDecision(context)
      decision.evidence?.add(context)
    case .scaleUpCappedByQuota(let group, let requested, let cappedTo):
      beginDecision(context)
      decision.evidence?.add(context)
      var capping = decision.quotaCapping[group] ?? ScaleUpCapping()
      if let requested { capping.quotaRequestedNodes = requested }
      capping.quotaCappedToNodes = cappedTo
      if decision.quotaCapping[group] != nil || decision.quotaCapping.count < ScaleUpEpisode.maximumPods {
        decision.quotaCapping[group] = capping
      }
    case .failedNodesDeleted(let count, let group):
      // The cleanup of instances that never came belongs to the scale-up that asked for them.
      guard let index = lastScaleUpByGroup[group] else { return }
      scaleUps[index].evidence.add(context)
      steps.append(
        step(
          .failure, scaleUps[index].id, group, "removing \(count) instances of \(group) that failed to create", context)
      )
    case .scaleUpReverted(let group, let delta):
      // The builder records the decrease the revert is; here the scale-up it reverts.
      guard let index = lastScaleUpByGroup[group] else { return }
      scaleUps[index].revertedNodes = delta
      scaleUps[index].revertedAt = context.knownTime
      scaleUps[index].evidence.add(context)
      steps.append(
        step(
          .revert, scaleUps[index].id, group,
          "timed-out scale-up of \(group) reverted: target size decreased by \(delta)",
          context))
    case .mainLoopStarted:
      // With iterationIds the loop boundary is the change of id, which the builder notes.
      if case .structured = context.loop {} else { closeDecision() }
    case .noted(let id):
      if id == "loop.contextCancelled" {
        // 1.37+: the loop stopped before scaling; what it said about pods decided nothing.
        decision.reset()
        steps.append(step(.process, nil, nil, "loop skipped scale-up and scale-down: context cancelled", context))
      }
    case .processStarted, .leaseAcquiring, .leadershipLost, .leaderElection, .datedNote, .scaleUpTimedOut,
      .backoffStarted, .scaleUpRevertFailed, .groupSizeDecreasing, .nodeUtilization, .nodeUnneededSince,
      .nodeUnneededFor, .scaleDownEmpty, .scaleDownDrain, .deletionTaintAdded, .unregisteredNodeRemoval,
      .drainFinished, .instanceTerminated, .scaleSetInstancesDeleting, .scaleDownBlocked, .kubernetesEvent, .failure:
      // Not the decision's: a timeout, a backoff or a failure closes a scale-up through the builder's links.
      break
    }
  }

  /// Starts a loop's decision context when none is open.
  mutating func beginDecision(_ context: EventContext) {
    decision.lastAt = context.time
    if decision.startedAt == nil {
      decision.startedAt = context.time
      decision.startedAtKnown = context.hasTime
      decision.windowStart = context.knownTime
      decision.evidence = context.evidence
    }
  }

  private mutating func addPodEvidence(_ context: EventContext) {
    if decision.podEvidence == nil {
      decision.podEvidence = context.evidence
    } else {
      decision.podEvidence?.add(context)
    }
  }

  mutating func expireDecisionIfStale(_ context: EventContext) {
    // Records without a time cannot leave the window; a decision opened by one starts its window
    // at the first record with a time.
    guard decision.startedAt != nil, context.hasTime else { return }
    guard let started = decision.windowStart else {
      decision.windowStart = context.time
      return
    }
    if context.time < started || context.time.yearOffset != started.yearOffset || context.time.month != started.month
      || context.time.day != started.day
      || context.time.microsecondOfDay - started.microsecondOfDay > ScaleUpReducer.decisionWindowMicroseconds
    {
      closeDecision()
    }
  }

  /// Opens a new scale-up episode for `group` with the current loop's pods and decision evidence.
  mutating func newScaleUp(group: String, _ context: EventContext) -> Int {
    var evidence = decision.podEvidence ?? context.evidence
    if decision.podEvidence != nil, let decisionEvidence = decision.evidence { evidence.merge(decisionEvidence) }
    if decision.podEvidence == nil, let decisionEvidence = decision.evidence { evidence = decisionEvidence }
    evidence.add(context)
    var episode = ScaleUpEpisode(id: "up-\(scaleUps.totalCount + 1)", nodeGroup: group, evidence: evidence)
    episode.decidedAt = decision.decidedSeen ? decision.decidedAt : context.knownTime
    if decision.bestOption == group || decision.bestOption == nil { episode.estimate = decision.estimate }
    if !decision.podsConsumed || decision.plannedEpisodes.count > 0 {
      episode.triggeringPods = decision.pods
      // Without the V(1) pod lines, the loop's count of unschedulable pods is all the log says.
      episode.triggeringPodCount = decision.podCount > 0 ? decision.podCount : decision.foundUnschedulable ?? 0
    }
    episode.capping = decision.capping
    if let quota = decision.quotaCapping[group] {
      var capping = episode.capping ?? ScaleUpCapping()
      capping.quotaRequestedNodes = quota.quotaRequestedNodes
      capping.quotaCappedToNodes = quota.quotaCappedToNodes
      episode.capping = capping
    }
    let balancedSet = decision.planGroups.isEmpty ? decision.similarGroups : decision.planGroups
    if balancedSet.contains(group) { episode.balancedWith = balancedSet.filter { $0 != group } }
    let index = add(episode, to: \.scaleUps)
    openScaleUps[group, default: []].append(index)
    EpisodeBuilder.remember(index, group, in: &lastScaleUpByGroup)
    return index
  }

  /// The episode planned for `group` in this loop (or the newest open one of that size), else a new one.
  mutating func plannedOrNewScaleUp(group: String, size: Int, _ context: EventContext) -> Int {
    if let index = openScaleUps[group]?.last(where: { scaleUps[$0].to == size || scaleUps[$0].to == nil }) {
      scaleUps[index].evidence.add(context)
      if scaleUps[index].to == nil { scaleUps[index].to = size }
      return index
    }
    if let index = inferredScaleUp(group: group, size: size, near: context.knownTime) {
      // The resize line of a scale-up a failure, backoff or event showed first: the same attempt.
      scaleUps[index].evidence.add(context)
      scaleUps[index].inferredFrom = nil
      scaleUps[index].fromEventOnly = false
      if scaleUps[index].to == nil { scaleUps[index].to = size }
      return index
    }
    let index = newScaleUp(group: group, context)
    scaleUps[index].to = size
    decision.podsConsumed = true
    return index
  }

  /// Ends every open episode of `group` and returns their ids.
  ///
  /// The printed duration goes to the newest.
  @discardableResult
  mutating func closeScaleUps(
    group: String, outcome: ScaleUpOutcome, seconds: Double?, error: Failure?, _ context: EventContext
  ) -> [String] {
    guard let open = openScaleUps.removeValue(forKey: group), !open.isEmpty else { return [] }
    for index in open {
      scaleUps[index].outcome = outcome
      scaleUps[index].endedAt = context.knownTime
      scaleUps[index].error = error
      scaleUps[index].evidence.add(context)
    }
    if let last = open.last { scaleUps[last].printedDurationSeconds = seconds }
    if let lastRequested, open.contains(lastRequested) { self.lastRequested = nil }
    return open.map { scaleUps[$0].id }
  }

  /// A cloud's confirmation that the size is set ends the scale-up last requested, as a success.
  ///
  /// Old providers (Azure ACS/AKS pools) block in the resize call and log no `finished` line; a second
  /// confirmation (the call's `Time taken`) gives the episode the duration the cloud printed.
  private mutating func applyCloudResizeDone(seconds: Double?, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    if let index = lastRequested, scaleUps[index].isOpen {
      let group = scaleUps[index].nodeGroup
      closeScaleUps(group: group, outcome: .succeeded, seconds: seconds, error: nil, context)
      lastCloudConfirmed = index
      steps.append(step(.finished, scaleUps[index].id, group, "cloud: size of \(group) set", context))
    } else if let index = lastCloudConfirmed {
      scaleUps[index].evidence.add(context)
      if scaleUps[index].printedDurationSeconds == nil { scaleUps[index].printedDurationSeconds = seconds }
    }
  }

  /// Pods of this loop that no scale-up took, with the reasons the loop gave.
  private mutating func recordNoScaleUp(reason: String, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    var reasons = [reason]
    reasons.append(contentsOf: decision.skipped.descriptions)
    reasons.append(contentsOf: decision.noFitGroups.map { "No pod can fit to \($0)" })
    let named = decision.pods
    let unnamed = decision.podCount - named.count
    var subjects = named
    if unnamed > 0 { subjects.append("\(unnamed) other pods") }
    // Without pod lines, the pods the loop's predicate lines named are the ones left unscheduled.
    if subjects.isEmpty { subjects = decision.podReasonOrder }
    if subjects.isEmpty { subjects = ["unschedulable pods"] }
    var evidence = decision.podEvidence ?? context.evidence
    if let decisionEvidence = decision.evidence { evidence.merge(decisionEvidence) }
    evidence.add(context)
    // The group that could not take the pods: the best option, else the only group skipped.
    let noScaleUpGroup = decision.skipped.isEmpty ? nil : decision.bestOption ?? decision.skipped.onlyGroup
    for pod in subjects {
      // Predicate lines may name the pod without its namespace.
      let bareName = pod.split(separator: "/").last.map(String.init) ?? pod
      let podReasons = (decision.podReasons[pod] ?? []) + (bareName != pod ? decision.podReasons[bareName] ?? [] : [])
      let reasons = reasons + podReasons
      if let index = noScaleUpIndex[pod] {
        noScaleUps[index].count += 1
        noScaleUps[index].lastAt = context.knownTime
        noScaleUps[index].evidence.merge(evidence)
        for reason in reasons
        where !noScaleUps[index].reasons.contains(reason) && noScaleUps[index].reasons.count < NoScaleUp.maximumReasons
        {
          noScaleUps[index].reasons.append(reason)
        }
      } else {
        let newEntry =
          NoScaleUp(
            pod: pod, reasons: Array(reasons.prefix(NoScaleUp.maximumReasons)), nodeGroup: noScaleUpGroup,
            firstAt: decision.startedAt == nil ? context.knownTime : decision.startedAtKnown ? decision.startedAt : nil,
            lastAt: context.knownTime, count: 1, evidence: evidence)
        EpisodeBuilder.remember(add(newEntry, to: \.noScaleUps), pod, in: &noScaleUpIndex)
      }
    }
    steps.append(step(.noScaleUp, nil, nil, "no scale-up: " + reasons.joined(separator: "; "), context))
    decision.podsConsumed = true
  }

  /// Remembers the target size the log last showed for `group` (plans, resize lines, decreases).
  mutating func noteKnownSize(_ size: Int, of group: String) {
    if knownSizes[group] == nil, knownSizes.count >= EpisodeBuilder.maximumTrackedKeys {
      knownSizes.removeAll(keepingCapacity: true)
    }
    knownSizes[group] = size
  }

  /// Whether `event` is a record of a loop's decision window: a decision silent for longer than
  /// ``decisionWindowMicroseconds`` ends before it (the lines of a decision's details do not end it).
  static func isWindowed(_ event: Event) -> Bool {
    switch event {
    case .podUnschedulable, .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes, .scaleUpCapped,
      .scaleUpPlan, .scaleUpRequested, .cloudResize, .cloudResizeDone, .scaleUpFinished, .scaleUpTimedOut,
      .backoffStarted, .groupInBackoff, .maxSizeReached, .noExpansionOptions, .podDoesNotFitGroup,
      .scaleUpSalvoIteration, .expanderFilteredAll, .noPodFitsGroup:
      return true
    case .processStarted, .leaseAcquiring, .mainLoopStarted, .leadershipLost, .podsFound, .scaleUpCappedToClusterMax,
      .scaleUpSplit, .failedNodesDeleted, .scaleUpReverted, .groupNotReady, .similarPodsDoNotFitGroup,
      .nodeUtilization, .nodeUnneededSince, .nodeUnneededFor, .scaleDownEmpty, .scaleDownDrain, .deletionTaintAdded,
      .unregisteredNodeRemoval, .drainFinished, .instanceTerminated, .scaleSetInstancesDeleting, .scaleDownBlocked,
      .kubernetesEvent, .failure, .leaderElection, .datedNote, .noted, .scaleUpRevertFailed, .scaleUpCappedByQuota,
      .groupSizeDecreasing:
      return false
    }
  }

  /// Appends to one of the bounded lists; when that drops old entries, forgets their indices.
  mutating func add<Element>(_ element: Element, to list: WritableKeyPath<ScaleUpReducer, EpisodeList<Element>>)
    -> Int
  {
    var dropped: [Element] = []
    let index = self[keyPath: list].append(element) { dropped.append($0) }
    guard !dropped.isEmpty else { return index }
    for case let episode as ScaleUpEpisode in dropped { droppedOutcomes[episode.outcome, default: 0] += 1 }
    let ups = scaleUps
    openScaleUps = openScaleUps.compactMapValues { indices in
      let kept = indices.filter(ups.isKept)
      return kept.isEmpty ? nil : kept
    }
    lastScaleUpByGroup = lastScaleUpByGroup.filter { ups.isKept($0.value) }
    if let lastRequested, !ups.isKept(lastRequested) { self.lastRequested = nil }
    if let lastCloudConfirmed, !ups.isKept(lastCloudConfirmed) { self.lastCloudConfirmed = nil }
    decision.plannedEpisodes = decision.plannedEpisodes.filter(ups.isKept)
    let noScaleUps = noScaleUps
    noScaleUpIndex = noScaleUpIndex.filter { noScaleUps.isKept($0.value) }
    return index
  }
}

/// Seconds as a short human duration: `2m0.79s`, `15m5.5s`, `0.23s`.
///
/// Total: a negative duration prints with a `-`, and one beyond ``GoDuration/maximumSeconds`` as that.
func formatSeconds(_ value: Double) -> String {
  guard value.isFinite else { return "?" }
  let sign = value < 0 ? "-" : ""
  let seconds = min(abs(value), GoDuration.maximumSeconds)
  if seconds < 60 { return sign + trimmed(seconds) + "s" }
  let minutes = Int(seconds / 60)
  let rest = max(0, seconds - Double(minutes * 60))
  if minutes < 60 { return sign + "\(minutes)m" + trimmed(rest) + "s" }
  return sign + "\(minutes / 60)h\(minutes % 60)m" + trimmed(rest) + "s"
}

private func trimmed(_ value: Double) -> String {
  let rounded = (value * 100).rounded() / 100
  if rounded == rounded.rounded() { return String(Int(rounded)) }
  return String(rounded)
}
