import Testing

@testable import LogParse

/// Message forms real logs show that the catalogue's first reading missed: a 1.2x typo, a
/// provider's fatal start-up message without its header, an empty-node deletion failure.
struct RealLogFormTests {
  /// 1.2x wrote `No expansion optiions`; it is the message `No expansion options`.
  @Test func doubledITypoIsNoExpansionOptions() {
    let log = """
      I0704 08:01:02.000100       1 scale_up.go:437] No pod can fit to ng-blue
      I0704 08:01:02.000200       1 scale_up.go:441] No expansion optiions

      """
    #expect(Fixtures.analyze(log).unrecognized == 0)
    #expect(
      Catalog.identify("I0704 08:01:02.000200       1 scale_up.go:441] No expansion optiions")?.id
        == "scaleUp.noExpansionOptions")
  }

  /// A provider's `Failed to create NAME manager: …` alone, without a header, is its fatal start-up failure.
  @Test(arguments: [
    "Failed to create Linode manager: LINODE_API_TOKEN must be set",
    "failed to create Brightbox manager: no client id",
    "Failed to create Kamatera cloud provider: missing configuration",
  ])
  func headerlessProviderCreationIsFatalStartup(_ line: String) throws {
    let report = Fixtures.analyze(line + "\n")
    let failure = try #require(report.failures.first)
    #expect(report.failures.count == 1)
    #expect(failure.fatal && failure.operation == .startup)
  }

  /// Other header-less `Failed to create …` lines are not provider creations.
  @Test func headerlessOtherCreationIsNotTaken() {
    #expect(Fixtures.analyze("Failed to create pod sandbox: rpc error\n").failures.isEmpty)
  }

  /// `Problem with empty node deletion: failed to delete NODE: …` is a failed empty scale-down of NODE.
  @Test func emptyNodeDeletionProblemFailsTheNodesScaleDown() throws {
    let log = """
      I0704 09:00:00.000000       1 static_autoscaler.go:380] Starting main loop
      E0704 09:00:01.500000       1 scale_down.go:641] Problem with empty node deletion: failed to delete pool-a-7f9c-xk2lm: cannot patch machine set pool-a

      """
    let report = Fixtures.analyze(log)
    let down = try #require(report.scaleDowns.first { $0.node == "pool-a-7f9c-xk2lm" })
    #expect(down.outcome == .failed && down.kind == .empty)
    #expect(report.failures.first?.node == "pool-a-7f9c-xk2lm")
  }
}
