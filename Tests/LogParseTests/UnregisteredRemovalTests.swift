import Testing

@testable import LogParse

/// Removals of unregistered nodes that fail are failed `unregistered` scale-downs with their failure.
struct UnregisteredRemovalTests {
  @Test func aNodeTheMinSizeKeepsIsAFailedUnregisteredRemoval() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:50:00.000000       1 utils.go:467] Removing unregistered node i-0cafe
      W0313 12:50:00.100000       1 static_autoscaler.go:327] Failed to remove node i-0cafe: node group min size \
      reached, skipping unregistered node removal

      """)
    try #require(report.scaleDowns.count == 1)
    #expect(report.scaleDowns[0].kind == .unregistered)
    #expect(report.scaleDowns[0].outcome == .failed)
    #expect(report.scaleDowns[0].error?.operation == .unregisteredRemoval)
    #expect(report.scaleDowns[0].error?.message.contains("min size reached") == true)
  }

  @Test func aGroupsRemovalErrorFailsItsMarkedNodes() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:50:00.000000       1 static_autoscaler.go:860] Marking unregistered node i-0cafe for removal
      I0313 12:50:00.000100       1 static_autoscaler.go:860] Marking unregistered node i-0beef for removal
      I0313 12:50:00.100000       1 static_autoscaler.go:870] Removing 2 unregistered nodes for node group ng-blue
      W0313 12:50:00.300000       1 static_autoscaler.go:880] Failed to remove 2 unregistered nodes from node group \
      ng-blue: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: \
      autoscaling:TerminateInstanceInAutoScalingGroup

      """)
    try #require(report.scaleDowns.count == 2)
    for down in report.scaleDowns {
      #expect(down.kind == .unregistered)
      #expect(down.outcome == .failed)
      #expect(down.error?.failureClass == .iam)
    }
  }

  @Test func aMinSizeSkipOfTheGroupFailsItsMarkedNodes() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:50:00.000000       1 static_autoscaler.go:860] Marking unregistered node i-0cafe for removal
      W0313 12:50:00.300000       1 static_autoscaler.go:876] Node group ng-blue min size reached, skipping removal \
      of 1 unregistered nodes

      """)
    try #require(report.scaleDowns.count == 1)
    #expect(report.scaleDowns[0].outcome == .failed)
    #expect(report.scaleDowns[0].error?.nodeGroup == "ng-blue")
  }

  @Test func theFailedRemovalEventAloneIsAFailedUnregisteredRemoval() throws {
    let builder = Reducer.apply([
      Reducer.kubernetesEvent(
        "DeleteUnregisteredFailed", "Failed to remove node i-0cafe: AccessDenied", type: "Warning")
    ])
    let downs = builder.scaleDowns.elements
    try #require(downs.count == 1)
    #expect(downs[0].kind == .unregistered && downs[0].outcome == .failed && downs[0].inferredFrom == .failure)
    #expect(downs[0].error?.failureClass == .iam)
  }

  @Test func theFailureLineAndItsEventAreOneFailedRemovalInEveryOrder() throws {
    let events: [Event] = [
      .unregisteredNodeRemoval(node: "i-0cafe"),
      .failure(
        FailureDetail(
          operation: .unregisteredRemoval, nodeGroup: nil, node: "i-0cafe", fatal: false,
          message: "Failed to remove node i-0cafe: AccessDenied")),
      Reducer.kubernetesEvent(
        "DeleteUnregisteredFailed", "Failed to remove node i-0cafe: AccessDenied", type: "Warning"),
    ]
    for order in Reducer.permutations(events) {
      let downs = Reducer.apply(order).scaleDowns.elements
      try #require(downs.count == 1, "\(order)")
      #expect(downs[0].kind == .unregistered, "\(order)")
      #expect(downs[0].outcome == .failed, "\(order)")
    }
  }
}
