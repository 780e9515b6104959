import Foundation
import Testing

/// `assert --junit FILE --junit-suite NAME`: the JUnit suite (and its test cases' class) carries the name.
struct JUnitSuiteNameTests {
  private typealias JUnitReport = AssertJUnitTests.JUnitReport

  /// Runs a passing and a failing expectation with `extra` options, and parses the JUnit file.
  private func junit(_ extra: [String]) throws -> (CLIResult, JUnitReport) {
    let directory = try TemporaryDirectory()
    let path = directory.path("junit.xml")
    let result = try CLIRunner.run(
      ["assert", "--junit", path, "--expect-line", "Upcoming 1 nodes", "--expect", "scale-down succeeded"] + extra
        + [try SampleLogs.path(SampleLogs.blogScaleUp)])
    return (result, try JUnitReport(path: path))
  }

  @Test("--junit-suite names the suite and the test cases' class, markup escaped")
  func namesTheSuite() throws {
    let name = "EKS scale-up <gpu> & \"spot\""
    let (result, report) = try junit(["--junit-suite", name])
    #expect(result.exitCode == 1, "\(result.summary)")
    let suite = try #require(report.suites.first, "\(report.text)")
    #expect(JUnitReport.attribute(suite, "name") == name, "\(report.text)")
    #expect(report.testCases.count == 2)
    for testCase in report.testCases { #expect(JUnitReport.attribute(testCase, "classname") == name) }
  }

  @Test("without it the suite keeps its name")
  func defaultName() throws {
    let (_, report) = try junit([])
    let suite = try #require(report.suites.first, "\(report.text)")
    #expect(JUnitReport.attribute(suite, "name") == "cas-logs assert")
    #expect(report.testCases.allSatisfy { JUnitReport.attribute($0, "classname") == "cas-logs.assert" })
  }

  @Test("an empty name is a usage error")
  func emptyName() throws {
    let result = try CLIRunner.run(["assert", "--expect", "scale-up", "--junit-suite", "", "-"], stdin: Data())
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1 && result.stderr.contains("--junit-suite"), "\(result.summary)")
  }
}
