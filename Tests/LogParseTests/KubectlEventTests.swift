import Foundation
import Testing

@testable import LogParse

/// Kubernetes events as kubectl and event streams print them give the events of the klog event
/// recorder's lines.
struct KubectlEventTests {
  /// The Kubernetes events of `text`, each with its record's time, in the order they were applied.
  private func events(_ text: String) -> [(event: KubernetesEvent, time: LogTime)] {
    var seen: [(KubernetesEvent, LogTime)] = []
    _ = Fixtures.analyze(Array(text.utf8)) { event, context in
      if case .kubernetesEvent(let kubernetes) = event { seen.append((kubernetes, context.time)) }
    }
    return seen
  }

  private func event(
    _ kind: String, _ namespace: String, _ name: String, _ type: String, _ reason: String, _ message: String
  ) -> KubernetesEvent {
    KubernetesEvent(kind: kind, namespace: namespace, name: name, type: type, reason: reason, message: message)
  }

  private let failed = "Scale-up failed for group ng-blue: AccessDenied: not authorized to perform SetDesiredCapacity"
  private let triggered = "pod triggered scale-up: [{ng-blue 2->3 (max: 6)}]"

  @Test func getEventsRowsWithAndWithoutTheHeaderRow() {
    let rows = """
      42s         Warning   FailedToScaleUpGroup   configmap/cluster-autoscaler-status   \(failed)
      3m12s       Normal    TriggeredScaleUp       pod/shop-7c9d-x2v4q                    \(triggered)
      """
    let expected = [
      event("ConfigMap", "", "cluster-autoscaler-status", "Warning", "FailedToScaleUpGroup", failed),
      event("Pod", "", "shop-7c9d-x2v4q", "Normal", "TriggeredScaleUp", triggered),
    ]
    let headed = "LAST SEEN   TYPE      REASON                 OBJECT                                MESSAGE\n" + rows
    for text in [rows, headed] {
      let read = events(text)
      #expect(read.map(\.event) == expected)
      #expect(read.allSatisfy { !$0.time.isKnown })
    }
    let report = Fixtures.analyze(headed)
    #expect(report.formats == [.kubectlEvents])
    #expect(report.accounting.records == 2 && report.accounting.skipped == 1 && report.accounting.malformed == 0)
    #expect(report.failures.first?.nodeGroup == "ng-blue")
    #expect(report.firstTime == nil)
  }

  @Test func rowsWithoutHeaderNeedAnAutoscalerReasonOrSource() {
    let scheduler = "5m   Warning   FailedScheduling   pod/shop-1   0/3 nodes are available: 3 Insufficient cpu."
    #expect(events(scheduler).isEmpty)
    #expect(Fixtures.analyze(scheduler).accounting.malformed == 1)
    let headed = "LAST SEEN   TYPE      REASON             OBJECT         MESSAGE\n" + scheduler
    #expect(events(headed).map(\.event.reason) == ["FailedScheduling"])
  }

  @Test func olderTableLayouts() {
    let kindOnly = "89s    Warning   FailedToScaleUpGroup   ConfigMap   \(failed)"
    #expect(events(kindOnly).map(\.event) == [event("ConfigMap", "", "", "Warning", "FailedToScaleUpGroup", failed)])
    let old = """
      LASTSEEN   FIRSTSEEN   COUNT     NAME                                          KIND        SUBOBJECT   TYPE      REASON                 SOURCE               MESSAGE
      1m         1m          1         cluster-autoscaler-status.17a2b3c4d5e6f708    ConfigMap               Warning   FailedToScaleUpGroup   cluster-autoscaler   \(failed)
      2m         4m          3         shop-7c9d-x2v4q.17a2b3c4d5e6f709              Pod                     Normal    TriggeredScaleUp       cluster-autoscaler   \(triggered)
      """
    let expected = [
      event("ConfigMap", "", "cluster-autoscaler-status", "Warning", "FailedToScaleUpGroup", failed),
      event("Pod", "", "shop-7c9d-x2v4q", "Normal", "TriggeredScaleUp", triggered),
    ]
    #expect(events(old).map(\.event) == expected)
    let withoutHeader = old.split(separator: "\n").dropFirst().joined(separator: "\n")
    #expect(events(withoutHeader).map(\.event) == expected)
  }

  @Test func wideAndAllNamespacesLayouts() {
    let wide = """
      LAST SEEN   TYPE      REASON             OBJECT                SUBOBJECT   SOURCE               MESSAGE        FIRST SEEN   COUNT   NAME
      20s         Normal    TriggeredScaleUp   pod/shop-7c9d-x2v4q               cluster-autoscaler   \(triggered)   20s          1       shop-7c9d-x2v4q.17a2b3c4d5e6f709
      7m (x4 over 20m)   Normal   ScaleDown   node/ip-10-0-1-7   kubelet, ip-10-0-1-7   marked the node as toBeDeleted/unschedulable   20m   4   ip-10-0-1-7.17a2b3c4d5e6f70a
      """
    let expected = [
      event("Pod", "", "shop-7c9d-x2v4q", "Normal", "TriggeredScaleUp", triggered),
      event("Node", "", "ip-10-0-1-7", "Normal", "ScaleDown", "marked the node as toBeDeleted/unschedulable"),
    ]
    #expect(events(wide).map(\.event) == expected)
    #expect(events(wide.split(separator: "\n").dropFirst().joined(separator: "\n")).map(\.event) == expected)
    let all = """
      NAMESPACE   LAST SEEN   TYPE     REASON             OBJECT                MESSAGE
      shop        20s         Normal   TriggeredScaleUp   pod/shop-7c9d-x2v4q   \(triggered)
      """
    #expect(
      events(all).map(\.event) == [event("Pod", "shop", "shop-7c9d-x2v4q", "Normal", "TriggeredScaleUp", triggered)])
  }

  @Test func rowsWrappedByATerminalJoinWhenTheJoinIsARow() throws {
    let row =
      "3m          3m           1         cluster-autoscaler-status.17a2b3c4d5e6f708   ConfigMap      "
      + "          Normal    ScaledUpGroup           cluster-autoscaler         Scale-up: group ng-blue size set to 4"
    let source = try #require(row.range(of: " cluster-autoscaler "))
    let cut = row.index(source.lowerBound, offsetBy: 3)
    let wrapped = String(row[..<cut]) + "\n" + String(row[cut...]) + "\n" + row
    let read = events(wrapped)
    #expect(read.count == 2)
    #expect(read.allSatisfy { $0.event.message == "Scale-up: group ng-blue size set to 4" })
    let report = Fixtures.analyze(wrapped)
    #expect(report.accounting.records == 2 && report.accounting.continuationLines == 1)
    // A line that does not complete the row leaves it as it is, and is read on its own.
    let unjoined = String(row[..<cut]) + "\n\n" + row
    #expect(events(unjoined).map(\.event.message) == ["", "Scale-up: group ng-blue size set to 4"])
  }

  @Test func describeSectionOfAPod() {
    let text = """
      Name:             shop-7c9d-x2v4q
      Namespace:        shop
      Priority:         0
      Start Time:       <unset>
      Containers:
        app:
          Image:        shop:1.4
      Events:
        Type     Reason            Age                From                Message
        ----     ------            ----               ----                -------
        Warning  FailedScheduling  2m (x3 over 4m)    default-scheduler   0/3 nodes are available: 3 Insufficient cpu.
        Normal   TriggeredScaleUp  2m                 cluster-autoscaler  \(triggered)
      """
    let read = events(text)
    #expect(
      read.map(\.event) == [
        event(
          "Pod", "shop", "shop-7c9d-x2v4q", "Warning", "FailedScheduling",
          "0/3 nodes are available: 3 Insufficient cpu."),
        event("Pod", "shop", "shop-7c9d-x2v4q", "Normal", "TriggeredScaleUp", triggered),
      ])
    #expect(Fixtures.analyze(text).formats == [.kubectlDescribeEvents])
    // Rows alone, without the section's heading or the pod's lines: the kind from the reason.
    let rows = "  Normal   TriggeredScaleUp  2m                 cluster-autoscaler  \(triggered)"
    #expect(events(rows).map(\.event) == [event("Pod", "", "", "Normal", "TriggeredScaleUp", triggered)])
  }

  @Test func describeSectionOfTheStatusConfigMap() {
    let text = """
      Name:         cluster-autoscaler-status
      Namespace:    kube-system
      Labels:       <none>
      Data
      ====
      status:
      ----
      Cluster-autoscaler status at 2024-03-13 12:00:00.000000000 +0000 UTC:
      Events:
        Type     Reason                Age   From                Message
        ----     ------                ----  ----                -------
        Warning  FailedToScaleUpGroup  29m   cluster-autoscaler  \(failed)
        Normal   ScaleDownEmpty        12m   cluster-autoscaler  Scale-down: removing empty node ip-10-0-1-7
      """
    let read = events(text)
    #expect(
      read.map(\.event) == [
        event("ConfigMap", "kube-system", "cluster-autoscaler-status", "Warning", "FailedToScaleUpGroup", failed),
        event(
          "ConfigMap", "kube-system", "cluster-autoscaler-status", "Normal", "ScaleDownEmpty",
          "Scale-down: removing empty node ip-10-0-1-7"),
      ])
    let report = Fixtures.analyze(text)
    #expect(report.failures.map(\.nodeGroup) == ["ng-blue"])
    #expect(report.scaleDowns.map(\.node) == ["ip-10-0-1-7"])
    // Rows without their heading keep the kind the reason and message show.
    let rows = text.split(separator: "\n").suffix(2).joined(separator: "\n")
    #expect(events(rows).map(\.event.kind) == ["ConfigMap", "ConfigMap"])
  }

  @Test func ageIsNoTimeButRFC3339IsAndEventsStayInLineOrder() throws {
    let text = """
      I0313 12:00:00.000000       1 static_autoscaler.go:274] Starting main loop
      5m          Warning   FailedToScaleUpGroup   configmap/cluster-autoscaler-status   \(failed)
      I0313 11:00:00.000000       1 static_autoscaler.go:274] Starting main loop
      2024-03-13T12:30:00Z   Normal   TriggeredScaleUp   pod/shop-1   \(triggered)
      """
    let read = events(text)
    try #require(read.map(\.event.reason) == ["FailedToScaleUpGroup", "TriggeredScaleUp"])
    #expect(!read[0].time.isKnown)
    #expect(read[1].time == LogTime(month: 3, day: 13, microsecondOfDay: 45_000_000_000, fractionDigits: 0))
    let report = Fixtures.analyze(text)
    #expect(report.year.baseYear == 2024)
    let json = try JSONSerialization.jsonObject(with: Data(JSONReportRenderer.render(report).utf8)) as? [String: Any]
    let failure = (json?["failures"] as? [[String: Any]])?.first
    #expect(failure?["firstAt"] is NSNull)
  }

  @Test func anEventWithoutTimeKeepsItsPlaceAmongTimedOnes() {
    func recorder(_ time: String, _ reason: String) -> String {
      "I0313 \(time).000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"ConfigMap\", "
        + "Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"1\", APIVersion:\"v1\", "
        + "ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Normal' reason: '\(reason)' Scale-up: setting group ng-\(reason) size to 4"
    }
    let text = [
      recorder("12:00:00", "ScaledUpGroup"),
      "5m    Normal   CreatedNodeGroup   configmap/cluster-autoscaler-status   NodeAutoprovisioning: created node group ng-x",
      recorder("11:59:00", "ScaleDown"),
    ].joined(separator: "\n")
    // The klog lines are put in time order; the row stays after the line it followed.
    #expect(events(text).map(\.event.reason) == ["ScaleDown", "ScaledUpGroup", "CreatedNodeGroup"])
  }

  @Test func eventStreamOfASpawner() throws {
    let text = """
      2024-03-13T12:00:01Z [Normal] pod didn't trigger scale-up: 2 max node group size reached
      2024-03-13T12:00:05Z [Warning] 0/3 nodes are available: 3 Insufficient memory.
      [Normal] pod triggered scale-up: [{ng-blue 2->3 (max: 6)}]
      """
    let read = events(text)
    #expect(
      read.map(\.event) == [
        event(
          "Pod", "", "", "Normal", "NotTriggerScaleUp", "pod didn't trigger scale-up: 2 max node group size reached"),
        event("Pod", "", "", "Normal", "TriggeredScaleUp", triggered),
      ])
    try #require(read.count == 2)
    #expect(read[0].time.isKnown && !read[1].time.isKnown)
    let report = Fixtures.analyze(text)
    #expect(report.formats.contains(.eventStream))
    #expect(report.noScaleUps.first?.reasons == ["max node group size reached"])
    // The scheduler's message is no autoscaler text: a malformed line, not a record.
    #expect(report.accounting.records == 2 && report.accounting.malformed == 1)
  }

  @Test func aTimeAndASeparatorBeforeARecognisedText() {
    let texts = [
      "08:15:02.125 - Cluster is not ready for autoscaling: wrong number of nodes",
      "08:15:02 | Cluster is not ready for autoscaling: wrong number of nodes",
      "2024-03-13 08:15:02.125 Cluster is not ready for autoscaling: wrong number of nodes",
      "08:15:02,125: Cluster is not ready for autoscaling: wrong number of nodes",
    ]
    for text in texts {
      var meanings: [String] = []
      _ = Fixtures.analyze(Array(text.utf8)) { event, _ in meanings.append("\(event)") }
      let report = Fixtures.analyze(text)
      #expect(meanings.count == 1, "\(text)")
      #expect(report.accounting.records == 1 && report.accounting.malformed == 0, "\(text)")
      #expect(report.formats == [.timeAndText])
      #expect((report.firstTime != nil) == text.hasPrefix("2024"), "\(text)")
    }
    // A date in the text of a record without a date gives the log's year as it is.
    let backoff =
      "23:10:00.000 - Disabling scale-up for node group ng-blue until 2024-12-31 23:15:00.000000000 +0000 UTC "
      + "m=+1232.8; errorClass=Other; errorCode=timeout"
    let dated = Fixtures.analyze(backoff)
    #expect(dated.backoffs.map(\.nodeGroup) == ["ng-blue"])
    #expect(dated.year.baseYear == 2024)
    // A text the catalogue does not know stays a malformed line; an indented one is not taken.
    for text in ["08:15:02.125 - the backup finished", "  08:15:02.125 - Cluster is not ready for autoscaling"] {
      let report = Fixtures.analyze(text)
      #expect(report.accounting.records == 0 && report.accounting.malformed == 1, "\(text)")
    }
  }
}
