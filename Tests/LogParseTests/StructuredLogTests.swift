import Foundation
import Testing

@testable import LogParse

/// Logs of the structured-logging core (CAS 1.38+): the same episodes, failures and findings as
/// their printf counterparts, in text and JSON logging, alone or mixed with printf lines.
struct StructuredLogTests {
  /// The parts of a JSON report that must not depend on the log's form: every episode, failure
  /// and finding, with times; line numbers too when `lines` (the rewrite kept every line in place).
  static func outcome(_ report: Report, lines: Bool) throws -> String {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any])
    var kept: [String: Any] = [:]
    for key in ["scaleUps", "scaleDowns", "failures", "backoffs", "blockedScaleDowns", "noScaleUps", "summary"] {
      // The rewritten log carries iteration ids the original lacks: only the episodes are compared.
      kept[key] = withoutIterations(lines ? object[key] as Any : withoutLines(object[key] as Any))
    }
    let data = try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys, .prettyPrinted])
    return String(decoding: data, as: UTF8.self)
  }

  /// `value` with every `iterations` field removed, at any depth.
  static func withoutIterations(_ value: Any) -> Any {
    if let array = value as? [Any] { return array.map(withoutIterations) }
    guard let object = value as? [String: Any] else { return value }
    return object.filter { $0.key != "iterations" }.mapValues(withoutIterations)
  }

  /// `value` with every `line`, `lines` and `source` field removed, at any depth (iteratively).
  static func withoutLines(_ value: Any) -> Any {
    if let array = value as? [Any] { return array.map(withoutLines) }
    guard let object = value as? [String: Any] else { return value }
    return object.filter { !["line", "lines", "source"].contains($0.key) }.mapValues(withoutLines)
  }

  /// The samples whose core lines the structured core rewords (every sample with at least one such record).
  static func rewritable() throws -> [String] {
    try Fixtures.sampleNames().filter { name in
      var rewriter = StructuredRewriter()
      _ = rewriter.rewrite(String(decoding: try Fixtures.sample(name), as: UTF8.self))
      return rewriter.rewritten > 0
    }
  }

  /// The sample `name` rewritten, text or JSON, with whether every line stayed in place.
  static func rewritten(_ name: String, json: Bool) throws -> (original: Report, rewritten: Report, linesKept: Bool) {
    let bytes = try Fixtures.sample(name)
    let original = Fixtures.analyze(bytes)
    var rewriter = StructuredRewriter()
    rewriter.json = json
    rewriter.year = original.year.baseYear
    let text = String(decoding: bytes, as: UTF8.self)
    let output = rewriter.rewrite(text)
    let linesKept =
      output.split(separator: "\n", omittingEmptySubsequences: false).count
      == text.split(separator: "\n", omittingEmptySubsequences: false).count
    return (original, Fixtures.analyze(Array(output.utf8), year: original.year.baseYear), linesKept)
  }

  @Test(arguments: try rewritable())
  func aRewrittenSampleGivesTheSameEpisodes(name: String) throws {
    for json in [false, true] {
      let (original, rewritten, linesKept) = try StructuredLogTests.rewritten(name, json: json)
      #expect(rewritten.recognized > 0, "\(name) json=\(json)")
      let expected = try StructuredLogTests.outcome(original, lines: linesKept)
      let actual = try StructuredLogTests.outcome(rewritten, lines: linesKept)
      #expect(actual == expected, "\(name) json=\(json)")
    }
  }

  @Test func theBlogLogsAndTheSamplesWithModernCounterpartsAreRewritten() throws {
    let names = try StructuredLogTests.rewritable()
    #expect(names.contains { $0.hasPrefix("000-seed-blog-scaleup") })
    #expect(names.contains { $0.hasPrefix("000-seed-blog-scaledown") })
    #expect(names.count >= 15, "\(names)")
  }

  @Test func aRewrittenBlogLogIsStructuredThroughout() throws {
    var rewriter = StructuredRewriter()
    let text = String(decoding: try Fixtures.sample("000-seed-blog-scaleup"), as: UTF8.self)
    let output = rewriter.rewrite(text)
    #expect(
      output.contains(#"] "Scale-up: setting group size" iterationId="1f0c9a7e-0" nodeGroupId="ASG_NAME" size=5"#))
    #expect(
      output.contains(
        #"] "Executing final scale-up plan" iterationId="1f0c9a7e-0" scaleUpInfos=[{ASG_NAME 4->5 (max: 8)}]"#))
    // The klogx pod line is not migrated.
    #expect(output.contains("] Pod echoserver/echoserver-74fd7d865f-vkzqb is unschedulable"))
    let report = Fixtures.analyze(Array(output.utf8), year: 2019)
    #expect(report.scaleUps.count == 1)
    #expect(report.scaleUps.first?.from == 4 && report.scaleUps.first?.to == 5 && report.scaleUps.first?.max == 8)
    #expect(report.unrecognized == 0)
  }

  /// A log of both forms, as a 1.38 build writes it: the core structured, the klogx pod lines,
  /// the AWS provider and the event echo in printf.
  @Test func aMixedLogGivesTheReportOfItsPrintfCounterpart() throws {
    let mixed = """
      I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-7d9f-abcde is unschedulable
      I0313 12:34:33.900200       1 orchestrator.go:123] "Upcoming nodes" iterationId="1f0c9a7e-7" nodesCount=0
      I0313 12:34:34.401000       1 orchestrator.go:1115] "Found best node group option to resize" iterationId="1f0c9a7e-7" nodeGroupId="eks-ng-a"
      I0313 12:34:34.401050       1 orchestrator.go:1119] "Estimated nodes needed" iterationId="1f0c9a7e-7" nodeCount=2 nodeGroupId="eks-ng-a"
      I0313 12:34:34.401300       1 orchestrator.go:179] "Executing final scale-up plan" iterationId="1f0c9a7e-7" scaleUpInfos=[{eks-ng-a 5->7 (max: 10)}]
      I0313 12:34:34.470823       1 executor.go:148] "Scale-up: setting group size" iterationId="1f0c9a7e-7" nodeGroupId="eks-ng-a" size=7
      I0313 12:34:34.470926       1 auto_scaling_groups.go:269] Setting asg eks-ng-a size to 7
      I0313 12:34:34.471000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:"ConfigMap", Namespace:"kube-system", Name:"cluster-autoscaler-status", UID:"1", APIVersion:"v1", ResourceVersion:"2", FieldPath:""}): type: 'Normal' reason: 'ScaledUpGroup' Scale-up: setting group eks-ng-a size to 7 instead of 5 (max: 10)
      I0313 12:49:40.563382       1 clusterstate.go:360] "Scale-up timed out for node group after" iterationId="1f0c9a7e-98" nodeGroupName="eks-ng-a" duration="15m5.5s"
      I0313 12:49:40.584456       1 clusterstate.go:405] "Disabling scale-up for node group" iterationId="1f0c9a7e-98" nodeGroupId="eks-ng-a" backoffUntil="2026-03-13 12:54:40.13918732 +0000 UTC m=+2030.419314682" errorClass="Other" errorCode="timeout"
      E0313 12:49:41.000000       1 static_autoscaler.go:675] "Failed to scale up" err="failed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:SetDesiredCapacity" iterationId="1f0c9a7e-98"
      I0313 12:50:01.422358       1 orchestrator.go:614] "Node group is not ready for scaleup - backoff with status" iterationId="1f0c9a7e-99" nodeGroupId="eks-ng-a" backoffStatus={IsBackedOff:true ErrorInfo:{ErrorClass:Other ErrorCode:timeout ErrorMessage:Scale-up timed out}}

      """
    let printf = """
      I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-7d9f-abcde is unschedulable
      I0313 12:34:33.900200       1 orchestrator.go:123] Upcoming 0 nodes
      I0313 12:34:34.401000       1 orchestrator.go:1115] Best option to resize: eks-ng-a
      I0313 12:34:34.401050       1 orchestrator.go:1119] Estimated 2 nodes needed in eks-ng-a
      I0313 12:34:34.401300       1 orchestrator.go:179] Final scale-up plan: [{eks-ng-a 5->7 (max: 10)}]
      I0313 12:34:34.470823       1 executor.go:148] Scale-up: setting group eks-ng-a size to 7
      I0313 12:34:34.470926       1 auto_scaling_groups.go:269] Setting asg eks-ng-a size to 7
      I0313 12:34:34.471000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:"ConfigMap", Namespace:"kube-system", Name:"cluster-autoscaler-status", UID:"1", APIVersion:"v1", ResourceVersion:"2", FieldPath:""}): type: 'Normal' reason: 'ScaledUpGroup' Scale-up: setting group eks-ng-a size to 7 instead of 5 (max: 10)
      W0313 12:49:40.563382       1 clusterstate.go:360] Scale-up timed out for node group eks-ng-a after 15m5.5s
      W0313 12:49:40.584456       1 clusterstate.go:405] Disabling scale-up for node group eks-ng-a until 2026-03-13 12:54:40.13918732 +0000 UTC m=+2030.419314682; errorClass=Other; errorCode=timeout
      E0313 12:49:41.000000       1 static_autoscaler.go:675] Failed to scale up: failed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:SetDesiredCapacity
      W0313 12:50:01.422358       1 orchestrator.go:614] Node group eks-ng-a is not ready for scaleup - backoff with status: {true {Other timeout Scale-up timed out}}

      """
    let mixedReport = Fixtures.analyze(Array(mixed.utf8), year: 2026)
    let printfReport = Fixtures.analyze(Array(printf.utf8), year: 2026)
    #expect(mixedReport.unrecognized == 0)
    #expect(mixedReport.scaleUps.count == 1)
    #expect(mixedReport.scaleUps.first?.outcome == .timedOut)
    #expect(mixedReport.failures.contains { $0.failureClass == .iam })
    #expect(
      try StructuredLogTests.outcome(mixedReport, lines: true) == StructuredLogTests.outcome(printfReport, lines: true))
  }

  @Test func failureDetectionReadsTheErrValue() throws {
    let text = Fixtures.analyze(
      Array(
        """
        E0313 12:34:34.512345       1 static_autoscaler.go:675] "Failed to scale up" err="failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1 is not authorized to perform: autoscaling:SetDesiredCapacity" iterationId="1f0c9a7e-3"

        """.utf8), year: 2026)
    let json = Fixtures.analyze(
      Array(
        """
        {"ts":1773405274512.345,"caller":"core/static_autoscaler.go:675","msg":"Failed to scale up","err":"failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1 is not authorized to perform: autoscaling:SetDesiredCapacity","iterationId":"1f0c9a7e-3"}

        """.utf8), year: 2026)
    for report in [text, json] {
      let failure = try #require(report.failures.first)
      #expect(failure.failureClass == .iam)
      #expect(failure.action == "autoscaling:SetDesiredCapacity")
      #expect(failure.principal == "arn:aws:sts::123456789012:assumed-role/ca-role/1")
    }
  }

  /// The catalogue's printf lines of the two couldn't-delete messages (drain, empty node).
  static let couldNotDeleteLines: [String] = Catalog.entries.filter { $0.id.hasPrefix("failure.scaleDownDelete") }
    .flatMap(\.examples).filter { !$0.versions.hasPrefix("1.38+") }.map(\.line)

  @Test(arguments: [false, true])
  func aRewrittenCouldNotDeleteLineIsTheSameFailure(json: Bool) throws {
    func failures(_ text: String) -> [String] {
      Fixtures.analyze(Array(text.utf8), year: 2026).failures.map {
        [
          $0.failureClass.rawValue, $0.code ?? "-", $0.action ?? "-", $0.nodeGroup ?? "-", $0.node ?? "-",
          $0.operation?.rawValue ?? "-",
        ].joined(separator: " ")
      }
    }
    var rewritten = 0
    for line in StructuredLogTests.couldNotDeleteLines {
      var rewriter = StructuredRewriter()
      rewriter.json = json
      let output = rewriter.rewrite(line + "\n")
      rewritten += rewriter.rewritten
      if rewriter.rewritten > 0 {
        #expect(output.contains(json ? "\"msg\":\"Scale-down: couldn't delete " : "] \"Scale-down: couldn't delete "))
      }
      #expect(failures(output) == failures(line + "\n"), "\(output)")
      #expect(failures(output).count == 1, "\(output)")
    }
    // The 1.26+ drain and 1.33+ empty-node lines (named node, status error) have a structured counterpart.
    #expect(rewritten == 2)
  }

  @Test func jsonLoggingTimesInEpochMillisecondsAreRead() throws {
    let json =
      #"{"ts":1773405280584.456,"caller":"clusterstate/clusterstate.go:405","msg":"Disabling scale-up for node group","v":0,"iterationId":"1f0c9a7e-3","nodeGroupId":"eks-ng-a","backoffUntil":1773406480139.187,"errorClass":"Other","errorCode":"timeout"}"#
    let (id, event) = try #require(Catalog.identify(json))
    #expect(id == "scaleUp.backoff")
    guard case .backoffStarted(_, let until, _, _, _) = event else {
      Issue.record("not a backoff: \(event)")
      return
    }
    #expect(until?.rfc3339 == "2026-03-13T12:54:40.139187Z")
    let hostile = json.replacingOccurrences(of: "1773406480139.187", with: "1e300")
    let report = Fixtures.analyze(Array((hostile + "\n").utf8))
    #expect(report.accounting.outOfRangeValues >= 1)
  }

  @Test func aMultiLineErrIsOneRecordWithItsLines() throws {
    let report = Fixtures.analyze(
      Array(
        """
        E0405 08:52:03.797003       1 static_autoscaler.go:675] "Failed to scale up" err=<
        \tfailed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:SetDesiredCapacity
        \t\tstatus code: 403, request id: 15614fdc
         > iterationId="1f0c9a7e-3"

        """.utf8), year: 2026)
    #expect(report.recognized == 1)
    #expect(report.accounting.malformed == 0)
    let failure = try #require(report.failures.first)
    #expect(failure.failureClass == .iam)
    #expect(failure.message.hasSuffix("\tstatus code: 403, request id: 15614fdc"))
  }

  @Test func goEscapesAreUnquoted() throws {
    let (id, event) = try #require(
      Catalog.identify(
        #"I0313 12:00:00.000000       1 cluster.go:200] "Node cannot be removed" iterationId="1f0c9a7e-1" node="ip-10-0-1-5" err="pod \"db-0\" with local storage present: db-0\u00e9\tx""#
      ))
    #expect(id == "scaleDown.cannotBeRemoved")
    #expect(
      event
        == .scaleDownBlocked(
          node: "ip-10-0-1-5", reason: .localStorage, detail: "pod \"db-0\" with local storage present: db-0é\tx",
          pod: "db-0é\tx"))
  }

  @Test func hostileStructuredRecordsNeverTrap() {
    let deep = String(repeating: "{[(", count: 100_000)
    let lines = [
      #"I0313 12:00:00.000000       1 executor.go:148] "Scale-up: setting group size"#,
      #"I0313 12:00:00.000000       1 executor.go:148] "Scale-up: setting group size" nodeGroupId="a" size=99999999999999999999"#,
      #"I0313 12:00:00.000000       1 executor.go:148] "Scale-up: setting group size" nodeGroupId="a\"#,
      #"I0313 12:00:00.000000       1 executor.go:148] "Scale-up: setting group size" nodeGroupId="\x\u12\U0011ffff" size=-1"#,
      #"I0313 12:00:00.000000       1 executor.go:148] "Scale-up: setting group size" ="" ==== size"#,
      #"I0313 12:00:00.000000       1 orchestrator.go:614] "Node group is not ready for scaleup - backoff with status" nodeGroupId="a" backoffStatus="#
        + deep,
      #"I0313 12:00:00.000000       1 orchestrator.go:614] "Node group is not ready for scaleup - backoff with status" nodeGroupId="a" backoffStatus={ErrorMessage:}}}}}"#,
      #"I0313 12:00:00.000000       1 clusterstate.go:360] "Scale-up timed out for node group after" nodeGroupName="a" duration="9999999999999h""#,
      #"{"ts":1,"msg":"Scale-up: setting group size","v":0,"nodeGroupId":{"a":[1,2,{"b":3}]},"size":1e400}"#,
      #"I0313 12:00:00.000000       1 x.go:1] "m" k=<"#,
    ]
    let report = Fixtures.analyze(Array((lines.joined(separator: "\n") + "\n").utf8), year: 2026)
    // The size out of range is counted, never kept; the rest is read or not without a trap.
    #expect(report.accounting.outOfRangeValues >= 1)
    #expect(report.scaleUps.allSatisfy { ($0.to ?? 0) <= 1_000_000_000 })
  }
}
