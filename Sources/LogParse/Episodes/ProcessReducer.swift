/// Process and input facts: versions, starts and restarts, replicas, leadership and loops.
///
/// Knows nothing of episodes: the builder tells it when a process acts as the leader (it opened an
/// episode) and asks it where a structured loop begins.
struct ProcessReducer: EpisodeReducer, Sendable {
  /// The versions, starts, leadership and graceful degradations the log showed.
  var autoscaler = AutoscalerInfo()
  /// The start of the process that wrote the latest monotonic clock reading.
  var impliedProcessStart: FullTime?
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

  mutating func apply(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
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
    case .leadershipLost:
      // Old client-go logs `failed to renew lease` while a standby retries: without a lease it acquired, it waits.
      if !(replicas[context.replica]?.acquired ?? (context.stream == 0 && autoscaler.isLeader == true)) {
        noteLeaderElection(acquired: false, context)
      }
      steps.append(step(.process, nil, nil, "leadership lost", context))
    case .datedNote(_, _, let processStart):
      if let processStart { noteProcessStart(processStart, context) }
    case .podsFound, .podUnschedulable, .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes,
      .scaleUpCapped, .scaleUpCappedToClusterMax, .scaleUpSplit, .scaleUpPlan, .scaleUpRequested, .cloudResize,
      .cloudResizeDone, .scaleUpFinished, .scaleUpTimedOut, .failedNodesDeleted, .scaleUpReverted, .backoffStarted,
      .groupInBackoff, .maxSizeReached, .groupNotReady, .podDoesNotFitGroup, .similarPodsDoNotFitGroup,
      .noExpansionOptions, .nodeUtilization, .nodeUnneededSince, .nodeUnneededFor, .scaleDownEmpty, .scaleDownDrain,
      .deletionTaintAdded, .unregisteredNodeRemoval, .drainFinished, .instanceTerminated, .scaleSetInstancesDeleting,
      .scaleDownBlocked, .kubernetesEvent, .failure, .noted, .scaleUpRevertFailed, .scaleUpSalvoIteration,
      .expanderFilteredAll, .scaleUpCappedByQuota, .groupSizeDecreasing, .noPodFitsGroup:
      // Not process facts (an episode the builder opens tells ``noteActing(_:)`` itself).
      break
    }
  }
}
