/// Why a node could not be removed, as named in the JSON report's `blockedScaleDowns`.
public enum BlockReason: String, Hashable, Sendable, CaseIterable {
  case kubeSystemPod, localStorage, notReplicated, podDisruptionBudget, notSafeToEvict, minSize
  case utilization, noPlaceToMovePods, scaleDownDisabled, kubernetesApi, other

  /// The reason behind a drainability message (`pod with local storage present: db-0`), with the pod.
  static func classify(_ text: String) -> (BlockReason, pod: String?) {
    let rules: [(String, BlockReason)] = [
      ("kube-system pod present", .kubeSystemPod),
      ("local storage present", .localStorage),
      ("is not replicated", .notReplicated),
      ("not replicated", .notReplicated),
      ("pod disruption budget", .podDisruptionBudget),
      ("not safe to evict", .notSafeToEvict),
      ("min size reached", .minSize),
      ("utilization too big", .utilization),
      ("above the scale-down utilization threshold", .utilization),
      ("no place to move pods", .noPlaceToMovePods),
      ("scale down disabled", .scaleDownDisabled),
      ("forbidden", .kubernetesApi),
    ]
    let lower = text.lowercased()
    for (needle, reason) in rules where lower.contains(needle) {
      return (reason, podName(in: text))
    }
    return (.other, podName(in: text))
  }

  /// The pod named after the last `: ` or in `ns/name is not replicated` form.
  private static func podName(in text: String) -> String? {
    if let colon = text.lastIndex(of: ":") {
      let tail = text[text.index(after: colon)...].trimmingSpaces
      if !tail.isEmpty, !tail.contains(" ") { return String(tail) }
    }
    if let first = text.split(separator: " ").first, first.contains("/") { return String(first) }
    return nil
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: SubSequence {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
    while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
    return self[start..<end]
  }
}
