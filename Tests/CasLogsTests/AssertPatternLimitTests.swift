import Foundation
import Testing

@testable import LogParse

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A line pattern that hits PCRE2's match limit on a record never passes: a `--forbid-line` fails
/// (exit 1), an `--expect-line` is unmet for want of evidence (exit 3), in text, JUnit and GitHub output.
@Suite(.timeLimit(.minutes(1)))
struct AssertPatternLimitTests {
  /// The word the record carries and the patterns look for.
  static let word = "FORBIDDEN"
  /// A pattern that matches the record (its second branch), but whose nested quantifier makes PCRE2
  /// backtrack exponentially over a run of `a`s before it gets there.
  static let hostile = "(?:(a+)+b|\(word))"

  /// The shortest run of `a`s (doubling from 8) on which `hostile` gives up, with the whole message.
  static func limitMessage() throws -> String {
    let matcher = Matcher(try BytePattern(hostile))
    var length = 8
    while length <= 1 << 16 {
      let message = String(repeating: "a", count: length) + " " + word
      var bytes = Array(message.utf8)
      let gaveUp = bytes.withUnsafeMutableBufferPointer { buffer in
        (try? matcher.matches(UnsafeBufferPointer(buffer))) == nil
      }
      if gaveUp { return message }
      length *= 2
    }
    Issue.record("no run of up to 65536 'a's makes \(hostile) hit PCRE2's limits")
    throw CancellationError()
  }

  /// A log of one record whose message the hostile pattern gives up on.
  static func limitLog(_ directory: TemporaryDirectory) throws -> String {
    try directory.write(
      "limit.log", lines: ["I0927 11:50:35.158391       1 scale_up.go:300] " + (try limitMessage())])
  }

  @Test("the record really matches: a plain pattern for the same word finds it (--forbid-line fails, exit 1)")
  func recordReallyMatches() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let matcher = Matcher(try BytePattern(Self.word))
    var bytes = Array(try Self.limitMessage().utf8)
    #expect(try bytes.withUnsafeMutableBufferPointer { try matcher.matches(UnsafeBufferPointer($0)) })
    let result = try CLIRunner.run(["assert", "--forbid-line", Self.word, log])
    #expect(result.exitCode == 1, "\(result.summary)")
  }

  @Test("--forbid-line whose pattern gives up on the record: FAIL, undecided, exit 1; never PASS")
  func forbidFails() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(["assert", "--forbid-line", Self.hostile, log])
    #expect(result.exitCode == 1, "\(result.summary)")
    let verdict = try #require(result.stdoutLines.first { $0.contains("--forbid-line") }, "\(result.summary)")
    #expect(verdict.hasPrefix("FAIL"), "\(result.summary)")
    #expect(!result.stdout.contains("PASS"), "\(result.summary)")
    #expect(result.stdout.contains("undecided"), "\(result.summary)")
    #expect(result.stdout.contains("PCRE2 match limit"), "\(result.summary)")
    #expect(result.stdout.contains("\(log):1"), "the record it gave up on is not named:\n\(result.summary)")
  }

  @Test("--expect-line whose pattern gives up on the only candidate: insufficient evidence, exit 3")
  func expectIsInsufficient() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(["assert", "--expect-line", Self.hostile, log])
    #expect(result.exitCode == 3, "\(result.summary)")
    #expect(!result.stdout.contains("PASS"), "\(result.summary)")
    #expect(result.stdoutLines.contains { $0.hasPrefix("NOTE") && $0.contains("insufficient") }, "\(result.summary)")
  }

  @Test("an --expect-line that gave up, beside one that failed outright: exit 1")
  func expectWithOtherFailure() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let result = try CLIRunner.run(["assert", "--expect-line", Self.hostile, "--expect-line", "no such line", log])
    #expect(result.exitCode == 1, "\(result.summary)")
  }

  @Test("a later record that matches outright decides: --expect-line passes, --forbid-line fails as forbidden")
  func laterMatchDecides() throws {
    let directory = try TemporaryDirectory()
    let header = "I0927 11:50:35.158391       1 scale_up.go:300] "
    let log = try directory.write(
      "mixed.log", lines: [header + (try Self.limitMessage()), header + Self.word + " outright"])
    let expect = try CLIRunner.run(["assert", "--expect-line", Self.hostile, log])
    #expect(expect.exitCode == 0, "\(expect.summary)")
    #expect(expect.stdout.contains("gave up on 1 earlier record"), "\(expect.summary)")
    let forbid = try CLIRunner.run(["assert", "--forbid-line", Self.hostile, log])
    #expect(forbid.exitCode == 1, "\(forbid.summary)")
    #expect(!forbid.stdout.contains("undecided"), "\(forbid.summary)")
  }

  @Test("JUnit: the forbid and the expect that gave up are failures of type undecided, naming the limit")
  func junit() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let path = directory.path("junit.xml")
    let result = try CLIRunner.run(
      ["assert", "--junit", path, "--forbid-line", Self.hostile, "--expect-line", Self.hostile, log])
    #expect(result.exitCode == 1, "\(result.summary)")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let text = String(decoding: data, as: UTF8.self)
    let root = try #require(try XMLDocument(data: data, options: []).rootElement(), "\(text)")
    #expect(root.attribute(forName: "failures")?.stringValue == "2", "\(text)")
    let cases = root.elements(forName: "testsuite").flatMap { $0.elements(forName: "testcase") }
    #expect(cases.count == 2, "\(text)")
    for testCase in cases {
      let failure = try #require(testCase.elements(forName: "failure").first, "a case without <failure>:\n\(text)")
      #expect(failure.attribute(forName: "type")?.stringValue == "undecided", "\(text)")
      #expect(failure.stringValue?.contains("PCRE2's match limit") == true, "\(text)")
    }
  }

  @Test("GitHub: an ::error at the record the pattern gave up on, and an undecided row in the step summary")
  func github() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.limitLog(directory)
    let summary = directory.path("summary.md")
    let result = try CLIRunner.run(
      ["assert", "--github", "--forbid-line", Self.hostile, log], environment: ["GITHUB_STEP_SUMMARY": summary])
    #expect(result.exitCode == 1, "\(result.summary)")
    let error = try #require(result.stdoutLines.first { $0.hasPrefix("::error ") }, "no ::error:\n\(result.summary)")
    #expect(error.contains("line=1"), "\(error)")
    #expect(error.contains("undecided"), "\(error)")
    #expect(error.contains("match limit"), "\(error)")
    let markdown = try #require(directory.read("summary.md"), "no step summary written")
    #expect(markdown.contains("## cas-logs assert: failed"), "\(markdown)")
    #expect(markdown.contains("undecided"), "\(markdown)")
    #expect(!markdown.contains("✅"), "\(markdown)")
  }

  /// A scale-up log whose node group is the limit message with its space taken out.
  static func groupLog(_ directory: TemporaryDirectory) throws -> String {
    let group = try limitMessage().replacing(" ", with: "")
    return try directory.write("group.log", lines: CraftedLogs.scaleUp(group: group))
  }

  @Test("--forbid/--expect with a ~= pattern that gives up on a value: undecided, exit 1 and exit 3")
  func expressionPatterns() throws {
    let directory = try TemporaryDirectory()
    let log = try Self.groupLog(directory)
    let plain = try CLIRunner.run(["assert", "--forbid", "scale-up group~=\(Self.word)", log])
    #expect(plain.exitCode == 1, "the value really matches:\n\(plain.summary)")
    let forbid = try CLIRunner.run(["assert", "--forbid", "scale-up group~=\(Self.hostile)", log])
    #expect(forbid.exitCode == 1, "\(forbid.summary)")
    #expect(forbid.stdout.hasPrefix("FAIL"), "\(forbid.summary)")
    #expect(forbid.stdout.contains("undecided"), "\(forbid.summary)")
    let expect = try CLIRunner.run(["assert", "--expect", "scale-up group~=\(Self.hostile)", log])
    #expect(expect.exitCode == 3, "\(expect.summary)")
    // A count the undecided value cannot change is decided: count<=1 holds whether the one scale-up matches or not.
    let decided = try CLIRunner.run(["assert", "--expect", "scale-up group~=\(Self.hostile) count<=1", log])
    #expect(decided.exitCode == 0, "\(decided.summary)")
  }
}
