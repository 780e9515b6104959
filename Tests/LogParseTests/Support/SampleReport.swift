import LogParse

/// A sample's report with short accessors, so that a test can state an INDEX row claim by claim.
struct SampleReport {
  let report: Report

  /// Analyses the sample whose file name starts with `prefix`.
  init(_ prefix: String) throws {
    report = Fixtures.analyze(try Fixtures.sample(prefix))
  }

  /// A time as the JSON report writes it, or nil.
  func time(_ time: LogTime?) -> String? {
    time.map { report.rfc3339($0) }
  }

  /// How the lines were accounted for, in one comparable string.
  var input: String {
    let counts = report.accounting
    return
      "lines \(counts.lines) records \(counts.records) recognized \(report.recognized) "
      + "unrecognized \(report.unrecognized) malformed \(counts.malformed) skipped \(counts.skipped) "
      + "continuation \(counts.continuationLines)"
  }

  /// The envelopes seen, as the JSON report names them.
  var formats: [String] { report.formats.map(\.rawValue) }

  /// The year and where it came from: `2019 message`.
  var year: String { "\(report.year.baseYear) \(report.year.source.rawValue)" }

  /// Whether nothing was reported under the given lists (the "must not invent" claims).
  var noFailures: Bool { report.failures.isEmpty }
  var noBackoffs: Bool { report.backoffs.isEmpty }
  var noBlocked: Bool { report.blockedScaleDowns.isEmpty }
  var noNoScaleUps: Bool { report.noScaleUps.isEmpty }

  /// Whether the log shows no start-up banner, version or leadership.
  var noProcessFacts: Bool {
    report.autoscaler.versions.isEmpty && report.autoscaler.starts.isEmpty && report.autoscaler.isLeader == nil
  }

  /// A scale-up's sizes: `4->5 max 8 nodes 1`, with `?` for unknowns.
  func sizes(_ up: ScaleUpEpisode) -> String {
    func text(_ value: Int?) -> String { value.map(String.init) ?? "?" }
    return "\(text(up.from))->\(text(up.to)) max \(text(up.max)) nodes \(text(up.nodes))"
  }

  /// A scale-up's duration as the JSON report gives it.
  func duration(_ up: ScaleUpEpisode) -> Double? {
    up.durationSeconds(baseYear: report.year.baseYear)
  }
}
