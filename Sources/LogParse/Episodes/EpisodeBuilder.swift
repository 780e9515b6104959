/// Rebuilds scale-up and scale-down episodes, failures and backoffs from events: a pure reducer.
///
/// Events go in, in log order, with their context; the builder updates its episodes and returns
/// the steps a live viewer should see. It reads no clock and keeps no reference to input, so the
/// same events always give the same episodes. State per node and per pod is bounded.
///
/// The builder composes one reducer per concern (``ScaleUpReducer``, ``ScaleDownReducer``,
/// ``FindingsReducer``, ``ProcessReducer``), each owning its state, and keeps only what links them:
/// a failure, a timeout or a backoff closes a scale-up, a failure a removal, a Kubernetes event is
/// evidence for another concern, and the year a message's date proves.
struct EpisodeBuilder: Sendable {
  /// Episodes and findings so far, in order of first evidence.
  var scaleUps: EpisodeList<ScaleUpEpisode> { up.scaleUps }
  var scaleDowns: EpisodeList<ScaleDownEpisode> { down.scaleDowns }
  var failures: EpisodeList<Failure> { findings.failures }
  var backoffs: EpisodeList<Backoff> { findings.backoffs }
  var blockedScaleDowns: EpisodeList<BlockedScaleDown> { findings.blockedScaleDowns }
  var noScaleUps: EpisodeList<NoScaleUp> { up.noScaleUps }
  /// Target sizes set back (fixNodeGroupSizes, reverts, a cloud resize below the known size).
  var sizeDecreases: EpisodeList<SizeDecrease> { findings.sizeDecreases }
  /// Outcomes of the episodes dropped to keep memory bounded, so that totals stay exact.
  var droppedScaleUpOutcomes: [ScaleUpOutcome: Int] { up.droppedOutcomes }
  var droppedScaleDownOutcomes: [ScaleDownOutcome: Int] { down.droppedOutcomes }
  var droppedFailureClasses: [FailureClass: Int] { findings.droppedFailureClasses }
  /// The versions, starts, leadership and graceful degradations the log showed.
  var autoscaler: AutoscalerInfo {
    get { process.autoscaler }
    set { process.autoscaler = newValue }
  }

  /// Most entries kept in each per-node or per-key table before the oldest are dropped.
  static let maximumTrackedKeys = 10_000
  /// Most episodes (and findings) of each kind kept in detail; older ones are dropped and counted.
  static let maximumEpisodes = 10_000

  /// Process and input facts: versions, restarts, replicas, leadership, loops.
  var process = ProcessReducer()
  /// Scale-ups, the loop's decision and the pods it left without a scale-up.
  var up = ScaleUpReducer()
  /// Scale-downs and the candidacies of the nodes they remove.
  var down = ScaleDownReducer()
  /// Failures, backoffs, blocked scale-downs and size decreases.
  var findings = FindingsReducer()

  /// Creates an empty builder.
  init() {}

  /// Applies one event and returns the steps it makes visible.
  mutating func apply(_ event: Event, _ context: EventContext) -> [EpisodeStep] {
    var steps: [EpisodeStep] = []
    apply(event, context, into: &steps)
    return steps
  }

  /// Applies one event and appends the steps it makes visible to `steps` (a caller's buffer, so
  /// that the events that show none, nearly all, make and drop no array).
  mutating func apply(_ event: Event, _ context: EventContext, into steps: inout [EpisodeStep]) {
    // The dominant line, outside a structured loop: only the node's candidacy changes (no loop to
    // note, no step, no episode opened), so the routing below would add nothing to it.
    if case .nodeUtilization(let node, let utilization) = event, !Self.isStructured(context.loop) {
      down.noteUtilization(node, utilization, context)
      return
    }
    applyRouted(event, context, into: &steps)
  }

  /// Applies a utilization reading as ``apply(_:_:into:)`` applies its event, without making it
  /// where it would only change the node's candidacy.
  @inline(__always)
  mutating func apply(_ note: UtilizationNote, into steps: inout [EpisodeStep]) {
    guard !Self.isStructured(note.context.loop) else {
      applyRouted(note.event, note.context, into: &steps)
      return
    }
    down.noteUtilization(note.node, note.utilization, note.context)
  }

  /// Whether a utilization reading may be applied ahead of events still to be applied before it,
  /// which touch no candidacy of its node (``applyAhead(_:)``).
  ///
  /// It then changes or adds its node's candidacy alone, as ``apply(_:into:)`` would.
  /// `possibleInsertions` is how many candidacies those events may insert: with this one, they
  /// may not fill the table, which would empty it. A reading of a loop named by an `iterationId`
  /// may not (its loop's bookkeeping comes first); `loop` is the reading's.
  @inline(__always)
  func mayApplyAhead(loop: LoopId?, possibleInsertions: Int) -> Bool {
    !Self.isStructured(loop) && mayInsertCandidacy(besides: possibleInsertions)
  }

  /// Whether one more candidacy, besides `possibleInsertions` others, would not fill the table (a
  /// full one is emptied).
  @inline(__always)
  func mayInsertCandidacy(besides possibleInsertions: Int) -> Bool {
    down.candidacies.count + possibleInsertions + 1 < Self.maximumTrackedKeys
  }

  /// Looks `name`'s candidacy up by the previous loop's order (``NameKeyedTable/predict(_:)``),
  /// so that its hash and entry are known when found.
  @inline(__always)
  func predictCandidacy(_ name: inout LineName) {
    down.candidacies.predict(&name)
  }

  /// Applies a utilization reading that ``mayApplyAhead(loop:possibleInsertions:)`` allows.
  @inline(__always)
  mutating func applyAhead(_ note: UtilizationNote) {
    applyAhead(note.node, nameHash: note.nameHash, note.utilization, note.context)
  }

  /// ``applyAhead(_:)`` for a reading given by its parts.
  @inline(__always)
  mutating func applyAhead(_ node: String, nameHash: UInt64, _ utilization: Double, _ context: EventContext) {
    down.noteUtilization(node, nameHash: nameHash, utilization, context)
  }

  /// ``applyAhead(_:)`` for a reading whose node is given by its name's bytes, and the string
  /// when no candidacy has that name (``ScaleDownReducer/noteUtilization(name:node:_:_:)``).
  @inline(__always)
  mutating func applyAhead(
    name: inout LineName, node: (_ hash: UInt64) -> String, _ utilization: Double, _ context: EventContext
  ) {
    down.noteUtilization(name: &name, node: node, utilization, context)
  }

  /// Applies one event through the reducers of its concern.
  private mutating func applyRouted(_ event: Event, _ context: EventContext, into steps: inout [EpisodeStep]) {
    if process.noteIteration(context), !process.decisionOpensThisLoop(startedAt: up.decision.startedAt) {
      up.closeDecision()
    }
    process.noteIdentifiedTime(context)
    let episodesBefore = up.scaleUps.totalCount + down.scaleDowns.totalCount
    switch event {
    case .processStarted, .leaseAcquiring, .leaderElection, .leadershipLost:
      process.apply(event, context, &steps)
    case .mainLoopStarted:
      process.apply(event, context, &steps)
      up.apply(event, context, &steps)
    case .podsFound, .podUnschedulable, .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes,
      .scaleUpCapped, .scaleUpCappedToClusterMax, .scaleUpSplit, .scaleUpPlan, .scaleUpRequested, .cloudResizeDone,
      .scaleUpFinished, .failedNodesDeleted, .maxSizeReached, .groupNotReady, .podDoesNotFitGroup,
      .similarPodsDoNotFitGroup, .noExpansionOptions, .scaleUpSalvoIteration, .expanderFilteredAll,
      .scaleUpCappedByQuota, .noPodFitsGroup, .noted:
      up.apply(event, context, &steps)
    case .cloudResize(let group, let size):
      applyCloudResize(group: group, size: size, event, context, &steps)
    case .scaleUpTimedOut(let group, let seconds):
      timeOutScaleUp(group: group, seconds: seconds, context, &steps)
    case .backoffStarted:
      startBackoff(event, context, &steps)
    case .groupInBackoff:
      noteGroupInBackoff(event, context, &steps)
    case .scaleUpReverted(let group, let delta):
      revertScaleUp(group: group, delta: delta, event, context, &steps)
    case .scaleUpRevertFailed(let group, let detail):
      applyRevertFailure(group: group, detail, context, &steps)
    case .groupSizeDecreasing(let group, _, let to):
      findings.apply(event, context, &steps)
      up.noteKnownSize(to, of: group)
    case .nodeUtilization, .nodeUnneededSince, .nodeUnneededFor, .scaleDownEmpty, .scaleDownDrain,
      .unregisteredNodeRemoval,
      .deletionTaintAdded, .drainFinished, .instanceTerminated, .scaleSetInstancesDeleting:
      down.apply(event, context, &steps)
    case .scaleDownBlocked:
      findings.apply(event, context, &steps)
    case .kubernetesEvent(let kubeEvent):
      applyKubernetesEvent(kubeEvent, context, &steps)
    case .failure(let detail):
      applyFailure(detail, context, &steps)
    case .datedNote:
      // Its date is evidence of the year, which the parser keeps (``MessageYears``).
      process.apply(event, context, &steps)
    }
    // An episode opened: its process acts as the leader.
    if up.scaleUps.totalCount + down.scaleDowns.totalCount != episodesBefore { process.noteActing(context) }
  }

  /// Whether a record's loop is named by an `iterationId`.
  @inline(__always)
  private static func isStructured(_ loop: LoopId?) -> Bool {
    loop?.isStructured ?? false
  }

  /// The pods without a scale-up, counting those of the loop still open at the end of the log.
  var noScaleUpsAtEnd: EpisodeList<NoScaleUp> { up.noScaleUpsAtEnd }

  /// The replicas, in order of source and stream.
  var replicaList: [Replica] { process.replicaList }

  /// Whether the log shows a leader: a lease acquired, or loops and episodes only a leader runs.
  var logShowsLeader: Bool? { process.logShowsLeader }

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
    findings.record(failure)
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

extension EpisodeBuilder {
  /// Whether a cloud resize of `group` to `size` sets the group back below the size the log last showed.
  func isDecrease(_ group: String, to size: Int, at time: LogTime?) -> Bool {
    findings.isDecrease(group, to: size, at: time, known: up.knownSizes[group])
  }

  /// Records a target-size decrease of `group` (or adds a line to the one it echoes), the group's known size now.
  mutating func recordSizeDecrease(
    group: String, from: Int?, to: Int?, reason: SizeDecrease.Reason?, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    findings.recordSizeDecrease(group: group, from: from, to: to, reason: reason, context, &steps)
    if let to { up.noteKnownSize(to, of: group) }
  }
}
