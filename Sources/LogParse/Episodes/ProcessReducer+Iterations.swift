extension ProcessReducer {
  /// What is known of one source's structured loops.
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
  @inline(__always)
  mutating func noteIteration(_ context: EventContext) -> Bool {
    guard case .structured(let id) = context.loop else { return false }
    return noteStructuredIteration(id, context)
  }

  /// ``noteIteration(_:)`` for a record whose loop is the structured `id`.
  private mutating func noteStructuredIteration(_ id: IterationId, _ context: EventContext) -> Bool {
    noteActing(context)
    guard let known = loopProcesses[context.replica] else {
      loopProcesses[context.replica] = LoopProcess(last: id)
      return true
    }
    guard known.last != id else { return false }
    if known.last.process != id.process, !known.startCounted {
      countStart(context.time, context)
      restartCountedByIteration = true
    }
    loopProcesses[context.replica] = LoopProcess(last: id)
    return true
  }

  /// Whether a decision begun at `startedAt` was begun after the last record with an `iterationId`.
  ///
  /// Lines CAS writes without the loop's context (klogx pod lines) open a loop before its first
  /// identified record; such a decision belongs to the new loop and is kept at its boundary.
  func decisionOpensThisLoop(startedAt: LogTime?) -> Bool {
    guard let started = startedAt else { return false }
    guard let last = lastIdentifiedTime else { return true }
    return last < started
  }

  /// Notes the time of a record that carried an `iterationId`.
  mutating func noteIdentifiedTime(_ context: EventContext) {
    if case .structured = context.loop { lastIdentifiedTime = context.time }
  }

  /// Notes that a start of `replica`'s process (``EventContext/replica``) was counted by a start signal.
  mutating func noteStartCounted(_ replica: Int) {
    loopProcesses[replica]?.startCounted = true
  }
}
