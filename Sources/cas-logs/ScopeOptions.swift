import ArgumentParser
import LogParse

/// `--since`, `--until`, `--node-group`, `--node` and `--pod` of report, follow and assert.
struct ScopeOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      Only what happened at or after this time, as kubectl reads it: a duration (90s, 2h, 1h30m) \
      back from now, or an RFC 3339 time (2024-03-13T12:00:00Z). An episode or finding is kept when \
      its span (decision to end, first to last occurrence) overlaps the window.
      """, valueName: "TIME"))
  var since: String?

  @Option(help: ArgumentHelp("Only what happened at or before this time (as --since).", valueName: "TIME"))
  var until: String?

  @Option(
    name: .customLong("node-group"),
    help: ArgumentHelp(
      """
      Only what touches a node group whose name this PCRE2 pattern matches (searched anywhere, as \
      key~=regex; anchor with ^…$): its scale-ups (or balanced with it), scale-downs of its nodes, \
      failures and backoffs naming it.
      """, valueName: "PATTERN"))
  var nodeGroup: String?

  @Option(
    help: ArgumentHelp(
      "Only what touches a node this PCRE2 pattern matches: its scale-downs, failures naming it, blocked scale-downs.",
      valueName: "PATTERN"))
  var node: String?

  @Option(
    help: ArgumentHelp(
      """
      Only what touches a pod this PCRE2 pattern matches (namespace/name): scale-ups it triggered, \
      scale-downs that evicted it, scale-downs it blocked, its no-scale-up entries.
      """, valueName: "PATTERN"))
  var pod: String?

  func validate() throws {
    _ = try scope(now: FullTime.now())
  }

  /// The scope the options ask for, times relative to `now`; a bad value is a usage error.
  func scope(now: FullTime) throws -> ReportScope {
    var scope = ReportScope()
    func moment(_ option: String, _ text: String?) throws -> FullTime? {
      guard let text else { return nil }
      guard let moment = ReportScope.moment(text, now: now) else {
        throw ValidationError(
          "--\(option) '\(TerminalText.sanitize(text))': expected a duration from 1µs to "
            + "\(ReportScope.longestDurationHours(now: now))h (back to 1970-01-01), like 2h, or an RFC 3339 time "
            + "like 2024-03-13T12:00:00Z, in the years 1970 to 9999 (offsets up to ±23:59)")
      }
      return moment
    }
    scope.since = try moment("since", since)
    scope.until = try moment("until", until)
    scope.sinceText = since
    scope.untilText = until
    if let from = scope.since, let to = scope.until, from > to {
      throw ValidationError("--since \(from.rfc3339) is after --until \(to.rfc3339): the window is empty")
    }
    func pattern(_ option: String, _ text: String?) throws -> ReportScope.NamePattern? {
      guard let text else { return nil }
      do {
        return try ReportScope.NamePattern(text)
      } catch {
        throw ValidationError(TerminalText.sanitize("--\(option) '\(text)': \(error)"))
      }
    }
    scope.nodeGroup = try pattern("node-group", nodeGroup)
    scope.node = try pattern("node", node)
    scope.pod = try pattern("pod", pod)
    return scope
  }

  /// The scope, once parsed (validate() has checked every value).
  func scope() -> ReportScope {
    (try? scope(now: FullTime.now())) ?? ReportScope()
  }
}

/// `follow --only failures|episodes`.
struct StepSelectionOptions: ParsableArguments {
  /// The values of `--only`.
  enum Only: String, ExpressibleByArgument, CaseIterable {
    case failures, episodes
  }

  @Option(
    help: ArgumentHelp(
      "Print only failure steps (failures, timeouts, reverts) or only the steps of episodes.", valueName: "WHAT"))
  var only: Only?

  /// The selection asked for, or nil for every step.
  var selection: StepSelection? { only.flatMap { StepSelection(rawValue: $0.rawValue) } }
}
