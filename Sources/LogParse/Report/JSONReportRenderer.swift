/// Renders a ``Report`` as the JSON contract of `cas-logs report --format json` (schema version 1).
public enum JSONReportRenderer {
  /// The tool's version, written in `tool.version`.
  static let toolVersion = CasLogsVersion.current

  /// The report as pretty-printed JSON text, ending with a newline.
  public static func render(_ report: Report) -> String {
    var text = ""
    render(report) { text += $0 }
    return text
  }

  /// Writes the report as pretty-printed JSON text, ending with a newline, to `sink` in pieces of
  /// about 64 KiB: a report of thousands of episodes is never held whole in memory.
  public static func render(_ report: Report, to sink: (String) -> Void) {
    var json = JSONWriter()
    json.beginObject()
    json.field("schemaVersion", Report.schemaVersion)
    json.key("tool")
    json.beginObject()
    json.field("name", "cas-logs")
    json.field("version", toolVersion)
    json.endObject()
    writeInput(report, &json)
    ReportScope.write(report.scope, &json)
    writeAutoscaler(report, &json)
    json.key("scaleUps")
    json.beginArray()
    for episode in report.scaleUps {
      writeScaleUp(episode, report, &json)
      json.drain(to: sink)
    }
    json.endArray()
    json.key("scaleDowns")
    json.beginArray()
    for episode in report.scaleDowns {
      writeScaleDown(episode, report, &json)
      json.drain(to: sink)
    }
    json.endArray()
    json.key("failures")
    json.beginArray()
    for failure in report.failures {
      writeFailure(failure, report, &json)
      json.drain(to: sink)
    }
    json.endArray()
    writeBackoffs(report, &json, sink)
    writeBlocked(report, &json, sink)
    writeNoScaleUps(report, &json, sink)
    writeSizeDecreases(report, &json, sink)
    writeSummary(report, &json)
    json.endObject()
    sink(json.output + "\n")
  }

  private static func writeInput(_ report: Report, _ json: inout JSONWriter) {
    let counts = report.accounting
    json.key("input")
    json.beginObject()
    json.field("sources", strings: report.sources)
    json.field("lines", counts.lines)
    json.field("records", counts.records)
    json.field("recognized", report.recognized)
    json.field("unrecognized", report.unrecognized)
    json.field("malformed", counts.malformed)
    json.field("skipped", counts.skipped)
    json.field("truncated", counts.truncated)
    json.field("continuationLines", counts.continuationLines)
    json.field("mergedRecords", counts.mergedRecords)
    json.field("untimedRecords", counts.untimedRecords)
    json.field("truncatedFields", counts.truncatedFields)
    json.field("outOfRangeValues", counts.outOfRangeValues)
    json.field("formats", strings: report.formats.map(\.rawValue))
    json.field("firstTime", report.firstTime.flatMap(report.jsonTime))
    json.field("lastTime", report.lastTime.flatMap(report.jsonTime))
    json.field("year", report.year.baseYear)
    json.field("yearSource", report.year.source.rawValue)
    json.field("verbosity", report.verbosity)
    json.field("patternLimitHits", report.patternErrors)
    json.field("eventsSpilled", report.reorder.spilled)
    json.field("eventsOutOfOrder", report.reorder.outOfOrder + report.reorder.releasedEarly)
    json.field("eventsLost", report.reorder.lost)
    json.field("interrupted", report.interrupted)
    json.field("unrecognizedDistinctShapes", report.unrecognizedTotals.distinct)
    json.field("unrecognizedDistinctShapesExact", report.unrecognizedTotals.distinctIsExact)
    json.key("unrecognizedShapes")
    json.beginArray()
    for shape in report.unrecognizedShapes {
      json.beginObject()
      json.field("shape", shape.shape)
      json.field("count", shape.count)
      json.field("overcount", shape.overcount)
      json.field("sample", shape.sample)
      json.field("source", report.sourceName(shape.source))
      json.field("line", shape.line)
      json.endObject()
    }
    json.endArray()
    json.field("unrecognizedShapeRecords", report.unrecognizedTotals.records)
    json.field("unrecognizedShapesKept", report.unrecognizedTotals.kept)
    json.field("gracefulDegradationCount", report.autoscaler.gracefulDegradationCount)
    json.endObject()
  }

  private static func writeAutoscaler(_ report: Report, _ json: inout JSONWriter) {
    json.key("autoscaler")
    json.beginObject()
    json.field("versions", strings: report.autoscaler.versions)
    json.field("starts", strings: report.autoscaler.starts.compactMap(report.jsonTime))
    json.field("startCount", report.autoscaler.startCount)
    json.field("cloudProvider", report.autoscaler.cloudProvider)
    json.field("isLeader", report.autoscaler.isLeader)
    json.key("replicas")
    json.beginArray()
    for replica in report.autoscaler.replicas {
      json.beginObject()
      json.field("name", replica.name)
      json.field("source", report.sourceName(replica.source))
      json.field("stream", replica.stream)
      json.field("isLeader", replica.isLeader)
      json.field("startCount", replica.startCount)
      json.field("starts", strings: replica.starts.map(report.rfc3339))
      json.endObject()
    }
    json.endArray()
    json.key("gracefulDegradations")
    json.beginArray()
    for period in report.autoscaler.gracefulDegradations {
      json.beginObject()
      json.field("startedAt", period.startedAt.flatMap(report.jsonTime))
      json.field("stoppedAt", period.stoppedAt.flatMap(report.jsonTime))
      json.endObject()
    }
    json.endArray()
    json.field("gracefulDegradationCount", report.autoscaler.gracefulDegradationCount)
    json.field("logFormat", report.autoscaler.logFormat.rawValue)
    json.endObject()
  }

  private static func writeScaleUp(_ episode: ScaleUpEpisode, _ report: Report, _ json: inout JSONWriter) {
    json.beginObject()
    json.field("id", episode.id)
    json.field("nodeGroup", episode.nodeGroup)
    json.field("from", episode.from)
    json.field("to", episode.to)
    json.field("max", episode.max)
    json.field("nodes", episode.nodes)
    json.field("estimatedNodes", episode.estimate)
    json.field("triggeringPods", strings: episode.triggeringPods)
    json.field("triggeringPodCount", episode.triggeringPodCount)
    json.field("decidedAt", episode.decidedAt.flatMap(report.jsonTime))
    json.field("requestedAt", episode.requestedAt.flatMap(report.jsonTime))
    json.field("endedAt", episode.endedAt.flatMap(report.jsonTime))
    json.field("durationSeconds", episode.durationSeconds(baseYear: report.year.baseYear))
    json.field("printedDurationSeconds", episode.printedDurationSeconds)
    json.field("outcome", episode.outcome.rawValue)
    json.key("error")
    if let error = episode.error { writeFailure(error, report, &json) } else { json.null() }
    writeCapping(episode.capping, &json)
    json.field("balancedWith", strings: episode.balancedWith)
    json.field("revertedNodes", episode.revertedNodes)
    json.field("revertedAt", report.rfc3339(known: episode.revertedAt))
    json.key("revertError")
    if let error = episode.revertError { writeFailure(error, report, &json) } else { json.null() }
    json.field("inferredFrom", episode.inferredFrom?.rawValue)
    writeEvidence(episode.evidence, report, &json)
    writeIterations(episode.evidence, &json)
    json.endObject()
  }

  /// `"capping": {…}`: how the decision was cut down (the node group set's capacity, the cluster's
  /// maximum size, resource quotas), each value null when not logged; null when nothing capped it.
  private static func writeCapping(_ capping: ScaleUpCapping?, _ json: inout JSONWriter) {
    json.key("capping")
    guard let capping else { return json.null() }
    json.beginObject()
    json.field("requestedNodes", capping.requestedNodes)
    json.field("cappedToNodes", capping.cappedToNodes)
    json.field("clusterMaxSize", capping.clusterMaxSize)
    json.field("quotaRequestedNodes", capping.quotaRequestedNodes)
    json.field("quotaCappedToNodes", capping.quotaCappedToNodes)
    json.endObject()
  }

  private static func writeScaleDown(_ episode: ScaleDownEpisode, _ report: Report, _ json: inout JSONWriter) {
    json.beginObject()
    json.field("id", episode.id)
    json.field("node", episode.node)
    json.field("nodeGroup", episode.nodeGroup)
    json.field("kind", episode.kind.rawValue)
    json.field("utilization", episode.utilization)
    json.field("unneededSince", episode.unneededSince?.rfc3339)
    json.field("unneededSeconds", episode.unneededSeconds)
    json.field("startedAt", episode.startedAt.flatMap(report.jsonTime))
    json.field("drainedAt", episode.drainedAt.flatMap(report.jsonTime))
    json.field("endedAt", episode.endedAt.flatMap(report.jsonTime))
    json.field("instanceId", episode.instanceId)
    json.field("evictedPods", strings: episode.evictedPods)
    json.field("outcome", episode.outcome.rawValue)
    json.key("error")
    if let error = episode.error { writeFailure(error, report, &json) } else { json.null() }
    json.field("inferredFrom", episode.inferredFrom?.rawValue)
    writeEvidence(episode.evidence, report, &json)
    writeIterations(episode.evidence, &json)
    json.endObject()
  }

  private static func writeFailure(_ failure: Failure, _ report: Report, _ json: inout JSONWriter) {
    json.beginObject()
    json.field("class", failure.failureClass.rawValue)
    json.field("code", failure.code)
    json.field("action", failure.action)
    json.field("principal", failure.principal)
    json.field("nodeGroup", failure.nodeGroup)
    json.field("node", failure.node)
    json.field("operation", failure.operation?.rawValue)
    json.field("fatal", failure.fatal)
    json.field("message", failure.message)
    json.field("firstAt", report.rfc3339(known: failure.firstAt))
    json.field("lastAt", report.rfc3339(known: failure.lastAt))
    json.field("count", failure.count)
    writeEvidence(failure.evidence, report, &json)
    json.endObject()
  }

  private static func writeBackoffs(_ report: Report, _ json: inout JSONWriter, _ sink: (String) -> Void) {
    json.key("backoffs")
    json.beginArray()
    for backoff in report.backoffs {
      json.beginObject()
      json.field("nodeGroup", backoff.nodeGroup)
      json.field("at", report.rfc3339(known: backoff.at))
      json.field("until", backoff.until?.rfc3339)
      json.field("errorClass", backoff.errorClass)
      json.field("errorCode", backoff.errorCode)
      writeEvidence(backoff.evidence, report, &json)
      json.endObject()
      json.drain(to: sink)
    }
    json.endArray()
  }

  private static func writeBlocked(_ report: Report, _ json: inout JSONWriter, _ sink: (String) -> Void) {
    json.key("blockedScaleDowns")
    json.beginArray()
    for blocked in report.blockedScaleDowns {
      json.beginObject()
      json.field("node", blocked.node)
      json.field("reason", blocked.reason.rawValue)
      json.field("detail", blocked.detail)
      json.field("pod", blocked.pod)
      json.field("firstAt", report.rfc3339(known: blocked.firstAt))
      json.field("lastAt", report.rfc3339(known: blocked.lastAt))
      json.field("count", blocked.count)
      writeEvidence(blocked.evidence, report, &json)
      json.endObject()
      json.drain(to: sink)
    }
    json.endArray()
  }

  private static func writeNoScaleUps(_ report: Report, _ json: inout JSONWriter, _ sink: (String) -> Void) {
    json.key("noScaleUps")
    json.beginArray()
    for item in report.noScaleUps {
      json.beginObject()
      json.field("pod", item.pod)
      json.field("reasons", strings: item.reasons)
      json.field("nodeGroup", item.nodeGroup)
      json.field("firstAt", report.rfc3339(known: item.firstAt))
      json.field("lastAt", report.rfc3339(known: item.lastAt))
      json.field("count", item.count)
      writeEvidence(item.evidence, report, &json)
      writeReasonNodeGroups(item, &json)
      json.endObject()
      json.drain(to: sink)
    }
    json.endArray()
  }

  /// `"reasonNodeGroups": {REASON: N}`, in the order of `reasons` (a dictionary's own order differs
  /// from run to run), any other reason after them in sorted order.
  private static func writeReasonNodeGroups(_ item: NoScaleUp, _ json: inout JSONWriter) {
    json.key("reasonNodeGroups")
    json.beginObject()
    for reason in item.reasons { if let groups = item.reasonNodeGroups[reason] { json.field(reason, groups) } }
    for (reason, groups) in item.reasonNodeGroups.sorted(by: { $0.key < $1.key }) where !item.reasons.contains(reason) {
      json.field(reason, groups)
    }
    json.endObject()
  }

  private static func writeSizeDecreases(_ report: Report, _ json: inout JSONWriter, _ sink: (String) -> Void) {
    json.key("sizeDecreases")
    json.beginArray()
    for item in report.sizeDecreases {
      json.beginObject()
      json.field("nodeGroup", item.nodeGroup)
      json.field("from", item.from)
      json.field("to", item.to)
      json.field("reason", item.reason?.rawValue)
      json.field("at", report.rfc3339(known: item.at))
      writeEvidence(item.evidence, report, &json)
      json.endObject()
      json.drain(to: sink)
    }
    json.endArray()
  }

  private static func writeSummary(_ report: Report, _ json: inout JSONWriter) {
    let summary = ReportSummary(report)
    json.key("summary")
    json.beginObject()
    for (name, counts) in [
      ("scaleUps", summary.scaleUps), ("scaleDowns", summary.scaleDowns), ("failures", summary.failures),
    ] {
      json.key(name)
      json.beginObject()
      for (key, value) in counts { json.field(key, value) }
      json.endObject()
    }
    json.field("backoffs", report.backoffs.count)
    json.field("blockedScaleDowns", report.blockedScaleDowns.count)
    json.field("noScaleUps", report.noScaleUps.count)
    json.field("sizeDecreases", report.sizeDecreases.count)
    json.key("omitted")
    json.beginObject()
    json.field("scaleUps", report.omitted.scaleUps.values.reduce(0, +))
    json.field("scaleDowns", report.omitted.scaleDowns.values.reduce(0, +))
    json.field("failures", report.omitted.failures.values.reduce(0, +))
    json.field("backoffs", report.omitted.backoffs)
    json.field("blockedScaleDowns", report.omitted.blockedScaleDowns)
    json.field("noScaleUps", report.omitted.noScaleUps)
    json.field("sizeDecreases", report.omitted.sizeDecreases)
    json.endObject()
    json.endObject()
  }

  private static func writeEvidence(_ evidence: Evidence, _ report: Report, _ json: inout JSONWriter) {
    json.field("source", report.sourceName(evidence))
    json.field("lines", ints: evidence.lines)
  }

  /// `"iterations": {"first": ID, "last": ID}`, or null when the log shows no loops.
  private static func writeIterations(_ evidence: Evidence, _ json: inout JSONWriter) {
    json.key("iterations")
    guard let span = evidence.iterations else { return json.null() }
    json.beginObject()
    json.field("first", span.first.description)
    json.field("last", span.last.description)
    json.endObject()
  }
}

/// Counts of a report's arrays by outcome and class, in a fixed order.
struct ReportSummary: Sendable {
  /// `total`, then each outcome.
  var scaleUps: [(String, Int)]
  var scaleDowns: [(String, Int)]
  /// `total`, then each class that occurs (folded findings, not repeats).
  var failures: [(String, Int)]

  /// The summary of `report`, counting entries left out to bound memory too.
  init(_ report: Report) {
    let omitted = report.omitted
    scaleUps =
      [("total", report.scaleUps.count + omitted.scaleUps.values.reduce(0, +))]
      + ScaleUpOutcome.allCases.map { outcome in
        (outcome.rawValue, report.scaleUps.count { $0.outcome == outcome } + (omitted.scaleUps[outcome] ?? 0))
      }
    scaleDowns =
      [("total", report.scaleDowns.count + omitted.scaleDowns.values.reduce(0, +))]
      + ScaleDownOutcome.allCases.map { outcome in
        (
          outcome.rawValue,
          report.scaleDowns.count { $0.outcome == outcome } + (omitted.scaleDowns[outcome] ?? 0)
        )
      }
    failures =
      [("total", report.failures.count + omitted.failures.values.reduce(0, +))]
      + FailureClass.allCases.compactMap { failureClass in
        let count =
          report.failures.count { $0.failureClass == failureClass } + (omitted.failures[failureClass] ?? 0)
        return count > 0 ? (failureClass.rawValue, count) : nil
      }
  }
}
