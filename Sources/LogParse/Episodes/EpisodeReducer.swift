/// One concern of the episode builder: a reducer that owns its state and takes typed events.
///
/// Each reducer switches over every `Event` case, naming the ones it does not take, so a new
/// event must be placed before the package compiles again. `EpisodeBuilder` composes the reducers
/// and owns only what links them (a failure or a backoff closes a scale-up, a Kubernetes event is
/// evidence for another concern).
protocol EpisodeReducer {
  /// Applies one event and appends the steps it makes visible.
  mutating func apply(_ event: Event, _ context: EventContext, _ steps: inout [EpisodeStep])
}

extension EpisodeReducer {
  /// Builds a step at the time and line of `context`.
  func step(
    _ kind: EpisodeStep.Kind, _ episodeId: String?, _ subject: String?, _ summary: String, _ context: EventContext
  ) -> EpisodeStep {
    EpisodeStep(
      kind: kind, episodeId: episodeId, subject: subject, summary: summary, time: context.time,
      hasTime: context.hasTime, source: context.source, line: context.lines.lowerBound)
  }
}
