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
