import Testing

@testable import LogParse

/// `--color`: the decision `auto` makes, the colours of the text report, and log escapes neutralised.
struct ColorTests {
  @Test(
    "always colours, never does not, auto colours only on a terminal without a non-empty NO_COLOR",
    arguments: [
      (ColorChoice.always, false, "1", TextStyle.ansi), (.always, true, nil, .ansi),
      (.never, true, nil, .plain), (.never, false, nil, .plain),
      (.auto, true, nil, .ansi), (.auto, true, "", .ansi), (.auto, true, "1", .plain), (.auto, true, "0", .plain),
      (.auto, false, nil, .plain), (.auto, false, "1", .plain),
    ] as [(ColorChoice, Bool, String?, TextStyle)])
  func decision(choice: ColorChoice, terminal: Bool, noColor: String?, expected: TextStyle) {
    #expect(choice.style(outputIsTerminal: terminal, noColor: noColor) == expected)
  }

  /// A failed, a timed-out, a pending and a succeeded scale-up, and an IAM failure.
  static let log =
    [
      "I0927 11:50:35.000000       1 scale_up.go:694] Scale-up: setting group ok-group size to 5",
      "I0927 11:52:36.000000       1 clusterstate.go:352] Scale up in group ok-group finished successfully in 2m0s",
      "I0927 11:53:00.000000       1 scale_up.go:694] Scale-up: setting group slow-group size to 3",
      "W0927 12:08:00.000000       1 clusterstate.go:358] Scale-up timed out for node group slow-group after 15m0s",
      "I0927 12:09:00.000000       1 scale_up.go:694] Scale-up: setting group wait-group size to 2",
    ].joined(separator: "\n") + "\n"

  @Test("with colour, outcomes are red, yellow and green and the fix is bold; without, no escape at all")
  func reportColours() throws {
    let report = Fixtures.analyze(Array(Self.log.utf8))
    try #require(Set(report.scaleUps.map(\.outcome)) == [.succeeded, .timedOut, .pending])
    let coloured = TextReportRenderer.render(report, layout: ReportLayout(style: .ansi))
    #expect(coloured.contains("\u{1B}[31mtimedOut\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[33mpending\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[32msucceeded\u{1B}[0m"))
    #expect(coloured.contains("    fix: \u{1B}[1m"))
    let plain = TextReportRenderer.render(report)
    #expect(!plain.unicodeScalars.contains("\u{1B}"))
    #expect(coloured.replacing(/\x1B\[[0-9]+m/, with: "") == plain)
  }

  @Test("an escape sequence in a log name is still shown, not obeyed, with colour on")
  func logEscapesNeutralised() {
    let hostile =
      "I0927 11:50:35.000000       1 scale_up.go:694] Scale-up: setting group evil\u{1B}[2J\u{1B}]0;pwned\u{07} size to 5\n"
    let report = Fixtures.analyze(Array(hostile.utf8))
    let text = TextReportRenderer.render(report, layout: ReportLayout(style: .ansi))
    #expect(text.contains("evil\\x1b[2J\\x1b]0;pwned\\x07"), "\(text)")
    // Every ESC left is one of the renderer's own SGR colour sequences.
    let withoutOwn = text.replacing(/\x1B\[[0-9]+m/, with: "")
    #expect(!withoutOwn.unicodeScalars.contains("\u{1B}") && !withoutOwn.unicodeScalars.contains("\u{07}"))
  }
}
