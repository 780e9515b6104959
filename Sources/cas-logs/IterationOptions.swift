import ArgumentParser
import LogParse

/// `--iteration ID`, shared by `report`, `follow` and `assert`: show one autoscaler loop.
struct IterationOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      Show one autoscaler loop: every record of it, in order, one line each with the event it meant \
      (or noted/unrecognised). ID is an iterationId (1f0c9a7e-42), a loop number within the only \
      process, or in logs without ids the ordinal of a 'Starting main loop' loop (1, 2, …). report and \
      follow print the loop instead of their output; assert prints it before its verdict. An unknown ID exits 2.
      """, valueName: "ID"))
  var iteration: String?

  func validate() throws {
    if let iteration, IterationSelector(iteration) == nil {
      throw ValidationError(
        "--iteration \(iteration): expected an iterationId (8 hex digits, '-', a number) or a loop number")
    }
  }

  /// A filter installed on `analyzer` when `--iteration` was given.
  func install(on analyzer: inout Analyzer) -> IterationFilter? {
    guard let selector = iteration.flatMap(IterationSelector.init) else { return nil }
    let filter = IterationFilter(selector: selector)
    filter.install(on: &analyzer)
    return filter
  }

  /// Prints the selected loop's records; an id that names no single loop is one error line and exit 2.
  static func printLoop(_ filter: IterationFilter, _ analyzer: Analyzer) throws {
    if let error = filter.error {
      Diagnostics.error(error)
      throw ExitCode(2)
    }
    Output.standard(filter.render(in: analyzer.report()))
  }

  /// Prints the selected loop in place of the command's output, then exits as the command would:
  /// 128 + a signal that stopped the reading, 2 when an input could not be read.
  static func printLoopInstead(_ filter: IterationFilter, _ analyzer: Analyzer, allRead: Bool) throws {
    try printLoop(filter, analyzer)
    if let signal = Signals.pending { throw ExitCode(128 + signal) }
    if !allRead { throw ExitCode(2) }
  }
}
