import LogGen
import Testing

@testable import LogParse

/// Every physical line is accounted for: part of a record, a continuation, malformed, or skipped.
struct AccountingTests {
  private func checkInvariant(_ report: Report, lines: Int) {
    let counts = report.accounting
    #expect(counts.lines == lines)
    #expect(
      counts.records - counts.mergedRecords + counts.continuationLines + counts.malformed + counts.skipped
        == counts.lines)
    #expect(report.recognized + report.unrecognized == counts.records)
  }

  @Test(arguments: try Fixtures.sampleNames())
  func samplesAccountForEveryLine(name: String) throws {
    let bytes = try Fixtures.sample(String(name.dropLast(4)))
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count - (bytes.last == 0x0A ? 1 : 0)
    checkInvariant(Fixtures.analyze(bytes), lines: lines)
  }

  @Test(arguments: [11, 12, 13, 14, 15, 16, 17, 18])
  func randomInputAccountsForEveryLine(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let pieces = [
      "I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes", "\tstatus code: 403", "caused by: x",
      "garbage", "", "...", "$ kubectl logs", "{\"log\":\"I0927 11:50:35.1 1 a.go:1] x\\n\",\"time\":\"bad\"}",
      "2024-03-13T12:34:34.481377120Z stderr P I0313 12:34",
      "2024-03-13T12:34:34.481377120Z stderr F :34.1 1 a.go:1] y",
      "[pod/a/b] I0927 11:50:35.158391 1 a.go:1] z", "F0927 11:50:35.158391 1 a.go:1] fatal", "goroutine 1 [running]:",
      "\u{1B}[2J", "{\"ts\":1,\"msg\":\"m\"}",
    ]
    var text = ""
    let count = 200
    for _ in 0..<count {
      text += pieces[Int(generator.next() % UInt64(pieces.count))] + "\n"
    }
    var bytes = Array(text.utf8)
    for _ in 0..<20 {
      let index = Int(generator.next() % UInt64(bytes.count))
      if bytes[index] != 0x0A { bytes[index] = UInt8(truncatingIfNeeded: generator.next()) | 0x80 }
    }
    checkInvariant(Fixtures.analyze(bytes, chunkSizes: [1, 5, 64]), lines: count)
  }

  @Test func partialLinesAtTheEndAreCounted() {
    let text = "2024-03-13T12:34:34.481377120Z stderr P I0313 12:34:34.1 1 a.go:1] start"
    let report = Fixtures.analyze(text)
    checkInvariant(report, lines: 1)
    #expect(report.accounting.records == 1)
  }
}

/// Records merged onto one line by a paste are split again.
struct MergedRecordTests {
  @Test func twoRecordsOnOnePaddedLineAreSplit() throws {
    let text =
      "I0927 11:50:35.158391       1 scale_up.go:300] Upcoming 0 nodes        "
      + "I0927 11:50:35.158521       1 scale_up.go:423] Best option to resize: ASG_NAME\n"
      + "I0927 11:50:35.158556       1 scale_up.go:529] Final scale-up plan: [{ASG_NAME 4->5 (max: 8)}]\n"
    let report = Fixtures.analyze(text)
    #expect(report.accounting.lines == 2)
    #expect(report.accounting.records == 3)
    #expect(report.accounting.mergedRecords == 1)
    #expect(report.recognized == 3)
    try #require(report.scaleUps.count == 1)
    #expect(report.rfc3339(try #require(report.scaleUps[0].decidedAt)).hasSuffix("T11:50:35.158521Z"))
  }

  @Test func bracketsInsideAMessageAreNotHeaders() {
    let text = "I0927 11:50:35.158391       1 a.go:1] Final scale-up plan: [{g 1->2 (max: 3)}] done I0 x] y\n"
    let report = Fixtures.analyze(text)
    #expect(report.accounting.records == 1)
    #expect(report.accounting.mergedRecords == 0)
  }
}

/// Records cut by a hard wrap (a terminal or a mail client) are joined again when that makes sense.
struct HardWrapTests {
  @Test func terminalWrapMidWord() throws {
    let line =
      "I0927 12:07:12.161868       1 scale_down.go:819] Scale-down: removing empty node "
      + "ip-172-19-67-52.ap-northeast-1.compute.internal"
    let cut = line.index(line.startIndex, offsetBy: 100)
    let report = Fixtures.analyze(String(line[..<cut]) + "\n" + String(line[cut...]) + "\n")
    try #require(report.scaleDowns.count == 1)
    #expect(report.scaleDowns[0].node == "ip-172-19-67-52.ap-northeast-1.compute.internal")
    #expect(report.accounting.malformed == 0 && report.accounting.continuationLines == 1)
  }

  @Test func mailWrapAtASpace() throws {
    let text = """
      I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group ASG_NAME size
      to 5
      I0927 11:52:36.144782       1 clusterstate.go:194] Scale up in group ASG_NAME finished successfully in
      2m0.794268739s

      """
    let report = Fixtures.analyze(text)
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].to == 5)
    #expect(report.scaleUps[0].outcome == .succeeded)
    #expect(report.scaleUps[0].printedDurationSeconds == 120.794268739)
    #expect(report.accounting.malformed == 0)
  }

  @Test func garbageAfterALongLineStaysMalformed() throws {
    let report = Fixtures.analyze(try Fixtures.sample("002-"))
    #expect(report.accounting.malformed == 1)
  }
}
