import Testing

@testable import LogParse

/// Lines that hold only a time: the envelope time of the record on the next line.
struct TimeLineTests {
  private static let plan =
    "I0314 08:15:02.100000       1 orchestrator.go:188] Final scale-up plan: [{ng-spot 2->4 (max: 9)}]"
  private static let resize =
    "I0314 08:15:02.200000       1 executor.go:147] Scale-up: setting group ng-spot size to 4"

  @Test(arguments: ["2023-03-14 13:45:02.100 ", "2023-03-14T08:15:02Z", "2023-03-14 13:45:02"])
  func aTimeAloneBeforeEachRecordIsItsEnvelope(time: String) throws {
    let log = [time, Self.plan, time, Self.resize].joined(separator: "\n") + "\n"
    let report = Fixtures.analyze(log)
    #expect(report.accounting.malformed == 0)
    #expect(report.accounting.skipped == 2)
    #expect(report.accounting.records == 2)
    #expect(report.year.baseYear == 2023)
    #expect(report.formats.contains(.timePrefix))
    let up = try #require(report.scaleUps.first)
    #expect(up.nodeGroup == "ng-spot" && up.from == 2 && up.to == 4)
    // klog's own time of day is kept: the line's time is when the export collected it.
    #expect(up.decidedAt.map(report.rfc3339)?.hasPrefix("2023-03-14T08:15:02") == true)
  }

  /// After a klog record, a date alone is a piece of its wrap until the layout has been shown.
  @Test func aDateInsideAWrappedMessageStaysInTheWrap() {
    let log = """
      W0506 17:10:54.715475       1 clusterstate.go:281] Disabling scale-up for node group ng-a until
      2020-05-06 17:20:54.593474242
      +0000 UTC m=+932.505523072; errorClass=Other; errorCode=cloudProviderError

      """
    let report = Fixtures.analyze(log)
    #expect(report.backoffs.map(\.nodeGroup) == ["ng-a"])
    #expect(!report.formats.contains(.timePrefix))
  }

  @Test func onlyATimeIsATimeLine() {
    for text in ["2023-03-14 13:45:02 hello", "2023-03-14", "12:06:28.000", "x2023-03-14 13:45:02"] {
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer { RecordAssembler.onlyTime($0) } == nil, "\(text)")
    }
  }
}
