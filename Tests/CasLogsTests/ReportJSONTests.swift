import Foundation
import Testing

/// `cas-logs report --format json` on the blog post's two logs, checked against the JSON contract.
struct ReportJSONTests {
  /// The fields the contract (`report-json.md`, schema version 1) requires at the top level.
  static let topLevelFields = [
    "schemaVersion", "tool", "input", "autoscaler", "scaleUps", "scaleDowns", "failures", "backoffs",
    "blockedScaleDowns", "noScaleUps", "summary",
  ]

  /// The fields the contract requires in every ScaleUp.
  static let scaleUpFields = [
    "id", "nodeGroup", "from", "to", "max", "nodes", "triggeringPods", "triggeringPodCount", "decidedAt",
    "endedAt", "durationSeconds", "outcome", "error", "source", "lines",
  ]

  /// The fields the contract requires in every ScaleDown.
  static let scaleDownFields = [
    "id", "node", "nodeGroup", "kind", "utilization", "unneededSince", "unneededSeconds", "startedAt", "endedAt",
    "instanceId", "evictedPods", "outcome", "error", "source", "lines",
  ]

  /// Runs the JSON report of both blog logs and parses it.
  private func blogReport() throws -> (result: CLIResult, json: [String: Any]) {
    let files = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let result = try CLIRunner.run(["report", "--format", "json"] + files)
    try #require(result.exitCode == 0, "\(result.summary)")
    return (result, try JSON.object(result.stdout))
  }

  @Test("the blog scale-up is reported with its group, sizes, duration and trigger")
  func blogScaleUp() throws {
    let (_, json) = try blogReport()
    let scaleUps = try JSON.objects(json, "scaleUps")
    try #require(scaleUps.count == 1, "scaleUps: \(scaleUps)")
    let scaleUp = scaleUps[0]
    #expect(scaleUp["nodeGroup"] as? String == "ASG_NAME")
    #expect(scaleUp["from"] as? Int == 4)
    #expect(scaleUp["to"] as? Int == 5)
    #expect(scaleUp["max"] as? Int == 8)
    #expect(scaleUp["outcome"] as? String == "succeeded")
    let duration = try #require(scaleUp["durationSeconds"] as? Double, "durationSeconds: \(scaleUp)")
    #expect(abs(duration - 120.794268739) < 1e-6)
    #expect(scaleUp["triggeringPods"] as? [String] == ["echoserver/echoserver-74fd7d865f-vkzqb"])
    for field in Self.scaleUpFields {
      #expect(scaleUp.keys.contains(field), "ScaleUp lacks '\(field)': \(scaleUp)")
    }
  }

  @Test("the blog scale-down is reported as an empty node removal with its instance and unneeded time")
  func blogScaleDown() throws {
    let (_, json) = try blogReport()
    let scaleDowns = try JSON.objects(json, "scaleDowns")
    try #require(scaleDowns.count == 1, "scaleDowns: \(scaleDowns)")
    let scaleDown = scaleDowns[0]
    #expect(scaleDown["node"] as? String == "ip-172-19-67-52.ap-northeast-1.compute.internal")
    #expect(scaleDown["kind"] as? String == "empty")
    #expect(scaleDown["outcome"] as? String == "succeeded")
    #expect(scaleDown["instanceId"] as? String == "i-066bc60549f083e38")
    let unneeded = try #require(scaleDown["unneededSeconds"] as? Double, "unneededSeconds: \(scaleDown)")
    #expect(abs(unneeded - 604.367847963) < 1e-6)
    for field in Self.scaleDownFields {
      #expect(scaleDown.keys.contains(field), "ScaleDown lacks '\(field)': \(scaleDown)")
    }
  }

  @Test("every top-level field of the contract is present, with arrays where the contract says so")
  func topLevelFieldsPresent() throws {
    let (_, json) = try blogReport()
    for field in Self.topLevelFields {
      #expect(json.keys.contains(field), "top level lacks '\(field)'")
    }
    #expect(json["schemaVersion"] as? Int == 1)
    let tool = try JSON.child(json, "tool")
    #expect(tool["name"] as? String == "cas-logs")
    #expect((tool["version"] as? String)?.isEmpty == false)
    for array in ["scaleUps", "scaleDowns", "failures", "backoffs", "blockedScaleDowns", "noScaleUps"] {
      #expect(json[array] is [Any], "'\(array)' is not an array: \(String(describing: json[array]))")
    }
    for object in ["input", "autoscaler", "summary"] {
      #expect(json[object] is [String: Any], "'\(object)' is not an object")
    }
  }

  @Test("input.lines counts the physical lines of both files, blank lines included")
  func inputLineCount() throws {
    let (_, json) = try blogReport()
    let input = try JSON.child(json, "input")
    let expected =
      try SampleLogs.lines(SampleLogs.blogScaleUp).count
      + SampleLogs.lines(SampleLogs.blogScaleDown).count
    #expect(input["lines"] as? Int == expected, "input: \(input)")
    #expect(
      input["sources"] as? [String] == [
        try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown),
      ])
  }
}
