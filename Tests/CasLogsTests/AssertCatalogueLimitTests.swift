import Foundation
import Testing

@testable import LogParse

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A built-in catalogue pattern that hits a PCRE2 limit on a record may miss its event: a
/// `--forbid EXPR` never passes then (undecided, exit 1), an unmet `--expect EXPR` or `--then` is
/// insufficient evidence (exit 3), and every output says that events may be missing.
@Suite(.timeLimit(.minutes(1)))
struct AssertCatalogueLimitTests {
  /// The entry for `Node group … is not ready for scaleup - backoff with status: {…}`: its
  /// `(\S*) ?(.*?)\}\}\s*$` backtracks over the rest of the message for every end of the `\S*`.
  static let entryID = "scaleUp.groupInBackoff"
  static let header = "W0313 12:50:01.422358       1 orchestrator.go:599] "
  static let backoff =
    "Node group eks-ng-a is not ready for scaleup - backoff with status: "
    + "{true {Other cloudProviderError failed to increase node group size: AccessDenied: denied}}"

  /// The backoff message followed by the shortest run of `a`s (doubling from 8) on which the
  /// catalogue entry's pattern gives up.
  static func limitMessage() throws -> String {
    let entry = try #require(Catalog.entries.first { $0.id == entryID }, "no catalogue entry \(entryID)")
    let matcher = Matcher(try BytePattern(entry.pattern))
    var length = 8
    while length <= 1 << 19 {
      let message = backoff + String(repeating: "a", count: length)
      var bytes = Array(message.utf8)
      let gaveUp = bytes.withUnsafeMutableBufferPointer { buffer in
        (try? matcher.matches(UnsafeBufferPointer(buffer))) == nil
      }
      if gaveUp { return message }
      length *= 2
    }
    Issue.record("no run of up to 524288 'a's makes \(entryID) hit PCRE2's limits")
    throw CancellationError()
  }

  /// A log of one record the built-in pattern gives up on, whose backoff event is therefore missing.
  static func limitLog(_ directory: TemporaryDirectory) throws -> String {
    try directory.write("limit.log", lines: [header + (try limitMessage())])
  }

  static let note = "1 record hit a PCRE2 limit: events may be missing"

  @Test("the report counts the record and has no backoff: the event really is missing")
  func eventIsMissing() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(["report", "--format", "json", log])
    #expect(result.exitCode == 0, "\(result.summary)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.summary)")
    let input = try #require(json["input"] as? [String: Any])
    #expect(input["patternLimitHits"] as? Int == 1, "\(result.summary)")
    #expect((json["backoffs"] as? [Any])?.isEmpty == true, "\(result.summary)")
  }

  @Test("a short tail is matched: the same record with 8 a's is a backoff, and --forbid fails as forbidden")
  func shortTailMatches() throws {
    let directory = try TemporaryDirectory()
    let log = try directory.write("short.log", lines: [Self.header + Self.backoff + "aaaaaaaa"])
    let result = try CLIRunner.run(["assert", "--forbid", "backoff group=eks-ng-a", log])
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(!result.stdout.contains("undecided"), "\(result.summary)")
    #expect(!result.stdout.contains("events may be missing"), "\(result.summary)")
  }

  @Test("--forbid EXPR that would pass is undecided: FAIL, exit 1, and the NOTE names the records")
  func forbidFails() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(["assert", "--forbid", "failure class=iam", log])
    #expect(result.exitCode == 1, "\(result.summary)")
    let verdict = try #require(result.stdoutLines.first { $0.contains("--forbid") }, "\(result.summary)")
    #expect(verdict.hasPrefix("FAIL"), "\(result.summary)")
    #expect(!result.stdout.contains("PASS"), "\(result.summary)")
    #expect(result.stdout.contains("undecided"), "\(result.summary)")
    #expect(result.stdoutLines.contains { $0.hasPrefix("NOTE  " + Self.note) }, "\(result.summary)")
  }

  @Test("an unmet --expect EXPR and --then are insufficient evidence: exit 3")
  func expectIsInsufficient() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(
      ["assert", "--expect", "backoff group=eks-ng-a", "--then", "scale-up group=eks-ng-a", log])
    #expect(result.exitCode == 3, "\(result.summary)")
    #expect(!result.stdout.contains("PASS"), "\(result.summary)")
    let notes = result.stdoutLines.filter { $0.hasPrefix("NOTE") && $0.contains("insufficient") }
    #expect(notes.count == 2, "\(result.summary)")
  }

  @Test("an unmet --expect EXPR beside an --expect-line that failed outright: exit 1")
  func expectWithOtherFailure() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(["assert", "--expect", "backoff", "--expect-line", "no such line", log])
    #expect(result.exitCode == 1, "\(result.summary)")
  }

  @Test("what passes still passes, and the output says events may be missing")
  func passWithNote() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(["assert", "--expect-line", "^Node group eks-ng-a ", log])
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdoutLines.contains { $0.hasPrefix("NOTE  " + Self.note) }, "\(result.summary)")
  }

  @Test("JUnit: the forbid is a failure of type undecided and the suite's output says events may be missing")
  func junit() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let path = directory.path("junit.xml")
    // The backoff event is what the limit loses (the error inside it is still a failure by its shape).
    let result = try CLIRunner.run(["assert", "--junit", path, "--forbid", "backoff", log])
    #expect(result.exitCode == 1, "\(result.summary)")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let text = String(decoding: data, as: UTF8.self)
    let root = try #require(try XMLDocument(data: data, options: []).rootElement(), "\(text)")
    #expect(root.attribute(forName: "failures")?.stringValue == "1", "\(text)")
    let suite = try #require(root.elements(forName: "testsuite").first, "\(text)")
    let failure = try #require(
      suite.elements(forName: "testcase").first?.elements(forName: "failure").first, "no <failure>:\n\(text)")
    #expect(failure.attribute(forName: "type")?.stringValue == "undecided", "\(text)")
    #expect(failure.stringValue?.contains(Self.note) == true, "\(text)")
    #expect(suite.elements(forName: "system-out").first?.stringValue?.contains(Self.note) == true, "\(text)")
  }

  @Test("GitHub: an ::error for the forbid, a ::warning and a step-summary line saying events may be missing")
  func github() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let summary = directory.path("summary.md")
    let result = try CLIRunner.run(
      ["assert", "--github", "--forbid", "backoff", log], environment: ["GITHUB_STEP_SUMMARY": summary])
    #expect(result.exitCode == 1, "\(result.summary)")
    let error = try #require(result.stdoutLines.first { $0.hasPrefix("::error ") }, "no ::error:\n\(result.summary)")
    #expect(error.contains("undecided"), "\(error)")
    #expect(result.stdoutLines.contains { $0.hasPrefix("::warning ") && $0.contains(Self.note) }, "\(result.summary)")
    let markdown = try #require(directory.read("summary.md"), "no step summary written")
    #expect(markdown.contains("## cas-logs assert: failed"), "\(markdown)")
    #expect(markdown.contains("undecided"), "\(markdown)")
    #expect(markdown.contains(Self.note), "\(markdown)")
    #expect(!markdown.contains("✅"), "\(markdown)")
  }
}
