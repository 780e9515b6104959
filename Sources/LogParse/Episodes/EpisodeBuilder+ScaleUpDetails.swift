extension EpisodeBuilder {
  /// Applies the details of a scale-up decision and its aftermath: pod counts, capping, balancing,
  /// groups skipped as not ready, the cleanup of instances that failed to create, and the 1.36
  /// revert of a timed-out scale-up.
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
      decision.maxSizeGroups.append("\(group) (\(reason))")
    case .similarPodsDoNotFitGroup:
      beginDecision(context)
      decision.evidence?.add(context)
    case .scaleUpReverted(let group, let delta):
      guard let index = lastScaleUpByGroup[group] else { return }
      scaleUps[index].revertedNodes = delta
      scaleUps[index].revertedAt = context.time
      scaleUps[index].evidence.add(context)
      steps.append(
        step(
          .revert, scaleUps[index].id, group,
          "timed-out scale-up of \(group) reverted: target size decreased by \(delta)",
          context))
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
}
