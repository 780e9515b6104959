extension SpillWriter {
  /// Writes a Kubernetes event with its meaning, so reading it back reads no message again.
  mutating func kubernetesEvent(_ event: KubernetesEvent) {
    for text in [event.kind, event.namespace, event.name, event.type, event.reason, event.message] { string(text) }
    switch event.meaning {
    case .groupResized(let group, let size, let from, let max):
      int(0); string(group); int(size); optional(from) { $0.int($1) }; optional(max) { $0.int($1) }
    case .scaleUpTriggered(let pod, let resizes):
      int(1)
      string(pod)
      array(resizes) { writer, resize in
        writer.string(resize.group); writer.int(resize.from); writer.int(resize.to); writer.int(resize.max)
      }
    case .unregisteredNodeRemoved(let node): int(2); string(node)
    case .unregisteredNodeRemovalFailed(let node, let failure): int(3); string(node); self.failure(failure)
    case .scaleUpFailed(let group, let failure): int(4); optional(group) { $0.string($1) }; self.failure(failure)
    case .scaleUpTimedOut(let group): int(5); string(group)
    case .scaleDown(.nodeFailed(let node, let failure)): int(6); string(node); self.failure(failure)
    case .scaleDown(.nodeRemovedByAutoscaler(let node)): int(7); string(node)
    case .scaleDown(.nodeNoted(let node)): int(8); string(node)
    case .scaleDown(.podEvicted(let pod, let name)): int(9); string(pod); string(name)
    case .scaleDown(.nodeRemoved(let node, let empty)): int(10); string(node); bool(empty)
    case .scaleDown(.nodeRemoving(let node, let empty)): int(11); string(node); bool(empty)
    case .scaleUpNotTriggered(let pod, let reasons):
      int(12)
      string(pod)
      array(reasons) { writer, reason in
        writer.string(reason.text); writer.optional(reason.nodeGroups) { $0.int($1) }
      }
    case .revertFailed(let group, let failure): int(13); string(group); self.failure(failure)
    case .gracefulDegradation(let started): int(14); bool(started)
    case .unread: int(15)
    }
  }
}

extension SpillReader {
  /// Reads a Kubernetes event ``SpillWriter/kubernetesEvent(_:)`` wrote, or nil.
  mutating func kubernetesEvent() -> KubernetesEvent? {
    guard let kind = string(), let namespace = string(), let name = string(), let type = string(),
      let reason = string(), let message = string(), let meaning = kubernetesEventMeaning()
    else { return nil }
    return KubernetesEvent(
      kind: kind, namespace: namespace, name: name, type: type, reason: reason, message: message, meaning: meaning)
  }

  private mutating func kubernetesEventMeaning() -> KubernetesEventMeaning? {
    guard let tag = int() else { return nil }
    switch tag {
    case 0:
      guard let group = string(), let size = int(), let from = optional({ $0.int() }), let max = optional({ $0.int() })
      else { return nil }
      return .groupResized(group: group, size: size, from: from, max: max)
    case 1:
      guard let pod = string(),
        let resizes = array({ reader -> PlannedResize? in
          guard let group = reader.string(), let from = reader.int(), let to = reader.int(), let max = reader.int()
          else { return nil }
          return PlannedResize(group: group, from: from, to: to, max: max)
        })
      else { return nil }
      return .scaleUpTriggered(pod: pod, resizes: resizes)
    case 2: return string().map { .unregisteredNodeRemoved(node: $0) }
    case 3:
      guard let node = string(), let failure = failure() else { return nil }
      return .unregisteredNodeRemovalFailed(node: node, failure: failure)
    case 4:
      guard let group = optional({ $0.string() }), let failure = failure() else { return nil }
      return .scaleUpFailed(group: group, failure: failure)
    case 5: return string().map { .scaleUpTimedOut(group: $0) }
    case 6:
      guard let node = string(), let failure = failure() else { return nil }
      return .scaleDown(.nodeFailed(node: node, failure: failure))
    case 7: return string().map { .scaleDown(.nodeRemovedByAutoscaler(node: $0)) }
    case 8: return string().map { .scaleDown(.nodeNoted(node: $0)) }
    case 9:
      guard let pod = string(), let name = string() else { return nil }
      return .scaleDown(.podEvicted(pod: pod, name: name))
    case 10, 11:
      guard let node = string(), let empty = bool() else { return nil }
      return .scaleDown(tag == 10 ? .nodeRemoved(node: node, empty: empty) : .nodeRemoving(node: node, empty: empty))
    case 12:
      guard let pod = string(),
        let reasons = array({ reader -> NotTriggerScaleUpText.Reason? in
          guard let text = reader.string(), let nodeGroups = reader.optional({ $0.int() }) else { return nil }
          return NotTriggerScaleUpText.Reason(text: text, nodeGroups: nodeGroups)
        })
      else { return nil }
      return .scaleUpNotTriggered(pod: pod, reasons: reasons)
    case 13:
      guard let group = string(), let failure = failure() else { return nil }
      return .revertFailed(group: group, failure: failure)
    case 14: return bool().map { .gracefulDegradation(started: $0) }
    case 15: return .unread
    default: return nil
    }
  }
}
