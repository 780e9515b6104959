extension EpisodeBuilder {
  /// Applies the details of a scale-up decision and its aftermath: pod counts, capping (by the set's
  /// capacity, the cluster's size, resource quotas), balancing, groups skipped as not ready or over
  /// quota, the cleanup of instances that failed to create, and the 1.36 revert of a timed-out
  /// scale-up and its failure.
  mutating func applyScaleUpDetail(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep]) {
    switch event {
    case .podsFound(_, let unschedulable):
      guard unschedulable > 0 else { return }
      if decision.podsConsumed { decision.reset() }
      beginDecision(context)
      decision.foundUnschedulable = unschedulable
    case .scaleUpCappedToClusterMax(let size):
      beginDecision(context)
      decision.evidence?.add(context)
      var capping = decision.capping ?? ScaleUpCapping()
      capping.clusterMaxSize = size
      decision.capping = capping
    case .scaleUpSplit(let groups):
      beginDecision(context)
      decision.evidence?.add(context)
      decision.similarGroups = groups
    case .groupNotReady(let group, let reason):
      beginDecision(context)
      decision.evidence?.add(context)
      decision.skipped.add(group, reason: reason)
    case .similarPodsDoNotFitGroup:
      beginDecision(context)
      decision.evidence?.add(context)
    case .scaleUpReverted(let group, let delta):
      let known = knownSizes[group] ?? lastScaleUpByGroup[group].flatMap { scaleUps[$0].to }
      let (after, overflow) = (known ?? 0).subtractingReportingOverflow(delta)
      recordSizeDecrease(
        group: group, from: known, to: known == nil || overflow || after < 0 ? nil : after, reason: .scaleUpRevert,
        context, &steps)
      guard let index = lastScaleUpByGroup[group] else { return }
      scaleUps[index].revertedNodes = delta
      scaleUps[index].revertedAt = context.knownTime
      scaleUps[index].evidence.add(context)
      steps.append(
        step(
          .revert, scaleUps[index].id, group,
          "timed-out scale-up of \(group) reverted: target size decreased by \(delta)",
          context))
    case .scaleUpRevertFailed(let group, let detail):
      applyRevertFailure(group: group, detail, context, &steps)
    case .scaleUpCappedByQuota(let group, let requested, let cappedTo):
      beginDecision(context)
      decision.evidence?.add(context)
      var capping = decision.quotaCapping[group] ?? ScaleUpCapping()
      if let requested { capping.quotaRequestedNodes = requested }
      capping.quotaCappedToNodes = cappedTo
      if decision.quotaCapping[group] != nil || decision.quotaCapping.count < ScaleUpEpisode.maximumPods {
        decision.quotaCapping[group] = capping
      }
    case .failedNodesDeleted(let count, let group):
      // The cleanup of instances that never came belongs to the scale-up that asked for them.
      guard let index = lastScaleUpByGroup[group] else { return }
      scaleUps[index].evidence.add(context)
      steps.append(
        step(
          .failure, scaleUps[index].id, group, "removing \(count) instances of \(group) that failed to create", context)
      )
    default:
      break
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
    if let index = lastScaleUpByGroup[group] {
      scaleUps[index].revertError = failures[failureIndex]
      scaleUps[index].evidence.add(context)
      episodeId = scaleUps[index].id
    }
    let code = failure.code.map { " \($0)" } ?? ""
    steps.append(
      step(
        .failure, episodeId, group,
        "revert of timed-out scale-up of \(group) failed: \(failure.failureClass.rawValue)\(code)", context))
  }
}
