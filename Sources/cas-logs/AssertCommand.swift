import ArgumentParser
import Glibc
import LogParse

extension CasLogs {
  /// `cas-logs assert`: prove in CI that the autoscaler did (or did not do) something.
  struct Assert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check expectations against a saved log or a live stream; the exit code is the verdict.",
      discussion: """
        EXPR is a subject (scale-up, scale-down, failure, backoff, no-scale-up, blocked-scale-down) \
        followed by conditions: an outcome (succeeded, failed, timedOut, pending), key=value, key!=value, \
        key~=regex, from=/to=/nodes>=N, within=DURATION, count>=N (default count>=1). Examples: \
        'scale-up group=ASG_NAME succeeded within=3m', 'failure class=iam action=autoscaling:SetDesiredCapacity'.

        On standard input the command exits 0 as soon as every expectation holds and 1 as soon as a \
        --forbid matches, without waiting for the end of the stream; --timeout bounds the wait.
        Exit codes: 0 all hold; 1 an expectation failed, a forbidden thing happened, or the timeout passed (3 when nothing was read before it); \
        2 usage or input error (then no PASS: the summary line names the error); 3 insufficient evidence (every unmet expectation is one this log cannot show, \
        e.g. a V(4) message in a --v=1 log, or only a standby replica's log, or one a PCRE2 limit left \
        undecided); 130/143 interrupted by \
        SIGINT/SIGTERM before a verdict (the results so far are printed, marked partial; no JUnit or GitHub \
        output is written).

        A pattern that hits PCRE2's match or depth limit on a record cannot tell whether that record \
        matches, and such a record never counts as no match: a --forbid-line that matched nothing but \
        gave up on a record fails (exit 1, "undecided"), and an --expect-line that matched nothing but \
        gave up on a record is unmet with insufficient evidence (exit 3 unless something else failed). \
        A match elsewhere decides as usual. Likewise a key~=regex that gives up on a value: when the \
        count condition would hold for some but not all of those values, --forbid fails and --expect is \
        insufficient evidence. The text, JUnit (type "undecided") and GitHub output name the count and \
        the first such record. A built-in catalogue pattern that gives up on a record may miss its event \
        (counted as input.patternLimitHits in the report's JSON): then every output (text NOTE, JUnit \
        <system-out>, GitHub ::warning and step summary) says "N records hit a PCRE2 limit: events may be \
        missing", a --forbid EXPR that matched nothing fails as undecided (exit 1), and an unmet --expect \
        EXPR or --then (or a count<=N that more items would break) is insufficient evidence (exit 3 unless \
        something else failed). Line patterns are tested on every record and are not affected.

        Numbers in EXPR (count, nodes, from, to, max) are whole numbers from 0 to 1000000000, and \
        within= takes 0s to 100 years (876600h); anything else is a usage error at its column (exit 2).
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var loop: IterationOptions
    @OptionGroup var colors: ColorOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var layout: LayoutOptions

    @Option(name: .customLong("expect-line"), help: "A PCRE2 pattern some record's message must match (repeatable).")
    var expectLines: [String] = []

    @Option(name: .customLong("forbid-line"), help: "A PCRE2 pattern no record's message may match (repeatable).")
    var forbidLines: [String] = []

    @Option(name: .customLong("expect"), help: "An expression that must hold (repeatable).")
    var expects: [String] = []

    @Option(name: .customLong("then"), help: "An expression that must hold after the previous --expect/--then held.")
    var thens: [String] = []

    @Option(name: .customLong("forbid"), help: "An expression that must never hold (repeatable).")
    var forbids: [String] = []

    @Option(help: "Stop waiting after this long (e.g. 90s, 10m) and fail, listing what is unmet.")
    var timeout: String?

    @Option(help: "Also write the verdict as JUnit XML to this file (one testcase per expectation).")
    var junit: String?
    @OptionGroup var junitSuite: JUnitSuiteOptions

    @Flag(
      help: """
        Print GitHub Actions annotations (::error/::warning) and append a Markdown summary to \
        $GITHUB_STEP_SUMMARY. On by default when GITHUB_ACTIONS=true.
        """)
    var github = false

    @Flag(name: .customLong("no-github"), help: "Do not print GitHub Actions annotations even under GitHub Actions.")
    var noGitHub = false

    /// The longest `--timeout`: 366 days.
    static let longestTimeout = 366.0 * 86_400

    func validate() throws {
      if let timeout {
        guard let seconds = GoDuration.seconds(timeout) else {
          throw ValidationError(
            "--timeout '\(TerminalText.sanitize(timeout))': expected a duration like 90s, 10m or 1h30m")
        }
        guard seconds.isFinite, seconds >= 0, seconds <= Self.longestTimeout else {
          throw ValidationError(
            "--timeout '\(TerminalText.sanitize(timeout))': expected a duration from 0s to 366 days (8784h)")
        }
      }
      _ = try assertions()
    }

    /// The moment `--timeout` ends, counted from now, or nil without one.
    private func deadline() -> Int64? {
      guard let seconds = timeout.flatMap(GoDuration.seconds) else { return nil }
      // validate() bounds the value; the clamp keeps the conversion from trapping whatever it is.
      let bounded = seconds.isFinite ? min(max(seconds, 0), Self.longestTimeout) : Self.longestTimeout
      return FullTime.now().epochMicroseconds + Int64(bounded * 1e6)
    }

    /// The assertions in order: line patterns, then expressions, then the `--then` chain.
    func assertions() throws -> [Assertion] {
      var list: [Assertion] = []
      do {
        for pattern in expectLines { list.append(try Assertion.line(.expect, pattern)) }
        for pattern in forbidLines { list.append(try Assertion.line(.forbid, pattern)) }
      } catch {
        throw ValidationError(TerminalText.sanitize("\(error)"))
      }
      func parse(_ kind: Assertion.Kind, _ text: String, option: String, after: Int?) throws -> Assertion {
        do {
          return try Assertion.expression(kind, text, option: option, after: after)
        } catch {
          throw ValidationError(TerminalText.sanitize("--\(option) '\(text)': \(error)"))
        }
      }
      for text in expects { list.append(try parse(.expect, text, option: "expect", after: nil)) }
      var previous = list.indices.last(where: { list[$0].kind == .expect })
      for text in thens {
        list.append(try parse(.expect, text, option: "then", after: previous))
        previous = list.count - 1
      }
      for text in forbids { list.append(try parse(.forbid, text, option: "forbid", after: nil)) }
      return list
    }

    /// Writes the JUnit file and the GitHub annotations and step summary, as asked.
    private func writeCIReports(_ verdict: AssertVerdict, report: LogParse.Report, seconds: Double) throws {
      if let junit {
        try Output.file(JUnitRenderer.render(verdict, seconds: seconds, suiteName: junitSuite.name), to: junit)
      }
      let underActions = ProcessEnvironment.value("GITHUB_ACTIONS") == "true"
      guard github || (underActions && !noGitHub) else { return }
      Output.standard(GitHubRenderer.annotations(verdict, report: report))
      if let summaryPath = ProcessEnvironment.value("GITHUB_STEP_SUMMARY"), !summaryPath.isEmpty {
        try Output.append(GitHubRenderer.stepSummary(verdict, report: report, layout: layout.layout()), to: summaryPath)
      }
    }

    /// Reads standard input as it arrives until the verdict is certain, `--timeout` passes, a signal
    /// arrives or the stream ends, the expressions re-evaluated as it goes (``AssertionSession``); then
    /// ends the command after `--`, if one runs.
    private func readLive(into analyzer: inout Analyzer, _ session: AssertionSession) throws -> InputOptions.ReadResult
    {
      guard InputOptions.standardInputIsOpen() else { throw ExitCode(2) }
      var result = InputOptions.ReadResult(anyRead: true)
      let end = session.readStream(fd: STDIN_FILENO, name: "-", into: &analyzer) { InputOptions.interrupted() }
      if case .failed(let reason) = end {
        Diagnostics.error("cannot read standard input: \(reason)")
        result.allRead = false
        result.inputError = "cannot read standard input: \(reason)"
      }
      if case .undecodable(let reason) = end {
        Diagnostics.error("cannot read standard input to its end: \(reason)")
        result.undecodable = true
      }
      switch CommandInput.end(verdictCertain: session.timedOut || session.isDecided, deadline: session.deadline) {
      case .fine: break
      case .timedOut: session.noteTimeout()
      case .failed(let message):
        result.allRead = false
        result.inputError = message
      }
      return result
    }

    func run() throws {
      // Checked here rather than in validate(), so that a mistyped option is reported as such first.
      if expectLines.isEmpty && forbidLines.isEmpty && expects.isEmpty && forbids.isEmpty && thens.isEmpty {
        throw ValidationError("nothing to check: give --expect-line, --forbid-line, --expect, --then or --forbid")
      }
      let started = FullTime.now()
      var analyzer = Analyzer(options: input.analyzerOptions(reorderWindow: input.readsStandardInput ? 0 : 4096))
      let session = AssertionSession(
        assertions: try assertions(), scope: scope.scope(), baseYear: analyzer.baseYear, deadline: deadline())
      session.install(on: &analyzer)
      let loopFilter = loop.install(on: &analyzer)
      let read = try input.read(into: &analyzer) { analyzer in try readLive(into: &analyzer, session) }
      let allRead = read.allRead
      // Corrupt or truncated gzip: what was read is judged, and what was not cannot let a --forbid pass.
      let undecodable = read.undecodable
      let (judged, verdict) = session.verdict(
        analyzer, inputError: read.inputError ?? (allRead ? nil : "an input could not be read"))
      var report = judged
      // Interrupted, what was read proves nothing either way: the results so far, marked partial, and 128+signal.
      if let signal = Signals.pending {
        report.interrupted = Signals.name(of: signal)
        Output.brokenPipeExitCode.store(128 + signal, ordering: .relaxed)
        Output.standard(AssertRenderer.text(verdict, interrupted: report.interrupted, style: colors.style()))
        throw ExitCode(128 + signal)
      }
      if let loopFilter { try IterationOptions.printLoop(loopFilter, analyzer) }
      // A reader that goes away (`| head`) must not turn this verdict into a success.
      Output.brokenPipeExitCode.store(allRead ? verdict.exitCode : 2, ordering: .relaxed)
      Output.standard(AssertRenderer.text(verdict, style: colors.style()))
      let elapsed = Double(FullTime.now().epochMicroseconds - started.epochMicroseconds) / 1e6
      try writeCIReports(verdict, report: report, seconds: elapsed)
      if let reason = report.inputVerdict.reason, (allRead && !undecodable) || report.accounting.lines > 0 {
        // Nothing arrived before --timeout: the input is not known to be empty, only unread.
        Diagnostics.error(
          session.timedOut && report.inputVerdict == .empty
            ? "0 lines read before --timeout passed: nothing can be proven" : reason)
      }
      if !allRead { throw ExitCode(2) }
      if verdict.exitCode != 0 { throw ExitCode(verdict.exitCode) }
    }
  }
}
