import Foundation
import LogGen
import Testing

@testable import LogParse

/// `--since`/`--until`/`--node-group`/`--node`/`--pod`: what a scoped report keeps, and its headers.
struct ReportScopeTests {
  /// A generated log with an episode in every loop: hundreds of scale-ups, scale-downs, failures, backoffs.
  static let report: Report = {
    var options = GeneratorOptions()
    options.seed = 5
    options.nodes = 1
    options.loopsPerEpisode = 1
    options.targetBytes = 400_000
    var generator = LogGenerator(options: options)
    var bytes: [UInt8] = []
    _ = generator.generate { bytes += Array($0.utf8) }
    return Fixtures.analyze(bytes)
  }()

  static let now = FullTime(epochMicroseconds: 1_710_331_200_000_000)  // 2024-03-13T12:00:00Z

  private func pattern(_ text: String) -> ReportScope.NamePattern? {
    do {
      return try ReportScope.NamePattern(text)
    } catch {
      Issue.record("\(error)")
      return nil
    }
  }

  private func micros(_ time: LogTime?) -> Int64? { time?.epochMicroseconds(baseYear: Self.report.year.baseYear) }

  @Test(
    "a duration is back from now, an RFC 3339 time is absolute",
    arguments: [
      ("2h", 1_710_331_200_000_000 - 7_200_000_000), ("1h30m", 1_710_331_200_000_000 - 5_400_000_000),
      ("90s", 1_710_331_200_000_000 - 90_000_000), ("2024-03-13T10:00:00Z", 1_710_324_000_000_000),
      ("2024-03-13T19:00:00+09:00", 1_710_324_000_000_000), ("2024-03-13T10:00:00.5Z", 1_710_324_000_500_000),
    ] as [(String, Int64)])
  func moments(text: String, expected: Int64) {
    #expect(ReportScope.moment(text, now: Self.now)?.epochMicroseconds == expected)
  }

  @Test(
    "malformed or out-of-range times are refused",
    arguments: [
      "", "2x", "-1h", "0s", "876601h", "2024-13-01T00:00:00Z", "2024-03-13T12:00:00Zjunk", "2024-03-13",
      "10000-01-01T00:00:00Z", "yesterday", "2h ",
    ])
  func badMoments(text: String) {
    #expect(ReportScope.moment(text, now: Self.now) == nil)
  }

  @Test("--since keeps what overlaps the window: nothing kept ended before it, nothing dropped reached it")
  func since() throws {
    let report = Self.report
    let middle = try #require(report.scaleUps[report.scaleUps.count / 2].decidedAt)
    var scope = ReportScope()
    scope.since = FullTime(epochMicroseconds: micros(middle)!)
    let scoped = report.scoped(scope)
    let since = micros(middle)!
    let end = micros(report.lastTime)!
    #expect(scoped.scaleUps.count > 0 && scoped.scaleUps.count < report.scaleUps.count)
    for up in report.scaleUps {
      let last = micros(up.endedAt) ?? (up.outcome == .pending ? end : micros(up.decidedAt)!)
      let kept = scoped.scaleUps.contains { $0.id == up.id }
      #expect(kept == (last >= since), "\(up.id) \(up.outcome) kept=\(kept)")
    }
    for failure in report.failures {
      #expect(scoped.failures.contains(failure) == (micros(failure.lastAt)! >= since))
    }
    #expect(scoped.backoffs.allSatisfy { micros($0.at)! >= since })
    #expect(scoped.backoffs.count == report.backoffs.filter { micros($0.at)! >= since }.count)
    // A pending scale-up decided before --since is still running at the end of the log: kept.
    let pendingBefore = report.scaleUps.filter { $0.outcome == .pending && micros($0.decidedAt)! < since }
    #expect(!pendingBefore.isEmpty && pendingBefore.allSatisfy { up in scoped.scaleUps.contains { $0.id == up.id } })
    // The summary counts only what is in scope.
    #expect(ReportSummary(scoped).scaleUps[0].1 == scoped.scaleUps.count)
  }

  @Test("--until keeps what began at or before it")
  func until() throws {
    let report = Self.report
    let middle = try #require(report.scaleDowns[report.scaleDowns.count / 2].startedAt)
    var scope = ReportScope()
    scope.until = FullTime(epochMicroseconds: micros(middle)!)
    let scoped = report.scoped(scope)
    for down in report.scaleDowns {
      #expect(scoped.scaleDowns.contains { $0.id == down.id } == (micros(down.startedAt)! <= micros(middle)!))
    }
    #expect(scoped.scaleUps.allSatisfy { micros($0.decidedAt)! <= micros(middle)! })
  }

  @Test("--node-group keeps the group's scale-ups, failures and backoffs and drops what names no group")
  func nodeGroup() throws {
    let report = Self.report
    var scope = ReportScope()
    scope.nodeGroup = pattern("^eks-ng-3-")
    let scoped = report.scoped(scope)
    #expect(scoped.scaleUps.count == report.scaleUps.filter { $0.nodeGroup.hasPrefix("eks-ng-3-") }.count)
    #expect(scoped.scaleUps.count > 10 && scoped.scaleUps.allSatisfy { $0.nodeGroup.hasPrefix("eks-ng-3-") })
    #expect(scoped.failures.count == report.failures.filter { $0.nodeGroup?.hasPrefix("eks-ng-3-") == true }.count)
    #expect(scoped.failures.count > 0 && scoped.backoffs.allSatisfy { $0.nodeGroup.hasPrefix("eks-ng-3-") })
    #expect(scoped.scaleDowns.isEmpty, "the generated scale-downs name no group")
    // The pattern is searched anywhere, unanchored.
    scope.nodeGroup = pattern("ng-3-")
    #expect(report.scoped(scope).scaleUps.count == scoped.scaleUps.count)
  }

  @Test("a scale-up balanced with the group touches it")
  func balancedGroup() {
    var up = Self.report.scaleUps[0]
    up.nodeGroup = "main"
    up.balancedWith = ["spare-b"]
    var report = Self.report
    report.scaleUps = [up]
    var scope = ReportScope()
    scope.nodeGroup = pattern("^spare-")
    #expect(report.scoped(scope).scaleUps.count == 1)
    scope.nodeGroup = pattern("^other$")
    #expect(report.scoped(scope).scaleUps.isEmpty)
  }

  @Test("--node keeps the node's scale-downs and the failures and blocked scale-downs naming it; no scale-up")
  func node() throws {
    let report = Self.report
    let target = report.scaleDowns[3].node
    var scope = ReportScope()
    scope.node = pattern("^" + NSRegularExpression.escapedPattern(for: target) + "$")
    let scoped = report.scoped(scope)
    #expect(scoped.scaleDowns.map(\.node) == report.scaleDowns.filter { $0.node == target }.map(\.node))
    #expect(!scoped.scaleDowns.isEmpty && scoped.scaleUps.isEmpty && scoped.backoffs.isEmpty)
    let lines = [
      "I0313 12:00:00.000000       1 cluster.go:164] node \(target) cannot be removed: pod annotated as not safe to evict present: cache-1",
      "I0313 12:00:01.000000       1 cluster.go:164] node other-node cannot be removed: pod annotated as not safe to evict present: cache-2",
    ]
    let blocked = Fixtures.analyze(Array((lines.joined(separator: "\n") + "\n").utf8))
    try #require(blocked.blockedScaleDowns.count == 2)
    #expect(blocked.scoped(scope).blockedScaleDowns.map(\.node) == [target])
  }

  @Test("--pod keeps the scale-ups the pod triggered and drops failures and backoffs, which name no pod")
  func pod() throws {
    let report = Self.report
    let pod = try #require(report.scaleUps[5].triggeringPods.first)
    var scope = ReportScope()
    scope.pod = pattern("^" + NSRegularExpression.escapedPattern(for: pod) + "$")
    let scoped = report.scoped(scope)
    #expect(scoped.scaleUps.map(\.id) == [report.scaleUps[5].id])
    #expect(scoped.failures.isEmpty && scoped.backoffs.isEmpty)
  }

  @Test("filters combine: every one must keep an entry")
  func combined() throws {
    let report = Self.report
    var scope = ReportScope()
    scope.nodeGroup = pattern("^eks-ng-3-")
    let groupOnly = report.scoped(scope).scaleUps
    scope.until = FullTime(epochMicroseconds: micros(groupOnly[groupOnly.count / 2].decidedAt)!)
    let both = report.scoped(scope).scaleUps
    #expect(both.count < groupOnly.count && both.count > 0)
    #expect(both.allSatisfy { up in groupOnly.contains { $0.id == up.id } })
  }

  @Test("a scoped report says so in the text, Markdown, HTML and JSON headers; the JSON still follows the schema")
  func headers() throws {
    var scope = ReportScope()
    scope.since = ReportScope.moment("2024-01-10T12:00:00Z", now: Self.now)
    scope.sinceText = "2024-01-10T12:00:00Z"
    scope.nodeGroup = pattern("^eks-ng-3-")
    let scoped = Self.report.scoped(scope)
    let header = "Scope: since 2024-01-10T12:00:00Z; node group ~ /^eks-ng-3-/"
    #expect(scope.header == header)
    #expect(TextReportRenderer.render(scoped).hasPrefix(header + " (only entries in scope are listed and counted)\n"))
    #expect(MarkdownReportRenderer.render(scoped).contains("**" + MarkdownText.cell(header) + "**"))
    #expect(HTMLReportRenderer.render(scoped).contains("<p class=\"scope\"><strong>" + HTMLText.escape(header)))
    let json = JSONReportRenderer.render(scoped)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let field = try #require(object["scope"] as? [String: Any])
    #expect(field["nodeGroup"] as? String == "^eks-ng-3-" && field["node"] is NSNull)
    #expect((field["since"] as? String)?.hasPrefix("2024-01-10T12:00:00") == true)
    let validator = try JSONSchemaValidator(
      schemaData: try Data(contentsOf: Fixtures.root.appendingPathComponent("Schemas/report.schema.json")))
    #expect(try validator.validate(Data(json.utf8)) == [])
    let whole = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(Self.report).utf8)) as? [String: Any])
    #expect(whole["scope"] is NSNull)
    #expect(!TextReportRenderer.render(Self.report).contains("Scope:"))
  }

  @Test("follow's steps: kept by their own subject and time; --only failures and --only episodes")
  func steps() throws {
    var options = GeneratorOptions()
    options.nodes = 1
    options.loopsPerEpisode = 1
    options.targetBytes = 60_000
    var generator = LogGenerator(options: options)
    var bytes: [UInt8] = []
    _ = generator.generate { bytes += Array($0.utf8) }
    var steps: [EpisodeStep] = []
    var year = 0
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.onStep = { step, stepYear in
      steps.append(step)
      year = stepYear
    }
    bytes.withUnsafeBufferPointer { analyzer.feed($0) }
    analyzer.finish()
    var scope = ReportScope()
    scope.nodeGroup = pattern("^eks-ng-3-")
    let kept = steps.filter { scope.keeps($0, baseYear: year) }
    #expect(!kept.isEmpty && kept.allSatisfy { $0.subject?.hasPrefix("eks-ng-3-") == true })
    let groupSteps = steps.filter { step in
      (step.episodeId?.hasPrefix("up-") == true || step.kind == .backoff)
        && step.subject?.hasPrefix("eks-ng-3-") == true
    }
    #expect(kept.count == groupSteps.count)
    let failures = steps.filter(StepSelection.failures.keeps)
    #expect(!failures.isEmpty && failures.allSatisfy { [.failure, .timeout, .revert].contains($0.kind) })
    let episodes = steps.filter(StepSelection.episodes.keeps)
    #expect(!episodes.isEmpty && episodes.allSatisfy { $0.episodeId != nil } && episodes.count < steps.count)
    var window = ReportScope()
    let until = steps[steps.count / 2].time.epochMicroseconds(baseYear: year)
    window.until = FullTime(epochMicroseconds: until)
    for step in steps {
      #expect(window.keeps(step, baseYear: year) == (step.time.epochMicroseconds(baseYear: year) <= until))
    }
  }
}
