import Testing

@testable import LogParse

/// A Kubernetes event line in, its typed meaning out: extraction reads every reason the episode
/// builder takes, with the groups, sizes, pods, nodes and errors its message names.
struct KubernetesEventExtractionTests {
  /// The klog event recorder's line of an event on `kind` `namespace/name`.
  private static func line(
    _ reason: String, _ message: String, kind: String = "ConfigMap", namespace: String = "kube-system",
    name: String = "cluster-autoscaler-status", type: String = "Normal"
  ) -> String {
    "I0313 12:00:00.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"\(kind)\", "
      + "Namespace:\"\(namespace)\", Name:\"\(name)\", UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", "
      + "FieldPath:\"\"}): type: '\(type)' reason: '\(reason)' \(message)\n"
  }

  /// The one Kubernetes event the analyzer extracts from `text`, or nil.
  private static func event(_ text: String) -> KubernetesEvent? {
    var seen: [KubernetesEvent] = []
    _ = Fixtures.analyze(Array(text.utf8)) { event, _ in
      if case .kubernetesEvent(let kubernetes) = event { seen.append(kubernetes) }
    }
    return seen.count == 1 ? seen[0] : nil
  }

  private static let accessDenied =
    "AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: "
    + "autoscaling:SetDesiredCapacity"

  @Test func scaledUpGroupGivesTheGroupAndItsSizes() throws {
    let event = try #require(
      Self.event(Self.line("ScaledUpGroup", "Scale-up: setting group ng-a size to 5 instead of 3 (max: 10)")))
    #expect(event.reason == "ScaledUpGroup")
    #expect(event.meaning == .groupResized(group: "ng-a", size: 5, from: 3, max: 10))
    let bare = try #require(Self.event(Self.line("ScaledUpGroup", "Scale-up: group ng-a size set to 4")))
    #expect(bare.meaning == .groupResized(group: "ng-a", size: 4, from: nil, max: nil))
  }

  @Test func triggeredScaleUpGivesThePodAndThePlan() throws {
    let event = try #require(
      Self.event(
        Self.line(
          "TriggeredScaleUp", "pod triggered scale-up: [{ng-a 2->3 (max: 6)} {ng-b 1->2 (max: 4)}]", kind: "Pod",
          namespace: "shop", name: "web-1")))
    #expect(
      event.meaning
        == .scaleUpTriggered(
          pod: "shop/web-1",
          resizes: [
            PlannedResize(group: "ng-a", from: 2, to: 3, max: 6), PlannedResize(group: "ng-b", from: 1, to: 2, max: 4),
          ]))
  }

  @Test func unregisteredNodeRemovalGivesTheNodeAndItsError() throws {
    let removed = try #require(Self.event(Self.line("DeleteUnregistered", "Removed unregistered node i-0feed")))
    #expect(removed.meaning == .unregisteredNodeRemoved(node: "i-0feed"))
    let failed = try #require(
      Self.event(
        Self.line("DeleteUnregisteredFailed", "Failed to remove node i-0feed: \(Self.accessDenied)", type: "Warning")))
    guard case .unregisteredNodeRemovalFailed(let node, let failure) = failed.meaning else {
      Issue.record("\(failed.meaning)")
      return
    }
    #expect(node == "i-0feed")
    #expect(failure.reading.failureClass == .iam && failure.reading.code == "AccessDenied")
    #expect(failure.reading.operation == .unregisteredRemoval && failure.reading.node == "i-0feed")
  }

  @Test(arguments: ["FailedToScaleUpGroup", "ScaleUpFailed"])
  func aFailedScaleUpGivesTheGroupAndTheClassifiedError(reason: String) throws {
    let event = try #require(
      Self.event(Self.line(reason, "Scale-up failed for group ng-blue: \(Self.accessDenied)", type: "Warning")))
    guard case .scaleUpFailed(let group, let failure) = event.meaning else {
      Issue.record("\(event.meaning)")
      return
    }
    #expect(group == "ng-blue")
    #expect(failure.reading.failureClass == .iam)
    #expect(failure.reading.code == "AccessDenied")
    #expect(failure.reading.action == "autoscaling:SetDesiredCapacity")
    #expect(failure.reading.principal == "arn:aws:sts::1:assumed-role/ca/1")
    #expect(failure.reading.operation == .scaleUp && failure.reading.nodeGroup == "ng-blue")
    #expect(event.carriesFailure)
  }

  @Test func scaleUpTimedOutGivesTheGroup() throws {
    let event = try #require(
      Self.event(
        Self.line("ScaleUpTimedOut", "Nodes added to group ng-a failed to register within 15m0s", type: "Warning")))
    #expect(event.meaning == .scaleUpTimedOut(group: "ng-a"))
  }

  @Test func scaleDownEventsGiveWhatTheyShowOfTheNode() throws {
    let cases: [(String, KubernetesEventMeaning)] = [
      (
        Self.line("ScaleDownEmpty", "Scale-down: removing empty node \"ip-10-0-1-5\""),
        .scaleDown(.nodeRemoving(node: "ip-10-0-1-5", empty: true))
      ),
      (
        Self.line(
          "ScaleDown",
          "Scale-down: removing node ip-10-0-1-6, utilization: {0.1 0.1 0 cpu 0.1}, pods to reschedule: web-1"),
        .scaleDown(.nodeRemoving(node: "ip-10-0-1-6", empty: false))
      ),
      (
        Self.line("ScaleDownEmpty", "Scale-down: empty node \"ip-10-0-1-5\" removed"),
        .scaleDown(.nodeRemoved(node: "ip-10-0-1-5", empty: true))
      ),
      (
        Self.line("ScaleDown", "Scale-down: node ip-10-0-1-6 removed with drain"),
        .scaleDown(.nodeRemoved(node: "ip-10-0-1-6", empty: false))
      ),
      (
        Self.line("ScaleDown", "node removed by cluster autoscaler", kind: "Node", namespace: "", name: "ip-10-0-1-7"),
        .scaleDown(.nodeRemovedByAutoscaler(node: "ip-10-0-1-7"))
      ),
      (
        Self.line(
          "ScaleDown", "marked the node as toBeDeleted/unschedulable", kind: "Node", namespace: "", name: "ip-10-0-1-7"),
        .scaleDown(.nodeNoted(node: "ip-10-0-1-7"))
      ),
      (
        Self.line("ScaleDown", "deleting pod for node scale down", kind: "Pod", namespace: "shop", name: "web-1"),
        .scaleDown(.podEvicted(pod: "shop/web-1", name: "web-1"))
      ),
      (Self.line("ScaleDown", "something else", kind: "Pod", namespace: "shop", name: "web-1"), .unread),
    ]
    for (line, meaning) in cases {
      #expect(Self.event(line)?.meaning == meaning, "\(line)")
    }
  }

  @Test func aFailedNodeScaleDownGivesTheNodeAndTheClassifiedError() throws {
    let event = try #require(
      Self.event(
        Self.line(
          "ScaleDownFailed", "failed to delete nodes from group eks-ng-a: \(Self.accessDenied)", kind: "Node",
          namespace: "", name: "ip-10-0-1-5", type: "Warning")))
    guard case .scaleDown(.nodeFailed(let node, let failure)) = event.meaning else {
      Issue.record("\(event.meaning)")
      return
    }
    #expect(node == "ip-10-0-1-5")
    #expect(failure.reading.failureClass == .iam && failure.reading.operation == .scaleDown)
    #expect(failure.reading.node == "ip-10-0-1-5" && failure.reading.nodeGroup == "eks-ng-a")
  }

  @Test func notTriggerScaleUpGivesThePodAndItsReasons() throws {
    let event = try #require(
      Self.event(
        Self.line(
          "NotTriggerScaleUp",
          "pod didn't trigger scale-up: 3 max node group size reached, 1 node(s) didn't match Pod's node affinity/selector",
          kind: "Pod", namespace: "default", name: "web-1")))
    #expect(
      event.meaning
        == .scaleUpNotTriggered(
          pod: "default/web-1",
          reasons: [
            NotTriggerScaleUpText.Reason(text: "max node group size reached", nodeGroups: 3),
            NotTriggerScaleUpText.Reason(text: "node(s) didn't match Pod's node affinity/selector", nodeGroups: 1),
          ]))
  }

  @Test func aFailedRevertGivesTheGroupAndTheClassifiedError() throws {
    let event = try #require(
      Self.event(
        Self.line(
          "FailedToRevertScaleUp",
          "Failed to decrease target size for group eks-ng-a after scale-up timeout: AccessDenied",
          type: "Warning")))
    guard case .revertFailed(let group, let failure) = event.meaning else {
      Issue.record("\(event.meaning)")
      return
    }
    #expect(group == "eks-ng-a")
    #expect(failure.reading.failureClass == .iam && failure.reading.code == "AccessDenied")
    #expect(failure.reading.operation == .scaleUp && failure.reading.nodeGroup == "eks-ng-a")
  }

  @Test func gracefulDegradationGivesItsStartAndStop() throws {
    let started = Self.event(
      Self.line("GracefulDegradationStarted", "Autoscaler is unable to handle the large amount of unschedulable pods."))
    let stopped = Self.event(
      Self.line("GracefulDegradationStopped", "Autoscaler exited from GracefulDegradationMode and works normally."))
    #expect(started?.meaning == .gracefulDegradation(started: true))
    #expect(stopped?.meaning == .gracefulDegradation(started: false))
  }

  @Test func anUnknownReasonOrAnUnreadableMessageIsKeptUnread() throws {
    let unknown = try #require(Self.event(Self.line("ScaleUpDisabled", "scale-up is disabled for group ng-a")))
    #expect(unknown.reason == "ScaleUpDisabled" && unknown.meaning == .unread)
    #expect(!unknown.carriesFailure)
    #expect(Self.event(Self.line("ScaledUpGroup", "Scale-up: setting sizes"))?.meaning == .unread)
    #expect(Self.event(Self.line("FailedToRevertScaleUp", "revert failed"))?.meaning == .unread)
    #expect(Self.event(Self.line("FailedToRevertScaleUp", "revert failed"))?.carriesFailure == true)
  }
}
