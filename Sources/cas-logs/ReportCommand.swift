import ArgumentParser
import LogParse

extension CasLogs {
  /// `cas-logs report`: the post-mortem of a saved log.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rebuild every scale-up and scale-down episode of a log and report them.",
      discussion: """
        Exit codes: 0 report written; 2 usage, input or output error (other files are still reported), or input \
        that holds no Cluster Autoscaler log (one line on stderr says what it looks like); \
        130/143 interrupted by SIGINT/SIGTERM (the report of what was read, marked partial, is written).
        """)

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json, markdown, html
    }

    @OptionGroup var input: InputOptions

    @OptionGroup var destination: ReportOutputOptions

    @Flag(help: "With text output: also list the most frequent message shapes cas-logs did not recognise.")
    var unrecognized = false

    @OptionGroup var loop: IterationOptions
    @OptionGroup var layout: LayoutOptions
    @OptionGroup var colors: ColorOptions
    @OptionGroup var scope: ScopeOptions

    func run() throws {
      var analyzer = Analyzer(options: input.analyzerOptions(reorderWindow: 4096))
      let loopFilter = loop.install(on: &analyzer)
      let read = try input.read(into: &analyzer)
      // Nothing could be read is an input error, unless a signal stopped the read before it began.
      guard read.anyRead || read.interruptedBy != nil else { throw ExitCode(2) }
      if let loopFilter { return try IterationOptions.printLoopInstead(loopFilter, analyzer, allRead: read.allRead) }
      var report = analyzer.report().scoped(scope.scope())
      // Partial only when a read actually stopped early: a signal while rendering leaves it complete.
      report.interrupted = read.interruptedBy.map(Signals.name(of:))
      let layout = layout.layout(style: colors.style(toFile: output != nil))
      try Output.pieces(to: output) { write in
        switch format {
        case .text:
          write(
            TextReportRenderer.render(report, layout: layout)
              + (unrecognized ? TextReportRenderer.renderUnrecognized(report) : ""))
        // The JSON report is written in pieces: one of thousands of episodes is never held whole.
        case .json: JSONReportRenderer.render(report, to: write)
        case .markdown: write(MarkdownReportRenderer.render(report, layout: layout))
        case .html: write(HTMLReportRenderer.render(report))
        }
      }
      if let signal = read.interruptedBy { throw ExitCode(128 + signal) }
      if report.reorder.lost > 0 {
        Diagnostics.error(
          "\(report.reorder.lost) events could not be read back from a temporary file (see TMPDIR): the report is incomplete"
        )
        throw ExitCode(2)
      }
      // Input that was not read as a log is not a clean (empty) report: say what it looks like.
      // (Unless the only reason is an input error already reported.)
      if let reason = report.inputVerdict.reason {
        if (read.allRead && !read.undecodable) || report.accounting.lines > 0 { Diagnostics.error(reason) }
        throw ExitCode(2)
      }
      if !read.allRead || read.undecodable { throw ExitCode(2) }
    }
  }
}
