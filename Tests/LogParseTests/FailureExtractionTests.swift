import Testing

@testable import LogParse

/// A failure line in, its classified failure out: extraction classifies every failure (class,
/// code, action, principal, operation, node group, node, fatal) where its event is made.
struct FailureExtractionTests {
  /// The events the analyzer extracts from `text`.
  private static func events(_ text: String) -> [Event] {
    var seen: [Event] = []
    _ = Fixtures.analyze(Array((text + "\n").utf8)) { event, _ in seen.append(event) }
    return seen
  }

  /// The one failure `text` gives, or nil.
  private static func failure(_ text: String) -> FailureDetail? {
    let failures = events(text).compactMap { event -> FailureDetail? in
      if case .failure(let detail) = event { return detail }
      return nil
    }
    return failures.count == 1 ? failures[0] : nil
  }

  @Test func aFailedScaleUpIsClassifiedWithItsActionPrincipalAndGroup() throws {
    let detail = try #require(
      Self.failure(
        "E0313 12:34:34.512345       1 static_autoscaler.go:533] Failed to scale up: failed to increase node group "
          + "size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: "
          + "autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:r:1:autoScalingGroup:u:"
          + "autoScalingGroupName/eks-ng-a"))
    #expect(detail.operation == .scaleUp && detail.nodeGroup == nil, "what the entry states")
    let reading = detail.reading
    #expect(reading.failureClass == .iam)
    #expect(reading.code == "AccessDenied")
    #expect(reading.action == "autoscaling:SetDesiredCapacity")
    #expect(reading.principal == "arn:aws:sts::1:assumed-role/ca/1")
    #expect(reading.operation == .scaleUp)
    #expect(reading.nodeGroup == "eks-ng-a" && reading.guessedNodeGroup == nil)
    #expect(!detail.fatal)
  }

  @Test func aFatalStartUpFailureIsClassifiedAsCredentials() throws {
    let detail = try #require(
      Self.failure(
        "F0322 10:48:59.960135       1 aws_cloud_provider.go:382] Failed to create AWS Manager: cannot autodiscover "
          + "ASGs: WebIdentityErr: failed to retrieve credentials"))
    #expect(detail.fatal)
    #expect(detail.reading.failureClass == .credentials && detail.reading.code == "WebIdentityErr")
    #expect(detail.reading.operation == .startup)
  }

  @Test func aRefreshFailureIsClassifiedAsThrottling() throws {
    let detail = try #require(
      Self.failure(
        "E0322 10:48:59.960115       1 aws_manager.go:265] Failed to regenerate ASG cache: Throttling: Rate exceeded"))
    #expect(detail.reading.failureClass == .throttling && detail.reading.code == "Throttling")
    #expect(detail.reading.operation == .refresh)
  }

  @Test func aScaleDownFailureNamesItsNodeAndIsAKubernetesApiFailure() throws {
    let detail = try #require(
      Self.failure(
        "E0313 13:01:05.000000       1 actuator.go:335] Scale-down: couldn't delete node \"ip-10-0-1-6\" with drain, "
          + "err: nodes \"ip-10-0-1-6\" is forbidden: User \"system:serviceaccount:kube-system:ca\" cannot patch "
          + "resource \"nodes\""))
    #expect(detail.node == "ip-10-0-1-6" && detail.reading.node == "ip-10-0-1-6")
    #expect(detail.reading.failureClass == .kubernetesApi && detail.reading.code == "forbidden")
    #expect(detail.reading.principal == "system:serviceaccount:kube-system:ca")
    #expect(detail.reading.operation == .scaleDown && !detail.reading.emptyNode)
  }

  @Test func aFailureFoundByItsShapeIsClassifiedToo() throws {
    let detail = try #require(
      Self.failure(
        "W0313 12:00:00.000000       1 some_loop.go:10] could not do it: RequestLimitExceeded: Request limit exceeded.")
    )
    #expect(detail.reading.failureClass == .throttling && detail.reading.code == "RequestLimitExceeded")
  }

  @Test func aBackoffCarriesTheClassOfItsCode() throws {
    let events = Self.events(
      "W0313 12:44:40.139187       1 clusterstate.go:290] Disabling scale-up for node group eks-ng-a until "
        + "2026-03-13 12:54:40.13918732 +0000 UTC m=+2030.419314682; errorClass=OutOfResource; "
        + "errorCode=placeholder-cannot-be-fulfilled")
    guard case .backoffStarted(let group, _, _, let code, let failureClass)? = events.first else {
      Issue.record("\(events)")
      return
    }
    #expect(group == "eks-ng-a" && code == "placeholder-cannot-be-fulfilled")
    #expect(failureClass == .capacity)
  }

  @Test func aBackoffStatusCarriesItsErrorClassified() throws {
    let events = Self.events(
      "W0313 12:50:01.422358       1 orchestrator.go:599] Node group eks-ng-a is not ready for scaleup - backoff "
        + "with status: {true {Other cloudProviderError failed to increase node group size: timed out}}")
    guard case .groupInBackoff(let group, let code, let failure?)? = events.first else {
      Issue.record("\(events)")
      return
    }
    #expect(group == "eks-ng-a" && code == "cloudProviderError")
    #expect(failure.reading.code == "cloudProviderError", "the status's code where the message names none")
    #expect(failure.reading.failureClass == .timeout)
    #expect(failure.reading.operation == .scaleUp && failure.reading.nodeGroup == "eks-ng-a")
  }
}
