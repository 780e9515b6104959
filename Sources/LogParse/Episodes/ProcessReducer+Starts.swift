extension ProcessReducer {
  /// How far apart two implied process starts must be to belong to two processes (wall-clock steps
  /// and rounding move one process's implied start by far less).
  static let restartToleranceMicroseconds: Int64 = 60_000_000

  /// Notes a line every process writes once as it starts (the leader-election attempt); returns
  /// whether it is a start not yet counted (a banner a moment before already counts it).
  mutating func noteStartSignal(_ context: EventContext) -> Bool {
    guard !isCountedStart(context.time, context) else { return false }
    countStart(context.time, context)
    noteStartCounted(context.replica)
    return true
  }

  /// Whether a start at `time` is the last start counted for the process of `context` (within the
  /// tolerance), seen again.
  private func isCountedStart(_ time: LogTime, _ context: EventContext) -> Bool {
    guard let last = lastStart(context) else { return false }
    return abs(last.epochMicroseconds(baseYear: 2000) - time.epochMicroseconds(baseYear: 2000))
      <= ProcessReducer.restartToleranceMicroseconds
  }

  /// Notes the start a monotonic clock reading implies; a later start than the reading before it
  /// means the process restarted in between, and that start is one the log shows.
  ///
  /// A restart already counted by its start-up banner is not counted again.
  mutating func noteProcessStart(_ start: FullTime, _ context: EventContext) {
    let previousStart = context.stream == 0 ? impliedProcessStart : replicas[context.replica]?.impliedProcessStart
    defer {
      if context.stream == 0 {
        impliedProcessStart = start
      } else {
        updateReplica(context) { $0.impliedProcessStart = start }
      }
    }
    guard let previous = previousStart,
      start.epochMicroseconds - previous.epochMicroseconds > ProcessReducer.restartToleranceMicroseconds
    else { return }
    // A new iterationId hash already counted this restart.
    if restartCountedByIteration {
      restartCountedByIteration = false
      return
    }
    let (_, month, day) = start.date
    // The start is minutes or hours before the record: in its year, or the year before in January.
    let yearOffset = Int(context.time.yearOffset) - (month == 12 && context.time.month == 1 ? 1 : 0)
    let time = LogTime(
      month: month, day: day, microsecondOfDay: start.microsecondOfDay, yearOffset: yearOffset,
      fractionDigits: min(start.fractionDigits, 6))
    if !isCountedStart(time, context) {
      countStart(time, context)
      noteStartCounted(context.replica)
    }
  }

  /// Notes the start or end of graceful degradation (1.37+ events), as a period of the autoscaler.
  mutating func applyGracefulDegradation(
    started: Bool, _ message: String, _ context: EventContext, _ steps: inout [EpisodeStep]
  ) {
    let open = autoscaler.gracefulDegradations.last.map { $0.stoppedAt == nil && $0.startedAt != nil } ?? false
    if started, open { return }
    if !started, let last = autoscaler.gracefulDegradations.indices.last,
      autoscaler.gracefulDegradations[last].stoppedAt == nil
    {
      autoscaler.gracefulDegradations[last].stoppedAt = context.knownTime
    } else {
      // A stop without its start (the log began inside the period) is a period of its own.
      autoscaler.gracefulDegradationCount += 1
      if autoscaler.gracefulDegradations.count >= AutoscalerInfo.maximumGracefulDegradations {
        autoscaler.gracefulDegradations.removeFirst()
      }
      autoscaler.gracefulDegradations.append(
        GracefulDegradation(
          startedAt: started ? context.knownTime : nil, stoppedAt: started ? nil : context.knownTime))
    }
    let summary = started ? "graceful degradation started: \(message)" : "graceful degradation stopped"
    steps.append(step(.process, nil, nil, summary, context))
  }
}
