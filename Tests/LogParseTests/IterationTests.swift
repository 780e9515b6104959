import Testing

@testable import LogParse

/// Loops of the autoscaler: `iterationId` in structured logs (klog text and CAS JSON logging),
/// `Starting main loop` ordinals in older logs; loop boundaries, restarts, episodes' iterations.
struct IterationTests {
  /// One log line: the structured core's records carry `iterationId` (nil for lines the core
  /// did not migrate: klogx pod lines, the event echo, the AWS provider).
  struct Line {
    var second: Int
    var file: String
    var message: String
    var iteration: String?
    var fields: [(String, String)] = []
  }

  /// The line in klog text: a quoted message then `iterationId="…"` for structured records.
  static func text(_ line: Line) -> String {
    let header = "I1201 10:00:\(line.second < 10 ? "0" : "")\(line.second).000000       1 \(line.file)] "
    guard let iteration = line.iteration else { return header + line.message }
    let pairs = line.fields.map { " \($0.0)=\"\($0.1)\"" }.joined()
    return header + "\"\(line.message)\" iterationId=\"\(iteration)\"" + pairs
  }

  /// The line in CAS JSON logging: `iterationId` and the call's keys are JSON fields.
  static func json(_ line: Line) -> String {
    let milliseconds = 1_764_583_200_000 + line.second * 1000
    let message = String(line.message.flatMap { $0 == "\"" ? ["\\", "\""] : [$0] })
    var object = "{\"ts\":\(milliseconds),\"caller\":\"\(line.file)\",\"msg\":\"\(message)\",\"v\":0"
    if let iteration = line.iteration { object += ",\"iterationId\":\"\(iteration)\"" }
    for (key, value) in line.fields { object += ",\"\(key)\":\"\(value)\"" }
    return object + "}"
  }

  static let podLine = "Pod default/web-1 is unschedulable"
  static let resize = "Setting asg ng-a size to 5"
  static let triggered =
    "Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"default\", Name:\"web-1\", UID:\"u\", APIVersion:\"v1\", "
    + "ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Normal' reason: 'TriggeredScaleUp' pod triggered scale-up: "
    + "[{ng-a 2->5 (max: 10)}]"
  static let removeEmpty =
    "Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", "
    + "UID:\"u\", APIVersion:\"v1\", ResourceVersion:\"2\", FieldPath:\"\"}): type: 'Normal' reason: 'ScaleDownEmpty' "
    + "Scale-down: removing empty node ip-10-0-0-16"
  static let terminate = "Terminating EC2 instance: i-05df3b79e52165a1d"

  /// Three loops across a restart, without `Starting main loop` (a V4 line): loop 41 sees a pod,
  /// loop 42 resizes ng-a and removes a node, and after the restart loop 1 of the new process
  /// confirms the scale-up.
  static func structuredLoops(banner: Bool) -> [Line] {
    var lines = [
      Line(second: 0, file: "static_autoscaler.go:300", message: "Found pods in the cluster", iteration: "1f0c9a7e-41"),
      Line(second: 1, file: "klogx.go:87", message: podLine),
      Line(
        second: 10, file: "static_autoscaler.go:300", message: "Found pods in the cluster", iteration: "1f0c9a7e-42"),
      Line(
        second: 11, file: "executor.go:148", message: "Scale-up: setting group size", iteration: "1f0c9a7e-42",
        fields: [("nodeGroupId", "ng-a")]),
      Line(second: 12, file: "auto_scaling_groups.go:221", message: resize),
      Line(second: 13, file: "factory.go:33", message: removeEmpty),
      Line(second: 14, file: "aws_manager.go:341", message: terminate),
    ]
    if banner { lines.append(Line(second: 20, file: "main.go:553", message: "Cluster Autoscaler 1.38.0")) }
    lines += [
      Line(second: 30, file: "static_autoscaler.go:300", message: "Found pods in the cluster", iteration: "9a0b1c2d-1"),
      Line(second: 31, file: "event_sink_logging_wrapper.go:48", message: triggered),
    ]
    return lines
  }

  static func analyze(_ lines: [String]) -> Report {
    Fixtures.analyze(lines.joined(separator: "\n") + "\n")
  }

  @Test("klog text: a new iterationId is a loop boundary, a new hash one start, episodes carry their loops")
  func structuredText() throws {
    let report = Self.analyze(Self.structuredLoops(banner: false).map(Self.text))
    let up = try #require(report.scaleUps.first)
    // The pod of loop 41 is not carried into loop 42's scale-up: the id changed between them.
    // The pod line of loop 41 (line 2) is not evidence of loop 42's scale-up: the id changed between them.
    #expect(up.evidence.lines == [5, 9], "\(up.evidence.lines)")
    #expect(up.evidence.iterations?.first.description == "1f0c9a7e-42")
    #expect(up.evidence.iterations?.last.description == "9a0b1c2d-1")
    let down = try #require(report.scaleDowns.first)
    #expect(
      down.evidence.iterations
        == LoopSpan(first: .structured(Self.id("1f0c9a7e-42")), last: .structured(Self.id("1f0c9a7e-42"))))
    #expect(Self.days(report) == ["12-01T10:00:30.000000Z"])
    #expect(report.autoscaler.logFormat == .mixed)
    #expect(report.autoscaler.versions == ["1.38+"])
  }

  @Test("the episode builder: a pod seen in one loop does not trigger the next loop's scale-up")
  func iterationIsTheLoopBoundary() {
    func triggeringPods(_ resizeLoop: String) -> [String] {
      var builder = EpisodeBuilder()
      let time = LogTime(month: 12, day: 1, microsecondOfDay: 36_000_000_000)
      func context(_ line: Int, _ loop: String) -> EventContext {
        EventContext(time: time, source: 0, lines: line...line, loop: .structured(Self.id(loop)))
      }
      _ = builder.apply(.podUnschedulable(pod: "default/web-1"), context(1, "1f0c9a7e-41"))
      _ = builder.apply(.scaleUpRequested(group: "ng-a", size: 5), context(2, resizeLoop))
      return builder.scaleUps.elements.first?.triggeringPods ?? ["no scale-up"]
    }
    #expect(triggeringPods("1f0c9a7e-41") == ["default/web-1"])
    #expect(triggeringPods("1f0c9a7e-42") == [])
  }

  @Test("a restart shown by its banner and by a new hash counts once")
  func bannerAndHashCountOnce() {
    let report = Self.analyze(Self.structuredLoops(banner: true).map(Self.text))
    #expect(Self.days(report) == ["12-01T10:00:20.000000Z"])
    #expect(report.autoscaler.versions == ["1.38.0"])
  }

  @Test("CAS JSON logging: the iterationId field gives the same loops, starts and iterations")
  func structuredJSON() throws {
    let report = Self.analyze(Self.structuredLoops(banner: false).map(Self.json))
    let up = try #require(report.scaleUps.first)
    #expect(up.evidence.lines == [5, 9], "\(up.evidence.lines)")
    #expect(up.evidence.iterations?.first.description == "1f0c9a7e-42")
    #expect(up.evidence.iterations?.last.description == "9a0b1c2d-1")
    #expect(report.scaleDowns.first?.evidence.iterations?.first.description == "1f0c9a7e-42")
    #expect(Self.days(report) == ["12-01T10:00:30.000000Z"])
    #expect(report.autoscaler.logFormat == .mixed)
    #expect(report.formats == [.klogJSON])
  }

  @Test("an older log: loops are delimited by Starting main loop and numbered 1, 2, 3")
  func ordinalLoops() throws {
    let loop = "static_autoscaler.go:280"
    let lines = [
      Line(second: 0, file: loop, message: "Starting main loop"),
      Line(second: 1, file: "klogx.go:87", message: Self.podLine),
      Line(second: 10, file: loop, message: "Starting main loop"),
      Line(second: 12, file: "auto_scaling_groups.go:221", message: Self.resize),
      Line(second: 20, file: loop, message: "Starting main loop"),
      Line(second: 21, file: "event_sink_logging_wrapper.go:48", message: Self.triggered),
    ]
    let report = Self.analyze(lines.map(Self.text))
    let up = try #require(report.scaleUps.first)
    #expect(up.evidence.iterations == LoopSpan(first: .ordinal(2), last: .ordinal(3)))
    #expect(report.autoscaler.logFormat == .printf)
    #expect(report.autoscaler.versions.isEmpty)
    #expect(report.autoscaler.starts.isEmpty)
    #expect(
      JSONReportRenderer.render(report).contains(
        "\"iterations\": {\n        \"first\": \"2\",\n        \"last\": \"3\""))
  }

  @Test("a log without loops: iterations are null")
  func noLoops() throws {
    let report = Self.analyze([Self.text(Line(second: 12, file: "auto_scaling_groups.go:221", message: Self.resize))])
    #expect(try #require(report.scaleUps.first).evidence.iterations == nil)
    #expect(JSONReportRenderer.render(report).contains("\"iterations\": null"))
  }

  @Test("logFormat: printf, structured or mixed, counted over every record")
  func logFormats() {
    let printf = Self.text(Line(second: 1, file: "klogx.go:87", message: Self.podLine))
    let structured = Self.text(
      Line(second: 2, file: "a.go:1", message: "Found pods in the cluster", iteration: "1f0c9a7e-1"))
    #expect(Self.analyze([printf]).autoscaler.logFormat == .printf)
    #expect(Self.analyze([structured]).autoscaler.logFormat == .structured)
    #expect(Self.analyze([structured, printf]).autoscaler.logFormat == .mixed)
    let jsonWithKeys = Self.json(
      Line(second: 1, file: "a.go:1", message: "Upcoming nodes", fields: [("nodesCount", "2")]))
    let jsonPlain = Self.json(Line(second: 1, file: "a.go:1", message: Self.podLine))
    #expect(Self.analyze([jsonWithKeys]).autoscaler.logFormat == .structured)
    #expect(Self.analyze([jsonPlain]).autoscaler.logFormat == .printf)
    #expect(TextReportRenderer.render(Self.analyze([structured])).contains("structured logging"))
  }

  @Test("iterationId is read only in its valid form, after the quoted message or an err")
  func iterationIdForm() {
    #expect(IterationId.parse("1f0c9a7e-42".utf8) == IterationId(process: 0x1f0c_9a7e, number: 42))
    for bad in [
      "1f0c9a7-42", "1f0c9a7eg-42", "1f0c9a7e42", "1f0c9a7e-", "1f0c9a7e-4x", "zf0c9a7e-1",
      "1f0c9a7e-1234567890123456789",
    ] {
      #expect(IterationId.parse(bad.utf8) == nil, "\(bad)")
    }
    let withError =
      "E1201 10:00:01.000000       1 a.go:1] \"Failed to scale up\" err=\"x \\\"q\\\" y\" iterationId=\"0000000a-7\""
    let printfWithText = "I1201 10:00:01.000000       1 a.go:1] text iterationId=\"0000000a-7\""
    let later = "I1201 10:00:01.000000       1 a.go:1] \"m\" size=\"5\" iterationId=\"0000000a-7\""
    #expect(Self.loops([withError]) == ["0000000a-7"])
    #expect(Self.loops([printfWithText]) == ["-"])
    #expect(Self.loops([later]) == ["-"])
  }

  /// The starts without their (assumed) year: the first record of a new process, or its banner.
  static func days(_ report: Report) -> [String] {
    report.autoscaler.starts.map { String(report.rfc3339($0).dropFirst(5)) }
  }

  static func id(_ text: String) -> IterationId { IterationId.parse(text.utf8)! }

  /// The loop of each record of `lines`, `-` for none.
  static func loops(_ lines: [String]) -> [String] {
    var seen: [String] = []
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.onRecordMeaning = { _, loop, _ in seen.append(loop?.description ?? "-") }
    analyzer.feed(Array((lines.joined(separator: "\n") + "\n").utf8))
    analyzer.finish()
    return seen
  }
}
