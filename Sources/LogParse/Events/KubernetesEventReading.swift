extension KubernetesEventMeaning {
  /// Reads what an event means from its reason and message: the groups, sizes, pods, nodes and
  /// reasons its message names, and its error classified.
  init(kind: String, namespace: String, name: String, reason: String, message: String) {
    let pod = namespace.isEmpty ? name : "\(namespace)/\(name)"
    switch reason {
    case "ScaledUpGroup":
      self = KubernetesEventReading.groupResized(message) ?? .unread
    case "TriggeredScaleUp":
      self = .scaleUpTriggered(pod: pod, resizes: PlanText.resizes(message))
    case "DeleteUnregistered":
      self =
        KubernetesEventReading.word(after: "unregistered node ", in: message).map { .unregisteredNodeRemoved(node: $0) }
        ?? .unread
    case "DeleteUnregisteredFailed":
      self =
        KubernetesEventReading.word(after: "Failed to remove node ", in: message).map {
          .unregisteredNodeRemovalFailed(
            node: $0, failure: FailureDetail(operation: .unregisteredRemoval, node: $0, fatal: false, message: message))
        } ?? .unread
    case "FailedToScaleUpGroup", "ScaleUpFailed":
      let group =
        FailureClassifier.word(after: "for group ", in: message).map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 }
        ?? FailureClassifier.word(after: "to group ", in: message)
      self = .scaleUpFailed(
        group: group, failure: FailureDetail(operation: .scaleUp, nodeGroup: group, fatal: false, message: message))
    case "ScaleUpTimedOut":
      self = FailureClassifier.word(after: "to group ", in: message).map { .scaleUpTimedOut(group: $0) } ?? .unread
    case "ScaleDownEmpty", "ScaleDown", "ScaleDownFailed":
      self =
        KubernetesEventReading.scaleDown(
          kind: kind, pod: pod, name: name, failed: reason == "ScaleDownFailed", message: message
        ).map { .scaleDown($0) } ?? .unread
    case "NotTriggerScaleUp":
      self = .scaleUpNotTriggered(pod: pod, reasons: NotTriggerScaleUpText.reasons(message))
    case "FailedToRevertScaleUp":
      // 1.36+: the event of `Failed to revert timed-out scale-up …`.
      let group =
        (FailureClassifier.word(after: "node group ", in: message)
        ?? FailureClassifier.word(after: "group ", in: message)).map { $0.trimmingCharacters(":") }
      self =
        group.map {
          .revertFailed(
            group: $0, failure: FailureDetail(operation: .scaleUp, nodeGroup: $0, fatal: false, message: message))
        } ?? .unread
    case "GracefulDegradationStarted": self = .gracefulDegradation(started: true)
    case "GracefulDegradationStopped": self = .gracefulDegradation(started: false)
    default: self = .unread
    }
  }
}

/// Reads the names and numbers of Kubernetes event messages.
enum KubernetesEventReading {
  /// `ScaledUpGroup`: `Scale-up: setting group GROUP size to N[ instead of M (max: X)]`, or nil
  /// without a group and size.
  static func groupResized(_ message: String) -> KubernetesEventMeaning? {
    guard let group = FailureClassifier.word(after: "group ", in: message),
      let size = FailureClassifier.word(after: " to ", in: message).flatMap(CountValue.parse)
    else { return nil }
    let from = FailureClassifier.word(after: " instead of ", in: message).flatMap(CountValue.parse)
    let max = FailureClassifier.word(after: "(max: ", in: message).flatMap { CountValue.parse($0) }
    return .groupResized(group: group, size: size, from: from, max: max)
  }

  /// The word after `marker` without the colons around it (`node NODE: ERR`).
  static func word(after marker: String, in message: String) -> String? {
    FailureClassifier.word(after: marker, in: message).map { $0.trimmingCharacters(":") }
  }

  /// What a scale-down event shows of the node `kind`/`name` names (a Node, a Pod) or the status
  /// event's message names, or nil when it shows nothing.
  static func scaleDown(kind: String, pod: String, name: String, failed: Bool, message: String)
    -> ScaleDownEventMeaning?
  {
    switch kind {
    case "Node":
      if failed {
        return .nodeFailed(
          node: name, failure: FailureDetail(operation: .scaleDown, node: name, fatal: false, message: message))
      }
      return ByteSearch.contains(message, "removed by cluster autoscaler")
        ? .nodeRemovedByAutoscaler(node: name) : .nodeNoted(node: name)
    case "Pod":
      return ByteSearch.contains(message, "deleting pod for node scale down") ? .podEvicted(pod: pod, name: name) : nil
    default:
      guard let node = nodeName(inScaleDownMessage: message) else { return nil }
      if message.hasSuffix(" removed") || ByteSearch.contains(message, " removed with drain") {
        return .nodeRemoved(node: node, empty: ByteSearch.contains(message, "empty node"))
      }
      if message.hasPrefix("Scale-down: removing empty node") { return .nodeRemoving(node: node, empty: true) }
      if message.hasPrefix("Scale-down: removing node") { return .nodeRemoving(node: node, empty: false) }
      return .nodeNoted(node: node)
    }
  }

  /// The node named in a `Scale-down: …` event message.
  static func nodeName(inScaleDownMessage message: String) -> String? {
    // 1.25+ quotes the name (`%q`).
    for marker in ["removing empty node ", "removing node ", "empty node ", "Scale-down: node "] {
      if let name = FailureClassifier.word(after: marker + "\"", in: message)
        ?? FailureClassifier.word(after: marker, in: message)
      {
        return name.trimmingCharacters("\"")
      }
    }
    return nil
  }
}
