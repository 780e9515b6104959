/// Why a node could not be removed, as named in the JSON report's `blockedScaleDowns`.
public enum BlockReason: String, Hashable, Sendable, CaseIterable {
  case kubeSystemPod, localStorage, notReplicated, podDisruptionBudget, notSafeToEvict, minSize
  case utilization, noPlaceToMovePods, scaleDownDisabled, kubernetesApi, onCompletionPod, other

  /// The reason behind a drainability message (`pod with local storage present: db-0`), with the pod.
  ///
  /// Compared on bytes, ASCII case folded: the message of every blocked node in every loop comes here.
  static func classify(_ text: String) -> (BlockReason, pod: String?) {
    var bytes = Array(text.utf8)
    let reason = bytes.withUnsafeMutableBufferPointer { buffer -> BlockReason in
      for index in buffer.indices where buffer[index] &- UInt8(ascii: "A") < 26 { buffer[index] |= 0x20 }
      let folded = UnsafeBufferPointer(buffer)
      return rules.first { ByteSearch.contains(folded, $0.needle) }?.reason ?? .other
    }
    return (reason, blockingPod(in: text, reason: reason))
  }

  /// The pod a reason names, where it names one: after `to move ` (a disruption budget), before
  /// ` is not replicated`, inside `pods "NAME"` (an API refusal), else after the last `: `.
  static func blockingPod(in text: String, reason: BlockReason) -> String? {
    switch reason {
    case .utilization, .minSize, .scaleDownDisabled, .noPlaceToMovePods: return nil
    case .podDisruptionBudget:
      if let pod = FailureClassifier.word(after: "to move ", in: text) { return pod.trimmingCharacters("\"") }
    case .notReplicated:
      let bytes = Array(text.utf8)
      if let end = bytes.withUnsafeBufferPointer({ ByteSearch.offset(of: Array(" is not replicated".utf8), in: $0) }) {
        let start = bytes[..<end].lastIndex(of: 0x20).map { $0 + 1 } ?? 0
        if start < end {
          return FieldLimit.capped(Substring(String(decoding: bytes[start..<end], as: UTF8.self)))
            .trimmingCharacters("\"")
        }
      }
    case .kubernetesApi:
      return FailureClassifier.word(after: "pods \"", in: text)
    default:
      break
    }
    return podName(in: text)
  }

  /// Lower-case phrases and the reason each names, in the order they are tried.
  private static let rules: [(needle: [UInt8], reason: BlockReason)] =
    ([
      // An API refusal while evaluating the node (listing its disruption budgets or pods) comes first.
      ("is forbidden: ", .kubernetesApi),
      ("cannot list resource", .kubernetesApi),
      ("cannot get resource", .kubernetesApi),
      ("unauthorized", .kubernetesApi),
      ("kube-system pod present", .kubeSystemPod),
      ("local storage present", .localStorage),
      ("not replicated", .notReplicated),
      ("pod disruption budget", .podDisruptionBudget),
      ("not safe to evict", .notSafeToEvict),
      ("min size reached", .minSize),
      ("utilization too big", .utilization),
      ("above the scale-down utilization threshold", .utilization),
      ("no place to move pods", .noPlaceToMovePods),
      ("scale down disabled", .scaleDownDisabled),
      ("forbidden", .kubernetesApi),
    ] as [(String, BlockReason)]).map { (Array($0.0.utf8), $0.1) }

  /// The pod named after the last `: ` or in `ns/name is not replicated` form.
  private static func podName(in text: String) -> String? {
    let bytes = Array(text.utf8)
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
      var start = colon + 1
      var end = bytes.count
      while start < end, isBlank(bytes[start]) { start += 1 }
      while end > start, isBlank(bytes[end - 1]) { end -= 1 }
      if start < end, !bytes[start..<end].contains(0x20) {
        return String(decoding: bytes[start..<end], as: UTF8.self)
      }
    }
    let first = bytes.drop { $0 == 0x20 }.prefix { $0 != 0x20 }
    if !first.isEmpty, first.contains(UInt8(ascii: "/")) { return String(decoding: first, as: UTF8.self) }
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
