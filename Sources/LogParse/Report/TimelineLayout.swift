/// Where things go on the report's timeline: the time axis and one lane per node group or node.
struct TimelineLayout {
  /// A lane: a node group (scale-ups, backoffs, failures) or a node (scale-downs, blocked).
  struct Lane {
    var title: String
    var isNode: Bool
    var scaleUps: [ScaleUpEpisode] = []
    var scaleDowns: [ScaleDownEpisode] = []
    var backoffs: [Backoff] = []
    var failures: [Failure] = []
    var blocked: [BlockedScaleDown] = []

    var weight: Int { scaleUps.count + scaleDowns.count + backoffs.count + failures.count + blocked.count }
  }

  /// The most lanes drawn one by one; the rest share one aggregate lane per kind.
  static let maximumLanes = 40

  let start: Int64
  let end: Int64
  let baseYear: Int
  private(set) var lanes: [Lane] = []

  /// Lays out `report`: the axis spans every time it mentions; busiest lanes first, up to the maximum.
  init(_ report: Report) {
    baseYear = report.year.baseYear
    var times: [Int64] = []
    func add(_ time: LogTime?) {
      if let time = time?.known { times.append(time.epochMicroseconds(baseYear: report.year.baseYear)) }
    }
    add(report.firstTime)
    add(report.lastTime)
    for up in report.scaleUps {
      add(up.decidedAt)
      add(up.endedAt)
    }
    for down in report.scaleDowns {
      add(down.startedAt)
      add(down.endedAt)
      if let since = down.unneededSince { times.append(since.epochMicroseconds) }
    }
    for backoff in report.backoffs {
      add(backoff.at)
      if let until = backoff.until { times.append(until.epochMicroseconds) }
    }
    let first = times.min() ?? 0
    let last = max(times.max() ?? 1, first + 1_000_000)
    // A margin on both sides keeps short episodes at the edges visible.
    let margin = (last - first) / 40
    start = first - margin
    end = last + margin

    var groups: [String: Lane] = [:]
    var nodes: [String: Lane] = [:]
    var groupOrder: [String] = []
    var nodeOrder: [String] = []
    func group(_ name: String, _ update: (inout Lane) -> Void) {
      if groups[name] == nil {
        groups[name] = Lane(title: name, isNode: false)
        groupOrder.append(name)
      }
      update(&groups[name]!)
    }
    func node(_ name: String, _ update: (inout Lane) -> Void) {
      if nodes[name] == nil {
        nodes[name] = Lane(title: name, isNode: true)
        nodeOrder.append(name)
      }
      update(&nodes[name]!)
    }
    for up in report.scaleUps { group(up.nodeGroup) { $0.scaleUps.append(up) } }
    for backoff in report.backoffs { group(backoff.nodeGroup) { $0.backoffs.append(backoff) } }
    for failure in report.failures {
      if let name = failure.nodeGroup {
        group(name) { $0.failures.append(failure) }
      } else {
        group("(cluster)") { $0.failures.append(failure) }
      }
    }
    for down in report.scaleDowns { node(down.node) { $0.scaleDowns.append(down) } }
    for blocked in report.blockedScaleDowns { node(blocked.node) { $0.blocked.append(blocked) } }
    lanes =
      TimelineLayout.limit(groupOrder.compactMap { groups[$0] }, aggregateTitle: "other node groups")
      + TimelineLayout.limit(nodeOrder.compactMap { nodes[$0] }, aggregateTitle: "other nodes")
  }

  /// Keeps the busiest lanes (in first-seen order) and merges the rest into one aggregate lane.
  private static func limit(_ lanes: [Lane], aggregateTitle: String) -> [Lane] {
    let share = maximumLanes / 2
    guard lanes.count > share else { return lanes }
    let kept = Set(lanes.indices.sorted { lanes[$0].weight > lanes[$1].weight }.prefix(share - 1))
    var aggregate = Lane(title: "\(aggregateTitle) (\(lanes.count - kept.count))", isNode: lanes[0].isNode)
    var result: [Lane] = []
    for (index, lane) in lanes.enumerated() {
      if kept.contains(index) {
        result.append(lane)
      } else {
        aggregate.scaleUps += lane.scaleUps
        aggregate.scaleDowns += lane.scaleDowns
        aggregate.backoffs += lane.backoffs
        aggregate.failures += lane.failures
        aggregate.blocked += lane.blocked
      }
    }
    return result + [aggregate]
  }

  /// The x position (0…width) of a time in microseconds since the epoch.
  func x(_ microseconds: Int64, width: Double) -> Double {
    Double(microseconds - start) / Double(end - start) * width
  }

  /// The x position of a log time.
  func x(_ time: LogTime, width: Double) -> Double {
    guard time.isKnown else { return 0 }
    return x(time.epochMicroseconds(baseYear: baseYear), width: width)
  }

  /// Tick times for the axis: round steps giving about `count` ticks.
  func ticks(count: Int) -> [Int64] {
    let span = end - start
    let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400]
      .map { $0 * 1_000_000 }
    let step = steps.first { span / $0 <= Int64(count) } ?? (span / Int64(max(1, count)) + 1)
    var tick = (start / step + 1) * step
    var result: [Int64] = []
    while tick < end {
      result.append(tick)
      tick += step
    }
    return result
  }
}
