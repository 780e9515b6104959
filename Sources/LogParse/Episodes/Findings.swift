/// How a scale-up episode ended.
public enum ScaleUpOutcome: String, Hashable, Sendable, CaseIterable {
  case succeeded, failed, timedOut, pending
}

/// How a scale-down episode ended.
public enum ScaleDownOutcome: String, Hashable, Sendable, CaseIterable {
  case succeeded, failed, pending
}

/// How a node was removed.
public enum ScaleDownKind: String, Hashable, Sendable {
  case empty, drain, unregistered
}

/// The class of a failure: what a person must fix.
public enum FailureClass: String, Hashable, Sendable, CaseIterable {
  case iam, credentials, throttling, capacity, quota, validation, timeout, maxSize, kubernetesApi
  case cloudProvider, `internal`, other
  /// The cloud or Kubernetes API could not be reached: DNS (`no such host`), connection refused, I/O timeout.
  case network
}

/// A scale-up episode: one node group resize decision and what became of it.
public struct ScaleUpEpisode: Hashable, Sendable {
  /// Stable within a report: `up-1`, `up-2` ….
  public var id: String
  /// The group resized.
  public var nodeGroup: String
  /// Sizes from the plan or the resize line.
  public var from: Int?
  public var to: Int?
  public var max: Int?
  /// The estimate (`Estimated N nodes needed`), used when from/to are unknown.
  public var estimate: Int?
  /// Pods that triggered it (`namespace/name`), at most ``maximumPods``.
  public var triggeringPods: [String] = []
  /// All pods that triggered it, including `N other pods are also unschedulable`.
  public var triggeringPodCount = 0
  /// First evidence of the decision.
  public var decidedAt: LogTime?
  /// When the resize was requested (`Scale-up: setting group …`).
  public var requestedAt: LogTime?
  /// When the end was logged.
  public var endedAt: LogTime?
  /// The duration CAS printed, when it printed one.
  public var printedDurationSeconds: Double?
  /// The outcome.
  public var outcome: ScaleUpOutcome = .pending
  /// The failure that ended it.
  @OutOfLine public var error: Failure? = nil
  /// The capping of the decision, when the log shows one.
  @OutOfLine public var capping: ScaleUpCapping? = nil
  /// The other node groups the same decision was balanced across (`--balance-similar-node-groups`).
  public var balancedWith: [String] = []
  /// 1.36+: nodes taken back from the group's target size after the timeout, and when.
  public var revertedNodes: Int?
  public var revertedAt: LogTime?
  /// 1.36+: why the revert failed (`Failed to revert timed-out scale-up …`, event `FailedToRevertScaleUp`).
  @OutOfLine public var revertError: Failure? = nil
  /// Evidence lines.
  public var evidence: Evidence
  /// What the episode was inferred from when no line of the log starts it (a failure or a backoff
  /// naming the group, the resize line missing from an excerpt); nil when a line shows it.
  public var inferredFrom: EpisodeInference?
  /// Whether only a Kubernetes event has shown it so far (the line it echoes may follow).
  var fromEventOnly = false
  /// Whether a `Final scale-up plan` line shows it.
  var hasPlan = false

  /// Pods kept by name per episode; the rest are counted.
  public static let maximumPods = 50

  /// Nodes requested: `to - from`, else the estimate.
  public var nodes: Int? {
    if let from, let to {
      // A plan that lowers the size requests no nodes: the count is unknown rather than negative.
      let (nodes, overflow) = to.subtractingReportingOverflow(from)
      return overflow || nodes < 0 ? nil : nodes
    }
    return estimate
  }

  /// The duration CAS printed, else `endedAt - decidedAt`, given the base year.
  public func durationSeconds(baseYear: Int) -> Double? {
    if let printedDurationSeconds { return printedDurationSeconds }
    guard let start = decidedAt?.known, let end = endedAt?.known else { return nil }
    return end.seconds(since: start, baseYear: baseYear)
  }

  /// Whether the episode has not ended yet.
  public var isOpen: Bool { outcome == .pending }
}

/// How a scale-up decision was cut down before it was carried out.
public struct ScaleUpCapping: Hashable, Sendable {
  /// Nodes asked for before `Requested scale-up (N) exceeds node group set capacity`, if logged.
  public var requestedNodes: Int?
  /// Nodes left after capping to the node group set's capacity, if logged.
  public var cappedToNodes: Int?
  /// The cluster's maximum total size the estimate was capped to (`Capping size to max cluster total size (N)`).
  public var clusterMaxSize: Int?
  /// Nodes asked for before resource quotas cut the group's scale-up (`Capping scale-up of G from A to B …`).
  public var quotaRequestedNodes: Int?
  /// Nodes left to the group by resource quotas (`Only N nodes can be added to G due to resource quotas`;
  /// `cluster-wide limits` before 1.35).
  public var quotaCappedToNodes: Int?

  /// A capping with the values the log gave.
  public init(
    requestedNodes: Int? = nil, cappedToNodes: Int? = nil, clusterMaxSize: Int? = nil,
    quotaRequestedNodes: Int? = nil, quotaCappedToNodes: Int? = nil
  ) {
    self.requestedNodes = requestedNodes
    self.cappedToNodes = cappedToNodes
    self.clusterMaxSize = clusterMaxSize
    self.quotaRequestedNodes = quotaRequestedNodes
    self.quotaCappedToNodes = quotaCappedToNodes
  }
}

/// A scale-down episode: one node removal attempt.
public struct ScaleDownEpisode: Hashable, Sendable {
  /// Stable within a report: `down-1` ….
  public var id: String
  /// The node removed.
  public var node: String
  /// Its node group, when the log names it.
  public var nodeGroup: String?
  /// Empty node, drain, or unregistered node.
  public var kind: ScaleDownKind
  /// Utilization 0…1 when the log gave it.
  public var utilization: Double?
  /// When the node first became unneeded (a full time from the message).
  public var unneededSince: FullTime?
  /// How long it was unneeded when removal started.
  public var unneededSeconds: Double?
  /// Removal start.
  public var startedAt: LogTime?
  /// When the drain ended (`All pods removed from NODE`), for a drain.
  public var drainedAt: LogTime?
  /// Removal end.
  public var endedAt: LogTime?
  /// The cloud instance, when logged.
  public var instanceId: String?
  /// Pods evicted for a drain.
  public var evictedPods: [String] = []
  /// The outcome.
  public var outcome: ScaleDownOutcome = .pending
  /// The failure that ended it.
  @OutOfLine public var error: Failure? = nil
  /// Evidence lines.
  public var evidence: Evidence
  /// What the episode was inferred from when no removal line shows it (a failure naming the node).
  public var inferredFrom: EpisodeInference?

  /// Whether the episode has not ended yet.
  public var isOpen: Bool { outcome == .pending }
}

/// What an episode was inferred from, when the log has no line that starts it.
public enum EpisodeInference: String, Hashable, Sendable {
  /// A failure that names the node group (or the node).
  case failure
  /// A backoff of the node group with a failure code.
  case backoff
}

/// A classified failure; repeats of the same failure are folded into one with a count.
public struct Failure: Hashable, Sendable {
  public var failureClass: FailureClass
  public var code: String?
  public var action: String?
  public var principal: String?
  public var nodeGroup: String?
  public var node: String?
  public var operation: FailureOperation?
  public var fatal: Bool
  /// The whole record, continuation lines included.
  public var message: String
  public var firstAt: LogTime?
  public var lastAt: LogTime?
  public var count: Int
  public var evidence: Evidence

  /// What makes two failures the same finding.
  var foldKey: FoldKey {
    FoldKey(
      failureClass: failureClass, code: code, action: action, principal: principal, nodeGroup: nodeGroup,
      node: node, operation: operation, fatal: fatal)
  }

  struct FoldKey: Hashable {
    var failureClass: FailureClass
    var code, action, principal, nodeGroup, node: String?
    var operation: FailureOperation?
    var fatal: Bool
  }
}

/// A period a node group was in scale-up backoff.
public struct Backoff: Hashable, Sendable {
  public var nodeGroup: String
  public var at: LogTime?
  public var until: FullTime?
  public var errorClass: String?
  public var errorCode: String?
  public var evidence: Evidence
}

/// A node that could not be removed, and why; repeats folded.
public struct BlockedScaleDown: Hashable, Sendable {
  public var node: String
  public var reason: BlockReason
  public var detail: String
  public var pod: String?
  public var firstAt: LogTime?
  public var lastAt: LogTime?
  public var count: Int
  public var evidence: Evidence
}

/// Unschedulable pods that did not lead to a scale-up, and why.
public struct NoScaleUp: Hashable, Sendable {
  public var pod: String
  /// Every reason the log gives, each once (`max node group size reached`, a failing predicate …).
  public var reasons: [String]
  public var nodeGroup: String?
  public var firstAt: LogTime?
  public var lastAt: LogTime?
  public var count: Int
  public var evidence: Evidence
  /// For reasons a `NotTriggerScaleUp` event counted: how many node groups gave it, the last time.
  public var reasonNodeGroups: [String: Int] = [:]

  /// Reasons kept per pod; a pod's finding stays bounded however many reasons an endless log gives.
  public static let maximumReasons = 50
}

/// What the log says about the Cluster Autoscaler process(es).
///
/// Bounded however many banners a log repeats: at most ``maximumVersions`` distinct versions and
/// the first ``maximumStarts`` starts are kept, and ``startCount`` counts every start.
public struct AutoscalerInfo: Hashable, Sendable {
  public var versions: [String] = []
  /// The first ``maximumStarts`` process starts.
  public var starts: [LogTime] = []
  /// Every process start counted, kept in ``starts`` or not.
  public var startCount = 0
  /// The latest start counted.
  public var lastStart: LogTime?
  /// The cloud provider the log shows (``CloudProviderClue``), set when the report is made.
  public var cloudProvider: String?
  public var isLeader: Bool?
  /// The processes of an interleaved log (kubectl `--prefix`), each with its own leadership and
  /// starts; empty when the log is one process's stream.
  public var replicas: [Replica] = []
  /// 1.37+: periods of graceful degradation (events `GracefulDegradationStarted` / `…Stopped`),
  /// oldest first: the last ``maximumGracefulDegradations``; ``gracefulDegradationCount`` counts them all.
  public var gracefulDegradations: [GracefulDegradation] = []
  /// Every period of graceful degradation, listed or not.
  public var gracefulDegradationCount = 0

  /// Whether the log is in klog's printf form, the structured form of CAS 1.38+, or both.
  public var logFormat: LogFormat = .printf

  /// The most process starts listed.
  public static let maximumStarts = 500
  /// The most distinct versions listed.
  public static let maximumVersions = 20
  /// The most periods of graceful degradation listed.
  public static let maximumGracefulDegradations = 100

  /// Counts a process start at `time` (listed while fewer than ``maximumStarts`` are, and only
  /// when its record's time was readable: `known`).
  mutating func addStart(_ time: LogTime, known: Bool = true) {
    startCount += 1
    lastStart = time
    if known, starts.count < Self.maximumStarts { starts.append(time) }
  }

  /// Lists a version the log names, once, while fewer than ``maximumVersions`` are listed.
  mutating func addVersion(_ version: String) {
    guard versions.count < Self.maximumVersions, !versions.contains(version) else { return }
    versions.append(version)
  }
}

/// A period in which CAS could not handle the pending pods and degraded gracefully (1.37+,
/// `--enable-graceful-degradation`): pods past `--pending-pods-batching-timeout` were skipped.
public struct GracefulDegradation: Hashable, Sendable {
  /// The `GracefulDegradationStarted` event; nil when the log starts inside the period.
  public var startedAt: LogTime?
  /// The `GracefulDegradationStopped` event; nil while the period lasts.
  public var stoppedAt: LogTime?
}
