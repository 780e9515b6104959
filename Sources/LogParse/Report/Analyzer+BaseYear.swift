extension Analyzer {
  /// The year the report would state now, resolved from the statistics of everything read so far.
  var year: YearResolution {
    YearResolver.resolve(records.statistics, option: options.year, now: options.now)
  }

  /// The base year the report would state now, without building the report: what `assert` needs
  /// to place each record in a `--since`/`--until` window.
  public var baseYear: Int { year.baseYear }
}
