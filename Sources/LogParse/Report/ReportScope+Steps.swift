/// The scope of `follow`'s live steps.
extension ReportScope {
  /// What a step's subject names.
  enum SubjectKind {
    case group, node, pod
  }

  /// Whether `step` is in scope.
  ///
  /// Its time must be in the window and its own subject (the group of a scale-up step or a backoff,
  /// the node of a scale-down step, the pod of a pending pod) kept by every name filter. A step whose
  /// subject is not of a filtered kind is left out while a name filter is set.
  public func keeps(_ step: EpisodeStep, baseYear: Int) -> Bool {
    guard contains(step.time, baseYear: baseYear) else { return false }
    guard nodeGroup != nil || node != nil || pod != nil else { return true }
    let names = step.subject.map { [$0] }
    switch Self.subjectKind(step) {
    case .group: return keepsNames(group: names, node: nil, pod: nil)
    case .node: return keepsNames(group: nil, node: names, pod: nil)
    case .pod: return keepsNames(group: nil, node: nil, pod: names)
    case nil: return false
    }
  }

  /// The kind of name a step's subject is, from its episode and kind.
  static func subjectKind(_ step: EpisodeStep) -> SubjectKind? {
    if let id = step.episodeId {
      if id.hasPrefix("up-") { return .group }
      if id.hasPrefix("down-") { return .node }
    }
    switch step.kind {
    case .resize, .finished, .timeout, .revert, .backoff, .decision: return .group
    case .failure: return step.subject == nil ? nil : .group
    case .unneeded, .removal, .taint, .drained, .blocked: return .node
    case .podsPending: return step.subject == nil ? nil : .pod
    case .upcoming, .termination, .noScaleUp, .process: return nil
    }
  }
}

/// `follow --only failures|episodes`: which steps are printed.
public enum StepSelection: String, Sendable, CaseIterable {
  /// Failures, timeouts and reverts.
  case failures
  /// Steps that belong to an episode (a scale-up or scale-down id).
  case episodes

  /// Whether `step` is selected.
  public func keeps(_ step: EpisodeStep) -> Bool {
    switch self {
    case .failures: return [.failure, .timeout, .revert].contains(step.kind)
    case .episodes: return step.episodeId != nil
    }
  }
}
