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
enum YearResolver {
  /// The resolution from the evidence available.
  ///
  /// An assumed year is the current one, rolled back a year where that would put the last record
  /// in the future. Whatever the evidence, the base year is clamped so that every record, from
  /// the first to the last New Year crossed (`lastTime`), falls in ``FullTime/supportedYears``.
  static func resolve(envelope: Int?, message: Int?, option: Int?, now: FullTime, lastTime: LogTime?)
    -> YearResolution
  {
    let resolution = unclamped(envelope: envelope, message: message, option: option, now: now, lastTime: lastTime)
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
