import Testing

@testable import LogParse

/// Parsing assert expressions, and their errors with columns.
struct ExpectationExpressionTests {
  @Test(arguments: [
    "scale-up group=ASG_NAME succeeded within=3m",
    "scale-down node=ip-172-19-67-52.ap-northeast-1.compute.internal succeeded",
    "failure class=iam action=autoscaling:SetDesiredCapacity",
    "scale-up count>=2",
    "backoff group~=^eks-gpu-",
    "no-scale-up reason~=max",
    "blocked-scale-down reason=localStorage",
  ])
  func parsesDocumentedExamples(text: String) throws {
    let expression = try ExpectationExpression(text)
    #expect(expression.text == text)
  }

  @Test func unknownConditionNamesItsColumn() {
    #expect {
      try ExpectationExpression("scale-up frobnicate=")
    } throws: { error in
      guard let error = error as? ExpressionError else { return false }
      return error.column == 10 && error.message.contains("unknown condition 'frobnicate'")
        && error.description.contains("at column 10 (expected one of: group")
    }
  }

  @Test func badRegularExpressionReportsPCRE2Message() {
    #expect {
      try ExpectationExpression("backoff group~=(unclosed")
    } throws: { error in
      guard let error = error as? ExpressionError else { return false }
      return error.message.contains("missing closing parenthesis")
    }
  }

  @Test func unknownSubjectIsRejected() {
    #expect(throws: ExpressionError.self) { try ExpectationExpression("scaleup succeeded") }
  }

  /// Hostile numbers in conditions, with the column of the value: all out of range, none a trap.
  static let outOfRange: [(text: String, column: Int)] = [
    ("scale-up count>=9223372036854775807", 17),
    ("scale-up count>=9223372036854775500", 17),
    ("scale-up count>=-9223372036854775808", 17),
    ("scale-up count=99999999999999999999999999", 16),
    ("scale-up count>=1000000001", 17),
    ("scale-down count<-1", 18),
    ("scale-up nodes>=9223372036854775807", 17),
    ("scale-up from=-1", 15),
    ("scale-up to<18446744073709551616", 13),
    ("scale-up max!=1000000000000", 15),
    ("scale-up within=876601h", 17),
    ("scale-up within=-5s", 17),
    ("scale-down within=\(String(repeating: "9", count: 400))s", 19),
    ("scale-up succeeded within=9223372036854775807ns1000000h", 27),
  ]

  @Test(arguments: outOfRange)
  func outOfRangeNumberIsAnErrorAtItsColumn(text: String, column: Int) {
    #expect {
      try ExpectationExpression(text)
    } throws: { error in
      guard let error = error as? ExpressionError else { return false }
      return error.column == column && error.message.contains("out of range")
    }
  }

  @Test func largestValuesInRangeAreKeptExactly() throws {
    let count = try ExpectationExpression("scale-up count<=1000000000")
    #expect(count.countValue == 1_000_000_000)
    #expect(count.countOperator == .lessOrEqual)
    let signed = try ExpectationExpression("scale-up count>=+7 within=876600h")
    #expect(signed.countValue == 7)
  }

  @Test(arguments: ["scale-up count>=1e3", "scale-up nodes>=0x10", "scale-up from=1.5", "scale-up count>=--1"])
  func notAWholeNumberIsAnError(text: String) {
    #expect {
      try ExpectationExpression(text)
    } throws: { error in
      guard let error = error as? ExpressionError else { return false }
      return error.message.contains("needs a whole number")
    }
  }
}
