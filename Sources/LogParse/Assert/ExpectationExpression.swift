/// What an expectation is about: the arrays of the JSON report.
enum ExpectationSubject: String, CaseIterable, Sendable {
  case scaleUp = "scale-up"
  case scaleDown = "scale-down"
  case failure
  case backoff
  case noScaleUp = "no-scale-up"
  case blockedScaleDown = "blocked-scale-down"

  /// The condition keys this subject understands.
  var keys: [String] {
    switch self {
    case .scaleUp: return ["group", "from", "to", "max", "nodes", "within", "class", "code", "action", "pod", "count"]
    case .scaleDown: return ["node", "group", "kind", "instance", "within", "class", "code", "action", "pod", "count"]
    case .failure:
      return ["class", "code", "action", "principal", "group", "node", "operation", "fatal", "count"]
    case .backoff: return ["group", "class", "code", "count"]
    case .noScaleUp: return ["pod", "group", "reason", "count"]
    case .blockedScaleDown: return ["node", "reason", "pod", "count"]
    }
  }

  /// The outcome words this subject understands.
  var outcomes: [String] {
    switch self {
    case .scaleUp: return ScaleUpOutcome.allCases.map(\.rawValue)
    case .scaleDown: return ScaleDownOutcome.allCases.map(\.rawValue)
    default: return []
    }
  }
}

/// A comparison in a condition.
enum ConditionOperator: String, Sendable, CaseIterable {
  case equal = "="
  case doubleEqual = "=="
  case notEqual = "!="
  case matches = "~="
  case greaterOrEqual = ">="
  case lessOrEqual = "<="
  case greater = ">"
  case less = "<"
}

/// One condition of an expectation: `group=ASG_NAME`, `count>=2`, `within=3m`.
struct Condition: Sendable {
  var key: String
  var op: ConditionOperator
  var value: String
  /// The compiled pattern for `~=`.
  var pattern: BytePattern?
  /// The value as a whole number where the key is a count or size (`count`, `nodes`, `from`, `to`, `max`).
  var integer: Int?
  /// The value in seconds where the key is a duration (`within`).
  var number: Double?
}

/// A parsed expectation expression: a subject, an optional outcome, and conditions.
struct ExpectationExpression: Sendable {
  /// The expression as written.
  var text: String
  var subject: ExpectationSubject
  var outcome: String?
  var conditions: [Condition]
  /// The count condition (default `count>=1`).
  var countOperator: ConditionOperator = .greaterOrEqual
  var countValue = 1

  /// Parses `text`.
  /// - Throws: ``ExpressionError`` naming the column of the problem.
  init(_ text: String) throws(ExpressionError) {
    self.text = text
    let tokens = ExpectationExpression.tokenize(text)
    guard let first = tokens.first else {
      throw ExpressionError(
        expression: text, column: 1, message: "empty expression",
        hint: "expected one of: \(ExpectationExpression.subjectList)")
    }
    guard let subject = ExpectationSubject(rawValue: first.text) else {
      throw ExpressionError(
        expression: text, column: first.column,
        message: "unknown subject '\(first.text)'", hint: "expected one of: \(ExpectationExpression.subjectList)")
    }
    self.subject = subject
    conditions = []
    for token in tokens.dropFirst() {
      if subject.outcomes.contains(token.text) || (subject.outcomes.contains("timedOut") && token.text == "timed-out") {
        outcome = token.text == "timed-out" ? "timedOut" : token.text
        continue
      }
      guard let (key, op, value, opColumn) = ExpectationExpression.splitCondition(token) else {
        let words = subject.outcomes.isEmpty ? "" : " or an outcome (\(subject.outcomes.joined(separator: ", ")))"
        throw ExpressionError(
          expression: text, column: token.column,
          message: "expected a condition like key=value\(words), found '\(token.text)'")
      }
      guard subject.keys.contains(key) else {
        throw ExpressionError(
          expression: text, column: token.column,
          message: "unknown condition '\(key)'", hint: "expected one of: \(subject.keys.joined(separator: ", "))")
      }
      guard !value.isEmpty else {
        throw ExpressionError(
          expression: text, column: opColumn + op.rawValue.count, message: "missing value after '\(key)\(op.rawValue)'")
      }
      try ExpectationExpression.checkOperator(op, for: key, in: text, at: opColumn)
      var condition = Condition(key: key, op: op, value: value)
      if op == .matches {
        do {
          condition.pattern = try BytePattern(value)
        } catch {
          throw ExpressionError(
            expression: text, column: opColumn + 2 + (error.offset ?? 0),
            message: "bad regular expression '\(value)': \(error.message)")
        }
      }
      let valueColumn = opColumn + op.rawValue.count
      if ExpectationExpression.integerKeys.contains(key) {
        condition.integer = try ExpectationExpression.wholeNumber(key, value, in: text, at: valueColumn)
      }
      if key == "within" {
        condition.number = try ExpectationExpression.duration(value, in: text, at: valueColumn)
      }
      if key == "count", let number = condition.integer {
        countOperator = op
        countValue = number
        continue
      }
      conditions.append(condition)
    }
  }

  /// The same subject without outcome or conditions: what a failed expectation is compared with.
  var subjectOnly: ExpectationExpression {
    var copy = self
    copy.outcome = nil
    copy.conditions = []
    return copy
  }

  /// The keys whose values are counts or sizes: whole numbers from 0 to ``CountValue/maximum``.
  private static let integerKeys: Set<String> = ["from", "to", "max", "nodes", "count"]

  /// The keys compared as numbers: the whole-number keys and the duration `within`.
  private static let numericKeys = integerKeys.union(["within"])

  /// Refuses an operator the matcher does not implement for `key`, so that no condition can silently
  /// match nothing (which would make a `--forbid` pass): `~=` on a number or duration, and the
  /// orderings `<`, `<=`, `>`, `>=` on a key compared as text.
  /// - Throws: ``ExpressionError`` at the operator's column.
  private static func checkOperator(_ op: ConditionOperator, for key: String, in text: String, at column: Int)
    throws(ExpressionError)
  {
    let numeric = numericKeys.contains(key)
    switch op {
    case .matches where numeric:
      let kind = key == "within" ? "a duration" : "a number"
      throw ExpressionError(
        expression: text, column: column,
        message: "'\(key)' is \(kind) and cannot be matched with '~='",
        hint: "use =, ==, !=, <, <=, > or >=")
    case .greater, .greaterOrEqual, .less, .lessOrEqual:
      if numeric { return }
      throw ExpressionError(
        expression: text, column: column,
        message: "'\(key)' is compared as text and cannot be ordered with '\(op.rawValue)'",
        hint: "use =, ==, != or ~=")
    default: return
    }
  }

  /// The whole number `value` states for `key`, read as an integer (no detour through `Double`).
  /// - Throws: ``ExpressionError`` at `column` when it is not a whole number or beyond a billion.
  private static func wholeNumber(_ key: String, _ value: String, in text: String, at column: Int)
    throws(ExpressionError) -> Int
  {
    if let number = CountValue.parse(value) { return number }
    let unsigned = value.hasPrefix("-") || value.hasPrefix("+") ? value.dropFirst() : Substring(value)
    guard !unsigned.isEmpty, unsigned.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      throw ExpressionError(
        expression: text, column: column, message: "'\(key)' needs a whole number, found '\(value)'")
    }
    if value.hasPrefix("+"), let number = CountValue.parse(unsigned) { return number }
    throw ExpressionError(
      expression: text, column: column,
      message: "'\(key)' is out of range: \(value) (expected 0 to \(CountValue.maximum))")
  }

  /// The seconds the duration `value` denotes: finite, not negative, at most ``GoDuration/maximumSeconds``.
  /// - Throws: ``ExpressionError`` at `column` when it is no duration or out of that range.
  private static func duration(_ value: String, in text: String, at column: Int) throws(ExpressionError) -> Double {
    guard let (seconds, clamped) = GoDuration.parse(value) else {
      throw ExpressionError(
        expression: text, column: column,
        message: "'within' needs a duration like 90s, 3m or 1h30m, found '\(value)'")
    }
    guard !clamped, seconds.isFinite, seconds >= 0 else {
      throw ExpressionError(
        expression: text, column: column,
        message: "'within' is out of range: \(value) (expected 0s to 100 years, 876600h)")
    }
    return seconds
  }

  private static var subjectList: String { ExpectationSubject.allCases.map(\.rawValue).joined(separator: ", ") }

  private static func tokenize(_ text: String) -> [(text: String, column: Int)] {
    var tokens: [(String, Int)] = []
    var current = ""
    var start = 0
    for (offset, character) in text.enumerated() {
      if character == " " || character == "\t" {
        if !current.isEmpty { tokens.append((current, start + 1)) }
        current = ""
      } else {
        if current.isEmpty { start = offset }
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append((current, start + 1)) }
    return tokens
  }

  private static func splitCondition(_ token: (text: String, column: Int)) -> (String, ConditionOperator, String, Int)?
  {
    let characters = Array(token.text)
    for (index, character) in characters.enumerated() where "=!~<>".contains(character) {
      let key = String(characters[..<index])
      guard !key.isEmpty else { return nil }
      let rest = String(characters[index...])
      let op = [
        ConditionOperator.doubleEqual, .notEqual, .matches, .greaterOrEqual, .lessOrEqual, .equal, .greater, .less,
      ]
      .first { rest.hasPrefix($0.rawValue) }
      guard let op else { return nil }
      return (key, op, String(rest.dropFirst(op.rawValue.count)), token.column + index)
    }
    return nil
  }
}

/// A problem in an expectation expression, with the column it was found at.
public struct ExpressionError: Error, Sendable, CustomStringConvertible {
  var expression: String
  /// 1-based column in the expression.
  var column: Int
  var message: String
  /// What would have been accepted, shown after the column.
  var hint: String?

  /// An error at `column` of `expression`.
  init(expression: String, column: Int, message: String, hint: String? = nil) {
    self.expression = expression
    self.column = column
    self.message = message
    self.hint = hint
  }

  public var description: String { "\(message) at column \(column)" + (hint.map { " (\($0))" } ?? "") }
}
