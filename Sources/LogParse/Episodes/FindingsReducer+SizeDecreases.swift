extension FindingsReducer {
  /// Whether a cloud resize of `group` to `size` sets the group back below the size the log last showed.
  ///
  /// A resize to the size a decrease of a moment before set is that decrease's cloud call.
  /// `known` is the size the log last showed for the group.
  func isDecrease(_ group: String, to size: Int, at time: LogTime?, known: Int?) -> Bool {
    if let index = lastSizeDecrease[group], sizeDecreases.isKept(index), sizeDecreases[index].to == size,
      EpisodeBuilder.areNear(sizeDecreases[index].at, time)
    {
      return true
    }
    guard let known else { return false }
    return size < known
  }

  /// Records a target-size decrease of `group`, or adds a line to the one a moment before that it
  /// echoes (a CAS line and the cloud provider's call, in either order); the builder notes the size
  /// it sets as the group's known size.
  mutating func recordSizeDecrease(
    group: String, from: Int?, to: Int?, reason: SizeDecrease.Reason?, _ context: EventContext,
    _ steps: inout [EpisodeStep]
  ) {
    if let index = lastSizeDecrease[group], sizeDecreases.isKept(index),
      EpisodeBuilder.areNear(sizeDecreases[index].at, context.knownTime),
      sizeDecreases[index].to == nil || to == nil || sizeDecreases[index].to == to
    {
      sizeDecreases[index].evidence.add(context)
      if sizeDecreases[index].from == nil { sizeDecreases[index].from = from }
      if sizeDecreases[index].to == nil { sizeDecreases[index].to = to }
      if sizeDecreases[index].reason == nil { sizeDecreases[index].reason = reason }
    } else {
      let decrease = SizeDecrease(
        nodeGroup: group, from: from, to: to, reason: reason, at: context.knownTime, evidence: context.evidence)
      EpisodeBuilder.remember(add(decrease, to: \.sizeDecreases), group, in: &lastSizeDecrease)
      let sizes = [from.map(String.init) ?? "?", to.map(String.init) ?? "?"].joined(separator: "->")
      steps.append(step(.resize, nil, group, "target size of \(group) decreased \(sizes)", context))
    }
  }
}
