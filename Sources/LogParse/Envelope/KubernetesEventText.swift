/// What Kubernetes events printed by kubectl or an event stream need to become the event records
/// the klog event recorder gives: CAS's event reasons, and the recorder's text.
enum KubernetesEventText {
  /// The reasons of the events the cluster autoscaler emits (`cluster-autoscaler/utils/events` and
  /// its callers): a row read without its table header is an event only with one of them, or
  /// with `cluster-autoscaler` as its source.
  static let autoscalerReasons: Set<[UInt8]> = Set(
    [
      "TriggeredScaleUp", "NotTriggerScaleUp", "ScaledUpGroup", "FailedToScaleUpGroup", "ScaleUpFailed",
      "ScaleUpTimedOut", "FailedToRevertScaleUp", "ScaleDown", "ScaleDownEmpty", "ScaleDownFailed",
      "ScaleDownEmptyFailed", "DeleteUnregistered", "DeleteUnregisteredFailed", "CreatedNodeGroup",
      "DeletedNodeGroup", "FailedToCreateNodeGroup", "FailedToDeleteNodeGroup", "GracefulDegradationStarted",
      "GracefulDegradationStopped", "ScaleDownNotPossible", "FixNodeGroupSizeError", "MaxNodesTotalReached",
    ].map { Array($0.utf8) })

  /// The source name the autoscaler records events under.
  static let autoscalerSource = Array("cluster-autoscaler".utf8)

  /// The reason and object kind of an autoscaler event known by its message alone (an event stream
  /// such as JupyterHub's spawner prints only the type and the message), or nil.
  static func inferred(message: UnsafeBufferPointer<UInt8>) -> (reason: String, kind: String)? {
    for (prefix, reason, kind) in messageOpenings where message.starts(with: prefix.utf8) {
      if reason == "ScaleDown", ByteSearch.contains(message, Array("empty node".utf8)) {
        return ("ScaleDownEmpty", kind)
      }
      return (reason, kind)
    }
    return nil
  }

  /// How the messages of the autoscaler's events begin, with their reason and the kind they go to.
  private static let messageOpenings: [(String, String, String)] = [
    ("pod triggered scale-up", "TriggeredScaleUp", "Pod"),
    ("pod didn't trigger scale-up", "NotTriggerScaleUp", "Pod"),
    ("Scale-up failed for group", "FailedToScaleUpGroup", "ConfigMap"),
    ("Scale-up: ", "ScaledUpGroup", "ConfigMap"),
    ("Scale-down: ", "ScaleDown", "ConfigMap"),
    ("deleting pod for node scale down", "ScaleDown", "Pod"),
    ("marked the node as toBeDeleted", "ScaleDown", "Node"),
    ("node removed by cluster autoscaler", "ScaleDown", "Node"),
  ]

  /// The kind of the object an autoscaler event goes to, from its reason and message: for a row
  /// that does not name its object (a describe section without the object's own lines).
  static func kind(reason: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>) -> String {
    if let (_, kind) = inferred(message: message) { return kind }
    if reason.elementsEqual("TriggeredScaleUp".utf8) || reason.elementsEqual("NotTriggerScaleUp".utf8) {
      return "Pod"
    }
    if reason.starts(with: "ScaleDown".utf8) { return "Node" }
    return "ConfigMap"
  }

  /// Appends the klog event recorder's text of an event to `out`:
  /// `Event(v1.ObjectReference{Kind:"K", Namespace:"NS", Name:"N"}): type: 'T' reason: 'R' MESSAGE`.
  static func appendRecorderText(
    kind: some Sequence<UInt8>, namespace: some Sequence<UInt8>, name: some Sequence<UInt8>,
    type: some Sequence<UInt8>, reason: some Sequence<UInt8>, message: some Sequence<UInt8>, to out: inout [UInt8]
  ) {
    out.append(contentsOf: "Event(v1.ObjectReference{Kind:\"".utf8)
    out.append(contentsOf: kind.lazy.filter { $0 != 0x22 })
    out.append(contentsOf: "\", Namespace:\"".utf8)
    out.append(contentsOf: namespace.lazy.filter { $0 != 0x22 })
    out.append(contentsOf: "\", Name:\"".utf8)
    out.append(contentsOf: name.lazy.filter { $0 != 0x22 })
    out.append(contentsOf: "\"}): type: '".utf8)
    out.append(contentsOf: type)
    out.append(contentsOf: "' reason: '".utf8)
    out.append(contentsOf: reason)
    out.append(contentsOf: "' ".utf8)
    out.append(contentsOf: message)
  }
}
