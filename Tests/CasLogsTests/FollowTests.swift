import Foundation
import Testing

/// `cas-logs follow`: one line per scale-up/scale-down step from standard input, then a summary.
struct FollowTests {
  /// Runs `follow` with `options`, feeding the blog scale-up log on standard input and then closing it.
  private func follow(_ options: [String] = []) throws -> CLIResult {
    try CLIRunner.run(["follow"] + options, stdin: try SampleLogs.data(SampleLogs.blogScaleUp), timeLimit: .seconds(30))
  }

  @Test("text: a step line for up-1's decision or resize, and a summary at end of input")
  func textSteps() throws {
    let result = try follow()
    #expect(result.exitCode == 0, "\(result.summary)")
    let episodeLines = result.stdoutLines.filter { $0.contains("up-1") }
    #expect(!episodeLines.isEmpty, "no line mentions up-1:\n\(result.summary)")
    #expect(
      episodeLines.contains { line in
        ["decision", "decided", "resize", "setting group"].contains { line.localizedCaseInsensitiveContains($0) }
      },
      "no up-1 line shows the decision or the resize:\n\(result.summary)")
    #expect(
      result.stdout.localizedCaseInsensitiveContains("summary")
        || result.stdout.localizedCaseInsensitiveContains("scale-ups:"),
      "no summary at end of input:\n\(result.summary)")
    let finished = result.stdoutLines.contains { $0.contains("up-1") && $0.contains("finished successfully") }
    #expect(finished, "the completion step of up-1 is missing:\n\(result.summary)")
  }

  @Test("text: steps come in log order, the decision before the resize before the completion")
  func textStepOrder() throws {
    let result = try follow()
    let lines = result.stdoutLines
    let decision = lines.firstIndex { $0.contains("up-1") && $0.localizedCaseInsensitiveContains("decision") }
    let resize = lines.firstIndex { $0.contains("up-1") && $0.localizedCaseInsensitiveContains("resize") }
    let finished = lines.firstIndex { $0.contains("up-1") && $0.contains("finished") }
    let order = [decision, resize, finished].compactMap { $0 }
    #expect(order.count == 3 && order == order.sorted(), "steps missing or out of order:\n\(result.summary)")
  }

  @Test("ndjson: every line is a JSON object with 'kind' and 'summary'")
  func ndjsonSteps() throws {
    let result = try follow(["--format", "ndjson"])
    #expect(result.exitCode == 0, "\(result.summary)")
    let lines = result.stdoutLines.filter { !$0.isEmpty }
    try #require(!lines.isEmpty, "no output:\n\(result.summary)")
    var kinds: [String] = []
    for line in lines {
      let object = try JSON.object(line)
      #expect(object["kind"] is String, "no string 'kind' in \(line)")
      #expect(object["summary"] is String, "no string 'summary' in \(line)")
      if let kind = object["kind"] as? String { kinds.append(kind) }
    }
    #expect(kinds.contains("decision") || kinds.contains("resize"), "kinds: \(kinds)")
  }
}
