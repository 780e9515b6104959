extension Event {
  /// The event's kind and values as text: what a catalogue example states and `catalog` shows.
  ///
  /// Every value an event keeps is here under a stable name (`kind` is the case name); absent
  /// optional values are left out, lists are joined with `,`, numbers use Swift's shortest form,
  /// times are RFC 3339. A failure's whole message is left out: the line already is the message.
  public var fields: [String: String] {
    var fields: [String: String] = [:]
    func put(_ key: String, _ value: (any CustomStringConvertible)?) {
      if let value { fields[key] = value.description }
    }
    switch self {
    case .processStarted(let version): put("kind", "processStarted"); put("version", version)
    case .mainLoopStarted: put("kind", "mainLoopStarted")
    case .leaseAcquiring: put("kind", "leaseAcquiring")
    case .leadershipLost: put("kind", "leadershipLost")
    case .podsFound(let total, let unschedulable):
      put("kind", "podsFound"); put("total", total); put("unschedulable", unschedulable)
    case .podUnschedulable(let pod): put("kind", "podUnschedulable"); put("pod", pod)
    case .otherPodsUnschedulable(let count): put("kind", "otherPodsUnschedulable"); put("count", count)
    case .upcomingNodes(let count): put("kind", "upcomingNodes"); put("count", count)
    case .bestOption(let group): put("kind", "bestOption"); put("group", group)
    case .estimatedNodes(let count, let group): put("kind", "estimatedNodes"); put("count", count); put("group", group)
    case .scaleUpCapped(let requested, let cappedTo):
      put("kind", "scaleUpCapped"); put("requested", requested); put("cappedTo", cappedTo)
    case .scaleUpCappedToClusterMax(let size): put("kind", "scaleUpCappedToClusterMax"); put("size", size)
    case .scaleUpSplit(let groups): put("kind", "scaleUpSplit"); put("groups", groups.joined(separator: ","))
    case .scaleUpPlan(let resizes):
      put("kind", "scaleUpPlan")
      put("plan", resizes.map { "\($0.group) \($0.from)->\($0.to) max \($0.max)" }.joined(separator: ","))
    case .scaleUpRequested(let group, let size): put("kind", "scaleUpRequested"); put("group", group); put("size", size)
    case .cloudResize(let group, let size): put("kind", "cloudResize"); put("group", group); put("size", size)
    case .scaleUpFinished(let group, let seconds):
      put("kind", "scaleUpFinished"); put("group", group); put("seconds", seconds)
    case .scaleUpTimedOut(let group, let seconds):
      put("kind", "scaleUpTimedOut"); put("group", group); put("seconds", seconds)
    case .failedNodesDeleted(let count, let group):
      put("kind", "failedNodesDeleted")
      put("count", count)
      put("group", group)
    case .groupSizeDecreasing(let group, let from, let to):
      put("kind", "groupSizeDecreasing"); put("group", group); put("from", from); put("to", to)
    case .noPodFitsGroup(let group): put("kind", "noPodFitsGroup"); put("group", group)
    case .scaleUpReverted(let group, let delta):
      put("kind", "scaleUpReverted"); put("group", group); put("delta", delta)
    case .backoffStarted(let group, let until, let errorClass, let errorCode, _):
      put("kind", "backoffStarted"); put("group", group); put("until", until?.rfc3339)
      put("errorClass", errorClass); put("errorCode", errorCode)
    case .groupInBackoff(let group, let errorCode, let failure):
      put("kind", "groupInBackoff"); put("group", group); put("errorCode", errorCode)
      put("errorMessage", failure?.message)
    case .maxSizeReached(let group): put("kind", "maxSizeReached"); put("group", group)
    case .groupNotReady(let group, let reason): put("kind", "groupNotReady"); put("group", group); put("reason", reason)
    case .podDoesNotFitGroup(let pod, let group, let reason):
      put("kind", "podDoesNotFitGroup"); put("pod", pod); put("group", group); put("reason", reason)
    case .similarPodsDoNotFitGroup(let count, let pod, let group):
      put("kind", "similarPodsDoNotFitGroup"); put("count", count); put("pod", pod); put("group", group)
    case .noExpansionOptions: put("kind", "noExpansionOptions")
    case .nodeUtilization(let node, let utilization):
      put("kind", "nodeUtilization"); put("node", node); put("utilization", utilization)
    case .nodeUnneededSince(let node, let since, let seconds):
      put("kind", "nodeUnneededSince"); put("node", node); put("since", since?.rfc3339); put("seconds", seconds)
    case .nodeUnneededFor(let node, let seconds):
      put("kind", "nodeUnneededFor"); put("node", node); put("seconds", seconds)
    case .scaleDownEmpty(let node): put("kind", "scaleDownEmpty"); put("node", node)
    case .scaleDownDrain(let node, let utilization, let pods):
      put("kind", "scaleDownDrain"); put("node", node); put("utilization", utilization)
      put("pods", pods.joined(separator: ","))
    case .deletionTaintAdded(let node): put("kind", "deletionTaintAdded"); put("node", node)
    case .unregisteredNodeRemoval(let node): put("kind", "unregisteredNodeRemoval"); put("node", node)
    case .drainFinished(let node): put("kind", "drainFinished"); put("node", node)
    case .instanceTerminated(let instanceId): put("kind", "instanceTerminated"); put("instance", instanceId)
    case .scaleSetInstancesDeleting(let scaleSet, let instances, let ids):
      put("kind", "scaleSetInstancesDeleting"); put("scaleSet", scaleSet);
      put("instances", instances.joined(separator: ",")); put("ids", ids.joined(separator: ","))
    case .cloudResizeDone(let seconds): put("kind", "cloudResizeDone"); put("seconds", seconds)
    case .datedNote(let id, let date, let processStart):
      put("kind", "datedNote"); put("id", id); put("date", date.rfc3339); put("processStart", processStart?.rfc3339)
    case .scaleDownBlocked(let node, let reason, let detail, let pod):
      put("kind", "scaleDownBlocked"); put("node", node); put("reason", reason.rawValue); put("detail", detail)
      put("pod", pod)
    case .kubernetesEvent(let event):
      put("kind", "kubernetesEvent"); put("object", event.kind); put("namespace", event.namespace)
      put("name", event.name); put("type", event.type); put("reason", event.reason); put("message", event.message)
    case .failure(let detail):
      put("kind", "failure"); put("operation", detail.operation?.rawValue); put("nodeGroup", detail.nodeGroup)
      put("node", detail.node); put("fatal", detail.fatal)
    case .leaderElection(let acquired): put("kind", "leaderElection"); put("acquired", acquired)
    case .noted(let id): put("kind", "noted"); put("id", id)
    case .scaleUpRevertFailed(let group, _): put("kind", "scaleUpRevertFailed"); put("group", group)
    case .scaleUpSalvoIteration(let iteration, let podsLeft):
      put("kind", "scaleUpSalvoIteration"); put("iteration", iteration); put("podsLeft", podsLeft)
    case .expanderFilteredAll(let validOptions): put("kind", "expanderFilteredAll"); put("validOptions", validOptions)
    case .scaleUpCappedByQuota(let group, let requested, let cappedTo):
      put("kind", "scaleUpCappedByQuota"); put("group", group); put("requested", requested)
      put("cappedTo", cappedTo)
    }
    return fields
  }
}
