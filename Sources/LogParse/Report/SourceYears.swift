extension Report {
  /// Places the entries of each source that proves a year of its own in that year.
  ///
  /// klog times carry no year, so the whole input shares the base year of its first evidence. Files
  /// from different times (a 2023 excerpt and a 2024 one) each prove their own: the times of an
  /// entry whose evidence comes from such a source are moved by the difference, so that a backoff
  /// of a 2024 file does not end (its full `until` date) before it starts.
  mutating func placeInSourceYears(_ years: [Int: Int]) {
    let base = year.baseYear
    var shifts: [Int: Int] = [:]
    for (source, sourceYear) in years where sourceYear != base {
      let bounded = min(max(sourceYear, FullTime.supportedYears.lowerBound), FullTime.supportedYears.upperBound - 1)
      shifts[source] = bounded - base
    }
    guard !shifts.isEmpty else { return }
    func shifted(_ time: LogTime, _ source: Int) -> LogTime {
      guard let delta = shifts[source] else { return time }
      var moved = time
      moved.yearOffset = Int16(clamping: Int(time.yearOffset) + delta)
      return moved
    }
    func shiftedFailure(_ failure: Failure) -> Failure {
      var moved = failure
      moved.firstAt = failure.firstAt.map { shifted($0, failure.evidence.source) }
      moved.lastAt = failure.lastAt.map { shifted($0, failure.evidence.source) }
      return moved
    }
    scaleUps = scaleUps.map { up in
      var moved = up
      let source = up.evidence.source
      moved.decidedAt = up.decidedAt.map { shifted($0, source) }
      moved.requestedAt = up.requestedAt.map { shifted($0, source) }
      moved.endedAt = up.endedAt.map { shifted($0, source) }
      moved.revertedAt = up.revertedAt.map { shifted($0, source) }
      moved.error = up.error.map(shiftedFailure)
      moved.revertError = up.revertError.map(shiftedFailure)
      return moved
    }
    scaleDowns = scaleDowns.map { down in
      var moved = down
      let source = down.evidence.source
      moved.startedAt = down.startedAt.map { shifted($0, source) }
      moved.drainedAt = down.drainedAt.map { shifted($0, source) }
      moved.endedAt = down.endedAt.map { shifted($0, source) }
      moved.error = down.error.map(shiftedFailure)
      return moved
    }
    failures = failures.map(shiftedFailure)
    backoffs = backoffs.map { backoff in
      var moved = backoff
      moved.at = backoff.at.map { shifted($0, backoff.evidence.source) }
      return moved
    }
    blockedScaleDowns = blockedScaleDowns.map { blocked in
      var moved = blocked
      moved.firstAt = blocked.firstAt.map { shifted($0, blocked.evidence.source) }
      moved.lastAt = blocked.lastAt.map { shifted($0, blocked.evidence.source) }
      return moved
    }
    noScaleUps = noScaleUps.map { item in
      var moved = item
      moved.firstAt = item.firstAt.map { shifted($0, item.evidence.source) }
      moved.lastAt = item.lastAt.map { shifted($0, item.evidence.source) }
      return moved
    }
    sizeDecreases = sizeDecreases.map { item in
      var moved = item
      moved.at = item.at.map { shifted($0, item.evidence.source) }
      return moved
    }
    autoscaler.replicas = autoscaler.replicas.map { replica in
      var moved = replica
      moved.starts = replica.starts.map { shifted($0, replica.source) }
      return moved
    }
  }
}
