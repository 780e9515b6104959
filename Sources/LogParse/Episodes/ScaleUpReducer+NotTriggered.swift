extension ScaleUpReducer {
  /// Folds a `NotTriggerScaleUp` event into the pod's finding: one entry per pod, each reason once.
  mutating func applyNotTriggerScaleUp(
    pod: String, reasons: [NotTriggerScaleUpText.Reason], _ context: EventContext
  ) {
    let texts = reasons.map(\.text)
    if let index = noScaleUpIndex[pod], noScaleUps.isKept(index) {
      noScaleUps[index].count += 1
      noScaleUps[index].lastAt = context.knownTime
      noScaleUps[index].evidence.add(context)
      for text in texts
      where !noScaleUps[index].reasons.contains(text) && noScaleUps[index].reasons.count < NoScaleUp.maximumReasons {
        noScaleUps[index].reasons.append(text)
      }
    } else {
      let newEntry =
        NoScaleUp(
          pod: pod, reasons: Array(texts.prefix(NoScaleUp.maximumReasons)), nodeGroup: nil, firstAt: context.knownTime,
          lastAt: context.knownTime, count: 1,
          evidence: context.evidence)
      EpisodeBuilder.remember(add(newEntry, to: \.noScaleUps), pod, in: &noScaleUpIndex)
    }
    guard let index = noScaleUpIndex[pod] else { return }
    for reason in reasons where noScaleUps[index].reasons.contains(reason.text) {
      if let groups = reason.nodeGroups {
        noScaleUps[index].reasonNodeGroups[reason.text] = groups
      }
    }
  }
}
