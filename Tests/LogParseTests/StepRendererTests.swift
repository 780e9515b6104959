import Foundation
import Testing

@testable import LogParse

/// `follow`'s lines: the text columns and colours, and one compact JSON object per step written
/// through ``JSONWriter`` (its escaping, nulls for what a step lacks).
struct StepRendererTests {
  /// The steps of the blog post's scale-up, as `follow` sees them.
  static func blogSteps() throws -> [EpisodeStep] {
    Fixtures.analyzeWithSteps(String(decoding: try Fixtures.sample("000-seed-blog-scaleup"), as: UTF8.self)).steps
  }

  /// A step with every field chosen by the test.
  static func step(
    _ kind: EpisodeStep.Kind, summary: String, episode: String? = nil, subject: String? = nil, hasTime: Bool = true
  ) -> EpisodeStep {
    var step = EpisodeStep(
      kind: kind, episodeId: episode, subject: subject, summary: summary,
      time: LogTime(month: 3, day: 4, microsecondOfDay: 3_723_000_042), source: 0, line: 17)
    step.hasTime = hasTime
    return step
  }

  @Test func textColumnsHoldTimeIdKindAndSummary() throws {
    let resize = try #require(try Self.blogSteps().first { $0.kind == .resize })
    #expect(
      StepRenderer.text(resize) == "11:50:35.158572  up-1     resize       setting group ASG_NAME size to 5\n")
    let pending = Self.step(.podsPending, summary: "pod a/b is unschedulable", hasTime: false)
    #expect(StepRenderer.text(pending) == "--:--:--.------  -        podsPending  pod a/b is unschedulable\n")
  }

  @Test func textNeutralisesLogEscapesAndColoursByOutcome() {
    let failure = Self.step(.failure, summary: "denied\u{1B}[2J\tnow", episode: "up-12345678")
    let plain = StepRenderer.text(failure)
    #expect(plain == "01:02:03.000042  up-12345678 failure      denied\\x1b[2J now\n")
    let coloured = StepRenderer.text(failure, style: .ansi)
    #expect(
      coloured == "01:02:03.000042  up-12345678 \u{1B}[31mfailure\u{1B}[0m      \u{1B}[1mdenied\\x1b[2J now\u{1B}[0m\n")
    // A step shown plain has no escape at all.
    #expect(!StepRenderer.text(Self.step(.resize, summary: "x"), style: .ansi).contains("\u{1B}"))
  }

  @Test func ndjsonIsOneCompactObjectPerStep() throws {
    let resize = try #require(try Self.blogSteps().first { $0.kind == .resize })
    #expect(
      StepRenderer.ndjson(resize, baseYear: 2019)
        == #"{"time":"2019-09-27T11:50:35.158572Z","kind":"resize","episode":"up-1","subject":"ASG_NAME","#
        + #""summary":"setting group ASG_NAME size to 5","line":6}"# + "\n")
    let bare = Self.step(.upcoming, summary: "upcoming 0 nodes", hasTime: false)
    #expect(
      StepRenderer.ndjson(bare, baseYear: 2019)
        == #"{"time":null,"kind":"upcoming","episode":null,"subject":null,"summary":"upcoming 0 nodes","line":17}"#
        + "\n")
  }

  @Test("the summary and names are escaped as in the JSON report, and every line parses back")
  func ndjsonEscapesWhatTheLogHolds() throws {
    let hostile = "say \"hi\"\\ \n\r\t\u{01}\u{7F} \u{2028}\u{2029} é"
    let step = Self.step(.failure, summary: hostile, episode: "up-1", subject: "grp\"\n")
    let line = StepRenderer.ndjson(step, baseYear: 2024)
    #expect(line.hasSuffix("}\n") && line.dropLast().allSatisfy { $0 != "\n" })
    #expect(line.contains(#""summary":"\#(JSONWriter.escape(hostile))""#))
    #expect(line.contains(#"\u2028\u2029"#) && line.contains(#"\u0001\u007f"#))
    for step in try Self.blogSteps() + [step] {
      let text = StepRenderer.ndjson(step, baseYear: 2024)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      #expect(object["summary"] as? String == step.summary)
      #expect(object["subject"] as? String == step.subject)
      #expect(object["episode"] as? String == step.episodeId)
      #expect(object["kind"] as? String == step.kind.rawValue)
      #expect(object["line"] as? Int == step.line)
    }
  }
}
