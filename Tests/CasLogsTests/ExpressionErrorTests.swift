import Testing

/// Usage errors in `cas-logs assert` expressions and patterns: exit 2 and one precise line on stderr.
struct ExpressionErrorTests {
  @Test("an unknown condition is a usage error naming the condition and its column")
  func unknownCondition() throws {
    let result = try CLIRunner.run(
      ["assert", "--expect", "scale-up frobnicate=x", try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "stderr is not exactly one line:\n\(result.summary)")
    let line = try #require(result.stderrLines.first, "\(result.summary)")
    #expect(line.contains("unknown condition 'frobnicate'"), "\(result.summary)")
    #expect(line.contains("column"), "\(result.summary)")
    #expect(result.stdout.isEmpty, "a usage error still printed a verdict:\n\(result.summary)")
  }

  @Test("an invalid regular expression is a usage error naming the offset of the problem")
  func invalidRegex() throws {
    let result = try CLIRunner.run(
      ["assert", "--expect-line", "(unclosed", try SampleLogs.path(SampleLogs.blogScaleUp)])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "stderr is not exactly one line:\n\(result.summary)")
    let line = try #require(result.stderrLines.first, "\(result.summary)")
    #expect(line.contains("(unclosed"), "the error does not quote the pattern:\n\(result.summary)")
    #expect(line.contains("offset"), "the error does not give the offset:\n\(result.summary)")
    #expect(result.stdout.isEmpty, "a usage error still printed a verdict:\n\(result.summary)")
  }

  @Test(
    "a number or duration out of range is a usage error at its column, never a trap",
    arguments: [
      "scale-up count>=9223372036854775807", "scale-up count>=9223372036854775500",
      "scale-up count>=99999999999999999999", "scale-up nodes>=9223372036854775807", "scale-up from=-1",
      "scale-up max>1000000001", "scale-up within=876601h", "scale-down within=-1s",
    ])
  func outOfRangeNumber(expression: String) throws {
    for option in ["--expect", "--forbid"] {
      let result = try CLIRunner.run(["assert", option, expression, try SampleLogs.path(SampleLogs.blogScaleUp)])
      #expect(result.exitCode == 2, "\(result.summary)")
      #expect(result.stderrLines.count == 1, "stderr is not exactly one line:\n\(result.summary)")
      let line = try #require(result.stderrLines.first, "\(result.summary)")
      #expect(line.contains("out of range") && line.contains("column"), "\(result.summary)")
      #expect(result.stdout.isEmpty, "a usage error still printed a verdict:\n\(result.summary)")
    }
  }
}
