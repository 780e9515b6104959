import Testing

/// `cas-logs assert --expect/--then/--forbid`: expressions over the rebuilt episodes and failures.
struct AssertExpressionTests {
  /// The AccessDenied-on-SetDesiredCapacity sample.
  private func accessDeniedLog() throws -> String {
    try SampleLogs.path(prefix: "021-")
  }

  @Test("a scale-up that succeeded, then a scale-down that succeeded: exit 0 on the blog logs")
  func scaleUpThenScaleDown() throws {
    let files = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let result = try CLIRunner.run(
      ["assert", "--expect", "scale-up succeeded", "--then", "scale-down succeeded"] + files)
    #expect(result.exitCode == 0, "\(result.summary)")
  }

  /// The blog's scale-up took 2m0.79s: each `within` operator compares that duration.
  @Test(
    "within compares the duration with its operator; within= means at most",
    arguments: [
      ("within=3m", 0), ("within==3m", 0), ("within=1m", 1), ("within<3m", 0), ("within<=2m", 1),
      ("within>3m", 1), ("within>1m", 0), ("within>=2m", 0), ("within!=2m", 0),
    ])
  func withinOperators(condition: String, exitCode: Int32) throws {
    let result = try CLIRunner.run(
      ["assert", "--expect", "scale-up succeeded \(condition)", try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == exitCode, "\(condition): \(result.summary)")
  }

  @Test("--then is ordered: a scale-down followed by a scale-up does not satisfy up-then-down")
  func thenIsOrdered() throws {
    let files = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let result = try CLIRunner.run(
      ["assert", "--expect", "scale-down succeeded", "--then", "scale-up succeeded"] + files)
    #expect(result.exitCode == 1, "\(result.summary)")
  }

  @Test("an IAM failure on autoscaling:SetDesiredCapacity is found in the AccessDenied sample: exit 0")
  func iamFailureFound() throws {
    let result = try CLIRunner.run(
      ["assert", "--expect", "failure class=iam action=autoscaling:SetDesiredCapacity", try accessDeniedLog()])
    #expect(result.exitCode == 0, "\(result.summary)")
  }

  @Test("the same IAM failure expectation fails on the blog scale-up log: exit 1")
  func iamFailureAbsent() throws {
    let result = try CLIRunner.run(
      [
        "assert", "--expect", "failure class=iam action=autoscaling:SetDesiredCapacity",
        try SampleLogs.path(SampleLogs.blogScaleUp),
      ])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(result.output.contains("failure class=iam"), "the output does not name the expectation:\n\(result.summary)")
  }

  @Test("forbidding IAM failures fails on the AccessDenied sample: exit 1")
  func forbiddenIamFailure() throws {
    let result = try CLIRunner.run(["assert", "--forbid", "failure class=iam", try accessDeniedLog()])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(result.output.contains("failure class=iam"), "the output does not name the --forbid:\n\(result.summary)")
  }
}
