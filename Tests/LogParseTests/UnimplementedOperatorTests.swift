import Testing

@testable import LogParse

/// Every key and operator the matcher does not implement is refused when parsed, at the operator's
/// column: a condition that silently matched nothing would make a `--forbid` pass.
struct UnimplementedOperatorTests {
  /// Each subject's keys compared as numbers or durations.
  static let numericKeys: Set<String> = ["count", "from", "to", "max", "nodes", "within"]

  /// Every subject × key × operator, with whether the matcher implements it.
  static var combinations: [(subject: ExpectationSubject, key: String, op: ConditionOperator)] {
    ExpectationSubject.allCases.flatMap { subject in
      subject.keys.flatMap { key in ConditionOperator.allCases.map { (subject, key, $0) } }
    }
  }

  @Test func everyCombinationParsesOrFailsAtTheOperator() {
    for (subject, key, op) in Self.combinations {
      let value = key == "within" ? "3m" : (Self.numericKeys.contains(key) ? "1" : "x")
      let text = "\(subject.rawValue) \(key)\(op.rawValue)\(value)"
      let numeric = Self.numericKeys.contains(key)
      let ordering: Set<ConditionOperator> = [.greater, .greaterOrEqual, .less, .lessOrEqual]
      let unimplemented = (numeric && op == .matches) || (!numeric && ordering.contains(op))
      do {
        _ = try ExpectationExpression(text)
        #expect(!unimplemented, "'\(text)' parsed, but the matcher cannot test it")
      } catch {
        #expect(unimplemented, "'\(text)' was refused: \(error)")
        #expect(error.column == subject.rawValue.count + 2 + key.count, "'\(text)': \(error)")
      }
    }
  }

  @Test(arguments: ["scale-up count~=1", "scale-up from~=4", "scale-up nodes~=.", "scale-down within~=3m"])
  func matchingANumberIsAnError(text: String) {
    #expect(throws: ExpressionError.self) { try ExpectationExpression(text) }
  }
}
