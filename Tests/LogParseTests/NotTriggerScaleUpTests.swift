import Foundation
import LogParse
import Testing

/// `NotTriggerScaleUp` events: each reason once per pod, counts of node groups kept apart from the text.
struct NotTriggerScaleUpTests {
  private static func event(
    _ time: String, pod: String, _ message: String, file: String = "event_sink_logging_wrapper.go:48"
  )
    -> String
  {
    "I0313 \(time)       1 \(file)] Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"default\", Name:\"\(pod)\", "
      + "UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Normal' reason: 'NotTriggerScaleUp' "
      + message + "\n"
  }

  @Test func reasonsAreSplitAndTheirCountsKeptApart() throws {
    let report = Fixtures.analyze(
      NotTriggerScaleUpTests.event(
        "12:00:00.000000", pod: "web-1",
        "pod didn't trigger scale-up: 3 max node group size reached, 1 node(s) didn't match Pod's node affinity/selector"
      ))
    let item = try #require(report.noScaleUps.first)
    #expect(item.pod == "default/web-1")
    #expect(item.reasons == ["max node group size reached", "node(s) didn't match Pod's node affinity/selector"])
    #expect(
      item.reasonNodeGroups == [
        "max node group size reached": 3, "node(s) didn't match Pod's node affinity/selector": 1,
      ])
    let text = TextReportRenderer.render(report)
    #expect(text.contains("max node group size reached (3 node groups)"))
  }

  @Test func repeatedEventsFoldPerReason() throws {
    let report = Fixtures.analyze(
      NotTriggerScaleUpTests.event(
        "12:00:00.000000", pod: "web-1", "pod didn't trigger scale-up: 2 max node group size reached")
        + NotTriggerScaleUpTests.event(
          "12:05:00.000000", pod: "web-1",
          "pod didn't trigger scale-up: 3 max node group size reached, 1 in backoff after failed scale-up")
        + NotTriggerScaleUpTests.event(
          "12:05:00.000001", pod: "web-2", "pod didn't trigger scale-up: 1 not ready for scale-up"))
    try #require(report.noScaleUps.count == 2)
    let first = report.noScaleUps[0]
    #expect(first.count == 2)
    #expect(first.reasons == ["max node group size reached", "in backoff after failed scale-up"])
    #expect(first.reasonNodeGroups["max node group size reached"] == 3)
    #expect(report.noScaleUps[1].reasons == ["not ready for scale-up"])
  }

  @Test func theOldFormAndReasonsWithCommasAreRead() throws {
    let report = Fixtures.analyze(
      NotTriggerScaleUpTests.event(
        "12:00:00.000000", pod: "web-1",
        "pod didn't trigger scale-up (it wouldn't fit if a new node is added): 1 Insufficient cpu, 2 Insufficient memory",
        file: "event.go:209")
        + NotTriggerScaleUpTests.event(
          "12:00:00.000001", pod: "web-2",
          "pod didn't trigger scale-up: 2 exceeded quota: \"cpu-limit\", resources: cpu, memory")
        + NotTriggerScaleUpTests.event(
          "12:00:00.000002", pod: "web-3", "pod didn't trigger scale-up: max total nodes in cluster reached"))
    try #require(report.noScaleUps.count == 3)
    #expect(report.noScaleUps[0].reasons == ["Insufficient cpu", "Insufficient memory"])
    #expect(report.noScaleUps[1].reasons == ["exceeded quota: \"cpu-limit\", resources: cpu, memory"])
    #expect(report.noScaleUps[2].reasons == ["max total nodes in cluster reached"])
    #expect(report.noScaleUps[2].reasonNodeGroups.isEmpty)
  }

  @Test func theJSONReportListsEachReasonOnce() throws {
    let report = Fixtures.analyze(
      NotTriggerScaleUpTests.event(
        "12:00:00.000000", pod: "web-1", "pod didn't trigger scale-up: 2 max node group size reached")
        + NotTriggerScaleUpTests.event(
          "12:01:00.000000", pod: "web-1", "pod didn't trigger scale-up: 4 max node group size reached"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any])
    let items = try #require(json["noScaleUps"] as? [[String: Any]])
    try #require(items.count == 1)
    #expect(items[0]["reasons"] as? [String] == ["max node group size reached"])
    #expect(items[0]["count"] as? Int == 2)
  }

  @Test func aLoopsOwnReasonsAndTheEventsMerge() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:00:00.000000       1 klogx.go:87] Pod default/web-1 is unschedulable
      W0313 12:00:00.000100       1 orchestrator.go:596] Node group eks-ng-a is not ready for scaleup - unhealthy
      I0313 12:00:00.000200       1 orchestrator.go:1074] No expansion options

      """
        + NotTriggerScaleUpTests.event(
          "12:00:00.100000", pod: "web-1", "pod didn't trigger scale-up: 1 not ready for scale-up"))
    let item = try #require(report.noScaleUps.first)
    #expect(report.noScaleUps.count == 1)
    #expect(item.reasons.contains("eks-ng-a (unhealthy)"))
    #expect(item.reasons.contains("not ready for scale-up"))
  }
}

/// A pod's reasons stay bounded however many distinct ones an endless log gives.
struct NotTriggerScaleUpBoundTests {
  @Test func reasonsPerPodAreCapped() throws {
    var log = ""
    for number in 0..<(NoScaleUp.maximumReasons + 20) {
      log +=
        "I0313 12:00:00.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"Pod\", "
        + "Namespace:\"default\", Name:\"web-1\", UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): "
        + "type: 'Normal' reason: 'NotTriggerScaleUp' pod didn't trigger scale-up: 1 Insufficient example.com/r\(number)\n"
    }
    let item = try #require(Fixtures.analyze(log).noScaleUps.first)
    #expect(item.count == NoScaleUp.maximumReasons + 20)
    #expect(item.reasons.count == NoScaleUp.maximumReasons)
    #expect(item.reasonNodeGroups.count == NoScaleUp.maximumReasons)
  }
}
