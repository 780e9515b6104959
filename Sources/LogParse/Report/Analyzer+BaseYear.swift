extension Analyzer {
  /// The base year the report would state now, without building the report: what `assert` needs
  /// to place each record in a `--since`/`--until` window.
  public var baseYear: Int {
    YearResolver.resolve(
      envelope: envelopeBaseYear, message: records.statistics.messageYears.noteBaseYear, option: options.year,
      now: options.now,
      lastTime: lastTime
    ).baseYear
  }
}
