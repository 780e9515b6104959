/// Rebuilds scale-up and scale-down episodes, failures and backoffs from events: a pure reducer.
///
/// Events go in, in log order, with their context; the builder updates its episodes and returns
/// the steps a live viewer should see. It reads no clock and keeps no reference to input, so the
/// same events always give the same episodes. State per node and per pod is bounded.
public struct EpisodeBuilder: Sendable {
  /// Episodes and findings so far, in order of first evidence.
  public internal(set) var scaleUps = EpisodeList<ScaleUpEpisode>(capacity: maximumEpisodes)
  public internal(set) var scaleDowns: EpisodeList<ScaleDownEpisode> {
    get { down.scaleDowns }
    _modify { yield &down.scaleDowns }
  }
  public internal(set) var failures: EpisodeList<Failure> {
    get { findings.failures }
    _modify { yield &findings.failures }
  }
  public var backoffs: EpisodeList<Backoff> { findings.backoffs }
  public var blockedScaleDowns: EpisodeList<BlockedScaleDown> { findings.blockedScaleDowns }
  public internal(set) var noScaleUps = EpisodeList<NoScaleUp>(capacity: maximumEpisodes)
  /// Target sizes set back (fixNodeGroupSizes, reverts, a cloud resize below the known size).
  public var sizeDecreases: EpisodeList<SizeDecrease> { findings.sizeDecreases }
  /// Outcomes of the episodes dropped to keep memory bounded, so that totals stay exact.
  public internal(set) var droppedScaleUpOutcomes: [ScaleUpOutcome: Int] = [:]
  public var droppedScaleDownOutcomes: [ScaleDownOutcome: Int] { down.droppedOutcomes }
  public var droppedFailureClasses: [FailureClass: Int] { findings.droppedFailureClasses }
  /// The versions, starts, leadership and graceful degradations the log showed.
  public internal(set) var autoscaler: AutoscalerInfo {
    get { process.autoscaler }
    set { process.autoscaler = newValue }
  }
  /// A base year proven by a full date inside a message (`unneeded since 2019-09-27 …`).
  public internal(set) var messageBaseYear: Int?
  /// Per source, the base year its own first full date proves.
  public internal(set) var messageBaseYearBySource: [Int: Int] = [:]

  /// Most entries kept in each per-node or per-key table before the oldest are dropped.
  public static let maximumTrackedKeys = 10_000
  /// Most episodes (and findings) of each kind kept in detail; older ones are dropped and counted.
  public static let maximumEpisodes = 10_000

  var openScaleUps: [String: [Int]] = [:]
  var decision = DecisionContext()
  var lastRequested: Int?
  /// The scale-up a cloud confirmation (`Target size set done`) ended last, for the confirmation that follows.
  var lastCloudConfirmed: Int?
  var noScaleUpIndex: [String: Int] = [:]
  /// The target size the log last showed, per group (for telling a decrease from a scale-up).
  var knownSizes: [String: Int] = [:]
  var lastScaleUpByGroup: [String: Int] = [:]
  var scaleUpCount = 0
  /// Process and input facts: versions, restarts, replicas, leadership, loops.
  var process = ProcessReducer()
  /// Scale-downs and the candidacies of the nodes they remove.
  var down = ScaleDownReducer()
  /// Failures, backoffs, blocked scale-downs and size decreases.
  var findings = FindingsReducer()

  /// Creates an empty builder.
  public init() {}

  /// Applies one event and returns the steps it makes visible.
  public mutating func apply(_ event: Event, _ context: EventContext) -> [EpisodeStep] {
    var steps: [EpisodeStep] = []
    if autoscaler.cloudProvider == nil { autoscaler.cloudProvider = EpisodeBuilder.cloudProvider(shownBy: event) }
    if process.noteIteration(context), !process.decisionOpensThisLoop(startedAt: decision.startedAt) {
      closeDecision()
    }
    process.noteIdentifiedTime(context)
    let episodesBefore = scaleUps.totalCount + scaleDowns.totalCount
    switch event {
    case .processStarted, .leaseAcquiring, .leaderElection, .leadershipLost:
      process.apply(event, context, &steps)
    case .mainLoopStarted:
      process.apply(event, context, &steps)
      // With iterationIds the loop boundary is the change of id, noted above.
      if case .structured = context.loop {} else { closeDecision() }
    case .podUnschedulable, .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes,
      .scaleUpCapped, .scaleUpPlan, .scaleUpRequested, .cloudResize, .cloudResizeDone, .scaleUpFinished,
      .scaleUpTimedOut,
      .backoffStarted, .groupInBackoff, .maxSizeReached, .noExpansionOptions, .podDoesNotFitGroup,
      .scaleUpSalvoIteration, .expanderFilteredAll, .noPodFitsGroup:
      applyScaleUp(event, context, &steps)
    case .groupSizeDecreasing(let group, _, let to):
      findings.apply(event, context, &steps)
      noteKnownSize(to, of: group)
    case .nodeUnneededSince(_, let since, _):
      if let since { noteMessageDate(since, context) }
      down.apply(event, context, &steps)
    case .nodeUtilization, .nodeUnneededFor, .scaleDownEmpty, .scaleDownDrain, .unregisteredNodeRemoval,
      .deletionTaintAdded, .drainFinished, .instanceTerminated, .scaleSetInstancesDeleting:
      down.apply(event, context, &steps)
    case .scaleDownBlocked:
      findings.apply(event, context, &steps)
    case .kubernetesEvent(let kubeEvent):
      applyKubernetesEvent(kubeEvent, context, &steps)
    case .failure(let detail):
      applyFailure(detail, context, &steps)
    case .datedNote(_, let date, _):
      noteMessageDate(date, context)
      process.apply(event, context, &steps)
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
    // An episode opened: its process acts as the leader.
    if scaleUps.totalCount + scaleDowns.totalCount != episodesBefore { process.noteActing(context) }
    return steps
  }

  /// Notes the start or end of graceful degradation (1.37+ events), as a period of the autoscaler.
  mutating func applyGracefulDegradation(
    started: Bool, _ message: String, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    process.applyGracefulDegradation(started: started, message, context, &steps)
  }

  /// The replicas, in order of source and stream.
  public var replicaList: [Replica] { process.replicaList }

  /// Whether the log shows a leader: a lease acquired, or loops and episodes only a leader runs.
  public var logShowsLeader: Bool? { process.logShowsLeader }

  /// The cloud provider an event can only come from, if any.
  static func cloudProvider(shownBy event: Event) -> String? {
    switch event {
    case .cloudResize, .instanceTerminated: return "aws"
    case .scaleSetInstancesDeleting, .cloudResizeDone: return "azure"
    default: return nil
    }
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

  /// Notes a full date from a message as evidence of the log's year.
  ///
  /// The first date of each source is also kept for that source alone (``messageBaseYearBySource``):
  /// files from different times each resolve their own year.
  mutating func noteMessageDate(_ date: FullTime, _ context: EventContext) {
    guard messageBaseYear == nil || messageBaseYearBySource[context.source] == nil else { return }
    let (year, month, _) = date.date
    var recordYear = year
    // A record without a time (a kubectl event's age) dates nothing: the message's year is taken as is.
    let recordMonth = context.time.isKnown ? Int(context.time.month) : month
    if month - recordMonth >= 6 { recordYear += 1 }
    if recordMonth - month >= 6 { recordYear -= 1 }
    let base = recordYear - Int(context.time.yearOffset)
    if messageBaseYear == nil { messageBaseYear = base }
    if messageBaseYearBySource[context.source] == nil, messageBaseYearBySource.count < EpisodeBuilder.maximumTrackedKeys
    {
      messageBaseYearBySource[context.source] = base
    }
  }

  /// Records a failure, folding it into an earlier identical one; returns its index.
  @discardableResult
  mutating func record(_ failure: Failure) -> Int {
    if autoscaler.cloudProvider == nil { autoscaler.cloudProvider = EpisodeBuilder.cloudProvider(shownBy: failure) }
    return findings.record(failure)
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
  }

  /// Removes indices of dropped entries from every lookup table.
  private mutating func forgetDroppedIndices() {
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
  }

  /// Remembers `index` under `key` in a bounded table.
  static func remember(_ index: Int, _ key: String, in table: inout [String: Int]) {
    if table[key] == nil, table.count >= maximumTrackedKeys { table.removeAll(keepingCapacity: true) }
    table[key] = index
  }

  /// A failure built from an error message.
  func makeFailure(
    _ message: String, operation: FailureOperation?, nodeGroup: String?, node: String?, fatal: Bool,
    _ context: EventContext
  ) -> Failure {
    let result = FailureClassifier.classify(message, fallbackGroup: nodeGroup)
    // What no entry stated, the words around the error may.
    return Failure(
      failureClass: result.failureClass, code: result.code, action: result.action, principal: result.principal,
      nodeGroup: result.nodeGroup ?? FailureWords.nodeGroup(in: message), node: node ?? FailureWords.node(in: message),
      operation: operation ?? FailureWords.operation(in: message), fatal: fatal,
      message: message, firstAt: context.knownTime, lastAt: context.knownTime, count: 1, evidence: context.evidence)
  }
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

extension EpisodeBuilder {
  /// Remembers the target size the log last showed for `group` (plans, resize lines, decreases).
  mutating func noteKnownSize(_ size: Int, of group: String) {
    if knownSizes[group] == nil, knownSizes.count >= EpisodeBuilder.maximumTrackedKeys {
      knownSizes.removeAll(keepingCapacity: true)
    }
    knownSizes[group] = size
  }

  /// Whether a cloud resize of `group` to `size` sets the group back below the size the log last showed.
  func isDecrease(_ group: String, to size: Int, at time: LogTime?) -> Bool {
    findings.isDecrease(group, to: size, at: time, known: knownSizes[group])
  }

  /// Records a target-size decrease of `group` (or adds a line to the one it echoes), the group's known size now.
  mutating func recordSizeDecrease(
    group: String, from: Int?, to: Int?, reason: SizeDecrease.Reason?, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    findings.recordSizeDecrease(group: group, from: from, to: to, reason: reason, context, &steps)
    if let to { noteKnownSize(to, of: group) }
  }
}
