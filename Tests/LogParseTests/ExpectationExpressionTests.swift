import LogParse
import Testing

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
}
