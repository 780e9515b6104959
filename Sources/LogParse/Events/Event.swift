/// A typed event as the reducers take it: names as strings.
typealias Event = EventOf<String>

/// A typed event as the parser emits it: names as ids of its ``NameTable``.
typealias ParsedEvent = EventOf<NameId>

/// A typed event: what one recognised Cluster Autoscaler record means.
///
/// `Name` is how node, node group, pod and instance names are held: ``NameId``s of a ``NameTable``
/// while events are parsed, reordered and handed between threads (small, nothing to allocate), and
/// strings once ``mapNames(_:)`` has resolved them.
enum EventOf<Name: Hashable & Sendable>: Hashable, Sendable {
  // Payloads wider than a string and a number are boxed (`indirect`): every event in flight
  // (the reorder window, a parsed segment) then takes 32 bytes, not the size of the widest case.
  /// `Cluster Autoscaler 1.28.0`: a process (re)start and its version.
  case processStarted(version: String)
  /// `attempting to acquire leader lease …`: a process starting (logged once, before it leads).
  case leaseAcquiring
  /// `Starting main loop`: a new `RunOnce` iteration.
  case mainLoopStarted
  /// Leadership was lost (`failed to renew lease`, `lost master`): this replica stops autoscaling.
  case leadershipLost
  /// `Found N pods in the cluster: S scheduled, …, U unschedulable, …` (1.33+).
  case podsFound(total: Int, unschedulable: Int)
  /// `Pod ns/name is unschedulable`.
  case podUnschedulable(pod: Name)
  /// `N other pods are also unschedulable`.
  case otherPodsUnschedulable(count: Int)
  /// `Upcoming N nodes`.
  case upcomingNodes(count: Int)
  /// `Best option to resize: GROUP`.
  case bestOption(group: Name)
  /// `Estimated N nodes needed in GROUP`.
  case estimatedNodes(count: Int, group: Name)
  /// `Requested scale-up (6) exceeds node group set capacity, capping to 1`.
  case scaleUpCapped(requested: Int, cappedTo: Int)
  /// `Capping size to max cluster total size (N)`: the estimate was cut to the cluster's limit.
  case scaleUpCappedToClusterMax(size: Int)
  /// `Splitting scale-up between N similar node groups: {A, B}`: one decision balanced over groups.
  case scaleUpSplit(groups: [Name])
  /// `Final scale-up plan: [{GROUP 4->5 (max: 8)} …]`.
  case scaleUpPlan([PlannedResizeOf<Name>])
  /// `Scale-up: setting group GROUP size to N`: the resize is about to be requested.
  case scaleUpRequested(group: Name, size: Int)
  /// A cloud provider's own resize line (AWS `Setting asg GROUP size to N`).
  case cloudResize(group: Name, size: Int)
  /// A cloud provider's confirmation that the requested size is set (old Azure `Target size set done`,
  /// `Got Updated value. Time taken: D`): the only end of a scale-up such versions log.
  case cloudResizeDone(seconds: Double?)
  /// `Scale up in group GROUP finished successfully in D`.
  case scaleUpFinished(group: Name, seconds: Double?)
  /// `Scale-up timed out for node group GROUP after D`.
  case scaleUpTimedOut(group: Name, seconds: Double?)
  /// `Deleting N from GROUP node group because of create errors`: instances that failed to come are removed.
  case failedNodesDeleted(count: Int, group: Name)
  /// `Reverting timed-out scale-up for node group GROUP by decreasing target size by N` (1.36+).
  case scaleUpReverted(group: Name, delta: Int)
  /// `Disabling scale-up for node group GROUP until T; errorClass=C; errorCode=K`, with the class
  /// they stand for (``FailureClassifier/classifyBackoff(errorClass:errorCode:)``).
  indirect case backoffStarted(
    group: Name, until: FullTime?, errorClass: String, errorCode: String, failureClass: FailureClass)
  /// `Node group GROUP is not ready for scaleup - backoff` (1.29+: `… with status: {true {CLASS CODE MESSAGE}}`),
  /// with the error that started the backoff, classified (``FailureDetail/backoffStatus(group:errorCode:message:)``).
  indirect case groupInBackoff(group: Name, errorCode: String?, failure: FailureDetail?)
  /// `Skipping node group GROUP - max size reached`.
  case maxSizeReached(group: Name)
  /// `Node group GROUP is not ready for scaleup - unhealthy`: a group skipped for a reason other than backoff.
  indirect case groupNotReady(group: Name, reason: String)
  /// `Pod POD can't be scheduled on GROUP, predicate checking error: REASON`.
  indirect case podDoesNotFitGroup(pod: Name, group: Name, reason: String)
  /// `N other pods similar to POD can't be scheduled on GROUP`.
  indirect case similarPodsDoNotFitGroup(count: Int, pod: Name, group: Name)
  /// `No expansion options`.
  case noExpansionOptions
  /// `Node NODE - utilization 0.05` or `Node NODE - cpu requested is 5.5% of allocatable`.
  case nodeUtilization(node: Name, utilization: Double)
  /// `NODE is unneeded since T duration D`.
  indirect case nodeUnneededSince(node: Name, since: FullTime?, seconds: Double?)
  /// `NODE was unneeded for D`.
  case nodeUnneededFor(node: Name, seconds: Double)
  /// `Scale-down: removing empty node NODE`.
  case scaleDownEmpty(node: Name)
  /// `Scale-down: removing node NODE, utilization: {…}, pods to reschedule: …`.
  indirect case scaleDownDrain(node: Name, utilization: Double?, pods: [Name])
  /// `Successfully added ToBeDeletedTaint on node NODE`.
  case deletionTaintAdded(node: Name)
  /// `Removing unregistered node NODE` / `Marking unregistered node NODE for removal`.
  case unregisteredNodeRemoval(node: Name)
  /// `All pods removed from NODE`: the drain finished.
  case drainFinished(node: Name)
  /// `Terminating EC2 instance: i-…` (and 1.35+ `Terminated instance …`).
  case instanceTerminated(instanceId: Name)
  /// Azure `Deleting vmss instances [ID …]`: scale set, instance numbers and their full ids.
  indirect case scaleSetInstancesDeleting(scaleSet: Name, instances: [String], ids: [String])
  /// `node NODE cannot be removed: REASON` and the other reasons a node stays.
  indirect case scaleDownBlocked(node: Name, reason: BlockReason, detail: String, pod: Name?)
  /// A Kubernetes event echoed into the log.
  indirect case kubernetesEvent(KubernetesEvent)
  /// An error line classified as a failure (failed scale-up, cache refresh, fatal start-up …).
  indirect case failure(FailureDetail)
  /// Leader election: the lease was acquired (true) or is held by another replica (false).
  case leaderElection(acquired: Bool)
  /// A loop step whose message carries a full date (`lastScaleUpTime=2023-05-14 …`, `next refresh after …`):
  /// no episode meaning, but evidence of the log's year, and of when the process started when the
  /// date has its monotonic reading (`m=+293.37`).
  indirect case datedNote(id: String, date: FullTime, processStart: FullTime?)
  /// A message the catalogue knows that carries no episode meaning (loop steps and the like).
  case noted(id: String)
  /// `Failed to revert timed-out scale-up for node group GROUP: ERR` (1.36+): the target size the
  /// timed-out scale-up raised stays raised; the whole record is the error.
  indirect case scaleUpRevertFailed(group: Name, failure: FailureDetail)
  /// `Scale up salvo: iteration N, pods left: M` (1.36+): one more scale-up decision in the same loop.
  case scaleUpSalvoIteration(iteration: Int, podsLeft: Int)
  /// `Expander filtered out all options, valid options: N` (1.36+): options existed, the expander chose none.
  case expanderFilteredAll(validOptions: Int)
  /// `Only N nodes can be added to GROUP due to resource quotas` (1.35+; `cluster-wide limits` before) and
  /// `Capping scale-up of GROUP from A to B nodes due to quota` (1.36+): the group's scale-up was cut by quotas.
  indirect case scaleUpCappedByQuota(group: Name, requested: Int?, cappedTo: Int)
  /// `Decreasing size of GROUP, expected=E current=C delta=D`: the group's target size set back from
  /// E to the C nodes that registered (fixNodeGroupSizes); not a scale-up.
  indirect case groupSizeDecreasing(group: Name, from: Int, to: Int)
  /// `No pod can fit to GROUP`: none of the loop's unschedulable pods fits the group's template.
  case noPodFitsGroup(group: Name)
}

/// One group's resize in a scale-up plan, names as strings.
typealias PlannedResize = PlannedResizeOf<String>

/// One group's resize in a scale-up plan: `{GROUP 4->5 (max: 8)}`.
struct PlannedResizeOf<Name: Hashable & Sendable>: Hashable, Sendable {
  /// The node group.
  var group: Name
  /// Size before.
  var from: Int
  /// Size requested.
  var to: Int
  /// The group's maximum size.
  var max: Int
}
