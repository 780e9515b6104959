import Testing

@testable import LogParse

/// Failures and backoffs that name a node group or a node are episodes of their own when no line
/// starts one (an excerpt may miss the resize line), and the same episode as the lines that do.
struct EpisodeInferenceTests {
  private static let outOfResource =
    "Failed adding 2 nodes (2 unseen previously) to group ng-blue due to OutOfResource.placeholder-cannot-be-fulfilled;"
    + " errorMessages=[]string{\"no capacity\"}"
  private static let accessDenied =
    "Failed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized"
    + " to perform: autoscaling:SetDesiredCapacity on resource: ng-blue"

  private static func failure(_ message: String, group: String?, node: String? = nil, _ operation: FailureOperation)
    -> Event
  {
    .failure(FailureDetail(operation: operation, nodeGroup: group, node: node, fatal: false, message: message))
  }

  @Test func aResizeAFailureAndItsBackoffAreOneFailedScaleUpInEveryOrder() throws {
    let events: [Event] = [
      .cloudResize(group: "ng-blue", size: 4),
      Self.failure(Self.outOfResource, group: "ng-blue", .scaleUp),
      Reducer.backoffStarted(
        group: "ng-blue", until: nil, errorClass: "OutOfResource", errorCode: "placeholder-cannot-be-fulfilled"),
    ]
    for order in Reducer.permutations(events) {
      let builder = Reducer.apply(order)
      let ups = builder.scaleUps.elements
      try #require(ups.count == 1, "\(order)")
      #expect(ups[0].outcome == .failed, "\(order)")
      #expect(ups[0].error?.failureClass == .capacity, "\(order)")
      #expect(ups[0].error?.code == "placeholder-cannot-be-fulfilled", "\(order)")
      #expect(ups[0].to == 4, "\(order)")
      #expect(ups[0].inferredFrom == nil, "the resize line shows it: \(order)")
    }
  }

  @Test func aFailureAndABackoffWithoutAResizeInferOneFailedScaleUpInEveryOrder() throws {
    let events: [Event] = [
      Self.failure(Self.accessDenied, group: "ng-blue", .scaleUp),
      Reducer.backoffStarted(group: "ng-blue", until: nil, errorClass: "Other", errorCode: "cloudProviderError"),
    ]
    for order in Reducer.permutations(events) {
      let ups = Reducer.apply(order).scaleUps.elements
      try #require(ups.count == 1, "\(order)")
      #expect(ups[0].nodeGroup == "ng-blue")
      #expect(ups[0].outcome == .failed)
      #expect(ups[0].inferredFrom == .failure, "\(order)")
      #expect(ups[0].error?.failureClass == .iam, "the failure names the cause: \(order)")
      #expect(ups[0].error?.action == "autoscaling:SetDesiredCapacity", "\(order)")
    }
  }

  @Test func aBackoffAloneInfersAFailedScaleUpWhoseCauseStaysUnknown() throws {
    let builder = Reducer.apply([
      Reducer.backoffStarted(group: "ng-blue", until: nil, errorClass: "Other", errorCode: "cloudProviderError")
    ])
    let ups = builder.scaleUps.elements
    try #require(ups.count == 1)
    #expect(ups[0].inferredFrom == .backoff)
    #expect(ups[0].outcome == .failed)
    #expect(ups[0].error?.failureClass == .cloudProvider)
    #expect(ups[0].error?.code == "cloudProviderError")
    #expect(ups[0].error?.action == nil && ups[0].error?.principal == nil)
  }

  @Test func aBackoffWithoutAFailureCodeInfersAFailedScaleUpOfUnknownCause() throws {
    // Pre-1.x backoff lines carry no errorClass or errorCode; CAS still starts one only on a failed scale-up.
    let builder = Reducer.apply([Reducer.backoffStarted(group: "ng-blue", until: nil, errorClass: "", errorCode: "")])
    let ups = builder.scaleUps.elements
    try #require(ups.count == 1)
    #expect(ups[0].inferredFrom == .backoff && ups[0].outcome == .failed)
    #expect(ups[0].error?.failureClass == .other && ups[0].error?.code == nil)
    #expect(builder.backoffs.elements.count == 1)
  }

  @Test func aBackoffStatusWithItsErrorInfersOneScaleUpHoweverOftenItRepeats() throws {
    let status: Event = Reducer.groupInBackoff(
      group: "ng-blue", errorCode: "cloudProviderError", errorMessage: Self.accessDenied)
    let builder = Reducer.apply([status, status, status], stepSeconds: 10)
    let ups = builder.scaleUps.elements
    try #require(ups.count == 1)
    #expect(ups[0].inferredFrom == .backoff)
    #expect(ups[0].error?.failureClass == .iam)
  }

  @Test func aResizeLineAndALaterBackoffWithoutCauseStayACloudProviderFailure() throws {
    // The shape of a short excerpt: the request (as its event) and a backoff; no error line.
    let report = Fixtures.analyze(
      """
      I0506 09:00:01.100000       1 event.go:281] Event(v1.ObjectReference{Kind:"ConfigMap", Namespace:"kube-system", \
      Name:"cluster-autoscaler-status", UID:"u", APIVersion:"v1", ResourceVersion:"1", FieldPath:""}): type: 'Normal' \
      reason: 'ScaledUpGroup' Scale-up: setting group ng-green size to 7
      W0506 09:00:01.300000       1 clusterstate.go:281] Disabling scale-up for node group ng-green until \
      2021-05-06 09:10:01.0 +0000 UTC m=+60.0; errorClass=Other; errorCode=cloudProviderError

      """)
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].outcome == .failed)
    #expect(report.scaleUps[0].inferredFrom == nil)
    #expect(report.scaleUps[0].error?.failureClass == .cloudProvider)
    #expect(report.scaleUps[0].error?.code == "cloudProviderError")
  }

  @Test func failedAddingNodesWithoutAResizeLineIsAnInferredFailedScaleUp() throws {
    let report = Fixtures.analyze(
      "I0313 12:40:00.000000       1 clusterstate.go:1094] \(Self.outOfResource)\n")
    try #require(report.scaleUps.count == 1)
    #expect(report.scaleUps[0].nodeGroup == "ng-blue")
    #expect(report.scaleUps[0].outcome == .failed)
    #expect(report.scaleUps[0].inferredFrom == .failure)
    #expect(report.scaleUps[0].error?.failureClass == .capacity)
    let json = JSONReportRenderer.render(report)
    #expect(json.contains("\"inferredFrom\": \"failure\""))
  }

  @Test func aFailureNamingANodeIsAFailedScaleDownInEveryOrder() throws {
    let deleteFailed = Self.failure(
      "Failed to delete ip-10-1-2-3.internal: AccessDenied: not authorized", group: nil, node: "ip-10-1-2-3.internal",
      .scaleDown)
    let alone = Reducer.apply([deleteFailed]).scaleDowns.elements
    try #require(alone.count == 1)
    #expect(alone[0].inferredFrom == .failure)
    #expect(alone[0].outcome == .failed)
    #expect(alone[0].error?.failureClass == .iam)
    for order in Reducer.permutations([.scaleDownEmpty(node: "ip-10-1-2-3.internal"), deleteFailed]) {
      let downs = Reducer.apply(order).scaleDowns.elements
      try #require(downs.count == 1, "\(order)")
      #expect(downs[0].outcome == .failed, "\(order)")
      #expect(downs[0].inferredFrom == nil, "\(order)")
      #expect(downs[0].error?.failureClass == .iam, "\(order)")
    }
  }

  @Test func aFailureOfAnotherOperationInfersNoEpisode() {
    let builder = Reducer.apply([
      Self.failure("Failed to regenerate ASG cache: Throttling: Rate exceeded", group: "ng-blue", .refresh),
      Self.failure("failed to fix: x", group: "ng-blue", .fixNodeGroupSizes),
    ])
    #expect(builder.scaleUps.elements.isEmpty)
    #expect(builder.scaleDowns.elements.isEmpty)
    #expect(builder.failures.elements.count == 2)
  }
}
