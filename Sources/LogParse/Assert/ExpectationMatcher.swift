/// Counts the items of a report that an expectation expression matches.
enum ExpectationMatcher {
  /// The ids or names of the matching items, with their first evidence line, in report order.
  ///
  /// A `~=` pattern that hits a PCRE2 limit on a value counts as no match, or as a match when
  /// `lenient`: the two bound what the expression really matches (see ``AssertionEngine``).
  static func matches(_ expression: ExpectationExpression, in report: Report, lenient: Bool = false)
    -> [MatchedItem]
  {
    switch expression.subject {
    case .scaleUp:
      return report.scaleUps.filter { up in
        (expression.outcome == nil || up.outcome.rawValue == expression.outcome)
          && expression.conditions.allSatisfy { condition in
            switch condition.key {
            case "group": return test(condition, lenient, up.nodeGroup)
            case "from": return test(condition, lenient, up.from)
            case "to": return test(condition, lenient, up.to)
            case "max": return test(condition, lenient, up.max)
            case "nodes": return test(condition, lenient, up.nodes)
            case "within":
              guard let duration = up.durationSeconds(baseYear: report.year.baseYear), up.outcome != .pending
              else { return false }
              return within(duration, condition)
            case "pod":
              return up.triggeringPods.contains { test(condition, lenient, $0) }
                || (condition.op == .notEqual && up.triggeringPods.isEmpty)
            default: return testFailure(condition, lenient, up.error)
            }
          }
      }.map {
        MatchedItem(
          name: "\($0.id) \($0.nodeGroup) \($0.outcome.rawValue)", time: $0.endedAt ?? $0.decidedAt,
          evidence: $0.evidence)
      }
    case .scaleDown:
      return report.scaleDowns.filter { down in
        (expression.outcome == nil || down.outcome.rawValue == expression.outcome)
          && expression.conditions.allSatisfy { condition in
            switch condition.key {
            case "node": return test(condition, lenient, down.node)
            case "group": return test(condition, lenient, down.nodeGroup)
            case "kind": return test(condition, lenient, down.kind.rawValue)
            case "instance": return test(condition, lenient, down.instanceId)
            case "pod": return down.evictedPods.contains { test(condition, lenient, $0) }
            case "within":
              guard let start = down.startedAt?.known, let end = down.endedAt?.known else { return false }
              return within(end.seconds(since: start, baseYear: report.year.baseYear), condition)
            default: return testFailure(condition, lenient, down.error)
            }
          }
      }.map {
        MatchedItem(
          name: "\($0.id) \($0.node) \($0.outcome.rawValue)", time: $0.endedAt ?? $0.startedAt, evidence: $0.evidence)
      }
    case .failure:
      return report.failures.filter { failure in
        expression.conditions.allSatisfy { testFailure($0, lenient, failure) }
      }.map {
        MatchedItem(name: "\($0.failureClass.rawValue) \($0.code ?? "")", time: $0.firstAt, evidence: $0.evidence)
      }
    case .backoff:
      return report.backoffs.filter { backoff in
        expression.conditions.allSatisfy { condition in
          switch condition.key {
          case "group": return test(condition, lenient, backoff.nodeGroup)
          case "class": return test(condition, lenient, backoff.errorClass)
          case "code": return test(condition, lenient, backoff.errorCode)
          default: return false
          }
        }
      }.map { MatchedItem(name: "backoff " + $0.nodeGroup, time: $0.at, evidence: $0.evidence) }
    case .noScaleUp:
      return report.noScaleUps.filter { item in
        expression.conditions.allSatisfy { condition in
          switch condition.key {
          case "pod": return test(condition, lenient, item.pod)
          case "group": return test(condition, lenient, item.nodeGroup)
          case "reason": return item.reasons.contains { test(condition, lenient, $0) }
          default: return false
          }
        }
      }.map { MatchedItem(name: "no scale-up for " + $0.pod, time: $0.firstAt, evidence: $0.evidence) }
    case .blockedScaleDown:
      return report.blockedScaleDowns.filter { item in
        expression.conditions.allSatisfy { condition in
          switch condition.key {
          case "node": return test(condition, lenient, item.node)
          case "reason": return test(condition, lenient, item.reason.rawValue)
          case "pod": return test(condition, lenient, item.pod)
          default: return false
          }
        }
      }.map { MatchedItem(name: "blocked " + $0.node, time: $0.firstAt, evidence: $0.evidence) }
    }
  }

  /// Whether `count` matching items satisfy the expression's count condition.
  static func countHolds(_ expression: ExpectationExpression, _ count: Int) -> Bool {
    compare(count, expression.countOperator, expression.countValue)
  }

  /// Whether the count condition holds for some but not all counts from `low` through `high`.
  static func countVaries(_ expression: ExpectationExpression, from low: Int, to high: Int) -> Bool {
    guard low < high else { return false }
    switch expression.countOperator {
    case .equal, .doubleEqual, .notEqual: return (low...high).contains(expression.countValue)
    default: return countHolds(expression, low) != countHolds(expression, high)
    }
  }

  private static func testFailure(_ condition: Condition, _ lenient: Bool, _ failure: Failure?) -> Bool {
    guard let failure else { return condition.op == .notEqual }
    switch condition.key {
    case "class": return test(condition, lenient, failure.failureClass.rawValue)
    case "code": return test(condition, lenient, failure.code)
    case "action": return test(condition, lenient, failure.action)
    case "principal": return test(condition, lenient, failure.principal)
    case "group": return test(condition, lenient, failure.nodeGroup)
    case "node": return test(condition, lenient, failure.node)
    case "operation": return test(condition, lenient, failure.operation?.rawValue)
    case "fatal": return test(condition, lenient, failure.fatal ? "true" : "false")
    default: return false
    }
  }

  private static func test(_ condition: Condition, _ lenient: Bool, _ value: Int?) -> Bool {
    guard let value else { return condition.op == .notEqual }
    guard let limit = condition.integer else { return false }
    return compare(value, condition.op, limit)
  }

  private static func test(_ condition: Condition, _ lenient: Bool, _ value: String?) -> Bool {
    guard let value else { return condition.op == .notEqual }
    switch condition.op {
    case .equal, .doubleEqual: return value == condition.value
    case .notEqual: return value != condition.value
    case .matches:
      guard let pattern = condition.pattern else { return false }
      let matcher = Matcher(pattern)
      var bytes = Array(value.utf8)
      return bytes.withUnsafeMutableBufferPointer { buffer in
        do {
          return try matcher.matches(UnsafeBufferPointer(buffer))
        } catch {
          return lenient
        }
      }
    default:
      guard let number = Double(value), let limit = condition.number ?? Double(condition.value) else { return false }
      return compare(number, condition.op, limit)
    }
  }

  /// Whether a duration meets a `within` condition: `within=D` means it took at most D; `<`, `<=`,
  /// `>`, `>=` and `!=` compare the duration with D.
  private static func within(_ seconds: Double, _ condition: Condition) -> Bool {
    guard let limit = condition.number else { return false }
    switch condition.op {
    case .equal, .doubleEqual: return seconds <= limit
    case .matches: return false
    default: return compare(seconds, condition.op, limit)
    }
  }

  private static func compare<Number: Comparable>(_ value: Number, _ op: ConditionOperator, _ limit: Number) -> Bool {
    switch op {
    case .equal, .doubleEqual: return value == limit
    case .notEqual: return value != limit
    case .greaterOrEqual: return value >= limit
    case .lessOrEqual: return value <= limit
    case .greater: return value > limit
    case .less: return value < limit
    case .matches: return false
    }
  }
}

/// An item of the report that matched an expectation.
struct MatchedItem: Sendable {
  var name: String
  var time: LogTime?
  var evidence: Evidence
}
