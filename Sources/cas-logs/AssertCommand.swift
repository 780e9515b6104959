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

    func run() throws {
      // Checked here rather than in validate(), so that a mistyped option is reported as such first.
      if expectLines.isEmpty && forbidLines.isEmpty && expects.isEmpty && forbids.isEmpty && thens.isEmpty {
        throw ValidationError("nothing to check: give --expect-line, --forbid-line, --expect, --then or --forbid")
      }
      let started = FullTime.now()
      var analyzer = Analyzer(options: input.analyzerOptions(reorderWindow: input.readsStandardInput ? 0 : 4096))
      let session = AssertSession(engine: AssertionEngine(assertions: try assertions()), baseYear: analyzer.baseYear)
      let scope = scope.scope()
      if scope.since != nil || scope.until != nil {
        // Line patterns see only the records in the time window (a record names no group, node or pod).
        analyzer.onRecord = { record in
          if scope.contains(record.time, baseYear: session.baseYear) { session.engine.observe(record) }
        }
      } else {
        analyzer.onRecord = { record in session.engine.observe(record) }
      }
      analyzer.onStep = { _, year in
        session.baseYear = year
        session.reportChanged = true
      }
      let loopFilter = loop.install(on: &analyzer)
      var allRead = true
      // Corrupt or truncated gzip: what was read is judged, and what was not cannot let a --forbid pass.
      var undecodable = false
      var timedOut = false
      // The input error (a failed command after `--`), for the verdict's summary line.
      var inputError: String?
      if input.readsStandardInput {
        guard InputOptions.standardInputIsOpen() else { throw ExitCode(2) }
        let deadline = deadline()
        // Stop reading when the verdict is certain, time is up, a signal arrived, or the report
        // changed and must be re-evaluated (which needs the analyzer, so it happens between reads).
        let shouldStop: () -> Bool = {
          if session.reportChanged && session.engine.hasExpressions {
            session.reportChanged = false
            session.pendingEvaluation = true
          }
          if let deadline, FullTime.now().epochMicroseconds >= deadline { timedOut = true }
          return timedOut || session.engine.isDecided || InputOptions.interrupted() || session.pendingEvaluation
        }
        var end = InputReader.readStream(fd: STDIN_FILENO, name: "-", into: &analyzer, shouldStop: shouldStop)
        while true {
          if session.pendingEvaluation {
            session.pendingEvaluation = false
            session.engine.evaluate(analyzer.report().scoped(scope))
          }
          if case .failed(let reason) = end {
            Diagnostics.error("cannot read standard input: \(reason)")
            allRead = false
            inputError = "cannot read standard input: \(reason)"
          }
          if case .undecodable(let reason) = end {
            Diagnostics.error("cannot read standard input to its end: \(reason)")
            undecodable = true
          }
          if end != .stopped || timedOut || InputOptions.interrupted() || session.engine.isDecided { break }
          end = InputReader.continueStream(fd: STDIN_FILENO, into: &analyzer, shouldStop: shouldStop)
        }
        switch CommandInput.end(verdictCertain: timedOut || session.engine.isDecided, deadline: deadline) {
        case .fine: break
        case .timedOut: timedOut = true
        case .failed(let message):
          allRead = false
          inputError = message
        }
      } else {
        let read = input.readAll(into: &analyzer)
        allRead = read.allRead
        undecodable = read.undecodable
      }
      analyzer.finish()
      if session.engine.hasExpressions { session.engine.evaluate(analyzer.report().scoped(scope)) }
      var report = analyzer.report().scoped(scope)
      if !allRead, inputError == nil { inputError = "an input could not be read" }
      let verdict = session.engine.verdict(report: report, timedOut: timedOut, inputError: inputError)
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
          timedOut && report.inputVerdict == .empty
            ? "0 lines read before --timeout passed: nothing can be proven" : reason)
      }
      if !allRead { throw ExitCode(2) }
      if verdict.exitCode != 0 { throw ExitCode(verdict.exitCode) }
    }
  }
}

/// The mutable state the analyzer's callbacks share with the assert loop.
final class AssertSession {
  var engine: AssertionEngine
  var reportChanged = false
  var pendingEvaluation = false
  /// The base year of the latest step, to place records in a --since/--until window.
  var baseYear: Int

  init(engine: AssertionEngine, baseYear: Int) {
    self.engine = engine
    self.baseYear = baseYear
  }
}

/// Formats a verdict.
enum AssertRenderer {
  /// The verdict's lines; with `interrupted` (a signal's name), the results so far, marked partial and
  /// without a verdict.
  static func text(_ verdict: AssertVerdict, interrupted: String? = nil, style: TextStyle = .plain) -> String {
    var lines: [String] = []
    if let interrupted {
      lines.append(
        "PARTIAL  interrupted by \(interrupted) before the end of the input: no verdict; the results so far:")
    }
    for result in verdict.results {
      let mark = result.passed ? style.paint("PASS", .succeeded) : style.paint("FAIL", .failed)
      let label = TerminalText.sanitize(result.assertion.label)
      lines.append(
        "\(mark)  \(result.passed ? label : style.paint(label, .emphasis))  \(TerminalText.sanitize(result.detail))")
    }
    // Labels, details and notes hold patterns, source file names and log text: never printed raw.
    for result in verdict.results {
      if let missing = result.missingEvidence {
        lines.append(
          "\(style.paint("NOTE", .pending))  \(TerminalText.sanitize(result.assertion.label)): "
            + TerminalText.sanitize(missing))
      }
    }
    if let note = verdict.patternLimitNote {
      lines.append("\(style.paint("NOTE", .pending))  \(TerminalText.sanitize(note))")
    }
    if verdict.timedOut && interrupted == nil {
      if verdict.exitCode == 3 {
        lines.append(
          style.paint("NOTE", .pending) + "  timeout: it passed before any log was read: insufficient evidence")
      } else {
        lines.append(style.paint("FAIL", .failed) + "  timeout: the expectations above marked FAIL were still unmet")
      }
    }
    let passed = verdict.results.filter(\.passed).count
    let undecided = verdict.results.filter(\.undecided).count
    if let interrupted {
      lines.append(
        "\(passed) passed, \(verdict.results.count - passed) not (yet) met; partial: interrupted by \(interrupted)")
    } else {
      lines.append(
        "\(passed) passed, \(verdict.results.count - passed) failed"
          + (undecided > 0 ? " (\(undecided) undecided: a pattern hit PCRE2's match limit)" : "")
          + (verdict.inputError.map { "; input error, no verdict: " + TerminalText.sanitize($0) } ?? ""))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
