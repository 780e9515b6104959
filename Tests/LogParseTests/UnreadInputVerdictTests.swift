import Testing

@testable import LogParse

/// On input that was not read, or not read to its end, the absence of something proves nothing:
/// a `--forbid` that matched nothing is insufficient evidence (3), never a pass, while what more
/// records could not change (a forbidden item seen, an expected one reached) still decides.
struct UnreadInputVerdictTests {
  /// One record no entry knows among more lines of something else: not read as a log.
  static let mostlyForeign =
    "I0102 15:04:05.000000       1 reflector.go:12] AccessDenied calling something\n"
    + String(repeating: "some other program's line\n", count: 4)

  /// The sample with the IAM failure: read in full.
  static func accessDenied() throws -> [UInt8] { try Fixtures.sample("021-") }

  private static func verdict(
    _ bytes: [UInt8], _ assertions: [Assertion], incomplete: String? = nil
  ) -> AssertVerdict {
    var engine = AssertionEngine(assertions: assertions)
    var options = AnalyzerOptions(now: Fixtures.now)
    options.reorderWindow = 4096
    var analyzer = Analyzer(options: options)
    analyzer.onRecord = { engine.observe($0) }
    analyzer.beginSource("test.log")
    analyzer.feed(bytes)
    analyzer.finish()
    var report = analyzer.report()
    report.incompleteInput = incomplete
    engine.evaluate(report)
    return engine.verdict(report: report, timedOut: false)
  }

  @Test func onInputNotReadOnlyWhatWasSeenDecides() throws {
    let bytes = Array(Self.mostlyForeign.utf8)
    #expect(Fixtures.analyze(bytes).inputVerdict.isRead == false)
    #expect(Self.verdict(bytes, [try Assertion.expression(.forbid, "failure class=iam")]).exitCode == 3)
    #expect(Self.verdict(bytes, [try Assertion.line(.forbid, "AccessDenied")]).exitCode == 1)
    #expect(Self.verdict(bytes, [try Assertion.line(.expect, "AccessDenied")]).exitCode == 0)
    #expect(Self.verdict(bytes, [try Assertion.line(.expect, "nowhere")]).exitCode == 3)
    #expect(Self.verdict(bytes, [try Assertion.expression(.expect, "failure count==0")]).exitCode == 3)
  }

  @Test func onInputCutShortNoForbidPasses() throws {
    let bytes = try Self.accessDenied()
    let cut = "truncated gzip data"
    // Without the cut these pass; with it, what was not read may hold the forbidden thing.
    #expect(Self.verdict(bytes, [try Assertion.expression(.forbid, "scale-down")]).exitCode == 0)
    let forbid = Self.verdict(bytes, [try Assertion.expression(.forbid, "scale-down")], incomplete: cut)
    #expect(forbid.exitCode == 3)
    #expect(forbid.results.first?.missingEvidence?.contains(cut) == true)
    // What was read still decides.
    #expect(
      Self.verdict(bytes, [try Assertion.expression(.forbid, "failure class=iam")], incomplete: cut).exitCode == 1)
    #expect(
      Self.verdict(bytes, [try Assertion.expression(.expect, "failure class=iam")], incomplete: cut).exitCode == 0)
    #expect(Self.verdict(bytes, [try Assertion.expression(.expect, "scale-down")], incomplete: cut).exitCode == 3)
    // A count that more items could break is not proven either way.
    #expect(
      Self.verdict(bytes, [try Assertion.expression(.expect, "failure count==1")], incomplete: cut).exitCode == 3)
    #expect(Self.verdict(bytes, [try Assertion.expression(.expect, "failure count==1")]).exitCode == 0)
  }
}
