extension EpisodeBuilder {
  /// What the builder knows of one source's structured loops.
  struct LoopProcess: Hashable, Sendable {
    /// The last `iterationId` seen.
    var last: IterationId
    /// Whether a banner, leader-election line or monotonic clock counted a start after it.
    var startCounted = false
  }

  /// Notes the loop of an event's record; returns whether the loop is a new one named by an
  /// `iterationId` (the loop boundary of structured logs).
  ///
  /// A new hash part is a new process: counted in `autoscaler.starts`, unless a start-up banner
  /// (or another start signal) after the previous loop already counted it.
  mutating func noteIteration(_ context: EventContext) -> Bool {
    guard case .structured(let id) = context.loop else { return false }
    guard let known = loopProcesses[context.source] else {
      loopProcesses[context.source] = LoopProcess(last: id)
      return true
    }
    guard known.last != id else { return false }
    if known.last.process != id.process, !known.startCounted {
      autoscaler.addStart(context.time, known: context.hasTime)
      restartCountedByIteration = true
    }
    loopProcesses[context.source] = LoopProcess(last: id)
    return true
  }

  /// Whether the open decision was begun after the last record with an `iterationId`.
  ///
  /// Lines CAS writes without the loop's context (klogx pod lines) open a loop before its first
  /// identified record; such a decision belongs to the new loop and is kept at its boundary.
  var decisionOpensThisLoop: Bool {
    guard let started = decision.startedAt else { return false }
    guard let last = lastIdentifiedTime else { return true }
    return last < started
  }

  /// Notes that a start of `source`'s process was counted by a start signal.
  mutating func noteStartCounted(_ source: Int) {
    loopProcesses[source]?.startCounted = true
  }
}
