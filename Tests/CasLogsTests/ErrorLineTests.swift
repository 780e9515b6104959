import Testing

/// User text in an error (an expression, a pattern, a file name) has its control characters escaped,
/// so the one line on stderr carries the whole message.
struct ErrorLineTests {
  @Test(
    "a newline in an option value is shown as \\x0a, and the message is whole",
    arguments: [
      (["assert", "--expect", "scale-up\nfoo=1", "-"], "foo=1"),
      (["assert", "--expect-line", "(a\nb", "-"], "b"),
      (["report", "--output", "/nonexistent-dir/x\ny", "-"], "y"),
    ])
  func newlineIsEscaped(arguments: [String], tail: String) throws {
    let result = try CLIRunner.run(arguments, stdin: .init())
    #expect(result.exitCode == 2, "\(result.summary)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.summary)")
    #expect(result.stderr.contains("\\x0a" + tail), "\(result.summary)")
  }
}
