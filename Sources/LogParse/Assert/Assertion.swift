/// One expectation or prohibition given to `cas-logs assert`.
public struct Assertion: Sendable {
  /// Must hold, or must never hold.
  public enum Kind: String, Sendable {
    case expect, forbid
  }

  /// What is tested: a pattern over record messages, or an expression over episodes and findings.
  enum Target: Sendable {
    case line(BytePattern)
    case expression(ExpectationExpression)
  }

  public var kind: Kind
  var target: Target
  /// The option and argument as the user wrote them, like `--expect 'scale-up succeeded'`.
  var label: String
  /// For `--then`: the index of the expectation that must be met before this one.
  var after: Int?

  /// An expectation or prohibition over record messages (`--expect-line`, `--forbid-line`).
  /// - Throws: ``PatternError`` when `pattern` is not a valid PCRE2 pattern.
  public static func line(_ kind: Kind, _ pattern: String) throws(PatternError) -> Assertion {
    Assertion(
      kind: kind, target: .line(try BytePattern(pattern)), label: "--\(kind.rawValue)-line '\(pattern)'", after: nil)
  }

  /// An expectation or prohibition over the report (`--expect`, `--forbid`, `--then`).
  /// - Throws: ``ExpressionError`` when `text` does not parse.
  public static func expression(_ kind: Kind, _ text: String, option: String? = nil, after: Int? = nil)
    throws(ExpressionError) -> Assertion
  {
    Assertion(
      kind: kind, target: .expression(try ExpectationExpression(text)),
      label: "--\(option ?? kind.rawValue) '\(text)'", after: after)
  }
}

/// The result of one assertion.
struct AssertionResult: Sendable {
  var assertion: Assertion
  /// Whether it holds (for a prohibition: whether nothing forbidden happened).
  var passed: Bool
  /// What was found: the matching evidence, or the nearest thing instead.
  var detail: String
  /// Why the log cannot show what was asked (too low a verbosity, a standby replica's log), if so.
  var missingEvidence: String?
  /// Where the evidence is: source name and first line, when there is one.
  var location: (source: String, line: Int)?
  /// Records on which a line pattern hit a PCRE2 limit (match or depth) before it matched one.
  var patternLimitHits = 0
  /// Whether the pattern matched no record but gave up on some, so the outcome is unknown: then
  /// ``passed`` is false, and ``missingEvidence`` says so (an expectation's evidence is
  /// insufficient, exit 3; a prohibition fails, exit 1).
  var undecided = false
}

/// The overall verdict of `cas-logs assert`.
public struct AssertVerdict: Sendable {
  /// 0 when everything holds; 1 when something does not (or the time ran out), including a
  /// prohibition whose pattern gave up on a record, or an expression prohibition that held while a
  /// built-in pattern gave up on records; 3 when every unmet expectation is one the log cannot show
  /// or one whose pattern (or a built-in one) gave up on records it may match; 2 with ``inputError``.
  public var exitCode: Int32
  var results: [AssertionResult]
  /// Whether the `--timeout` passed before every expectation held.
  var timedOut: Bool
  /// When built-in catalogue patterns gave up on records (``Report/patternErrors``): "N records hit
  /// a PCRE2 limit: events may be missing", which every output states; nil otherwise.
  var patternLimitNote: String? = nil
  /// The input error that cut the reading short (a command after `--` that failed, a read that
  /// failed): the command exits 2 whatever the results, which no output may present as a pass.
  var inputError: String? = nil
}
