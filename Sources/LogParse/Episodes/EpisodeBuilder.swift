/// Rebuilds scale-up and scale-down episodes, failures and backoffs from events: a pure reducer.
///
/// Events go in, in log order, with their context; the builder updates its episodes and returns
/// the steps a live viewer should see. It reads no clock and keeps no reference to input, so the
/// same events always give the same episodes. State per node and per pod is bounded.
public struct EpisodeBuilder: Sendable {
  /// Episodes and findings so far, in order of first evidence.
  public internal(set) var scaleUps = EpisodeList<ScaleUpEpisode>(capacity: maximumEpisodes)
  public internal(set) var scaleDowns = EpisodeList<ScaleDownEpisode>(capacity: maximumEpisodes)
  public internal(set) var failures = EpisodeList<Failure>(capacity: maximumEpisodes)
  public internal(set) var backoffs = EpisodeList<Backoff>(capacity: maximumEpisodes)
  public internal(set) var blockedScaleDowns = EpisodeList<BlockedScaleDown>(capacity: maximumEpisodes)
  public internal(set) var noScaleUps = EpisodeList<NoScaleUp>(capacity: maximumEpisodes)
  /// Target sizes set back (fixNodeGroupSizes, reverts, a cloud resize below the known size).
  public internal(set) var sizeDecreases = EpisodeList<SizeDecrease>(capacity: maximumEpisodes)
  /// Outcomes of the episodes dropped to keep memory bounded, so that totals stay exact.
  public internal(set) var droppedScaleUpOutcomes: [ScaleUpOutcome: Int] = [:]
  public internal(set) var droppedScaleDownOutcomes: [ScaleDownOutcome: Int] = [:]
  public internal(set) var droppedFailureClasses: [FailureClass: Int] = [:]
  public internal(set) var autoscaler = AutoscalerInfo()

  /// Most entries kept in each per-node or per-key table before the oldest are dropped.
  public static let maximumTrackedKeys = 10_000
  /// Most episodes (and findings) of each kind kept in detail; older ones are dropped and counted.
  public static let maximumEpisodes = 10_000

  var openScaleUps: [String: [Int]] = [:]
  var openScaleDowns: [String: Int] = [:]
  var candidacies: [String: NodeCandidacy] = [:]
  var decision = DecisionContext()
  var lastRequested: Int?
  /// The scale-up a cloud confirmation (`Target size set done`) ended last, for the confirmation that follows.
  var lastCloudConfirmed: Int?
  /// The start of the process that wrote the latest monotonic clock reading.
  var impliedProcessStart: FullTime?
  var failureIndex: [Failure.FoldKey: Int] = [:]
  var blockedIndex: [BlockKey: Int] = [:]
  var noScaleUpIndex: [String: Int] = [:]
  var openBackoffs: [String: Int] = [:]
  /// The target size the log last showed, per group (for telling a decrease from a scale-up).
  var knownSizes: [String: Int] = [:]
  var lastSizeDecrease: [String: Int] = [:]
  var lastScaleUpByGroup: [String: Int] = [:]
  var lastScaleDownByNode: [String: Int] = [:]
  var scaleUpCount = 0
  var scaleDownCount = 0
  /// The time of the latest record that carried an `iterationId`.
  var lastIdentifiedTime: LogTime?
  /// Each process's structured loops (see ``noteIteration(_:)``); one entry per source and stream.
  var loopProcesses: [Int: LoopProcess] = [:]
  /// The processes of interleaved logs, per source and stream (see ``EventContext/replica``).
  var replicas: [Int: Replica] = [:]
  /// Whether any line showed a process acting as the leader (loops, episodes).
  var actingSeen = false
  /// Whether a new `iterationId` hash counted a restart the monotonic clock has not shown yet.
  var restartCountedByIteration = false

  /// Creates an empty builder.
  public init() {}

  /// Applies one event and returns the steps it makes visible.
  public mutating func apply(_ event: Event, _ context: EventContext) -> [EpisodeStep] {
    var steps: [EpisodeStep] = []
    if noteIteration(context), !decisionOpensThisLoop { closeDecision() }
    if case .structured = context.loop { lastIdentifiedTime = context.time }
    switch event {
    case .processStarted(let version):
      autoscaler.addVersion(version)
      countStart(context.time, context)
      noteStartCounted(context.replica)
      steps.append(step(.process, nil, nil, "Cluster Autoscaler \(version) started", context))
    case .leaseAcquiring:
      if noteStartSignal(context) {
        steps.append(step(.process, nil, nil, "process started (leader election)", context))
      }
    case .leaderElection(let acquired):
      noteLeaderElection(acquired: acquired, context)
    case .mainLoopStarted:
      noteActing(context)
      // With iterationIds the loop boundary is the change of id, noted above.
      if case .structured = context.loop {} else { closeDecision() }
    case .podUnschedulable, .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes,
      .scaleUpCapped, .scaleUpPlan, .scaleUpRequested, .cloudResize, .cloudResizeDone, .scaleUpFinished,
      .scaleUpTimedOut,
      .backoffStarted, .groupInBackoff, .maxSizeReached, .noExpansionOptions, .podDoesNotFitGroup,
      .scaleUpSalvoIteration, .expanderFilteredAll, .noPodFitsGroup:
      applyScaleUp(event, context, &steps)
    case .groupSizeDecreasing(let group, let from, let to):
      recordSizeDecrease(group: group, from: from, to: to, reason: .fixNodeGroupSizes, context, &steps)
    case .nodeUtilization, .nodeUnneededSince, .nodeUnneededFor, .scaleDownEmpty, .scaleDownDrain,
      .unregisteredNodeRemoval,
      .deletionTaintAdded, .drainFinished, .instanceTerminated, .scaleSetInstancesDeleting, .scaleDownBlocked:
      applyScaleDown(event, context, &steps)
    case .kubernetesEvent(let kubeEvent):
      applyKubernetesEvent(kubeEvent, context, &steps)
    case .failure(let detail):
      applyFailure(detail, context, &steps)
    case .datedNote(_, _, let processStart):
      // Its date is evidence of the year, which the parser keeps (``MessageYears``).
      if let processStart { noteProcessStart(processStart, context) }
    case .leadershipLost:
      // Old client-go logs `failed to renew lease` while a standby retries: without a lease it acquired, it waits.
      if !(replicas[context.replica]?.acquired ?? (context.stream == 0 && autoscaler.isLeader == true)) {
        noteLeaderElection(acquired: false, context)
      }
      steps.append(step(.process, nil, nil, "leadership lost", context))
    case .podsFound, .scaleUpCappedToClusterMax, .scaleUpSplit, .scaleUpReverted, .failedNodesDeleted, .groupNotReady,
      .similarPodsDoNotFitGroup, .scaleUpRevertFailed, .scaleUpCappedByQuota:
      applyScaleUpDetail(event, context, &steps)
    case .noted(let id):
      if id == "loop.contextCancelled" {
        // 1.37+: the loop stopped before scaling; what it said about pods decided nothing.
        decision.reset()
        steps.append(step(.process, nil, nil, "loop skipped scale-up and scale-down: context cancelled", context))
      }
    }
    return steps
  }

  /// The cloud provider a failure can only come from (an AWS ARN or IAM action), if any.
  static func cloudProvider(shownBy failure: Failure) -> String? {
    let awsServices = ["autoscaling:", "ec2:", "sts:", "iam:", "eks:"]
    if failure.principal?.hasPrefix("arn:aws") == true { return "aws" }
    if let action = failure.action, awsServices.contains(where: { action.hasPrefix($0) }) { return "aws" }
    return nil
  }

  /// Builds a step.
  func step(
    _ kind: EpisodeStep.Kind, _ episodeId: String?, _ subject: String?, _ summary: String, _ context: EventContext
  ) -> EpisodeStep {
    EpisodeStep(
      kind: kind, episodeId: episodeId, subject: subject, summary: summary, time: context.time,
      hasTime: context.hasTime,
      source: context.source, line: context.lines.lowerBound)
  }

  /// Records a failure, folding it into an earlier identical one; returns its index.
  @discardableResult
  mutating func record(_ failure: Failure) -> Int {
    if autoscaler.cloudProvider == nil { autoscaler.cloudProvider = EpisodeBuilder.cloudProvider(shownBy: failure) }
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

  /// Appends to one of the bounded lists; when that drops old entries, forgets their indices.
  mutating func add<Element>(_ element: Element, to list: WritableKeyPath<EpisodeBuilder, EpisodeList<Element>>) -> Int
  {
    let before = self[keyPath: list].droppedCount
    var dropped: [Element] = []
    let index = self[keyPath: list].append(element) { dropped.append($0) }
    if self[keyPath: list].droppedCount != before {
      for element in dropped { countDropped(element) }
      forgetDroppedIndices()
    }
    return index
  }

  private mutating func countDropped(_ element: some Sendable) {
    if let up = element as? ScaleUpEpisode { droppedScaleUpOutcomes[up.outcome, default: 0] += 1 }
    if let down = element as? ScaleDownEpisode { droppedScaleDownOutcomes[down.outcome, default: 0] += 1 }
    if let failure = element as? Failure { droppedFailureClasses[failure.failureClass, default: 0] += 1 }
  }

  /// Removes indices of dropped entries from every lookup table.
  private mutating func forgetDroppedIndices() {
    let ups = scaleUps
    let downs = scaleDowns
    openScaleUps = openScaleUps.compactMapValues { indices in
      let kept = indices.filter(ups.isKept)
      return kept.isEmpty ? nil : kept
    }
    openScaleDowns = openScaleDowns.filter { downs.isKept($0.value) }
    lastScaleUpByGroup = lastScaleUpByGroup.filter { ups.isKept($0.value) }
    lastScaleDownByNode = lastScaleDownByNode.filter { downs.isKept($0.value) }
    if let lastRequested, !ups.isKept(lastRequested) { self.lastRequested = nil }
    if let lastCloudConfirmed, !ups.isKept(lastCloudConfirmed) { self.lastCloudConfirmed = nil }
    decision.plannedEpisodes = decision.plannedEpisodes.filter(ups.isKept)
    let failures = failures
    failureIndex = failureIndex.filter { failures.isKept($0.value) }
    let blocked = blockedScaleDowns
    blockedIndex = blockedIndex.filter { blocked.isKept($0.value) }
    let noScaleUps = noScaleUps
    noScaleUpIndex = noScaleUpIndex.filter { noScaleUps.isKept($0.value) }
    let backoffs = backoffs
    openBackoffs = openBackoffs.filter { backoffs.isKept($0.value) }
    let decreases = sizeDecreases
    lastSizeDecrease = lastSizeDecrease.filter { decreases.isKept($0.value) }
  }

  /// Remembers `index` under `key` in a bounded table.
  static func remember(_ index: Int, _ key: String, in table: inout [String: Int]) {
    if table[key] == nil, table.count >= maximumTrackedKeys { table.removeAll(keepingCapacity: true) }
    table[key] = index
  }

  /// The failure of a classified error record; a scale-up failure that names no group is given
  /// `fallbackGroup` (the scale-up open when it came) before the one its words only suggest.
  func makeFailure(_ detail: FailureDetail, fallbackGroup: String? = nil, _ context: EventContext) -> Failure {
    let reading = detail.reading
    return Failure(
      failureClass: reading.failureClass, code: reading.code, action: reading.action, principal: reading.principal,
      nodeGroup: reading.nodeGroup ?? fallbackGroup ?? reading.guessedNodeGroup, node: reading.node,
      operation: reading.operation, fatal: detail.fatal, message: detail.message, firstAt: context.knownTime,
      lastAt: context.knownTime, count: 1, evidence: context.evidence)
  }

  /// A scale-up failure the builder states itself (a timeout, a backoff): its class and code are
  /// known, `message` only describes it.
  func composedFailure(
    _ message: String, failureClass: FailureClass, code: String?, group: String, _ context: EventContext
  ) -> Failure {
    Failure(
      failureClass: failureClass, code: code, action: nil, principal: nil, nodeGroup: group, node: nil,
      operation: .scaleUp, fatal: false, message: message, firstAt: context.knownTime, lastAt: context.knownTime,
      count: 1, evidence: context.evidence)
  }
}

/// What is known about a node being considered for removal.
struct NodeCandidacy: Hashable, Sendable {
  var utilization: Double?
  var unneededSince: FullTime?
  var unneededSeconds: Double?
  var evidence: Evidence?
}

/// What one autoscaler loop has said so far about a possible scale-up.
struct DecisionContext: Hashable, Sendable {
  var pods: [String] = []
  var podCount = 0
  var podsConsumed = false
  var podEvidence: Evidence?
  var bestOption: String?
  var estimate: Int?
  var startedAt: LogTime?
  /// Whether ``startedAt`` was read from its record (else it only places the decision in time).
  var startedAtKnown = true
  /// The first readable time of the decision's records: where its time window starts.
  var windowStart: LogTime?
  /// Whether a decision line was seen: ``decidedAt`` is its time, null when it had none.
  var decidedSeen = false
  /// The first decision line (best option, estimate, plan): when the scale-up was decided.
  var decidedAt: LogTime?
  var evidence: Evidence?
  /// The groups the loop skipped and why, capped.
  var skipped = SkippedGroups()
  /// How the decision was capped (`Requested scale-up (6) exceeds …`, `Capping size to max cluster total size`).
  var capping: ScaleUpCapping?
  /// The similar groups the decision was split between (`Splitting scale-up between …`).
  var similarGroups: [String] = []
  /// The groups of the loop's plan, when it resizes several.
  var planGroups: [String] = []
  /// Per group, how resource quotas cut its scale-up (`Only N nodes can be added …`, `Capping scale-up of …`).
  var quotaCapping: [String: ScaleUpCapping] = [:]
  /// The unschedulable pods the loop found (`Found N pods in the cluster: … U unschedulable`).
  var foundUnschedulable: Int?
  /// Why each pod (of the first few) fits no group: `GROUP: reason`.
  var podReasons: [String: [String]] = [:]
  /// The pods of ``podReasons``, in the order the log named them.
  var podReasonOrder: [String] = []
  /// The groups no pod of the loop fits (`No pod can fit to GROUP`), capped.
  var noFitGroups: [String] = []
  /// The latest line of the decision.
  var lastAt: LogTime?
  var plannedEpisodes: [Int] = []

  mutating func reset() { self = DecisionContext() }

  /// Notes a decision line: the first one's time (null when unreadable) is when it was decided.
  mutating func noteDecided(_ context: EventContext) {
    guard !decidedSeen else { return }
    decidedSeen = true
    decidedAt = context.knownTime
  }
}

/// What makes two blocked scale-downs the same finding.
struct BlockKey: Hashable, Sendable {
  var node: String
  var reason: BlockReason
  var pod: String?
}
