import Testing

@testable import LogParse

/// The assert verdict on a report whose catalogue patterns gave up on a record: expressions that the
/// missing event could change are undecided, and the verdict carries the note every output shows.
struct AssertCatalogueLimitVerdictTests {
  /// The verdict of `assertions` on the report of ``PatternLimitReportTests/lines``.
  static func verdict(_ assertions: [Assertion]) -> AssertVerdict {
    let report = PatternLimitReportTests.report(PatternLimitReportTests.lines)
    var engine = AssertionEngine(assertions: assertions)
    engine.evaluate(report)
    return engine.verdict(report: report, timedOut: false)
  }

  @Test(arguments: [
    (Assertion.Kind.forbid, "failure", Int32(1)), (.forbid, "scale-up count>=2", 1), (.expect, "backoff", 3),
    (.expect, "failure count==0", 3), (.expect, "scale-down count<1", 3),
    (.expect, "failure count<=5", 3), (.forbid, "backoff count!=0", 1),
  ])
  func dependsOnTheMissingEvent(kind: Assertion.Kind, text: String, exitCode: Int32) throws {
    let verdict = Self.verdict([try Assertion.expression(kind, text)])
    #expect(verdict.exitCode == exitCode)
    #expect(verdict.results.allSatisfy { $0.undecided && !$0.passed })
    #expect(verdict.patternLimitNote?.hasPrefix("1 record hit a PCRE2 limit: events may be missing") == true)
  }

  @Test func aCountMissingItemsCannotChangeIsDecided() throws {
    // count>=0 holds however many items are missing.
    let verdict = Self.verdict([
      try Assertion.expression(.expect, "failure count>=0"), try Assertion.expression(.forbid, "backoff count<0"),
    ])
    #expect(verdict.exitCode == 0)
    #expect(verdict.results.allSatisfy { $0.passed && !$0.undecided })
    #expect(verdict.patternLimitNote != nil)
  }
}
