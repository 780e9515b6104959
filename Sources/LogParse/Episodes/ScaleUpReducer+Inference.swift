extension ScaleUpReducer {
  /// Whether the scale-up at `index` has a time (decided, requested, ended) near `time`.
  func scaleUp(_ index: Int, isNear time: LogTime?) -> Bool {
    guard scaleUps.isKept(index) else { return false }
    let episode = scaleUps[index]
    let times = [episode.decidedAt, episode.requestedAt, episode.endedAt].compactMap { $0 }
    guard time != nil, !times.isEmpty else { return true }
    return times.contains { EpisodeBuilder.areNear($0, time) }
  }

  /// The latest scale-up of `group`, ended as failed or timed out near `time`: the attempt a
  /// further failure, backoff or event of the same moment belongs to.
  func recentlyFailedScaleUp(group: String, near time: LogTime?) -> Int? {
    guard let index = lastScaleUpByGroup[group], scaleUps.isKept(index),
      scaleUps[index].outcome == .failed || scaleUps[index].outcome == .timedOut,
      EpisodeBuilder.areNear(scaleUps[index].endedAt, time)
    else { return nil }
    return index
  }

  /// Gives a scale-up failure of `group` its episode; returns the id of that episode.
  ///
  /// The open scale-ups of the group end failed with `failure` (recorded by the caller); else the
  /// failure folds into the attempt that just failed; else, when `inference` says what shows it, a
  /// failed scale-up inferred from the failure opens and ends (the resize line may be missing from
  /// an excerpt).
  @discardableResult
  mutating func failOrInferScaleUp(
    group: String, failure: Failure, outcome: ScaleUpOutcome = .failed, inference: EpisodeInference?,
    _ context: EventContext
  ) -> String? {
    if let open = openScaleUps[group], !open.isEmpty {
      return closeScaleUps(group: group, outcome: outcome, seconds: nil, error: failure, context).last
    }
    if let index = recentlyFailedScaleUp(group: group, near: context.knownTime) {
      scaleUps[index].evidence.add(context)
      if let known = scaleUps[index].error, EpisodeBuilder.isVague(known), !EpisodeBuilder.isVague(failure) {
        scaleUps[index].error = failure
      }
      if inference == .failure, scaleUps[index].inferredFrom == .backoff { scaleUps[index].inferredFrom = .failure }
      return scaleUps[index].id
    }
    guard let inference else { return nil }
    let index = newScaleUp(group: group, context)
    decision.podsConsumed = true
    scaleUps[index].inferredFrom = inference
    return closeScaleUps(group: group, outcome: outcome, seconds: nil, error: failure, context).last
  }

  /// A scale-up of `group` near `time` that only a failure, backoff or event has shown, to size
  /// `size` or to an unknown size: the one a resize line of the same moment belongs to.
  func inferredScaleUp(group: String, size: Int?, near time: LogTime?) -> Int? {
    guard let index = lastScaleUpByGroup[group], scaleUps.isKept(index),
      scaleUps[index].inferredFrom != nil || scaleUps[index].fromEventOnly,
      size == nil || scaleUps[index].to == nil || scaleUps[index].to == size, scaleUp(index, isNear: time)
    else { return nil }
    return index
  }
}
