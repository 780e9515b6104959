/// The year a log's first record belongs to, and what says so.
public struct YearResolution: Hashable, Sendable {
  /// Where the year came from, as named in `input.yearSource`.
  public enum Source: String, Hashable, Sendable {
    case envelope, message, option, assumed
  }

  /// The year of records with year offset 0.
  public var baseYear: Int
  /// What decided it.
  public var source: Source
}

/// Decides the base year: an envelope's full time, else a date in a message, else `--year`, else assumed.
///
/// The one rule, over the one value of parse-side evidence: the report, each live step (`follow`)
/// and `assert`'s window all call ``resolve(_:option:now:)``; a live step passes the statistics of
/// the records read so far, the report those of the whole input.
enum YearResolver {
  /// The resolution from what the parser counted (`statistics`), `--year` (`option`) and `now`.
  ///
  /// The evidence, strongest first: the base year the first record with an envelope time proves
  /// (``ParseStatistics/envelopeBaseYear``), the one dates in messages prove (a dated note's, else
  /// any message's, ``MessageYears/baseYear``), `--year`. Without any, the year is assumed: the
  /// current one, rolled back a year where that would put the last record in the future. Whatever
  /// the evidence, the base year is clamped so that every record, from the first to the last New
  /// Year crossed (``ParseStatistics/lastTime``), falls in ``FullTime/supportedYears``.
  static func resolve(_ statistics: ParseStatistics, option: Int?, now: FullTime) -> YearResolution {
    resolve(statistics.yearEvidence, option: option, now: now)
  }

  /// The same rule over the year evidence alone (what ``ParseStatistics/yearEvidence`` gives).
  static func resolve(_ evidence: YearEvidence, option: Int?, now: FullTime) -> YearResolution {
    let lastTime = evidence.lastTime
    let resolution = unclamped(
      envelope: evidence.envelopeBaseYear, message: evidence.messageBaseYear, option: option, now: now,
      lastTime: lastTime)
    let years = FullTime.supportedYears
    let span = min(max(Int(lastTime?.yearOffset ?? 0), 0), years.upperBound - years.lowerBound)
    let year = min(max(resolution.baseYear, years.lowerBound), years.upperBound - span)
    return YearResolution(baseYear: year, source: resolution.source)
  }

  private static func unclamped(envelope: Int?, message: Int?, option: Int?, now: FullTime, lastTime: LogTime?)
    -> YearResolution
  {
    if let envelope { return YearResolution(baseYear: envelope, source: .envelope) }
    if let message { return YearResolution(baseYear: message, source: .message) }
    if let option { return YearResolution(baseYear: option, source: .option) }
    var year = now.date.year - Int(lastTime?.yearOffset ?? 0)
    if let lastTime, lastTime.epochMicroseconds(baseYear: year) > now.epochMicroseconds {
      year -= 1
    }
    return YearResolution(baseYear: year, source: .assumed)
  }
}
