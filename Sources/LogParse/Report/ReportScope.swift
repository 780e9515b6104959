/// What `--since`, `--until`, `--node-group`, `--node` and `--pod` keep of a report.
///
/// Every given filter must keep an entry (they combine with "and"). The time window keeps an entry
/// whose span (decision or start to end; a finding's first to last occurrence; a backoff's start)
/// overlaps it, a pending episode running to the end of the log. A name filter is a PCRE2 pattern
/// searched for anywhere in the name (as `key~=regex` and `--expect-line`; anchor it with `^…$`):
/// `--node-group` keeps scale-ups of the group or balanced with it, scale-downs of a node of the
/// group, failures and backoffs naming it and pods that did not trigger a scale-up in it;
/// `--node` keeps scale-downs of the node, failures naming it and blocked scale-downs of it;
/// `--pod` keeps scale-ups the pod triggered, scale-downs that evicted it, blocked scale-downs it
/// blocked and its no-scale-up entries. An entry that names nothing a filter asks about (a backoff
/// under `--node`) is left out. The input, autoscaler and accounting lines describe the whole input.
public struct ReportScope: Sendable {
  /// A name filter: the pattern as given and its compiled form.
  public struct NamePattern: Sendable {
    public let source: String
    let pattern: BytePattern

    /// The pattern `source`, compiled; throws when PCRE2 rejects it.
    public init(_ source: String) throws(PatternError) {
      self.source = source
      pattern = try BytePattern(source)
    }

    /// Whether `name` contains a match.
    ///
    /// A name on which PCRE2 gives up is kept: it is never silently dropped from a report.
    public func matches(_ name: String) -> Bool {
      let matcher = Matcher(pattern)
      var bytes = Array(name.utf8)
      return bytes.withUnsafeMutableBufferPointer { buffer in
        (try? matcher.matches(UnsafeBufferPointer(buffer))) ?? true
      }
    }
  }

  /// The window's ends, inclusive, and how they were written (`2h`, an RFC 3339 time).
  public var since: FullTime?
  public var until: FullTime?
  public var sinceText: String?
  public var untilText: String?
  public var nodeGroup: NamePattern?
  public var node: NamePattern?
  public var pod: NamePattern?

  public init() {}

  /// Whether no filter is set.
  public var isEmpty: Bool { since == nil && until == nil && nodeGroup == nil && node == nil && pod == nil }

  /// The filters as the report headers state them: `since 2024-03-13T10:00:00Z (2h)`, `node group ~ /eks-a/`.
  public var descriptions: [String] {
    var parts: [String] = []
    if let since {
      parts.append("since \(since.rfc3339)" + (sinceText.map { $0 == since.rfc3339 ? "" : " (\($0))" } ?? ""))
    }
    if let until {
      parts.append("until \(until.rfc3339)" + (untilText.map { $0 == until.rfc3339 ? "" : " (\($0))" } ?? ""))
    }
    if let nodeGroup { parts.append("node group ~ /\(nodeGroup.source)/") }
    if let node { parts.append("node ~ /\(node.source)/") }
    if let pod { parts.append("pod ~ /\(pod.source)/") }
    return parts
  }

  /// Whether the span from `start` to `end` (nil: to the end of the log) overlaps the window.
  public func overlaps(_ start: LogTime?, _ end: LogTime?, baseYear: Int, logEnd: LogTime?) -> Bool {
    guard since != nil || until != nil else { return true }
    guard let start = start ?? end else { return false }
    let from = start.epochMicroseconds(baseYear: baseYear)
    let to = (end ?? logEnd ?? start).epochMicroseconds(baseYear: baseYear)
    if let since, max(from, to) < since.epochMicroseconds { return false }
    if let until, from > until.epochMicroseconds { return false }
    return true
  }

  /// Whether a moment is inside the window.
  public func contains(_ time: LogTime, baseYear: Int) -> Bool {
    overlaps(time, time, baseYear: baseYear, logEnd: nil)
  }

  /// Whether every name filter keeps an entry: `names(filter)` lists the entry's names of that kind,
  /// or nil when the entry names nothing of that kind.
  func keepsNames(group: [String]?, node: [String]?, pod: [String]?) -> Bool {
    for (pattern, names) in [(nodeGroup, group), (self.node, node), (self.pod, pod)] {
      guard let pattern else { continue }
      guard let names, names.contains(where: pattern.matches) else { return false }
    }
    return true
  }
}

extension Report {
  /// The report of what `scope` keeps (see ``ReportScope``), with `scope` recorded for the headers;
  /// the report itself when no filter is set.
  ///
  /// Entries dropped earlier to bound memory cannot be placed in or out of scope: a scoped report
  /// does not count them.
  public func scoped(_ scope: ReportScope) -> Report {
    guard !scope.isEmpty else { return self }
    var report = self
    let year = self.year.baseYear
    let end = lastTime
    func some(_ name: String?) -> [String]? { name.map { [$0] } }
    report.scaleUps = scaleUps.filter { up in
      scope.overlaps(up.decidedAt ?? up.requestedAt, up.endedAt, baseYear: year, logEnd: end)
        && scope.keepsNames(group: [up.nodeGroup] + up.balancedWith, node: nil, pod: up.triggeringPods)
    }
    report.scaleDowns = scaleDowns.filter { down in
      scope.overlaps(down.startedAt, down.endedAt, baseYear: year, logEnd: end)
        && scope.keepsNames(group: some(down.nodeGroup), node: [down.node], pod: down.evictedPods)
    }
    report.failures = failures.filter { failure in
      scope.overlaps(failure.firstAt, failure.lastAt, baseYear: year, logEnd: end)
        && scope.keepsNames(group: some(failure.nodeGroup), node: some(failure.node), pod: nil)
    }
    report.backoffs = backoffs.filter { backoff in
      scope.overlaps(backoff.at, backoff.at, baseYear: year, logEnd: nil)
        && scope.keepsNames(group: [backoff.nodeGroup], node: nil, pod: nil)
    }
    report.blockedScaleDowns = blockedScaleDowns.filter { blocked in
      scope.overlaps(blocked.firstAt, blocked.lastAt, baseYear: year, logEnd: end)
        && scope.keepsNames(group: nil, node: [blocked.node], pod: some(blocked.pod))
    }
    report.noScaleUps = noScaleUps.filter { item in
      scope.overlaps(item.firstAt, item.lastAt, baseYear: year, logEnd: end)
        && scope.keepsNames(group: some(item.nodeGroup), node: nil, pod: [item.pod])
    }
    report.sizeDecreases = sizeDecreases.filter { decrease in
      scope.overlaps(decrease.at, decrease.at, baseYear: year, logEnd: nil)
        && scope.keepsNames(group: [decrease.nodeGroup], node: nil, pod: nil)
    }
    report.omitted = Omitted()
    report.scope = scope
    return report
  }
}

extension Omitted {
  /// Nothing omitted.
  init() {
    scaleUps = [:]
    scaleDowns = [:]
    failures = [:]
    backoffs = 0
    blockedScaleDowns = 0
    noScaleUps = 0
    sizeDecreases = 0
  }
}

extension ReportScope {
  /// `Scope: since 2024-03-13T10:00:00Z (2h); node group ~ /eks-a/`: the header line of a filtered report.
  public var header: String { "Scope: " + descriptions.joined(separator: "; ") }

  /// What a filtered report's header adds after the filters.
  public static let headerNote = "only entries in scope are listed and counted"

  /// Writes `"scope"`: null for the whole input, else the filters, each null when not given.
  static func write(_ scope: ReportScope?, _ json: inout JSONWriter) {
    json.key("scope")
    guard let scope else { return json.null() }
    json.beginObject()
    json.field("since", scope.since?.rfc3339)
    json.field("until", scope.until?.rfc3339)
    json.field("nodeGroup", scope.nodeGroup?.source)
    json.field("node", scope.node?.source)
    json.field("pod", scope.pod?.source)
    json.field("sinceText", scope.sinceText)
    json.field("untilText", scope.untilText)
    json.endObject()
  }
}

extension ReportScope {
  /// The longest relative `--since`/`--until`: a hundred years, as `within=`.
  public static let longestDuration = GoDuration.maximumSeconds

  /// The shortest relative `--since`/`--until`: one microsecond, the resolution of times.
  public static let shortestDuration = 1e-6 * (1 - 1e-9)

  /// The longest relative `--since`/`--until` at `now`, in whole hours: back to 1970-01-01 (the first
  /// supported year), which is nearer than ``longestDuration``.
  public static func longestDurationHours(now: FullTime) -> Int64 {
    let sinceEpoch = now.epochMicroseconds / 3_600_000_000
    return max(0, min(sinceEpoch, Int64(longestDuration / 3600)))
  }

  /// The moment a `--since`/`--until` value names, as kubectl reads it.
  ///
  /// A duration (`90s`, `2h`, `1h30m`, from 1µs to ``longestDuration(now:)``) is that long before `now`; an RFC 3339 time
  /// (`2024-03-13T12:00:00Z`, `…+09:00`) is that moment. Nil for anything else, or a time outside
  /// the supported years.
  public static func moment(_ text: String, now: FullTime) -> FullTime? {
    let bytes = Array(text.utf8)
    if let parsed = TimeText.parse(bytes, dateTimeSeparators: [UInt8(ascii: "T"), UInt8(ascii: "t")]),
      parsed.length == bytes.count
    {
      return parsed.time.isSupported ? parsed.time : nil
    }
    guard let duration = GoDuration.parse(text), !duration.clamped, duration.seconds >= shortestDuration,
      duration.seconds <= longestDuration
    else { return nil }
    let moment = FullTime(epochMicroseconds: now.epochMicroseconds - Int64((duration.seconds * 1e6).rounded()))
    return moment.isSupported ? moment : nil
  }
}
