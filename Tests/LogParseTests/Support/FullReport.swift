@testable import LogParse

/// A report with every fact set, each to a value no other fact has (strings, integers, times), so
/// that a test can find each fact in a rendering by its value alone.
///
/// Two sources, with evidence in each; every optional set, every list non-empty (the loops of
/// findings other than episodes excepted: no renderer shows them).
enum FullReport {
  /// A time of 2026-03-14 at 10:MM:SS, distinct for every `second` below 3600.
  static func time(_ second: Int) -> LogTime {
    LogTime(month: 3, day: 14, microsecondOfDay: Int64(10 * 3600 + second) * 1_000_000 + 250_000)
  }

  /// A full time on the same day.
  static func fullTime(_ second: Int) -> FullTime {
    // 2026-03-14T00:00:00Z.
    FullTime(epochMicroseconds: (1_773_446_400 + Int64(10 * 3600 + second)) * 1_000_000 + 500_000)
  }

  static func evidence(_ source: Int, _ lines: ClosedRange<Int>, loops: (Int, Int)? = nil) -> Evidence {
    var evidence = Evidence(source: source, lines: lines)
    if let (first, last) = loops {
      evidence.iterations = LoopSpan(
        first: .structured(IterationId(process: 0x1f0c_9a7e, number: first)),
        last: .structured(IterationId(process: 0x1f0c_9a7e, number: last)))
    }
    return evidence
  }

  static func failure(_ tag: String, _ base: Int, source: Int, fatal: Bool = false) -> Failure {
    Failure(
      failureClass: .iam, code: "code-\(tag)", action: "action-\(tag)", principal: "principal-\(tag)",
      nodeGroup: "failure-group-\(tag)", node: "failure-node-\(tag)", operation: .scaleUp, fatal: fatal,
      message: "message-\(tag)", firstAt: time(base), lastAt: time(base + 1), count: 9000 + base,
      evidence: evidence(source, (8000 + base)...(8000 + base)))
  }

  /// The report.
  static func make() throws -> Report {
    var report = Fixtures.analyze([])
    report.sources = ["first.log", "second.log"]
    var accounting = LineAccounting()
    accounting.lines = 7101
    accounting.records = 7102
    accounting.continuationLines = 7103
    accounting.malformed = 7104
    accounting.skipped = 7105
    accounting.truncated = 7106
    accounting.mergedRecords = 7107
    accounting.truncatedFields = 7108
    accounting.outOfRangeValues = 7109
    accounting.untimedRecords = 7110
    accounting.held = 7111
    report.accounting = accounting
    report.recognized = 7112
    report.unrecognized = 7113
    report.formats = [.klogText, .kubectlPrefix]
    report.firstTime = time(1)
    report.lastTime = time(3000)
    report.year = YearResolution(baseYear: 2026, source: .message)
    report.verbosity = 7
    report.patternErrors = 7114
    report.reorder.spilled = 7115
    report.reorder.outOfOrder = 7116
    report.reorder.releasedEarly = 7117
    report.reorder.lost = 7118
    report.unrecognizedShapes = [
      UnrecognizedShapes.Shape(
        shape: "shape-#", count: 7119, overcount: 7120, sample: "sample-1", source: 1, line: 7121)
    ]
    report.unrecognizedTotals = UnrecognizedShapes.Totals(
      records: 7122, distinct: 7123, distinctIsExact: false, kept: 7124)
    report.interrupted = "SIGTERM"
    report.incompleteInput = "incomplete-input"

    var scope = ReportScope()
    scope.since = fullTime(2)
    scope.until = fullTime(3500)
    scope.sinceText = "since-text"
    scope.untilText = "until-text"
    scope.nodeGroup = try ReportScope.NamePattern("scope-group")
    scope.node = try ReportScope.NamePattern("scope-node")
    scope.pod = try ReportScope.NamePattern("scope-pod")
    report.scope = scope

    var autoscaler = AutoscalerInfo()
    autoscaler.versions = ["version-1"]
    autoscaler.starts = [time(3)]
    autoscaler.startCount = 7125
    autoscaler.lastStart = time(4)
    autoscaler.cloudProvider = "cloud-1"
    autoscaler.isLeader = true
    var replica = Replica(source: 1, stream: 7126)
    replica.name = "replica-1"
    replica.startCount = 7127
    replica.starts = [time(5)]
    replica.lastStart = time(6)
    replica.acquired = true
    replica.impliedProcessStart = fullTime(7)
    autoscaler.replicas = [replica]
    autoscaler.gracefulDegradations = [GracefulDegradation(startedAt: time(8), stoppedAt: time(9))]
    autoscaler.gracefulDegradationCount = 7128
    autoscaler.logFormat = .mixed
    report.autoscaler = autoscaler

    var up = ScaleUpEpisode(
      id: "up-1", nodeGroup: "up-group", from: 7201, to: 7209, max: 7210, estimate: 7211,
      triggeringPods: ["up-pod-1"], triggeringPodCount: 7212, decidedAt: time(100), requestedAt: time(101),
      endedAt: time(160), printedDurationSeconds: 93.25, outcome: .timedOut, error: failure("up-error", 110, source: 0),
      capping: ScaleUpCapping(
        requestedNodes: 7213, cappedToNodes: 7214, clusterMaxSize: 7215, quotaRequestedNodes: 7216,
        quotaCappedToNodes: 7217),
      balancedWith: ["balanced-group-1", "balanced-group-2"], revertedNodes: 7218, revertedAt: time(170),
      evidence: evidence(0, 7301...7302, loops: (7303, 7304)), inferredFrom: .failure)
    up.revertError = failure("revert-error", 180, source: 1)
    report.scaleUps = [up]

    report.scaleDowns = [
      ScaleDownEpisode(
        id: "down-1", node: "down-node", nodeGroup: "down-group", kind: .drain, utilization: 0.4375,
        unneededSince: fullTime(200), unneededSeconds: 611.5, startedAt: time(210), drainedAt: time(220),
        endedAt: time(230), instanceId: "instance-1", evictedPods: ["evicted-pod-1"], outcome: .failed,
        error: failure("down-error", 240, source: 1), evidence: evidence(1, 7401...7402, loops: (7403, 7404)),
        inferredFrom: .failure)
    ]
    report.failures = [failure("fatal", 300, source: 0, fatal: true)]
    report.backoffs = [
      Backoff(
        nodeGroup: "backoff-group", at: time(400), until: fullTime(460), errorClass: "error-class-1",
        errorCode: "error-code-1", evidence: evidence(1, 7501...7501))
    ]
    report.blockedScaleDowns = [
      BlockedScaleDown(
        node: "blocked-node", reason: .podDisruptionBudget, detail: "blocked-detail", pod: "blocked-pod",
        firstAt: time(500), lastAt: time(501), count: 7502, evidence: evidence(0, 7503...7503))
    ]
    report.noScaleUps = [
      NoScaleUp(
        pod: "waiting-pod", reasons: ["reason-counted", "reason-plain"], nodeGroup: "waiting-group",
        firstAt: time(600), lastAt: time(601), count: 7601, evidence: evidence(1, 7602...7603),
        reasonNodeGroups: ["reason-counted": 7604])
    ]
    report.sizeDecreases = [
      SizeDecrease(
        nodeGroup: "decrease-group", from: 7701, to: 7702, reason: .scaleUpRevert, at: time(700),
        evidence: evidence(0, 7703...7703))
    ]
    report.omitted.scaleUps = [.failed: 7801]
    report.omitted.scaleDowns = [.pending: 7802]
    report.omitted.failures = [.quota: 7803]
    report.omitted.backoffs = 7804
    report.omitted.blockedScaleDowns = 7805
    report.omitted.noScaleUps = 7806
    report.omitted.sizeDecreases = 7807
    return report
  }
}
