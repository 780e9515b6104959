/// The analysis of a whole input: what `cas-logs report` shows, in text or as the JSON contract.
public struct Report: Sendable {
  /// The report's schema version.
  public static let schemaVersion = 1
  /// Source names as given (`-` for standard input).
  public var sources: [String]
  /// How every line was accounted for.
  public var accounting: LineAccounting
  /// Records mapped to an event, and well-formed records that were not.
  public var recognized: Int
  public var unrecognized: Int
  /// Envelopes seen.
  public var formats: [InputFormat]
  /// Earliest and latest record times.
  public var firstTime: LogTime?
  public var lastTime: LogTime?
  /// The year of the first record and where it came from.
  public var year: YearResolution
  /// The lowest `--v` the log proves.
  public var verbosity: Int?
  /// What the log says about the autoscaler process.
  public var autoscaler: AutoscalerInfo
  /// Episodes and findings.
  public var scaleUps: [ScaleUpEpisode]
  public var scaleDowns: [ScaleDownEpisode]
  public var failures: [Failure]
  public var backoffs: [Backoff]
  public var blockedScaleDowns: [BlockedScaleDown]
  public var noScaleUps: [NoScaleUp]
  /// Matches PCRE2 gave up on.
  public var patternErrors: Int

  /// An RFC 3339 string for a log time, using the resolved year.
  public func rfc3339(_ time: LogTime) -> String { time.rfc3339(baseYear: year.baseYear) }

  /// The source name of evidence.
  public func sourceName(_ evidence: Evidence) -> String {
    sources.indices.contains(evidence.source) ? sources[evidence.source] : "-"
  }
}

extension Analyzer {
  /// The report of everything analysed so far.
  public func report() -> Report {
    let year = YearResolver.resolve(
      envelope: envelopeBaseYear, message: builder.messageBaseYear, option: options.year, now: options.now,
      lastTime: lastTime)
    var autoscaler = builder.autoscaler
    autoscaler.cloudProvider = autoscaler.cloudProvider ?? cloudProvider
    return Report(
      sources: sources, accounting: accounting, recognized: recognized, unrecognized: unrecognized, formats: formats,
      firstTime: firstTime, lastTime: lastTime, year: year, verbosity: verbosity, autoscaler: autoscaler,
      scaleUps: builder.scaleUps, scaleDowns: builder.scaleDowns, failures: builder.failures,
      backoffs: builder.backoffs, blockedScaleDowns: builder.blockedScaleDowns, noScaleUps: builder.noScaleUps,
      patternErrors: patternErrors)
  }
}
