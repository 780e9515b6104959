import Foundation
import Testing

@testable import LogParse

/// Records found behind prefixes, in damaged headers, without headers, and across wraps.
struct LineRecoveryTests {
  private let resize = "I0927 11:50:35.158572       1 scale_up.go:300] Scale-up: setting group ASG_NAME size to 5"
  private let plan = "I0927 11:50:35.158556       1 scale_up.go:529] Final scale-up plan: [{ASG_NAME 4->5 (max: 8)}]"

  @Test(arguments: [
    ("Line 12: ", InputFormat.lineNumberPrefix), ("   12\t", .lineNumberPrefix), ("│ ", .boxBorderPrefix),
    ("\"", .quotePrefix), ("cluster-autoscaler-6d7c9b-x2k4p cluster-autoscaler ", .stern),
    ("kube-system/cluster-autoscaler-6d7c9b-x2k4p[cluster-autoscaler]: ", .namePrefix),
    ("    2019-09-27T11:50:35.200000Z ", .timePrefix),
  ])
  func aHeaderBehindAPrefixIsFoundAndThePrefixNamed(prefix: String, format: InputFormat) throws {
    let report = Fixtures.analyze(prefix + plan + "\n" + prefix + resize + "\n")
    #expect(report.accounting.records == 2 && report.accounting.malformed == 0)
    #expect(report.formats.contains(format))
    let up = try #require(report.scaleUps.first)
    #expect(up.nodeGroup == "ASG_NAME" && up.from == 4 && up.to == 5)
  }

  @Test func anIndentedTimeIsTheEnvelopeTime() {
    let report = Fixtures.analyze("  2019-09-27T11:50:35.200000Z " + resize + "\n")
    #expect(report.year.source == .envelope && report.year.baseYear == 2019)
  }

  @Test func aHeaderInsideTheMessageOfALineWithOneAtItsStartIsNotSearchedFor() throws {
    let line = Array("I0927 11:50:35.158572       1 x.go:1] Line 12: I0927 11:50:35.158600 1 y.go:3] text".utf8)
    let header = try #require(line.withUnsafeBufferPointer { KlogHeaderParser.parse($0) })
    #expect(header.pastedPrefixLength == 0 && !header.foundBySearch && header.sourceLine == 1)
  }

  @Test func aLineWithoutAHeaderNearItsStartIsNoRecord() {
    let line = String(repeating: "x", count: 300) + " " + resize + "\n"
    #expect(Fixtures.analyze(line).accounting.records == 0)
  }

  @Test func theLinesAfterAPrefixedHeaderLoseThePrefixToo() throws {
    let text =
      "Line 1: " + resize.replacingOccurrences(of: "Scale-up: setting group ASG_NAME size to 5", with: "x")
      + "\nLine 2: \tstatus code: 403\nLine 3: \n"
    let report = Fixtures.analyze(text)
    #expect(report.accounting.continuationLines == 1 && report.accounting.skipped == 1)
  }

  @Test(arguments: [
    "I0927 XX:XX:XX.XXXXXX       1 scale_up.go:300] Scale-up: setting group ASG_NAME size to 5",
    "IXXXX XX:XX:XX.XXXXXX       1 scale_up.go:300] Scale-up: setting group ASG_NAME size to 5",
  ])
  func aRedactedTimeIsARecordWithoutATime(line: String) throws {
    let report = Fixtures.analyze(line + "\n")
    #expect(report.accounting.records == 1 && report.accounting.untimedRecords == 1)
    let up = try #require(report.scaleUps.first)
    #expect(up.to == 5 && up.requestedAt == nil && up.decidedAt == nil)
    #expect(report.firstTime == nil)
  }

  @Test(arguments: [
    "I092711:50:35.158572 1 scale_up.go:300] Scale-up: setting group ASG_NAME size to 5",
    "0927 11:50:35.158572 1 scale_up.go:300] Scale-up: setting group ASG_NAME size to 5",
    "I0927 11:50:35.158572 scale_up.go:300] Scale-up: setting group ASG_NAME size to 5",
  ])
  func aDamagedHeaderKeepsWhatIsReadable(line: String) throws {
    let report = Fixtures.analyze(line + "\n")
    let up = try #require(report.scaleUps.first)
    #expect(up.requestedAt.map { report.rfc3339($0).hasSuffix("09-27T11:50:35.158572Z") } == true)
  }

  @Test(arguments: [
    "Scale-up: setting group ASG_NAME size to 5", "scale_up.go:300] Scale-up: setting group ASG_NAME size to 5",
    "1 scale_up.go:300] Scale-up: setting group ASG_NAME size to 5",
  ])
  func aRecognisedLineWithoutAHeaderIsARecordInLineOrder(line: String) throws {
    let text = plan + "\n" + line + "\nI0927 11:52:36.144782       1 scale_up.go:1] unrelated\n"
    let report = Fixtures.analyze(text)
    #expect(report.accounting.records == 3 && report.accounting.untimedRecords == 1)
    let up = try #require(report.scaleUps.first)
    // The resize joined the plan's episode (line order), and has no time of its own.
    #expect(report.scaleUps.count == 1 && up.to == 5 && up.requestedAt == nil)
    #expect(report.lastTime.map(report.rfc3339)?.hasSuffix("11:52:36.144782Z") == true)
  }

  @Test func anErrorWithoutAHeaderIsARecordAndAFailure() throws {
    let text = "Failed to scale up: could not set size: AccessDenied: not authorized\n"
    let report = Fixtures.analyze(text)
    #expect(report.accounting.records == 1 && report.accounting.malformed == 0)
    let failure = try #require(report.failures.first)
    #expect(failure.firstAt == nil && failure.lastAt == nil)
    for format in [TextReportRenderer.render(report), MarkdownReportRenderer.render(report)] {
      #expect(format.contains("time unknown"))
    }
    let json = JSONReportRenderer.render(report).replacingOccurrences(of: " ", with: "")
    #expect(json.contains("\"firstAt\":null"))
    #expect(!HTMLReportRenderer.render(report).isEmpty)
  }

  @Test func anUnknownErrorWithoutAHeaderIsARecordAfterOthers() {
    let error = "could not list pods: error from server: etcdserver timeout\n"
    let report = Fixtures.analyze(resize + "\n" + error)
    #expect(report.accounting.records == 2 && report.unrecognized == 1 && report.accounting.malformed == 0)
    // Alone (another tool's output) it is no CAS record.
    #expect(Fixtures.analyze(error).accounting.records == 0)
  }

  @Test func anUnknownLineWithoutAHeaderStaysMalformed() {
    #expect(Fixtures.analyze("just some words\n").accounting.malformed == 1)
  }

  /// A long resize record whose group name a wrap cuts.
  private let longResize =
    "I0927 11:50:35.158572       1 aws_manager.go:300] Setting asg eks-general-purpose-nodes-2023120112345678901234 size to 5"

  @Test(arguments: [
    [
      "I0927 11:50:35.158572       1 aws_manager.go:300] Setting asg",
      "eks-general-purpose-nodes-2023120112345678901234", "size", "to", "5",
    ],
    [
      "I0927 11:50:35.158572       1 aws_manager.go:300] Setting asg",
      "    eks-general-purpose-nodes-2023120112345678901234 size", "    to 5",
    ],
    [
      "I0927 11:50:35.158572       1 aws_manager.go:300] Setting asg eks-general-purpose-node",
      "s-2023120112345678901234 size to 5",
    ],
    [
      "I0927 11:50:35.158572       1 aws_manager.go:300] Setting asg eks-general-purpose-node",
      "  s-2023120112345678901234 size to 5",
    ],
  ])
  func aWrappedRecordIsJoined(pieces: [String]) throws {
    let report = Fixtures.analyze(pieces.joined(separator: "\n") + "\n")
    #expect(report.accounting.records == 1, "\(pieces)")
    #expect(report.accounting.continuationLines == pieces.count - 1)
    let up = try #require(report.scaleUps.first)
    #expect(up.nodeGroup == "eks-general-purpose-nodes-2023120112345678901234")
  }

  @Test func aWrappedPieceThatIsAMessageOfItsOwnStartsARecord() {
    let text = resize + "\nPod default/web-1 is unschedulable\n"
    let report = Fixtures.analyze(text)
    #expect(report.accounting.records == 2 && report.accounting.untimedRecords == 1)
  }

  @Test func wrapPiecesAreBounded() {
    // At most the first line after a line as wide as a wrap may be a piece of it; the others stay
    // malformed, and no more than the cap are held at once.
    let text = longResize + "\n" + String(repeating: "word\n", count: 500)
    let report = Fixtures.analyze(text)
    #expect(report.accounting.lines == 501 && report.accounting.records == 1)
    #expect(report.accounting.malformed >= 499 && report.accounting.continuationLines <= 1)
    #expect(RecordAssembler.maximumWrapPieces <= 64)
  }
}
