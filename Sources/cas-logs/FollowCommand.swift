import ArgumentParser
import Glibc
import LogParse

extension CasLogs {
  /// `cas-logs follow`: each episode step as it happens, from a live stream.
  struct Follow: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print each scale-up and scale-down step as it happens (kubectl logs -f … | cas-logs follow).",
      discussion: """
        Reads standard input as it arrives and prints one line per step the moment its record is \
        complete, then the report's summary at end of input or on Ctrl-C (exit 130) or SIGTERM (exit 143), \
        marked partial when interrupted. Input that holds no Cluster Autoscaler log ends with one line on \
        stderr saying what it looks like, and exit 2.
        """)

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, ndjson
    }

    @OptionGroup var input: InputOptions

    @OptionGroup var formatOption: FollowFormatOptions

    @OptionGroup var loop: IterationOptions
    @OptionGroup var layout: LayoutOptions
    @OptionGroup var colors: ColorOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var steps: StepSelectionOptions

    /// Reads standard input as it arrives until it ends or a signal arrives, then ends the command
    /// after `--`, if one runs.
    private static func readLive(into analyzer: inout Analyzer) throws -> InputOptions.ReadResult {
      guard InputOptions.standardInputIsOpen() else { throw ExitCode(2) }
      var result = InputOptions.ReadResult(anyRead: true)
      let end = InputReader.readStream(fd: STDIN_FILENO, name: "-", into: &analyzer) { InputOptions.interrupted() }
      switch end {
      case .stopped: result.interruptedBy = Signals.pending
      case .failed(let reason):
        Diagnostics.error("cannot read standard input: \(reason)")
        result.allRead = false
      case .undecodable(let reason):
        Diagnostics.error("cannot read standard input to its end: \(reason)")
        result.allRead = false
      case .endOfInput: break
      }
      if CommandInput.end().failed { result.allRead = false }
      return result
    }

    func run() throws {
      var analyzer = Analyzer(options: input.analyzerOptions(reorderWindow: 0))
      let format = format
      let style = colors.style()
      let scope = scope.scope()
      let selection = steps.selection
      analyzer.onStep = { step, year in
        guard scope.keeps(step, baseYear: year), selection?.keeps(step) ?? true else { return }
        Output.standard(
          format == .ndjson ? StepRenderer.ndjson(step, baseYear: year) : StepRenderer.text(step, style: style))
      }
      let loopFilter = loop.install(on: &analyzer)
      if loopFilter != nil { analyzer.onStep = nil }
      let read = try input.read(into: &analyzer) { analyzer in try Self.readLive(into: &analyzer) }
      let allRead = read.allRead
      let interruptedBy = read.interruptedBy
      if let loopFilter { return try IterationOptions.printLoopInstead(loopFilter, analyzer, allRead: allRead) }
      var report = analyzer.report().scoped(scope)
      if format == .text {
        // Partial only when the read stopped early: a signal while the summary is made leaves it complete.
        report.interrupted = interruptedBy.map(Signals.name(of:))
        Output.standard("--- summary\n" + TextReportRenderer.render(report, layout: layout.layout(style: style)))
      }
      if let signal = interruptedBy { throw ExitCode(128 + signal) }
      // As for report: a stream that held no Cluster Autoscaler log is not a clean end.
      if let reason = report.inputVerdict.reason {
        if allRead || report.accounting.lines > 0 { Diagnostics.error(reason) }
        throw ExitCode(2)
      }
      if !allRead { throw ExitCode(2) }
    }
  }
}
