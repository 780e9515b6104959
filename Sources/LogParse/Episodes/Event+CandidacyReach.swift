/// Which node candidacies of the scale-down reducer an event may change or read when applied.
enum CandidacyReach: Equatable {
  /// None: the event changes no candidacy.
  case none
  /// Only the candidacy of this node (it may add, change or remove that one).
  case node(String)
  /// Any of them: the node is found when the event is applied.
  case any
}

extension EventOf where Name == String {
  /// The candidacies the episode builder's routing of this event may touch (``CandidacyReach``).
  ///
  /// It follows ``EpisodeBuilder``'s routing: the events the scale-down reducer applies by node
  /// touch that node's candidacy (and may insert one, which can empty a full table); a failed
  /// removal and a Kubernetes event of a removal find their node when applied, so they may touch
  /// any. Every other event (an instance's termination ends an open removal) touches none.
  var candidacyReach: CandidacyReach {
    switch self {
    case .nodeUtilization(let node, _), .nodeUnneededSince(let node, _, _), .nodeUnneededFor(let node, _),
      .scaleDownEmpty(let node), .scaleDownDrain(let node, _, _), .deletionTaintAdded(let node),
      .unregisteredNodeRemoval(let node), .drainFinished(let node):
      return .node(node)
    case .failure(let detail):
      // A failed removal's node may come from the failure's words, read when it is applied.
      return detail.operation == .scaleDown || detail.operation == .unregisteredRemoval ? .any : .none
    case .kubernetesEvent(let event):
      switch event.meaning {
      case .scaleDown, .unregisteredNodeRemoved, .unregisteredNodeRemovalFailed: return .any
      case .groupResized, .scaleUpTriggered, .scaleUpFailed, .scaleUpTimedOut, .scaleUpNotTriggered, .revertFailed,
        .gracefulDegradation, .unread:
        return .none
      }
    case .processStarted, .leaseAcquiring, .mainLoopStarted, .leadershipLost, .podsFound, .podUnschedulable,
      .otherPodsUnschedulable, .upcomingNodes, .bestOption, .estimatedNodes, .scaleUpCapped,
      .scaleUpCappedToClusterMax, .scaleUpSplit, .scaleUpPlan, .scaleUpRequested, .cloudResize, .cloudResizeDone,
      .scaleUpFinished, .scaleUpTimedOut, .instanceTerminated, .scaleSetInstancesDeleting, .failedNodesDeleted,
      .scaleUpReverted, .backoffStarted, .groupInBackoff,
      .maxSizeReached, .groupNotReady, .podDoesNotFitGroup, .similarPodsDoNotFitGroup, .noExpansionOptions,
      .scaleDownBlocked, .leaderElection, .datedNote, .noted, .scaleUpRevertFailed, .scaleUpSalvoIteration,
      .expanderFilteredAll, .scaleUpCappedByQuota, .groupSizeDecreasing, .noPodFitsGroup:
      return .none
    }
  }

  /// The node whose candidacy is all this event changes when applied outside a structured loop,
  /// for the events that change nothing else: a utilization reading and the unneeded lines (the
  /// first unneeded line of a node also makes a step, ``ScaleDownReducer/makesStep(_:)``).
  var candidacyOnlyNode: String? {
    switch self {
    case .nodeUtilization(let node, _), .nodeUnneededSince(let node, _, _), .nodeUnneededFor(let node, _): return node
    default: return nil
    }
  }

  /// Whether this event is one of those that change only their node's candidacy
  /// (``candidacyOnlyNode``).
  @inline(__always)
  var changesOnlyACandidacy: Bool {
    switch self {
    case .nodeUtilization, .nodeUnneededSince, .nodeUnneededFor: return true
    default: return false
    }
  }
}
