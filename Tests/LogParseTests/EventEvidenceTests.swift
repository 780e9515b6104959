import Testing

@testable import LogParse

/// Kubernetes events are evidence in their own right, before or after the lines they echo, and an
/// event and its line make one episode.
struct EventEvidenceTests {
  private static let triggered = Reducer.kubernetesEvent(
    "TriggeredScaleUp", "pod triggered scale-up: [{ng-blue 2->3 (max: 10)}]", kind: "Pod", namespace: "shop",
    name: "cart-5f7c")
  private static let settingEvent = Reducer.kubernetesEvent(
    "ScaledUpGroup", "Scale-up: setting group ng-blue size to 3 instead of 2 (max: 10)")

  @Test func aTriggeredScaleUpEventAloneIsTheScaleUpWithItsPlanAndPod() throws {
    let ups = Reducer.apply([Self.triggered]).scaleUps.elements
    try #require(ups.count == 1)
    #expect(ups[0].nodeGroup == "ng-blue")
    #expect(ups[0].from == 2 && ups[0].to == 3 && ups[0].max == 10)
    #expect(ups[0].triggeringPods == ["shop/cart-5f7c"])
    #expect(ups[0].outcome == .pending)
  }

  @Test func thePlanTheResizeAndTheirEventsAreOneScaleUpInEveryOrder() throws {
    let events: [Event] = [
      .scaleUpPlan([PlannedResize(group: "ng-blue", from: 2, to: 3, max: 10)]),
      .scaleUpRequested(group: "ng-blue", size: 3),
      Self.triggered,
      Self.settingEvent,
    ]
    for order in Reducer.permutations(events) {
      let ups = Reducer.apply(order).scaleUps.elements
      try #require(ups.count == 1, "\(order)")
      #expect(ups[0].from == 2 && ups[0].to == 3 && ups[0].max == 10, "\(order)")
      #expect(ups[0].triggeringPods == ["shop/cart-5f7c"], "\(order)")
      #expect(ups[0].requestedAt != nil, "\(order)")
    }
  }

  @Test func theResizeLineAndItsEventFillFromAndMaxInEveryOrder() throws {
    for order in Reducer.permutations([.scaleUpRequested(group: "ng-blue", size: 3), Self.settingEvent]) {
      let ups = Reducer.apply(order).scaleUps.elements
      try #require(ups.count == 1, "\(order)")
      #expect(ups[0].from == 2 && ups[0].max == 10, "\(order)")
    }
  }

  @Test func aFailedScaleUpEventItsErrorLineAndTheResizeAreOneFailedScaleUpInEveryOrder() throws {
    let error =
      "AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:SetDesiredCapacity"
    let events: [Event] = [
      .scaleUpRequested(group: "ng-blue", size: 3),
      Reducer.kubernetesEvent("FailedToScaleUpGroup", "Scale-up failed for group ng-blue: \(error)", type: "Warning"),
      .failure(
        FailureDetail(
          operation: .scaleUp, nodeGroup: "ng-blue", fatal: false,
          message: "Failed to scale up: failed to increase node group size: \(error)")),
    ]
    for order in Reducer.permutations(events) {
      let ups = Reducer.apply(order).scaleUps.elements
      try #require(ups.count == 1, "\(order)")
      #expect(ups[0].outcome == .failed, "\(order)")
      #expect(ups[0].error?.failureClass == .iam, "\(order)")
      #expect(ups[0].to == 3, "\(order)")
      #expect(ups[0].inferredFrom == nil, "\(order)")
    }
  }

  @Test func anEmptyNodeRemovalAndItsEventsAreOneScaleDownInEveryOrder() throws {
    let events: [Event] = [
      .scaleDownEmpty(node: "ip-10-9-8-7"),
      Reducer.kubernetesEvent("ScaleDownEmpty", "Scale-down: removing empty node \"ip-10-9-8-7\""),
      Reducer.kubernetesEvent("ScaleDownEmpty", "Scale-down: empty node \"ip-10-9-8-7\" removed"),
    ]
    for order in Reducer.permutations(events) {
      let downs = Reducer.apply(order).scaleDowns.elements
      try #require(downs.count == 1, "\(order)")
      #expect(downs[0].kind == .empty, "\(order)")
      #expect(downs[0].outcome == .succeeded, "\(order)")
    }
  }

  @Test func aDrainTheNodeEventAndTheRemovedEventAreOneScaleDownInEveryOrder() throws {
    let events: [Event] = [
      .scaleDownDrain(node: "ip-10-9-8-7", utilization: 0.2, pods: ["shop/cart-5f7c"]),
      Reducer.kubernetesEvent(
        "ScaleDown",
        "Scale-down: removing node ip-10-9-8-7, utilization: {0.2 0.1 0 cpu 0.2}, pods to reschedule: "
          + "cart-5f7c"),
      Reducer.kubernetesEvent(
        "ScaleDown", "node removed by cluster autoscaler", kind: "Node", namespace: "", name: "ip-10-9-8-7"),
    ]
    for order in Reducer.permutations(events) {
      let downs = Reducer.apply(order).scaleDowns.elements
      try #require(downs.count == 1, "\(order)")
      #expect(downs[0].outcome == .succeeded, "\(order)")
    }
  }

  @Test func aFailedRemovalItsEventAndItsErrorLineAreOneFailedScaleDownInEveryOrder() throws {
    let events: [Event] = [
      .scaleDownDrain(node: "ip-10-9-8-7", utilization: nil, pods: []),
      Reducer.kubernetesEvent(
        "ScaleDownFailed", "failed to drain and delete node: AccessDenied", kind: "Node", namespace: "",
        name: "ip-10-9-8-7", type: "Warning"),
      .failure(
        FailureDetail(
          operation: .scaleDown, nodeGroup: nil, node: "ip-10-9-8-7", fatal: false,
          message: "Failed to delete ip-10-9-8-7: AccessDenied")),
    ]
    for order in Reducer.permutations(events) {
      let downs = Reducer.apply(order).scaleDowns.elements
      try #require(downs.count == 1, "\(order)")
      #expect(downs[0].outcome == .failed, "\(order)")
      #expect(downs[0].error?.failureClass == .iam, "\(order)")
    }
  }

  @Test func anUnregisteredRemovalAndItsEventAreOneScaleDownInEveryOrder() throws {
    let events: [Event] = [
      .unregisteredNodeRemoval(node: "i-0feed"),
      Reducer.kubernetesEvent("DeleteUnregistered", "Removed unregistered node i-0feed"),
    ]
    for order in Reducer.permutations(events) {
      let downs = Reducer.apply(order).scaleDowns.elements
      try #require(downs.count == 1, "\(order)")
      #expect(downs[0].kind == .unregistered, "\(order)")
      #expect(downs[0].outcome == .succeeded, "\(order)")
    }
  }

  @Test func aTriggeredScaleUpEventInALogIsAScaleUp() throws {
    let report = Fixtures.analyze(
      """
      I0313 08:15:02.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:"Pod", \
      Namespace:"shop", Name:"cart-5f7c", UID:"u", APIVersion:"v1", ResourceVersion:"1", FieldPath:""}): \
      type: 'Normal' reason: 'TriggeredScaleUp' pod triggered scale-up: [{ng-blue 2->3 (max: 10)}]

      """)
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].from == 2 && report.scaleUps[0].to == 3 && report.scaleUps[0].max == 10)
    #expect(report.scaleUps[0].triggeringPods == ["shop/cart-5f7c"])
  }

  @Test func eventsOfTwoScaleUpsFarApartStayTwo() throws {
    var builder = EpisodeBuilder()
    _ = builder.apply(Self.triggered, Reducer.context(0))
    _ = builder.apply(.scaleUpFinished(group: "ng-blue", seconds: 60), Reducer.context(1, stepSeconds: 60))
    _ = builder.apply(Self.triggered, Reducer.context(1, stepSeconds: 3600))
    #expect(builder.scaleUps.elements.count == 2)
  }

  @Test func anEventLineWithItsMiddleElidedIsStillItsEvent() throws {
    let report = Fixtures.analyze(
      """
      I0902 12:04:34.000000       1 executor.go:147] Scale-up: setting group ng-blue size to 3
      I0902 12:04:34.087353       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:"Pod", \
      Namespace:"shop", Name:"cart-5f7c" ... reason: 'TriggeredScaleUp' pod triggered scale-up: [{ng-blue 1->3 (max: 3)}]

      """)
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].from == 1 && report.scaleUps[0].max == 3)
    #expect(report.scaleUps[0].triggeringPods == ["shop/cart-5f7c"])
  }
}
