import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `cas-logs assert --junit FILE`: the verdict as JUnit XML, read back with `XMLDocument`.
@Suite(.timeLimit(.minutes(1)))
struct AssertJUnitTests {
  /// A JUnit report parsed from a file: the `testsuites` root, and its `testcase` elements.
  struct JUnitReport {
    /// The root element.
    let root: XMLElement
    /// The text of the file, for failure messages.
    let text: String

    /// Parses the file at `path`; throws when it is missing or not well-formed XML.
    init(path: String) throws {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      text = String(decoding: data, as: UTF8.self)
      let document = try XMLDocument(data: data, options: [])
      root = try #require(document.rootElement(), "no root element in:\n\(text)")
    }

    /// The `testsuite` elements under the root.
    var suites: [XMLElement] { root.elements(forName: "testsuite") }

    /// Every `testcase` element of every suite, in document order.
    var testCases: [XMLElement] { suites.flatMap { $0.elements(forName: "testcase") } }

    /// The test case named exactly `name`, if there is one.
    func testCase(named name: String) -> XMLElement? {
      testCases.first { Self.attribute($0, "name") == name }
    }

    /// The value of attribute `name` of `element`, or nil.
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
      element.attribute(forName: name)?.stringValue
    }

    /// The `failure` children of `testCase`.
    static func failures(_ testCase: XMLElement) -> [XMLElement] {
      testCase.elements(forName: "failure")
    }
  }

  /// Runs `assert` with `options` and `--junit` into `directory`, then parses the report.
  private func runWithJUnit(_ options: [String], in directory: TemporaryDirectory) throws -> (CLIResult, JUnitReport) {
    let path = directory.path("junit.xml")
    let result = try CLIRunner.run(["assert", "--junit", path] + options)
    let report = try JUnitReport(path: path)
    return (result, report)
  }

  @Test("one passing and one failing --expect-line: testsuites > testsuite tests=2 failures=1, named test cases")
  func passingAndFailing() throws {
    let directory = try TemporaryDirectory()
    let (result, junit) = try runWithJUnit(
      [
        "--expect-line", "Upcoming 1 nodes", "--expect-line", "Terminating EC2 instance",
        try SampleLogs.path(SampleLogs.blogScaleUp),
      ], in: directory)
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(junit.root.name == "testsuites", "\(junit.text)")
    let suite = try #require(
      junit.suites.count == 1 ? junit.suites.first : nil, "expected one testsuite:\n\(junit.text)")
    #expect(JUnitReport.attribute(suite, "tests") == "2", "\(junit.text)")
    #expect(JUnitReport.attribute(suite, "failures") == "1", "\(junit.text)")
    let names = junit.testCases.compactMap { JUnitReport.attribute($0, "name") }
    #expect(
      Set(names) == ["--expect-line 'Upcoming 1 nodes'", "--expect-line 'Terminating EC2 instance'"],
      "\(junit.text)")
    #expect(names.count == 2, "\(junit.text)")

    let passing = try #require(junit.testCase(named: "--expect-line 'Upcoming 1 nodes'"), "\(junit.text)")
    #expect(JUnitReport.failures(passing).isEmpty, "the passing expectation has a failure:\n\(junit.text)")
    let failing = try #require(junit.testCase(named: "--expect-line 'Terminating EC2 instance'"), "\(junit.text)")
    let failure = try #require(JUnitReport.failures(failing).first, "no <failure> in the failing case:\n\(junit.text)")
    #expect(JUnitReport.failures(failing).count == 1, "\(junit.text)")
    #expect(JUnitReport.attribute(failure, "message")?.isEmpty == false, "an empty failure message:\n\(junit.text)")
    #expect(JUnitReport.attribute(failure, "type") == "unmet", "\(junit.text)")
  }

  @Test("--expect, --then and --forbid-line: labels as written, type unmet or forbidden, counts agree")
  func expressionsAndProhibitions() throws {
    let directory = try TemporaryDirectory()
    let (result, junit) = try runWithJUnit(
      [
        "--expect", "scale-up succeeded", "--then", "scale-down succeeded", "--forbid-line", "Upcoming 1 nodes",
        try SampleLogs.path(SampleLogs.blogScaleUp),
      ], in: directory)
    #expect(result.exitCode == 1, "\(result.summary)")
    let suite = try #require(junit.suites.first, "\(junit.text)")
    #expect(JUnitReport.attribute(suite, "tests") == "3", "\(junit.text)")
    #expect(JUnitReport.attribute(suite, "failures") == "2", "\(junit.text)")
    let held = try #require(junit.testCase(named: "--expect 'scale-up succeeded'"), "\(junit.text)")
    #expect(JUnitReport.failures(held).isEmpty, "\(junit.text)")
    let then = try #require(junit.testCase(named: "--then 'scale-down succeeded'"), "\(junit.text)")
    #expect(JUnitReport.failures(then).first.flatMap { JUnitReport.attribute($0, "type") } == "unmet", "\(junit.text)")
    let forbidden = try #require(junit.testCase(named: "--forbid-line 'Upcoming 1 nodes'"), "\(junit.text)")
    let failure = try #require(JUnitReport.failures(forbidden).first, "no <failure> for the forbidden:\n\(junit.text)")
    #expect(JUnitReport.attribute(failure, "type") == "forbidden", "\(junit.text)")
    #expect(
      JUnitReport.attribute(failure, "message")?.contains("Upcoming 1 nodes") == true
        || failure.stringValue?.contains("Upcoming 1 nodes") == true,
      "the forbidden failure does not show the matching line:\n\(junit.text)")
  }

  @Test("everything holds: exit 0, failures=0 and no <failure> element")
  func allHold() throws {
    let directory = try TemporaryDirectory()
    let (result, junit) = try runWithJUnit(
      [
        "--expect-line", "Upcoming 1 nodes", "--expect-line", "Terminating EC2 instance",
        try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown),
      ], in: directory)
    #expect(result.exitCode == 0, "\(result.summary)")
    let suite = try #require(junit.suites.first, "\(junit.text)")
    #expect(JUnitReport.attribute(suite, "tests") == "2", "\(junit.text)")
    #expect(JUnitReport.attribute(suite, "failures") == "0", "\(junit.text)")
    #expect(junit.testCases.allSatisfy { JUnitReport.failures($0).isEmpty }, "\(junit.text)")
  }

  /// An expectation value that XML must escape, and whether its label survives unchanged.
  struct HostileValue: Sendable, CustomTestStringConvertible {
    /// The `--expect-line` pattern.
    let pattern: String
    /// Whether the test case's name must read back exactly as `--expect-line 'PATTERN'` (control
    /// characters cannot appear in XML 1.0 at all, so those are only checked for well-formedness).
    let roundTrips: Bool

    /// How the case reads in test results.
    var testDescription: String { pattern.debugDescription }
  }

  @Test(
    "a hostile expectation value still gives well-formed XML with the label intact",
    arguments: [
      HostileValue(pattern: #"<script>&"'"#, roundTrips: true),
      HostileValue(pattern: #"]]><!-- &amp; "#, roundTrips: true),
      HostileValue(pattern: "\u{1B}\\[2J\u{07}x", roundTrips: false),
    ])
  func hostileValue(_ value: HostileValue) throws {
    let directory = try TemporaryDirectory()
    let (result, junit) = try runWithJUnit(
      ["--expect-line", value.pattern, try SampleLogs.path(SampleLogs.blogScaleUp)], in: directory)
    #expect(result.exitCode == 1, "\(result.summary)")
    let testCase = try #require(junit.testCases.first, "no testcase:\n\(junit.text)")
    #expect(junit.testCases.count == 1, "\(junit.text)")
    #expect(JUnitReport.failures(testCase).count == 1, "\(junit.text)")
    if value.roundTrips {
      #expect(JUnitReport.attribute(testCase, "name") == "--expect-line '\(value.pattern)'", "\(junit.text)")
    } else {
      #expect(JUnitReport.attribute(testCase, "name")?.hasPrefix("--expect-line '") == true, "\(junit.text)")
    }
  }

  @Test("insufficient evidence: exit 3, and the failure carries the note to run CAS with --v=4")
  func insufficientEvidence() throws {
    let directory = try TemporaryDirectory()
    let log = try directory.write("v0.log", lines: CraftedLogs.verbosityZero)
    let (result, junit) = try runWithJUnit(["--expect", "scale-up succeeded", log], in: directory)
    #expect(result.exitCode == 3, "\(result.summary)")
    let testCase = try #require(junit.testCase(named: "--expect 'scale-up succeeded'"), "\(junit.text)")
    let failure = try #require(JUnitReport.failures(testCase).first, "no <failure>:\n\(junit.text)")
    #expect(failure.stringValue?.contains("--v=4") == true, "the failure does not carry the NOTE:\n\(junit.text)")
  }

  @Test("the failure text keeps its lines: detail, note and location on separate lines, no literal \\x0a")
  func failureTextLines() throws {
    let directory = try TemporaryDirectory()
    let log = try directory.write("v0.log", lines: CraftedLogs.verbosityZero)
    let (result, junit) = try runWithJUnit(["--expect", "scale-up succeeded", log], in: directory)
    #expect(result.exitCode == 3, "\(result.summary)")
    let testCase = try #require(junit.testCases.first, "\(junit.text)")
    let text = try #require(JUnitReport.failures(testCase).first?.stringValue, "no failure text:\n\(junit.text)")
    #expect(!text.contains(#"\x0a"#), "the newlines are written as a literal \\x0a:\n\(junit.text)")
    let lines = text.split(separator: "\n")
    #expect(
      lines.contains { $0.hasPrefix("the log cannot show this") && $0.hasSuffix("--v=4") },
      "the note is not a line of its own:\n\(junit.text)")
  }

  /// Runs `assert --timeout 1s --expect 'scale-up succeeded' --junit` on a silent standard input kept open.
  private func runIntoTimeout(in directory: TemporaryDirectory) throws -> (CLIResult, JUnitReport) {
    let path = directory.path("junit.xml")
    let process = try CLIProcess(
      arguments: ["assert", "--timeout", "1s", "--expect", "scale-up succeeded", "--junit", path], stdinPipe: true)
    let exited = process.waitForExit(timeout: .seconds(15))
    if !exited { process.kill() }
    let result = process.result()
    try #require(exited, "did not exit despite --timeout 1s:\n\(result.summary)")
    return (result, try JUnitReport(path: path))
  }

  @Test("--timeout 1s on a silent, open stdin: exit 3 (nothing read) and a 'timeout' test case with a failure")
  func timeoutTestCase() throws {
    let directory = try TemporaryDirectory()
    let (result, junit) = try runIntoTimeout(in: directory)
    #expect(result.exitCode == 3, "\(result.summary)")
    let timeout = try #require(junit.testCase(named: "timeout"), "no 'timeout' testcase:\n\(junit.text)")
    #expect(JUnitReport.failures(timeout).count == 1, "the timeout testcase has no failure:\n\(junit.text)")
    let unmet = try #require(junit.testCase(named: "--expect 'scale-up succeeded'"), "\(junit.text)")
    #expect(JUnitReport.failures(unmet).count == 1, "\(junit.text)")
  }

  @Test("--timeout: the tests and failures attributes count the 'timeout' test case too")
  func timeoutCounts() throws {
    let directory = try TemporaryDirectory()
    let (_, junit) = try runIntoTimeout(in: directory)
    let failed = junit.testCases.filter { !JUnitReport.failures($0).isEmpty }.count
    for element in [junit.root] + junit.suites {
      let name = element.name ?? "?"
      #expect(
        JUnitReport.attribute(element, "tests") == String(junit.testCases.count),
        "<\(name)> tests= does not match the \(junit.testCases.count) testcases:\n\(junit.text)")
      #expect(
        JUnitReport.attribute(element, "failures") == String(failed),
        "<\(name)> failures= does not match the \(failed) failed testcases:\n\(junit.text)")
    }
  }
}
