import Foundation
import Testing

/// `cas-logs report --format markdown`: GitHub-flavoured Markdown tables for a step summary or a PR comment.
struct ReportMarkdownTests {
  /// Runs `report --format markdown` on `paths` and requires exit 0.
  private func markdown(_ paths: [String]) throws -> CLIResult {
    let result = try CLIRunner.run(["report", "--format", "markdown"] + paths)
    try #require(result.exitCode == 0, "\(result.summary)")
    return result
  }

  /// Runs `report --format markdown` on a one-line log whose scale-up is for node group `group`.
  private func markdown(group: String) throws -> CLIResult {
    let directory = try TemporaryDirectory()
    return try markdown([try directory.write("crafted.log", lines: CraftedLogs.scaleUp(group: group))])
  }

  /// The blog's two logs.
  private func blogLogs() throws -> [String] {
    [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
  }

  @Test("blog logs: a '### Scale-ups' table whose row shows ASG_NAME succeeded, and a Scale-downs table")
  func blogScaleUpTable() throws {
    let result = try markdown(try blogLogs())
    let table = try #require(
      MarkdownTables.table("### Scale-ups", in: result.stdout), "no '### Scale-ups' table:\n\(result.summary)")
    #expect(table.rows.count == 1, "\(table)")
    let row = try #require(table.rows.first, "\(table)")
    #expect(table.cell(row, "node group") == "ASG_NAME", "\(table)")
    #expect(table.cell(row, "outcome") == "succeeded", "\(table)")
    #expect(table.cell(row, "size") == "4→5", "\(table)")
    let downs = try #require(
      MarkdownTables.table("### Scale-downs", in: result.stdout), "no '### Scale-downs' table:\n\(result.summary)")
    #expect(
      downs.rows.compactMap { downs.cell($0, "node") } == ["ip-172-19-67-52.ap-northeast-1.compute.internal"],
      "\(downs)")
  }

  @Test("blog logs: the Scale-ups row contains ASG_NAME and succeeded verbatim (only | and ` need escaping)")
  func blogScaleUpRowVerbatim() throws {
    let result = try markdown(try blogLogs())
    let table = try #require(
      MarkdownTables.table("### Scale-ups", in: result.stdout), "no '### Scale-ups' table:\n\(result.summary)")
    #expect(
      table.rows.contains { $0.contains("ASG_NAME") && $0.contains("succeeded") },
      "no row with ASG_NAME and succeeded as written:\n\(table)")
  }

  @Test("AccessDenied sample: a '### Failures' table with the autoscaling:SetDesiredCapacity action")
  func failuresTable() throws {
    let result = try markdown([try SampleLogs.path(prefix: "021-")])
    let table = try #require(
      MarkdownTables.table("### Failures", in: result.stdout), "no '### Failures' table:\n\(result.summary)")
    #expect(table.rows.count == 1, "\(table)")
    let row = try #require(table.rows.first, "\(table)")
    #expect(row.contains("autoscaling:SetDesiredCapacity"), "\(table)")
    #expect(table.cell(row, "action") == "autoscaling:SetDesiredCapacity", "\(table)")
    #expect(table.cell(row, "class") == "iam", "\(table)")
    #expect(table.cell(row, "code") == "AccessDenied", "\(table)")
  }

  @Test("other samples: Backoffs and Blocked scale-downs tables")
  func backoffsAndBlocked() throws {
    let result = try markdown([try SampleLogs.path(prefix: "030-"), try SampleLogs.path(prefix: "036-")])
    let backoffs = try #require(
      MarkdownTables.table("### Backoffs", in: result.stdout), "no '### Backoffs' table:\n\(result.summary)")
    #expect(
      backoffs.rows.compactMap { backoffs.cell($0, "node group") }
        == ["eks-mli_inference_g4dn4xl-02c6fc6f-788b-c2ae-e9d5-647dfa039598"],
      "\(backoffs)")
    let blocked = try #require(
      MarkdownTables.table("### Blocked scale-downs", in: result.stdout),
      "no '### Blocked scale-downs' table:\n\(result.summary)")
    #expect(blocked.rows.compactMap { blocked.cell($0, "reason") } == ["localStorage"], "\(blocked)")
  }

  @Test("a node group named 'a|b' is written a\\|b, and reads back as a|b in its own cell")
  func pipeInGroupName() throws {
    let result = try markdown(group: "a|b")
    let table = try #require(
      MarkdownTables.table("### Scale-ups", in: result.stdout), "no '### Scale-ups' table:\n\(result.summary)")
    let row = try #require(table.rows.first, "\(table)")
    #expect(row.contains(#"| a\|b |"#), "\(table)")
    #expect(table.cell(row, "node group") == "a|b", "\(table)")
  }

  @Test("a node group named 'a`b' is written a\\`b")
  func backtickInGroupName() throws {
    let result = try markdown(group: "a`b")
    let table = try #require(
      MarkdownTables.table("### Scale-ups", in: result.stdout), "no '### Scale-ups' table:\n\(result.summary)")
    let row = try #require(table.rows.first, "\(table)")
    #expect(row.contains(#"| a\`b |"#), "\(table)")
    #expect(table.cell(row, "node group") == "a`b", "\(table)")
  }

  /// Logs whose Markdown tables are checked for consistent columns.
  enum TableSource: String, Sendable, CaseIterable {
    case blog, accessDenied, backoffAndBlocked, pipeGroup, backtickGroup

    /// The report on this source.
    func report(_ tests: ReportMarkdownTests) throws -> CLIResult {
      switch self {
      case .blog: return try tests.markdown(try tests.blogLogs())
      case .accessDenied: return try tests.markdown([try SampleLogs.path(prefix: "021-")])
      case .backoffAndBlocked:
        return try tests.markdown([try SampleLogs.path(prefix: "030-"), try SampleLogs.path(prefix: "036-")])
      case .pipeGroup: return try tests.markdown(group: "a|b")
      case .backtickGroup: return try tests.markdown(group: "x|`|y")
      }
    }
  }

  @Test("every table row has as many unescaped '|' separators as its header", arguments: TableSource.allCases)
  func consistentColumns(_ source: TableSource) throws {
    let result = try source.report(self)
    let tables = MarkdownTables.tables(in: result.stdout)
    #expect(!tables.isEmpty, "no table:\n\(result.summary)")
    for table in tables {
      let columns = MarkdownTables.separatorCount(table.header)
      #expect(columns >= 2, "\(table)")
      for row in [table.delimiter] + table.rows {
        #expect(
          MarkdownTables.separatorCount(row) == columns,
          "\(MarkdownTables.separatorCount(row)) separators instead of \(columns) in:\n\(row)\nof\n\(table)")
      }
    }
  }
}
