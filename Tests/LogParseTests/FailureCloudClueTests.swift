import Testing

@testable import LogParse

/// A failure classified at extraction with an AWS principal or action is the strongest cloud clue
/// (``CloudProviderClue``): the report names AWS whatever other clue the log holds.
struct FailureCloudClueTests {
  static let denied =
    "failed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/cas/x is not authorized "
    + "to perform: autoscaling:SetDesiredCapacity"

  @Test func anAWSPrincipalOrActionNamesAWS() {
    let byPrincipal = FailureDetail(
      operation: .scaleUp, message: "AccessDenied: User: arn:aws:iam::1:user/cas is denied")
    let byAction = FailureDetail(
      operation: .scaleUp, message: "UnauthorizedOperation: Role cas is not authorized to perform: ec2:RunInstances")
    let neither = FailureDetail(
      operation: .scaleUp, message: "googleapi: Error 403: Required 'compute.instanceGroups.update' permission")
    #expect(byPrincipal.reading.principal?.hasPrefix("arn:aws") == true)
    #expect(byAction.reading.action?.hasPrefix("ec2:") == true)
    #expect(CloudProviderClue.provider(shownBy: byPrincipal.reading) == "aws")
    #expect(CloudProviderClue.provider(shownBy: byAction.reading) == "aws")
    #expect(CloudProviderClue.provider(shownBy: neither.reading) == nil)
    var clue = CloudProviderClue()
    clue.note(.failure(neither))
    #expect(clue.provider == nil && clue.strength == 0)
  }

  /// Stronger than an event only another provider's code logs, in either order and across a merge.
  @Test func outweighsEveryOtherClue() {
    let failure = Event.failure(FailureDetail(operation: .scaleUp, message: Self.denied))
    let azure = Event.cloudResizeDone(seconds: nil)
    var failureFirst = CloudProviderClue()
    failureFirst.note(failure)
    failureFirst.note(azure)
    var azureFirst = CloudProviderClue()
    azureFirst.note(azure)
    #expect(azureFirst.provider == "azure" && azureFirst.strength == 4)
    var merged = azureFirst
    azureFirst.note(failure)
    #expect(failureFirst.provider == "aws" && failureFirst.strength == 5)
    #expect(azureFirst == failureFirst)
    merged.absorb(failureFirst)
    #expect(merged == failureFirst)
  }

  /// Every event that carries a failure gives its clue: a backoff repeating its error too.
  @Test func eachFailureCarryingEventGivesItsClue() {
    let detail = FailureDetail(operation: .scaleUp, message: Self.denied)
    for event in [
      Event.failure(detail), .groupInBackoff(group: "eks-ng-1", errorCode: "cloudProviderError", failure: detail),
      .scaleUpRevertFailed(group: "eks-ng-1", failure: detail),
    ] {
      #expect(CloudProviderClue.failure(carriedBy: event) == detail, "\(event)")
    }
    #expect(CloudProviderClue.failure(carriedBy: .cloudResizeDone(seconds: nil)) == nil)
  }

  /// In a log: an Azure source file (a strong clue) gives way to a backoff whose error names an AWS role.
  @Test func aLogsAWSFailureNamesAWS() {
    let backoff =
      "W0401 08:00:01.000000       1 orchestrator.go:599] Node group eks-ng-1 is not ready for scaleup - backoff "
      + "with status: {true {Other cloudProviderError \(Self.denied)}}\n"
    let azureFile = "I0401 08:00:00.000000       1 azure_manager.go:300] something else\n"
    #expect(Fixtures.analyze(azureFile).autoscaler.cloudProvider == "azure")
    #expect(Fixtures.analyze(azureFile + backoff).autoscaler.cloudProvider == "aws")
    #expect(Fixtures.analyze(backoff + azureFile).autoscaler.cloudProvider == "aws")
  }

  /// A failure found by its shape beside the event of its record gives its clue too.
  @Test func aShapedFailureBesideAnEventGivesItsClue() {
    let log =
      "I0401 08:00:00.000000       1 leaderelection.go:297] \"Failed to renew lease\" lock=\"kube-system/cluster-autoscaler\" "
      + "err=\"AccessDenied: User: arn:aws:sts::1:assumed-role/cas/x is not authorized to perform: sts:AssumeRole\"\n"
    // An Azure source file first: stronger than the message's own mention of an ARN.
    let report = Fixtures.analyze("I0401 07:59:59.000000       1 azure_manager.go:300] something else\n" + log)
    #expect(report.recognized == 1 && report.failures.count == 1)
    #expect(report.failures.first?.principal?.hasPrefix("arn:aws") == true)
    #expect(report.autoscaler.cloudProvider == "aws")
  }
}
