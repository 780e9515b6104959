import Testing

/// The human-readable `cas-logs report` (the default text format) on the blog post's logs.
struct ReportTextTests {
  @Test("the text report shows the scale-up's group, its size change and its outcome")
  func blogScaleUpInText() throws {
    let files = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let result = try CLIRunner.run(["report"] + files)
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdout.contains("ASG_NAME"), "\(result.summary)")
    #expect(result.stdout.contains("4->5"), "\(result.summary)")
    #expect(result.stdout.contains("succeeded"), "\(result.summary)")
    #expect(result.stderr.isEmpty, "\(result.summary)")
  }

  @Test("the text report is the default and `--format text` gives the same output")
  func textIsDefault() throws {
    let file = try SampleLogs.path(SampleLogs.blogScaleUp)
    let implicit = try CLIRunner.run(["report", file])
    let explicit = try CLIRunner.run(["report", "--format", "text", file])
    #expect(implicit.exitCode == 0 && explicit.exitCode == 0, "\(implicit.summary)\n\(explicit.summary)")
    #expect(implicit.stdout == explicit.stdout)
  }
}
