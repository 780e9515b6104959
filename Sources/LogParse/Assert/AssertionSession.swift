/// `cas-logs assert` over a read in progress: the analyzer's records and steps go to an
/// ``AssertionEngine``, and reading stops as soon as the verdict is certain.
///
/// ``install(on:)`` hands every record to the engine's line patterns (only those inside the scope's
/// `--since`/`--until` window, when it has one) and notes each episode step as a change of the
/// report. ``read(into:interrupted:using:)`` reads a live stream in turns: a turn stops when the
/// verdict is certain, the deadline passed, `interrupted` says so, or the report changed while an
/// expression waits on it; the expressions are then evaluated on the report so far (which needs
/// the analyzer, so it happens between reads) and reading goes on. Once the input is finished,
/// ``verdict(_:inputError:)`` evaluates them on the final report.
public final class AssertionSession {
  /// The engine that decides.
  private(set) var engine: AssertionEngine
  /// The `--since`/`--until` window and name filters every evaluated report is cut to.
  let scope: ReportScope
  /// When `--timeout` ends, in epoch microseconds, or nil without one.
  public let deadline: Int64?
  /// The current time in epoch microseconds, asked whenever reading may stop.
  private let clock: () -> Int64
  /// The base year of the latest step, to place records in a `--since`/`--until` window.
  private var baseYear: Int
  /// A step arrived since the expressions were last evaluated.
  private var reportChanged = false
  /// A read stopped so that the expressions are evaluated before it goes on.
  private var pendingEvaluation = false
  /// Whether the deadline passed before the verdict was certain.
  public private(set) var timedOut = false

  /// A session deciding `assertions` on reports cut to `scope`; `baseYear` dates records until the
  /// first step says otherwise (``Analyzer/baseYear``).
  public init(
    assertions: [Assertion], scope: ReportScope = ReportScope(), baseYear: Int, deadline: Int64? = nil,
    clock: @escaping () -> Int64 = { FullTime.now().epochMicroseconds }
  ) {
    engine = AssertionEngine(assertions: assertions)
    self.scope = scope
    self.baseYear = baseYear
    self.deadline = deadline
    self.clock = clock
  }

  /// Whether the verdict is already certain: every expectation met for good, or a prohibition hit.
  public var isDecided: Bool { engine.isDecided }

  /// Feeds the engine from `analyzer`: every record (in the scope's time window, if it has one) and
  /// every step, as a change of the report.
  public func install(on analyzer: inout Analyzer) {
    let scope = scope
    if scope.since != nil || scope.until != nil {
      // Line patterns see only the records in the time window (a record names no group, node or pod).
      analyzer.onRecord = { record in
        if scope.contains(record.time, baseYear: self.baseYear) { self.engine.observe(record) }
      }
    } else {
      analyzer.onRecord = { record in self.engine.observe(record) }
    }
    analyzer.onStep = { _, year in
      self.baseYear = year
      self.reportChanged = true
    }
  }

  /// Notes that the deadline passed while the input's writer was waited for (``timedOut``).
  public func noteTimeout() { timedOut = true }

  /// Whether a read should stop now: the verdict is certain, the deadline passed, `interrupted`
  /// says so, or the report changed while an expression waits on it (then an evaluation is pending).
  func shouldStop(interrupted: () -> Bool) -> Bool {
    if reportChanged && engine.hasExpressions {
      reportChanged = false
      pendingEvaluation = true
    }
    if let deadline, clock() >= deadline { timedOut = true }
    return timedOut || engine.isDecided || interrupted() || pendingEvaluation
  }

  /// Reads a live stream into `analyzer` in turns, and returns how the last turn ended.
  ///
  /// Reading goes on until the stream ends or fails, or the verdict is certain, the deadline passed
  /// or `interrupted` says so; between turns the expressions are evaluated on the report so far
  /// when it changed. `turn` reads until the stop condition it is given says so: `true` for the
  /// first turn (the stream begins), `false` for the next ones (it goes on).
  func read(
    into analyzer: inout Analyzer, interrupted: @escaping () -> Bool,
    using turn: (inout Analyzer, _ first: Bool, _ shouldStop: () -> Bool) -> InputReader.StreamEnd
  ) -> InputReader.StreamEnd {
    func stop() -> Bool { shouldStop(interrupted: interrupted) }
    var end = turn(&analyzer, true, stop)
    while true {
      if pendingEvaluation {
        pendingEvaluation = false
        engine.evaluate(analyzer.report().scoped(scope))
      }
      if end != .stopped || timedOut || interrupted() || engine.isDecided { return end }
      end = turn(&analyzer, false, stop)
    }
  }

  /// Reads the stream `fd` (standard input, named `name`) with ``read(into:interrupted:using:)``.
  ///
  /// When the stream ends, the record still waiting for continuation lines is delivered
  /// (``Analyzer/flushIdle()``), so that ``isDecided`` covers it before the caller ends the command
  /// that wrote it; the source itself is ended once, by ``Analyzer/finish()``.
  public func readStream(
    fd: Int32, name: String, into analyzer: inout Analyzer, interrupted: @escaping () -> Bool
  ) -> InputReader.StreamEnd {
    let end = read(into: &analyzer, interrupted: interrupted) { analyzer, first, shouldStop in
      first
        ? InputReader.readStream(fd: fd, name: name, into: &analyzer, shouldStop: shouldStop)
        : InputReader.continueStream(fd: fd, into: &analyzer, shouldStop: shouldStop)
    }
    if end == .endOfInput { analyzer.flushIdle() }
    return end
  }

  /// The report of a finished input (``Analyzer/finish()`` called), cut to the scope, and the
  /// verdict on it, the expressions evaluated on it; `inputError` names an input that ended in an error.
  public func verdict(_ analyzer: Analyzer, inputError: String? = nil) -> (report: Report, verdict: AssertVerdict) {
    let report = analyzer.report().scoped(scope)
    if engine.hasExpressions { engine.evaluate(report) }
    return (report, engine.verdict(report: report, timedOut: timedOut, inputError: inputError))
  }
}

@available(*, unavailable)
extension AssertionSession: Sendable {}
