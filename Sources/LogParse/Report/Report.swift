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
  /// Node groups whose target size was set back (not scale-ups).
  public var sizeDecreases: [SizeDecrease] = []
  /// Entries dropped from the lists above to keep memory bounded, with what they were.
  public var omitted: Omitted
  /// Records on which a catalogue pattern gave up (a PCRE2 limit hit): counted as unrecognised,
  /// so an event they carry may be missing from the report (JSON `input.patternLimitHits`).
  public var patternErrors: Int
  /// What putting events in time order took: events written to a temporary file, applied out of
  /// time order, released early for memory, or lost (JSON `input.eventsSpilled` and the rest).
  public var reorder = ReorderStatistics()
  /// The most frequent shapes of unrecognised records.
  public var unrecognizedShapes: [UnrecognizedShapes.Shape] = []
  /// The signal (`SIGINT`, `SIGTERM`) that stopped the reading before the end of the input, or nil:
  /// when set, the report covers only what was read until then.
  public var interrupted: String? = nil
  /// The filters (`--since`, `--node-group`, …) this report was cut to, or nil for the whole input.
  public var scope: ReportScope? = nil
  /// Whether the input was read as a Cluster Autoscaler log, and if not, what it looks like:
  /// `report` exits 2 and `assert` 3 on input that was not read.
  public var inputVerdict: InputVerdict = .read
  /// Why an input could not be read to its end (corrupt or truncated gzip data), or nil: then a
  /// `--forbid` cannot pass, as what was not read may hold the forbidden thing.
  public var incompleteInput: String? = nil

  /// How many unrecognised records and distinct shapes there were, and whether every shape was kept.
  public var unrecognizedTotals = UnrecognizedShapes.Totals(records: 0, distinct: 0, distinctIsExact: true, kept: 0)

  /// What the input line of every format says when a catalogue pattern gave up on records, or nil.
  public var patternLimitNote: String? {
    guard patternErrors > 0 else { return nil }
    let records = patternErrors == 1 ? "1 record" : "\(patternErrors) records"
    return "\(records) hit a PCRE2 limit and count as unrecognized: events may be missing"
  }

  /// An RFC 3339 string for a log time, using the resolved year.
  public func rfc3339(_ time: LogTime) -> String {
    time.isKnown ? time.rfc3339(baseYear: year.baseYear) : "(time not logged)"
  }

  /// A time for the JSON report: RFC 3339, or nil (null) when the log gave none.
  public func jsonTime(_ time: LogTime) -> String? { time.isKnown ? time.rfc3339(baseYear: year.baseYear) : nil }
  /// A time that may be unknown (a record whose time was not readable, an event row's age): nil then.
  public func rfc3339(known time: LogTime?) -> String? { time.flatMap(jsonTime) }

  /// The name of source `index` as given (`-` for standard input), `-` for an index no source has:
  /// the one lookup every renderer and verdict uses.
  public func sourceName(_ index: Int) -> String {
    sources.indices.contains(index) ? sources[index] : "-"
  }

  /// The source name of evidence.
  public func sourceName(_ evidence: Evidence) -> String { sourceName(evidence.source) }
}

extension Analyzer {
  /// The report of everything analysed so far.
  public func report() -> Report {
    var autoscaler = builder.autoscaler
    autoscaler.isLeader = builder.logShowsLeader
    let names = streamNames
    autoscaler.replicas = builder.replicaList.map { replica in
      var named = replica
      named.name = names.indices.contains(replica.stream - 1) ? names[replica.stream - 1] : nil
      return named
    }
    autoscaler.cloudProvider = cloudProvider
    autoscaler.logFormat = logFormat
    // No banner named a version: the structured form at least says which releases wrote the log.
    if autoscaler.versions.isEmpty, let implied = logFormat.impliedVersions { autoscaler.versions = [implied] }
    var report = Report(
      sources: sources, accounting: accounting, recognized: recognized, unrecognized: unrecognized, formats: formats,
      firstTime: firstTime, lastTime: lastTime, year: year, verbosity: verbosity, autoscaler: autoscaler,
      scaleUps: builder.scaleUps.elements, scaleDowns: builder.scaleDowns.elements,
      failures: builder.failures.elements, backoffs: builder.backoffs.elements,
      blockedScaleDowns: builder.blockedScaleDowns.elements, noScaleUps: builder.noScaleUpsAtEnd.elements,
      omitted: Omitted(builder), patternErrors: patternErrors, reorder: reorderStatistics,
      unrecognizedShapes: unrecognizedShapes.top(20),
      unrecognizedTotals: unrecognizedShapes.totals)
    report.inputVerdict = inputVerdict
    report.incompleteInput = incompleteInput
    report.sizeDecreases = builder.sizeDecreases.elements
    // An envelope's full times date every record already; otherwise each file keeps the year it proves.
    if report.year.source != .envelope { report.placeInSourceYears(records.statistics.messageYears.baseYearBySource) }
    return report
  }
}

/// What a report left out to keep memory bounded on endless input: counts, never silence.
public struct Omitted: Sendable {
  public var scaleUps: [ScaleUpOutcome: Int]
  public var scaleDowns: [ScaleDownOutcome: Int]
  public var failures: [FailureClass: Int]
  public var backoffs: Int
  public var blockedScaleDowns: Int
  public var noScaleUps: Int
  public var sizeDecreases: Int

  /// The omissions of a builder's lists.
  init(_ builder: EpisodeBuilder) {
    scaleUps = builder.droppedScaleUpOutcomes
    scaleDowns = builder.droppedScaleDownOutcomes
    failures = builder.droppedFailureClasses
    backoffs = builder.backoffs.droppedCount
    blockedScaleDowns = builder.blockedScaleDowns.droppedCount
    noScaleUps = builder.noScaleUps.droppedCount
    sizeDecreases = builder.sizeDecreases.droppedCount
  }

  /// Whether anything was left out.
  public var isEmpty: Bool {
    scaleUps.isEmpty && scaleDowns.isEmpty && failures.isEmpty
      && backoffs + blockedScaleDowns + noScaleUps + sizeDecreases == 0
  }
}
