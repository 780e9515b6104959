extension EpisodeBuilder {
  /// A timed-out scale-up: a timeout failure of its group, which ends the group's open scale-ups.
  mutating func timeOutScaleUp(group: String, seconds: Double?, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    up.expireDecisionIfStale(context)
    let failure = composedFailure(
      "Scale-up timed out for node group \(group)" + (seconds.map { " after \(formatSeconds($0))" } ?? ""),
      failureClass: .timeout, code: "timeout", group: group, context)
    record(failure)
    let closed = up.closeScaleUps(group: group, outcome: .timedOut, seconds: seconds, error: failure, context)
    steps.append(step(.timeout, closed.last, group, "scale-up of \(group) timed out", context))
  }

  /// A backoff started: the failed scale-up it shows (and its failure), then the backoff itself.
  mutating func startBackoff(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    guard case .backoffStarted(let group, _, let errorClass, let errorCode, let failureClass) = event else { return }
    up.expireDecisionIfStale(context)
    applyBackoffToEpisodes(
      group: group, errorClass: errorClass, errorCode: errorCode, failureClass: failureClass, context, &steps)
    findings.apply(event, context, &steps)
  }

  /// A group skipped as in backoff: the error it repeats (1.29+) is a failure that may show a failed
  /// scale-up, the backoff gets the line, and the loop's decision skips the group.
  mutating func noteGroupInBackoff(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    guard case .groupInBackoff(let group, let errorCode, let detail) = event else { return }
    up.expireDecisionIfStale(context)
    if let detail {
      // 1.29+ repeats the error that started the backoff: often the only place a cause is logged.
      let failureIndex = record(makeFailure(detail, context))
      if findings.openBackoffs[group] == nil, errorCode != nil, up.openScaleUps[group]?.isEmpty ?? true {
        // The first sight of a backoff with its cause: the scale-up that failed, if no line shows it.
        up.failOrInferScaleUp(group: group, failure: findings.failures[failureIndex], inference: .backoff, context)
      }
    }
    findings.apply(event, context, &steps)
    up.apply(event, context, &steps)
  }

  /// A cloud resize: a decrease when it sets the group below the size the log last showed, else a scale-up.
  mutating func applyCloudResize(
    group: String, size: Int, _ event: Event, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    guard isDecrease(group, to: size, at: context.knownTime) else {
      up.apply(event, context, &steps)
      return
    }
    up.expireDecisionIfStale(context)
    // A group set back to a smaller size: the cloud call of a decrease, not a scale-up.
    recordSizeDecrease(
      group: group, from: up.knownSizes[group].flatMap { $0 > size ? $0 : nil }, to: size, reason: nil, context, &steps)
  }

  /// The 1.36 revert of a timed-out scale-up: a decrease of the group's target size, noted on the scale-up.
  mutating func revertScaleUp(
    group: String, delta: Int, _ event: Event, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    let known = up.knownSizes[group] ?? up.lastScaleUpByGroup[group].flatMap { up.scaleUps[$0].to }
    let (after, overflow) = (known ?? 0).subtractingReportingOverflow(delta)
    recordSizeDecrease(
      group: group, from: known, to: known == nil || overflow || after < 0 ? nil : after, reason: .scaleUpRevert,
      context, &steps)
    up.apply(event, context, &steps)
  }

  /// A backoff ends the open episodes of its group that have not ended yet: failed, or timed out.
  ///
  /// Without an open one, a backoff belongs to the attempt that just failed, else it shows a failed
  /// scale-up of its own, inferred from the backoff: CAS starts a backoff only when a scale-up
  /// failed (every version), and its cause is only what the code says (none in pre-1.x forms).
  private mutating func applyBackoffToEpisodes(
    group: String, errorClass: String, errorCode: String, failureClass: FailureClass, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    let hasOpen = !(up.openScaleUps[group]?.isEmpty ?? true)
    if !hasOpen, let index = up.recentlyFailedScaleUp(group: group, near: context.knownTime) {
      up.scaleUps[index].evidence.add(context)
      return
    }
    // CAS before 1.14 names no error class or code.
    let named = errorClass.isEmpty && errorCode.isEmpty ? "" : ": errorClass=\(errorClass); errorCode=\(errorCode)"
    let failure = composedFailure(
      "Scale-up of \(group) backed off\(named)", failureClass: failureClass, code: errorCode.isEmpty ? nil : errorCode,
      group: group, context)
    let outcome: ScaleUpOutcome = failureClass == .timeout ? .timedOut : .failed
    let failureIndex = record(failure)
    if let id = up.failOrInferScaleUp(
      group: group, failure: findings.failures[failureIndex], outcome: outcome, inference: .backoff, context)
    {
      steps.append(
        step(.failure, id, group, "scale-up of \(group) failed: \(failureClass.rawValue) (\(errorCode))", context))
    }
  }

  /// A revert of a timed-out scale-up that failed (1.36+): a failure of the group, carried by the
  /// scale-up that timed out (its raised target size stays), which it does not end again.
  mutating func applyRevertFailure(
    group: String, _ detail: FailureDetail, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    let failure = makeFailure(detail, context)
    let failureIndex = record(failure)
    var episodeId: String?
    if let index = up.lastScaleUpByGroup[group] {
      up.scaleUps[index].revertError = findings.failures[failureIndex]
      up.scaleUps[index].evidence.add(context)
      episodeId = up.scaleUps[index].id
    }
    let code = failure.code.map { " \($0)" } ?? ""
    steps.append(
      step(
        .failure, episodeId, group,
        "revert of timed-out scale-up of \(group) failed: \(failure.failureClass.rawValue)\(code)", context))
  }
}
