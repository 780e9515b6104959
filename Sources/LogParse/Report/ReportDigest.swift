/// What the text and Markdown reports lead with on a large log: failures folded across groups and
/// nodes, the groups and nodes with the most problems, and the episodes in the order a reader wants.
struct ReportDigest: Sendable {
  /// Identical failures (same class, code, action, identity, operation and fatality) folded into one,
  /// whatever group or node they named.
  struct FoldedFailure: Sendable {
    /// The first of the folded findings (its class, code, action, evidence).
    var first: Failure
    /// Occurrences of all the folded findings together.
    var count: Int
    /// Distinct node groups the folded findings named, in order of first appearance.
    var groups: [String]
    /// Distinct nodes the folded findings named, in order of first appearance.
    var nodes: [String]
    var firstAt: LogTime?
    var lastAt: LogTime?
    /// What to fix, and whether an earlier folded failure already printed the same advice.
    var advice: String
    var adviceRepeated: Bool
  }

  /// The problems of one node group or node.
  struct Problems: Sendable {
    var name: String
    /// Failed and timed-out scale-ups (of a group) or failed scale-downs (of a node).
    var failedEpisodes = 0
    var timedOut = 0
    /// Failure occurrences that named it.
    var failures = 0
    var backoffs = 0
    var blocked = 0
    /// Everything above added up: what the ranking sorts by.
    var total: Int { failedEpisodes + timedOut + failures + backoffs + blocked }
  }

  /// Folded failures, most occurrences first.
  var failures: [FoldedFailure]
  /// Node groups with at least one problem, most first.
  var groups: [Problems]
  /// Nodes with at least one problem, most first.
  var nodes: [Problems]
  /// Indices into `report.scaleUps`: failed and timed out first, then pending, then succeeded; newest first in each.
  var scaleUpOrder: [Int]
  /// Indices into `report.scaleDowns`, in the same order.
  var scaleDownOrder: [Int]

  /// The digest of `report`.
  init(_ report: Report) {
    failures = Self.fold(report.failures)
    let baseYear = report.year.baseYear
    scaleUpOrder = Self.order(
      report.scaleUps.map { up in
        (rank: up.outcome.problemRank, time: (up.decidedAt ?? up.requestedAt ?? up.endedAt), baseYear: baseYear)
      })
    scaleDownOrder = Self.order(
      report.scaleDowns.map { down in
        (rank: down.outcome.problemRank, time: (down.startedAt ?? down.endedAt), baseYear: baseYear)
      })
    var groups: [String: Problems] = [:]
    var nodes: [String: Problems] = [:]
    func group(_ name: String, _ change: (inout Problems) -> Void) {
      change(&groups[name, default: Problems(name: name)])
    }
    func node(_ name: String, _ change: (inout Problems) -> Void) {
      change(&nodes[name, default: Problems(name: name)])
    }
    for up in report.scaleUps {
      if up.outcome == .failed { group(up.nodeGroup) { $0.failedEpisodes += 1 } }
      if up.outcome == .timedOut { group(up.nodeGroup) { $0.timedOut += 1 } }
    }
    for down in report.scaleDowns where down.outcome == .failed { node(down.node) { $0.failedEpisodes += 1 } }
    for failure in report.failures {
      if let name = failure.nodeGroup { group(name) { $0.failures += failure.count } }
      if let name = failure.node { node(name) { $0.failures += failure.count } }
    }
    for backoff in report.backoffs { group(backoff.nodeGroup) { $0.backoffs += 1 } }
    for blocked in report.blockedScaleDowns { node(blocked.node) { $0.blocked += blocked.count } }
    self.groups = Self.ranked(groups)
    self.nodes = Self.ranked(nodes)
  }

  /// Failures folded on everything but the group and node they named, most occurrences first.
  static func fold(_ list: [Failure]) -> [FoldedFailure] {
    struct Key: Hashable {
      var failureClass: FailureClass
      var code, action, principal: String?
      var operation: FailureOperation?
      var fatal: Bool
    }
    var folded: [FoldedFailure] = []
    var index: [Key: Int] = [:]
    var groupSets: [Set<String>] = []
    var nodeSets: [Set<String>] = []
    for failure in list {
      let key = Key(
        failureClass: failure.failureClass, code: failure.code, action: failure.action, principal: failure.principal,
        operation: failure.operation, fatal: failure.fatal)
      let position: Int
      if let found = index[key] {
        position = found
        folded[position].count += failure.count
        folded[position].firstAt = .earliest(folded[position].firstAt, failure.firstAt)
        folded[position].lastAt = .latest(folded[position].lastAt, failure.lastAt)
      } else {
        position = folded.count
        index[key] = position
        folded.append(
          FoldedFailure(
            first: failure, count: failure.count, groups: [], nodes: [], firstAt: failure.firstAt,
            lastAt: failure.lastAt, advice: FailureAdvice.advice(for: failure), adviceRepeated: false))
        groupSets.append([])
        nodeSets.append([])
      }
      if let group = failure.nodeGroup, groupSets[position].insert(group).inserted {
        folded[position].groups.append(group)
      }
      if let node = failure.node, nodeSets[position].insert(node).inserted { folded[position].nodes.append(node) }
    }
    // Most occurrences first; ties in order of appearance.
    let sorted = folded.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(
      \.element)
    var seen: Set<String> = []
    return sorted.map { failure in
      var failure = failure
      failure.adviceRepeated = !seen.insert(failure.advice).inserted
      return failure
    }
  }

  /// Indices sorted by problem rank, then newest first (untimed last), then latest position first.
  static func order(_ keys: [(rank: Int, time: LogTime?, baseYear: Int)]) -> [Int] {
    let times = keys.map { key in key.time.map { $0.epochMicroseconds(baseYear: key.baseYear) } ?? Int64.min }
    return keys.indices.sorted { left, right in
      if keys[left].rank != keys[right].rank { return keys[left].rank < keys[right].rank }
      if times[left] != times[right] { return times[left] > times[right] }
      return left > right
    }
  }

  private static func ranked(_ table: [String: Problems]) -> [Problems] {
    table.values.filter { $0.total > 0 }.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
  }
}

extension ScaleUpOutcome {
  /// 0 for a problem (failed, timed out), 1 for pending, 2 for succeeded: the order reports list episodes in.
  var problemRank: Int {
    switch self {
    case .failed, .timedOut: return 0
    case .pending: return 1
    case .succeeded: return 2
    }
  }
}

extension ScaleDownOutcome {
  /// 0 for failed, 1 for pending, 2 for succeeded.
  var problemRank: Int {
    switch self {
    case .failed: return 0
    case .pending: return 1
    case .succeeded: return 2
    }
  }
}
