import LogParse
import Testing

/// Capping, balancing and a revert show in every human report, not only the text one.
struct ScaleUpNotesRenderingTests {
  static let log = """
    I0326 09:28:48.700500       1 orchestrator.go:185] Best option to resize: eks-a
    I0326 09:28:48.700600       1 orchestrator.go:189] Estimated 6 nodes needed in eks-a
    I0326 09:28:48.700700       1 orchestrator.go:285] Splitting scale-up between 2 similar node groups: {eks-a, eks-<b>}
    I0326 09:28:48.700826       1 balancing_processor.go:109] Requested scale-up (6) exceeds node group set capacity, capping to 1
    I0326 09:28:48.700900       1 orchestrator.go:295] Final scale-up plan: [{eks-a 2->3 (max: 3)}]

    """

  @Test func markdownHasTheNotesColumn() {
    let markdown = MarkdownReportRenderer.render(Fixtures.analyze(ScaleUpNotesRenderingTests.log))
    let row = markdown.split(separator: "\n").first { $0.hasPrefix("| up-1 ") }
    #expect(row?.contains("capped 6-&gt;1 nodes (group set capacity); balanced with eks-&lt;b&gt;") == true)
  }

  @Test func htmlTableAndTimelineHaveTheNotesEscaped() {
    let html = HTMLReportRenderer.render(Fixtures.analyze(ScaleUpNotesRenderingTests.log))
    #expect(html.contains("<td>capped 6-&gt;1 nodes (group set capacity); balanced with eks-&lt;b&gt;</td>"))
    // The timeline's details text, one note per line.
    #expect(html.contains("\\x0acapped 6-&gt;1 nodes (group set capacity)\\x0abalanced with eks-&lt;b&gt;"))
    #expect(!html.contains("eks-<b>"))
  }

  @Test func textKeepsTheNotes() {
    let text = TextReportRenderer.render(Fixtures.analyze(ScaleUpNotesRenderingTests.log))
    #expect(text.contains("capped 6->1 nodes (group set capacity)  balanced with eks-<b>"))
  }
}
