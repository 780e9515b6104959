/// A Kubernetes event as CAS logs it: `Event(v1.ObjectReference{Kind:…}): type: 'T' reason: 'R' message`.
///
/// Its ``meaning`` is read from the reason and the message where the event is made
/// (``KubernetesEventMeaning/init(kind:namespace:name:reason:message:)``): the episode builder
/// switches over it and never reads the message.
struct KubernetesEvent: Hashable, Sendable {
  /// The object kind (`ConfigMap`, `Pod`, `Node`).
  private(set) var kind: String
  /// The object's namespace (empty for nodes).
  private(set) var namespace: String
  /// The object's name.
  private(set) var name: String
  /// `Normal` or `Warning`.
  private(set) var type: String
  /// The reason as logged (`ScaledUpGroup`, `FailedToScaleUpGroup`, `ScaleDownEmpty` …), known or not.
  private(set) var reason: String
  /// The event's message.
  private(set) var message: String
  /// What the event means, with the names and numbers its message states.
  private(set) var meaning: KubernetesEventMeaning

  /// The event of these fields, its meaning read from them.
  init(kind: String, namespace: String, name: String, type: String, reason: String, message: String) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.type = type
    self.reason = reason
    self.message = message
    meaning = KubernetesEventMeaning(kind: kind, namespace: namespace, name: name, reason: reason, message: message)
  }

  /// An event whose meaning was read before (a spilled one read back): nothing is read again.
  init(
    kind: String, namespace: String, name: String, type: String, reason: String, message: String,
    meaning: KubernetesEventMeaning
  ) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.type = type
    self.reason = reason
    self.message = message
    self.meaning = meaning
  }

  /// Whether the event states a failure the builder takes from it (its record must not give a
  /// second one by its shape).
  var carriesFailure: Bool {
    switch reason {
    case "FailedToScaleUpGroup", "ScaleUpFailed", "ScaleDownFailed", "FailedToRevertScaleUp": return true
    default: return false
    }
  }
}

/// What a Kubernetes event CAS sends means, by its reason, with what its message names.
enum KubernetesEventMeaning: Hashable, Sendable {
  /// `ScaledUpGroup`: `Scale-up: setting group GROUP size to N[ instead of M (max: X)]` (or `… size set to …`).
  case groupResized(group: String, size: Int, from: Int?, max: Int?)
  /// `TriggeredScaleUp`: `pod triggered scale-up: [{GROUP FROM->TO (max: MAX)}]`, on the pod (`namespace/name`).
  case scaleUpTriggered(pod: String, resizes: [PlannedResize])
  /// `DeleteUnregistered`: `Removed unregistered node NODE`.
  case unregisteredNodeRemoved(node: String)
  /// `DeleteUnregisteredFailed`: `Failed to remove node NODE: ERR`, the error classified.
  case unregisteredNodeRemovalFailed(node: String, failure: FailureDetail)
  /// `FailedToScaleUpGroup` / `ScaleUpFailed`: the group the message names, and the error classified.
  case scaleUpFailed(group: String?, failure: FailureDetail)
  /// `ScaleUpTimedOut`: `… to group GROUP …`.
  case scaleUpTimedOut(group: String)
  /// `ScaleDownEmpty`, `ScaleDown`, `ScaleDownFailed`: what the event shows of a node's removal.
  case scaleDown(ScaleDownEventMeaning)
  /// `NotTriggerScaleUp`: the pod (`namespace/name`) and the reasons no group took it.
  case scaleUpNotTriggered(pod: String, reasons: [NotTriggerScaleUpText.Reason])
  /// `FailedToRevertScaleUp` (1.36+): the group whose timed-out scale-up stays raised, and the error classified.
  case revertFailed(group: String, failure: FailureDetail)
  /// `GracefulDegradationStarted` (true) / `GracefulDegradationStopped` (false), 1.37+.
  case gracefulDegradation(started: Bool)
  /// A reason no episode takes, or a message that lacks what its reason needs.
  case unread
}

/// What a scale-down event (`ScaleDownEmpty`, `ScaleDown`, `ScaleDownFailed`) shows.
enum ScaleDownEventMeaning: Hashable, Sendable {
  /// A Node's `ScaleDownFailed`: its removal failed with the error classified.
  case nodeFailed(node: String, failure: FailureDetail)
  /// A Node's `… removed by cluster autoscaler`: the removal happened.
  case nodeRemovedByAutoscaler(node: String)
  /// An event naming a node that neither starts nor ends its removal: evidence of one going on.
  case nodeNoted(node: String)
  /// A Pod's `deleting pod for node scale down`: the pod (`namespace/name`, and its bare name) is evicted.
  case podEvicted(pod: String, name: String)
  /// The status event `Scale-down: [empty ]node NODE removed[ with drain]`.
  case nodeRemoved(node: String, empty: Bool)
  /// The status event `Scale-down: removing [empty ]node NODE`.
  case nodeRemoving(node: String, empty: Bool)
}
