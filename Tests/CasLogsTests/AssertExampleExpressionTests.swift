import Foundation
import Testing

/// The example expressions of `assert --help` and the README, run as written on samples that show them.
///
/// Each example must hold (exit 0) on a sample where it is true, and fail (exit 1) on one where it is not, so
/// that a documented example that stopped parsing, matching or failing is caught.
struct AssertExampleExpressionTests {
  /// One expression, the samples it runs on, and the verdict it must give there.
  struct Example: Sendable, CustomTestStringConvertible {
    /// The expression, exactly as documented.
    let expression: String
    /// Sample file names (`000-seed-blog-scaleup.log`) or unique prefixes (`"021-"`).
    let samples: [String]
    /// Why the verdict is what it is, for the test name.
    let because: String

    /// How the case reads in test results.
    var testDescription: String { "'\(expression)' on \(samples.joined(separator: " + ")): \(because)" }
  }

  /// The blog's two logs.
  static let blogLogs = [SampleLogs.blogScaleUp, SampleLogs.blogScaleDown]

  /// Documented examples on samples where they hold.
  static let holding: [Example] = [
    Example(
      expression: "scale-up group=ASG_NAME succeeded within=3m", samples: [SampleLogs.blogScaleUp],
      because: "ASG_NAME 4->5 finished in 2m0.79s"),
    Example(
      expression: "scale-down node=ip-172-19-67-52.ap-northeast-1.compute.internal succeeded",
      samples: [SampleLogs.blogScaleDown], because: "the empty node was removed"),
    Example(
      expression: "failure class=iam action=autoscaling:SetDesiredCapacity", samples: ["021-"],
      because: "AccessDenied on SetDesiredCapacity"),
    Example(expression: "scale-up count>=2", samples: ["038-"], because: "8 scale-ups"),
    Example(expression: "backoff group~=^eks-mli", samples: ["030-"], because: "eks-mli_inference_… backed off"),
    Example(
      expression: "blocked-scale-down reason=localStorage", samples: ["036-"], because: "a pod with local storage"),
    Example(expression: "no-scale-up reason~=max", samples: ["034-"], because: "max size reached"),
    Example(expression: "failure class=iam count==0", samples: blogLogs, because: "no failure at all"),
    // The first example with a bound just above the blog's 2m0.79s.
    Example(
      expression: "scale-up group=ASG_NAME succeeded within=2m1s", samples: [SampleLogs.blogScaleUp],
      because: "2m0.79s is within 2m1s"),
    // The README's other examples.
    Example(expression: "scale-up succeeded", samples: [SampleLogs.blogScaleUp], because: "finished successfully"),
    Example(expression: "scale-up group=ASG_NAME to=5", samples: [SampleLogs.blogScaleUp], because: "4->5"),
    Example(expression: "backoff code=timeout", samples: ["030-"], because: "errorCode=timeout"),
    Example(expression: "scale-up nodes>=2", samples: ["038-"], because: "worker3 1->7 adds 6 nodes"),
    Example(
      expression: "scale-up succeeded within=10m", samples: [SampleLogs.blogScaleUp], because: "done in 2m0.79s"),
    Example(expression: "scale-down succeeded", samples: [SampleLogs.blogScaleDown], because: "the node went"),
  ]

  /// Documented examples (or the same with a tighter bound) on samples where they must not hold.
  static let failing: [Example] = [
    Example(expression: "scale-up within=1m", samples: [SampleLogs.blogScaleUp], because: "it took 2m0.79s"),
    Example(
      expression: "scale-up group=ASG_NAME succeeded within=2m", samples: [SampleLogs.blogScaleUp],
      because: "2m0.79s is more than 2m"),
    Example(
      expression: "scale-up group=ASG_NAME succeeded within=3m", samples: ["021-"],
      because: "another group, and it failed"),
    Example(
      expression: "scale-down node=ip-172-19-67-52.ap-northeast-1.compute.internal succeeded", samples: ["002-"],
      because: "another node was removed"),
    Example(
      expression: "failure class=iam action=autoscaling:SetDesiredCapacity", samples: blogLogs,
      because: "no failure at all"),
    Example(expression: "scale-up count>=9", samples: ["038-"], because: "only 8 scale-ups"),
    Example(expression: "scale-up count>=2", samples: [SampleLogs.blogScaleUp], because: "only 1 scale-up"),
    Example(expression: "backoff group~=^eks-mli", samples: ["029-"], because: "another group backed off"),
    Example(
      expression: "blocked-scale-down reason=localStorage", samples: ["016-"], because: "blocked by a kube-system pod"),
    Example(expression: "no-scale-up reason~=max", samples: [SampleLogs.blogScaleUp], because: "the scale-up ran"),
    Example(expression: "failure class=iam count==0", samples: ["021-"], because: "one IAM failure"),
  ]

  /// The absolute path of a sample given by full name or by prefix.
  private static func samplePath(_ key: String) throws -> String {
    key.hasSuffix(".log") ? try SampleLogs.path(key) : try SampleLogs.path(prefix: key)
  }

  /// Runs `assert --expect EXPRESSION` on the example's samples.
  private func run(_ example: Example) throws -> CLIResult {
    try CLIRunner.run(["assert", "--expect", example.expression] + example.samples.map(Self.samplePath))
  }

  @Test("a documented example holds on a sample that shows it: exit 0, PASS", arguments: holding)
  func exampleHolds(_ example: Example) throws {
    let result = try run(example)
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(
      result.stdoutLines.contains { $0.hasPrefix("PASS  --expect '\(example.expression)'") },
      "no PASS line for the expression as written:\n\(result.summary)")
  }

  @Test("a documented example fails on a sample where it is false: exit 1, FAIL", arguments: failing)
  func exampleFails(_ example: Example) throws {
    let result = try run(example)
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(
      result.stdoutLines.contains { $0.hasPrefix("FAIL  --expect '\(example.expression)'") },
      "no FAIL line for the expression as written:\n\(result.summary)")
  }

  @Test("every example in `assert --help` is one of the examples tested to hold here")
  func helpExamplesAreCovered() throws {
    let result = try CLIRunner.run(["assert", "--help"])
    #expect(result.exitCode == 0, "\(result.summary)")
    // The examples end the paragraph that introduces them; the help wraps it, so rejoin its words.
    let paragraph = try #require(
      result.stdout.components(separatedBy: "\n\n").first { $0.contains("Examples:") },
      "no 'Examples:' in the help:\n\(result.summary)")
    let marker = try #require(paragraph.range(of: "Examples:"))
    let words = paragraph[marker.upperBound...].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let documented = words.components(separatedBy: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    #expect(documented.count >= 2, "found too few examples in the help: \(documented)\n\(result.summary)")
    let tested = Set(Self.holding.map(\.expression))
    for example in documented {
      #expect(tested.contains(example), "'\(example)' is documented in --help but not tested to hold")
    }
  }
}
