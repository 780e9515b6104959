extension ScaleUpReducer {
  /// Ends the loop's decision: pods it showed failing predicates (`Pod P can't be scheduled on G,
  /// predicate …`, `No pod can fit to G`) that no scale-up took are pods without a scale-up, each
  /// with its reasons; then the context is cleared.
  mutating func closeDecision() {
    recordPredicateNoScaleUps()
    decision.reset()
  }

  /// Records the pods of the open decision that failed predicates and that no scale-up took.
  mutating func recordPredicateNoScaleUps() {
    guard !decision.podsConsumed, decision.plannedEpisodes.isEmpty, let startedAt = decision.startedAt else { return }
    let noFit = decision.noFitGroups.map { "No pod can fit to \($0)" }
    // The pods named in predicate lines, under the namespaced name a pod line gave where one did.
    var subjects: [(pod: String, reasons: [String])] = []
    for pod in decision.podReasonOrder {
      let reasons = decision.podReasons[pod] ?? []
      let named = pod.contains("/") ? pod : decision.pods.first { $0.hasSuffix("/" + pod) } ?? pod
      if let held = subjects.firstIndex(where: { $0.pod == named }) {
        subjects[held].reasons += reasons.filter { !subjects[held].reasons.contains($0) }
      } else {
        subjects.append((named, reasons))
      }
    }
    // Groups the loop skipped (max size, not ready, backoff): the reason no group took its pods.
    let skipped = decision.skipped.isEmpty ? [] : decision.skipped.descriptions
    if !noFit.isEmpty || !skipped.isEmpty {
      for pod in decision.pods where !subjects.contains(where: { $0.pod == pod }) { subjects.append((pod, [])) }
      if subjects.isEmpty {
        subjects.append((decision.podCount > 0 ? "\(decision.podCount) pods" : "unschedulable pods", []))
      }
      for index in subjects.indices { subjects[index].reasons += noFit + skipped }
    }
    guard !subjects.isEmpty else { return }
    var evidence = decision.podEvidence ?? decision.evidence ?? Evidence(source: 0, lines: 1...1)
    if decision.podEvidence != nil, let decisionEvidence = decision.evidence { evidence.merge(decisionEvidence) }
    let lastAt = decision.lastAt ?? startedAt
    for (pod, reasons) in subjects {
      // The group that could not take the pod, when every reason names the same one.
      let groups = Set(
        reasons.compactMap(ScaleUpReducer.groupNamed(byReason:)) + decision.noFitGroups
          + decision.skipped.skips.map(\.group))
      let group = groups.count == 1 && decision.skipped.omitted == 0 ? groups.first : nil
      if let index = noScaleUpIndex[pod], noScaleUps.isKept(index) {
        noScaleUps[index].count += 1
        noScaleUps[index].lastAt = .latest(noScaleUps[index].lastAt, lastAt)
        noScaleUps[index].evidence.merge(evidence)
        for reason in reasons
        where !noScaleUps[index].reasons.contains(reason) && noScaleUps[index].reasons.count < NoScaleUp.maximumReasons
        {
          noScaleUps[index].reasons.append(reason)
        }
        if noScaleUps[index].nodeGroup == nil { noScaleUps[index].nodeGroup = group }
      } else {
        let entry = NoScaleUp(
          pod: pod, reasons: Array(reasons.prefix(NoScaleUp.maximumReasons)), nodeGroup: group, firstAt: startedAt,
          lastAt: lastAt, count: 1, evidence: evidence)
        EpisodeBuilder.remember(add(entry, to: \.noScaleUps), pod, in: &noScaleUpIndex)
      }
    }
    decision.podsConsumed = true
  }

  /// The group a predicate reason names (`GROUP: reason`); a group name may hold a `:` (a URL), not `: `.
  static func groupNamed(byReason reason: String) -> String? {
    let bytes = Array(reason.utf8)
    guard let end = bytes.withUnsafeBufferPointer({ ByteSearch.offset(of: [0x3A, 0x20], in: $0) }) else { return nil }
    return String(decoding: bytes[..<end], as: UTF8.self)
  }

  /// The pods without a scale-up, counting those of the loop still open at the end of the log.
  var noScaleUpsAtEnd: EpisodeList<NoScaleUp> {
    var copy = self
    copy.recordPredicateNoScaleUps()
    return copy.noScaleUps
  }
}
