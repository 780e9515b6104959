import Foundation
import LogParse
import Testing

/// Each collector's shape, with lines written for it as the tool prints them.
struct CollectorShapeTests {
  /// A failed scale-up record and its continuation line, as CAS writes them.
  static let failure =
    "E0313 12:34:56.512101       1 static_autoscaler.go:646] Failed to scale up: failed to increase node group "
    + "size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: "
    + "autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:us-east-1:1:autoScalingGroup:u:"
    + "autoScalingGroupName/eks-ng-a"
  static let continuation = "\tstatus code: 403, request id: 9c7e"
  static let mainLoop = "I0313 12:34:50.100000       1 static_autoscaler.go:274] Starting main loop"
  static let later = "I0313 12:35:06.100000       1 static_autoscaler.go:274] Starting main loop"

  private func json(_ text: String) throws -> String { try CollectorShapes.quote(text) }

  /// The one failure the lines hold, with its continuation line joined.
  private func expectJoinedFailure(_ text: String, _ format: InputFormat, lines: Int? = nil) throws {
    let report = Fixtures.analyze(text)
    #expect(report.formats.contains(format), "\(report.formats)")
    try #require(report.failures.count == 1, "\(report.accounting)")
    #expect(report.failures[0].failureClass == .iam)
    #expect(report.failures[0].action == "autoscaling:SetDesiredCapacity")
    #expect(
      report.failures[0].message.hasSuffix("\n" + Self.continuation.drop { $0 == "\t" })
        || report.failures[0].message.hasSuffix(Self.continuation))
    if lines != 1 { #expect(report.failures[0].evidence.lines.count >= 2) }
    #expect(report.accounting.malformed == 0)
    let counts = report.accounting
    #expect(
      counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped
        == counts.lines)
    if let lines { #expect(counts.lines == lines) }
  }

  @Test func sternInterleavedPodsKeepTheirRecordsWhole() throws {
    let a = "cluster-autoscaler-6b9f-abcde cluster-autoscaler "
    let b = "cluster-autoscaler-6b9f-fghij cluster-autoscaler "
    let text =
      [
        b
          + "I0313 12:34:50.000001       1 leaderelection.go:248] attempting to acquire leader lease kube-system/cluster-autoscaler...",
        a + Self.mainLoop,
        b
          + "I0313 12:34:55.000001       1 leaderelection.go:352] lock is held by cluster-autoscaler-6b9f-abcde and has not yet expired",
        a + Self.failure,
        a + Self.continuation,
        b
          + "I0313 12:35:00.000001       1 leaderelection.go:253] failed to acquire lease kube-system/cluster-autoscaler",
        a + Self.later,
      ].joined(separator: "\n") + "\n"
    try expectJoinedFailure(text, .stern)
    // stern's notices on its stderr, when both streams were kept, are skipped.
    let notices =
      "+ cluster-autoscaler-6b9f-abcde › cluster-autoscaler\n\u{1B}[32m+\u{1B}[0m kube-system "
      + "\u{1B}[31mcluster-autoscaler-6b9f-fghij\u{1B}[0m › cluster-autoscaler\n" + text
      + "- cluster-autoscaler-6b9f-fghij › cluster-autoscaler\n"
    try expectJoinedFailure(notices, .stern)
    #expect(Fixtures.analyze(notices).accounting.skipped == 3)
  }

  @Test func sternWithTimestampsNamespacesAndColour() throws {
    let prefixes = [
      "ca-7d9f-x2x4q cluster-autoscaler 2024-03-13T12:34:56.512101000Z ",
      "kube-system ca-7d9f-x2x4q cluster-autoscaler ",
      "\u{1B}[38;5;112mca-7d9f-x2x4q\u{1B}[0m \u{1B}[38;5;45mcluster-autoscaler\u{1B}[0m ",
      "ca-7d9f-x2x4q cluster-autoscaler 03-13 12:34:56 ",
    ]
    for prefix in prefixes {
      let text = [Self.mainLoop, Self.failure, Self.continuation, Self.later].map { prefix + $0 }.joined(
        separator: "\n")
      try expectJoinedFailure(text + "\n", .stern)
    }
    let stamped = Fixtures.analyze(prefixes[0] + Self.failure + "\n")
    #expect(stamped.year.source == .envelope && stamped.year.baseYear == 2024)
    #expect(!stamped.formats.contains(.kubectlTimestamps))
  }

  @Test func sternJSONAndItsPrettyForm() throws {
    func record(_ line: String) throws -> String {
      "{\"message\":\(try json(line)),\"nodeName\":\"ip-10-0-1-2.ec2.internal\",\"namespace\":\"kube-system\","
        + "\"podName\":\"ca-7d9f-x2x4q\",\"containerName\":\"cluster-autoscaler\",\"labels\":{\"app\":\"ca\"},\"annotations\":{}}"
    }
    let lines = [Self.mainLoop, Self.failure, Self.continuation, Self.later]
    try expectJoinedFailure(try lines.map(record).joined(separator: "\n") + "\n", .sternJSON)
    let pretty = try lines.map {
      "{\n  \"pod\": \"ca-7d9f-x2x4q\",\n  \"container\": \"cluster-autoscaler\",\n  \"message\": \(try json($0))\n}"
    }
    try expectJoinedFailure(pretty.joined(separator: "\n") + "\n", .sternJSON, lines: 20)
  }

  @Test func fluentBitPartialsAreJoinedAndTheNewlineIsOptional() throws {
    let kubernetes =
      "\"kubernetes\":{\"pod_name\":\"ca-1\",\"namespace_name\":\"kube-system\",\"labels\":{\"app\":\"ca\"}}"
    let cut = Self.failure.index(Self.failure.startIndex, offsetBy: 70)
    // The CRI multiline parser: `_p`, no newline; the classic `cri` parser: `logtag` and `message`.
    let text =
      [
        "{\"time\":\"2024-03-13T12:34:50.1Z\",\"stream\":\"stderr\",\"_p\":\"F\",\"log\":\(try json(Self.mainLoop)),\(kubernetes)}",
        "{\"time\":\"2024-03-13T12:34:56.5Z\",\"stream\":\"stderr\",\"_p\":\"P\",\"log\":\(try json(String(Self.failure[..<cut]))),\(kubernetes)}",
        "{\"time\":\"2024-03-13T12:34:56.5Z\",\"stream\":\"stderr\",\"_p\":\"F\",\"log\":\(try json(String(Self.failure[cut...]))),\(kubernetes)}",
        "{\"time\":\"2024-03-13T12:34:56.5Z\",\"stream\":\"stderr\",\"logtag\":\"F\",\"message\":\(try json(Self.continuation))}",
        "{\"date\":1710333306.1,\"stream\":\"stderr\",\"log\":\(try json(Self.later + "\n")),\(kubernetes)}",
      ].joined(separator: "\n") + "\n"
    try expectJoinedFailure(text, .fluentBit, lines: 5)
    let report = Fixtures.analyze(text)
    #expect(report.accounting.records == 3)
    #expect(!report.formats.contains(.dockerJSON))
    #expect(report.year.source == .envelope && report.year.baseYear == 2024)
  }

  @Test func cloudWatchPrettyAndCompactEvents() throws {
    let lines = [Self.mainLoop, Self.failure, Self.continuation, Self.later]
    var pretty = ["{", "    \"events\": ["]
    for (index, line) in lines.enumerated() {
      pretty += [
        "        {", "            \"logStreamName\": \"ca-1\",", "            \"timestamp\": 171033329\(index)512,",
        "            \"message\": \(try json(line)),", "            \"ingestionTime\": 1710333299000,",
        "            \"eventId\": \"378\(index)\"", index == 3 ? "        }" : "        },",
      ]
    }
    pretty += [
      "    ],", "    \"searchedLogStreams\": [", "        {", "            \"logStreamName\": \"ca-1\",",
      "            \"searchedCompletely\": true", "        }", "    ]", "}",
    ]
    try expectJoinedFailure(pretty.joined(separator: "\n") + "\n", .cloudWatchEvents, lines: pretty.count)
    let report = Fixtures.analyze(pretty.joined(separator: "\n") + "\n")
    #expect(report.accounting.skipped == 8)
    let compact =
      "{\"events\":["
      + (try lines.enumerated().map { index, line in
        "{\"logStreamName\":\"ca-1\",\"timestamp\":171033329\(index)512,\"message\":\(try json(line)),\"eventId\":\"\(index)\"}"
      }).joined(separator: ",") + "],\"searchedLogStreams\":[]}"
    try expectJoinedFailure(compact + "\n", .cloudWatchEvents, lines: 1)
    #expect(Fixtures.analyze(compact + "\n").accounting.mergedRecords == 2)
  }

  @Test func containerInsightsInsideCloudWatchAndTail() throws {
    func insights(_ line: String) throws -> String {
      "{\"log\":\(try json(line + "\n")),\"stream\":\"stderr\",\"time\":\"2024-03-13T12:34:56.5Z\","
        + "\"kubernetes\":{\"pod_name\":\"ca-1\",\"host\":\"ip-10-0-1-2.ec2.internal\"}}"
    }
    let lines = [Self.mainLoop, Self.failure, Self.continuation, Self.later]
    let tail = try lines.map {
      "2024-03-13T12:34:56.512000+00:00 ip-10-0-1-2.ec2.internal-application.var.log.containers.ca-1_kube-system_ca-0a1b.log "
        + (try insights($0))
    }
    try expectJoinedFailure(tail.joined(separator: "\n") + "\n", .cloudWatchTail)
    #expect(Fixtures.analyze(tail.joined(separator: "\n") + "\n").formats.contains(.fluentBit))
    let plainTail = lines.map { "2024-03-13T12:34:56.512000+00:00 ca-1 " + $0 }
    try expectJoinedFailure(plainTail.joined(separator: "\n") + "\n", .cloudWatchTail)
    let events = try lines.map {
      "{\"events\":[{\"logStreamName\":\"ca-1\",\"timestamp\":1710333296512,\"message\":\(try json(try insights($0)))}]}"
    }
    try expectJoinedFailure(events.joined(separator: "\n") + "\n", .fluentBit)
  }

  @Test func logsInsightsExports() throws {
    let lines = [Self.mainLoop, Self.failure + " \"quoted\", with a comma", Self.continuation, Self.later]
    let csv =
      ["@timestamp,@message,@logStream"]
      + lines.map {
        "2024-03-13 12:34:56.512,\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\",ca-1"
      }
    try expectJoinedFailure(csv.joined(separator: "\n") + "\n", .logsInsightsCSV, lines: 5)
    let report = Fixtures.analyze(csv.joined(separator: "\n") + "\n")
    #expect(report.failures.first?.message.contains("\"quoted\", with a comma") == true)
    var exported = ["["]
    for (index, line) in lines.enumerated() {
      exported += [
        "  {", "    \"@timestamp\": \"2024-03-13 12:34:56.512\",", "    \"@message\": \(try json(line))",
        index == 3 ? "  }" : "  },",
      ]
    }
    exported.append("]")
    try expectJoinedFailure(exported.joined(separator: "\n") + "\n", .logsInsightsJSON, lines: exported.count)
  }

  @Test func cloudLoggingNewestFirstPutsContinuationsBack() throws {
    // gcloud prints newest first: the continuation line's entry comes before its record's.
    let entries: [(String, String)] = [
      (Self.later, "2024-03-13T12:35:06.100000Z"), (Self.continuation, "2024-03-13T12:34:56.512102Z"),
      (Self.failure, "2024-03-13T12:34:56.512101Z"), (Self.mainLoop, "2024-03-13T12:34:50.100000Z"),
    ]
    var array = ["["]
    for (index, (line, time)) in entries.enumerated() {
      array += [
        "  {", "    \"insertId\": \"k2pgx6f9x1y\(index)\",", "    \"logName\": \"projects/p/logs/stderr\",",
        "    \"resource\": {", "      \"labels\": {", "        \"pod_name\": \"ca-1\"", "      },",
        "      \"type\": \"k8s_container\"", "    },", "    \"textPayload\": \(try json(line)),",
        "    \"timestamp\": \"\(time)\"", index == 3 ? "  }" : "  },",
      ]
    }
    array.append("]")
    try expectJoinedFailure(array.joined(separator: "\n") + "\n", .cloudLogging, lines: array.count)
    let ndjson = try entries.map { "{\"jsonPayload\":{\"message\":\(try json($0.0))},\"timestamp\":\"\($0.1)\"}" }
    try expectJoinedFailure(ndjson.joined(separator: "\n") + "\n", .cloudLogging, lines: 4)
    #expect(Fixtures.analyze(ndjson.joined(separator: "\n") + "\n").reorder.lost == 0)
  }

  @Test func lokiNewestFirstTextAndJSONL() throws {
    let entries = [Self.later, Self.continuation, Self.failure, Self.mainLoop]
    let text = entries.map {
      "2024-03-13T12:34:56Z {app=\"cluster-autoscaler\", pod=\"ca-1\"}  " + $0.trimmingCharacters(in: .whitespaces)
    }
    try expectJoinedFailure(text.joined(separator: "\n") + "\n", .loki, lines: 4)
    let jsonl = try entries.map {
      "{\"labels\":{\"app\":\"cluster-autoscaler\"},\"line\":\(try json($0)),\"timestamp\":\"2024-03-13T12:34:56.512101Z\"}"
    }
    try expectJoinedFailure(jsonl.joined(separator: "\n") + "\n", .lokiJSONL, lines: 4)
  }

  @Test func aDocumentTooLargeOrUnterminatedIsCountedNotDropped() throws {
    var options = AnalyzerOptions(now: Fixtures.now)
    options.maximumLineLength = 400
    var analyzer = Analyzer(options: options)
    // A record of many short lines, longer together than the cap, then a record that fits.
    let labels = (0..<12).map { "      \"label-\($0)\": \"\(String(repeating: "y", count: 40))\"," }
    let text =
      "[\n  {\n    \"labels\": {\n" + labels.joined(separator: "\n") + "\n      \"last\": \"z\"\n    },\n"
      + "    \"textPayload\": \(try json(Self.failure)),\n    \"timestamp\": \"2024-03-13T12:34:56Z\"\n  },\n"
      + "  {\n    \"textPayload\": \(try json(Self.mainLoop)),\n    \"timestamp\": \"2024-03-13T12:34:50Z\"\n  }\n]\n"
    analyzer.feed(Array(text.utf8))
    analyzer.finish()
    let report = analyzer.report()
    #expect(report.accounting.truncated == 1)
    #expect(report.accounting.records == 1)
    #expect(report.failures.isEmpty)
    #expect(report.accounting.malformed == 20)
    let counts = report.accounting
    #expect(counts.records + counts.continuationLines + counts.malformed + counts.skipped == counts.lines)
    let unterminated = Fixtures.analyze("[\n  {\n    \"textPayload\": \(try json(Self.mainLoop)),\n")
    #expect(unterminated.accounting.lines == 3)
    // The klog record quoted in the open document is still found (behind its quote prefix); every
    // line is accounted for.
    let open = unterminated.accounting
    #expect(open.records + open.continuationLines + open.malformed + open.skipped == 3)
    #expect(open.records <= 1)
  }

  @Test func hostileDocumentsStayBounded() throws {
    // Deep nesting on one line and over many lines, a document that never closes, brackets alone.
    let deep = "[" + String(repeating: "[{\"a\":", count: 20_000) + "\n"
    let lines = "{\n" + String(repeating: "[\n", count: 20_000) + String(repeating: "]\n", count: 19_000)
    for text in [deep, lines, "[\n[\n{\n", "]\n}\n[\n]\n{\n}\n", "{\"events\":[{\"message\":1}]}\n"] {
      let report = Fixtures.analyze(text)
      let counts = report.accounting
      #expect(counts.lines == text.split(separator: "\n").count)
      #expect(
        counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped
          == counts.lines)
    }
  }

  @Test func linesThatOnlyLookLikeCollectorsStayPlain() throws {
    // A bracketed or braced continuation in a plain log, and a plain line after an aborted document.
    let text =
      [
        Self.failure, "[Container] not a document", "{not json either", Self.mainLoop,
        "some-word another-word I0313 is not a stern line", "2024-03-13T12:34:56Z plain-token text",
      ].joined(separator: "\n") + "\n"
    let report = Fixtures.analyze(text)
    #expect(report.failures.count == 1)
    #expect(report.accounting.lines == 6)
    #expect(
      report.formats.allSatisfy { $0 == .klogText || $0 == .kubectlTimestamps || $0 == .pasted }, "\(report.formats)")
  }
}
