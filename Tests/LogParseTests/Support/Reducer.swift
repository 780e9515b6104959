@testable import LogParse

/// Typed events applied straight to an episode builder, in every order, for the reducer-level tests.
enum Reducer {
  /// Every order of `items` (n! of them; meant for the few events of one episode).
  static func permutations<T>(_ items: [T]) -> [[T]] {
    guard items.count > 1 else { return [items] }
    var result: [[T]] = []
    for index in items.indices {
      var rest = items
      let first = rest.remove(at: index)
      for tail in permutations(rest) { result.append([first] + tail) }
    }
    return result
  }

  /// A fresh builder after `events`, applied in this order, each `stepSeconds` after the one before
  /// (from 12:00:00 on March 13), each on its own line of source 0.
  static func apply(_ events: [Event], stepSeconds: Double = 0.5, source: Int = 0) -> EpisodeBuilder {
    var builder = EpisodeBuilder()
    for (offset, event) in events.enumerated() {
      _ = builder.apply(event, context(offset, stepSeconds: stepSeconds, source: source))
    }
    return builder
  }

  /// The context of the `offset`-th event.
  static func context(_ offset: Int, stepSeconds: Double = 0.5, source: Int = 0) -> EventContext {
    let microseconds = 12 * 3_600_000_000 + Int64(Double(offset) * stepSeconds * 1_000_000)
    return EventContext(
      time: LogTime(month: 3, day: 13, microsecondOfDay: microseconds), source: source,
      lines: (offset + 1)...(offset + 1))
  }

  /// A Kubernetes event as CAS echoes it.
  static func kubernetesEvent(
    _ reason: String, _ message: String, kind: String = "ConfigMap", namespace: String = "kube-system",
    name: String = "cluster-autoscaler-status", type: String = "Normal"
  ) -> Event {
    .kubernetesEvent(
      KubernetesEvent(kind: kind, namespace: namespace, name: name, type: type, reason: reason, message: message))
  }

  /// A backoff line's event, classed as extraction classes it.
  static func backoffStarted(group: String, until: FullTime?, errorClass: String, errorCode: String) -> Event {
    .backoffStarted(
      group: group, until: until, errorClass: errorClass, errorCode: errorCode,
      failureClass: FailureClassifier.classifyBackoff(errorClass: errorClass, errorCode: errorCode))
  }

  /// A 1.29+ backoff status's event, its error classified as extraction classifies it.
  static func groupInBackoff(group: String, errorCode: String?, errorMessage: String?) -> Event {
    .groupInBackoff(
      group: group, errorCode: errorCode,
      failure: errorMessage.map { .backoffStatus(group: group, errorCode: errorCode, message: $0) })
  }
}
