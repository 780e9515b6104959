extension ScaleUpReducer {
  /// `TriggeredScaleUp` (`pod triggered scale-up: [{GROUP FROM->TO (max: MAX)}]`): the scale-up of
  /// each group of the plan, with the event's pod; the event creates it when nothing else shows it.
  ///
  /// Events are sent asynchronously, so the plan and resize lines they echo may come before or after:
  /// an open scale-up of the group to the same size, or one of the group shown a moment before, is
  /// the same one, and a line after an episode only the event showed joins it (``inferredScaleUp``).
  mutating func applyTriggeredScaleUp(
    pod: String, resizes: [PlannedResize], _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    for resize in resizes {
      let index: Int
      if let echoed = echoedScaleUp(group: resize.group, to: resize.to, near: context.knownTime) {
        index = echoed
        scaleUps[index].evidence.add(context)
      } else {
        index = newScaleUp(group: resize.group, context)
        scaleUps[index].triggeringPods = []
        scaleUps[index].triggeringPodCount = 0
        scaleUps[index].decidedAt = context.knownTime
        scaleUps[index].fromEventOnly = true
        steps.append(
          step(
            .decision, scaleUps[index].id, resize.group,
            "scale-up triggered by \(pod): \(resize.group) \(resize.from)->\(resize.to) (max \(resize.max))", context))
      }
      fill(index, from: resize.from, to: resize.to, max: resize.max)
      addTriggeringPod(pod, to: index)
      noteKnownSize(resize.to, of: resize.group)
    }
  }

  /// `ScaledUpGroup` (`Scale-up: setting group GROUP size to N[ instead of M (max: X)]`, or `… size set
  /// to …` after success): the resize, created when it is the only evidence, with the sizes it names.
  mutating func applyScaledUpGroup(
    group: String, size: Int, from: Int?, max: Int?, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    noteKnownSize(size, of: group)
    let before = scaleUps.endIndex
    let index: Int
    if let echoed = echoedScaleUp(group: group, to: size, near: context.knownTime) {
      index = echoed
      scaleUps[index].evidence.add(context)
    } else {
      index = plannedOrNewScaleUp(group: group, size: size, context)
      scaleUps[index].requestedAt = scaleUps[index].requestedAt ?? context.knownTime
      if index >= before { scaleUps[index].fromEventOnly = true }
      lastRequested = index
      steps.append(step(.resize, scaleUps[index].id, group, "setting group \(group) size to \(size)", context))
    }
    fill(index, from: from, to: size, max: max)
  }

  /// The scale-up an echo of `group` to `to` belongs to: an open one to that size (or to a size not
  /// known yet), else the group's latest one to that size shown near `time`.
  func echoedScaleUp(group: String, to size: Int, near time: LogTime?) -> Int? {
    if let open = openScaleUps[group]?.last(where: { scaleUps[$0].to == size || scaleUps[$0].to == nil }) {
      return open
    }
    guard let index = lastScaleUpByGroup[group], scaleUps.isKept(index),
      scaleUps[index].to == nil || scaleUps[index].to == size, scaleUp(index, isNear: time)
    else { return nil }
    return index
  }

  /// Fills the sizes a scale-up does not know yet.
  mutating func fill(_ index: Int, from: Int?, to: Int?, max: Int?) {
    if scaleUps[index].from == nil { scaleUps[index].from = from }
    if scaleUps[index].to == nil { scaleUps[index].to = to }
    if scaleUps[index].max == nil { scaleUps[index].max = max }
  }

  /// Adds a triggering pod (`namespace/name`) to a scale-up, once; a bare name already held is completed.
  mutating func addTriggeringPod(_ pod: String, to index: Int) {
    var pods = scaleUps[index].triggeringPods
    let bare = pod.split(separator: "/").last.map(String.init) ?? pod
    if let held = pods.firstIndex(of: bare), bare != pod {
      pods[held] = pod
    } else if !pods.contains(pod), pods.count < ScaleUpEpisode.maximumPods {
      pods.append(pod)
    } else if pods.contains(pod) {
      return
    }
    scaleUps[index].triggeringPods = pods
    scaleUps[index].triggeringPodCount = Swift.max(scaleUps[index].triggeringPodCount, pods.count)
  }

  /// Gives a scale-up an echo showed first what the loop's decision knows: its pods, estimate and evidence.
  mutating func adoptDecision(_ index: Int, _ context: EventContext) {
    scaleUps[index].evidence.add(context)
    if let decisionEvidence = decision.podEvidence ?? decision.evidence {
      scaleUps[index].evidence.merge(decisionEvidence)
    }
    if let decided = decision.decidedAt, scaleUps[index].decidedAt.map({ decided < $0 }) ?? true {
      scaleUps[index].decidedAt = decided
    }
    if scaleUps[index].estimate == nil, decision.bestOption == scaleUps[index].nodeGroup || decision.bestOption == nil {
      scaleUps[index].estimate = decision.estimate
    }
    guard !decision.podsConsumed || !decision.plannedEpisodes.isEmpty else { return }
    for pod in decision.pods { addTriggeringPod(pod, to: index) }
    scaleUps[index].triggeringPodCount = Swift.max(scaleUps[index].triggeringPodCount, decision.podCount)
  }
}
