import LogGen
import Testing

@testable import LogParse

/// Failure classes, codes, actions and identities from the error shapes CAS logs.
struct FailureClassifierTests {
  /// The first code found in one pass is the first of the list that the message holds, as a
  /// search per code in the list's order finds it: on messages of random codes and words.
  @Test func theFirstCodeIsTheFirstOfTheListTheMessageHolds() {
    var random = SplitMix64(seed: 73)
    let words = FailureClassifier.codes.map(\.code) + ["error", "Access", "Denied", " ", "rate", "(", "x"]
    for _ in 0..<3_000 {
      let message = (0..<Int(random.next() % 6)).map { _ in words[Int(random.next() % UInt64(words.count))] }
        .joined(separator: random.next() % 2 == 0 ? " " : "")
      let bytes = Array(message.utf8)
      let expected = FailureClassifier.codes.firstIndex { ByteSearch.contains(message, $0.code) }
      #expect(bytes.withUnsafeBufferPointer { FailureClassifier.firstCode(in: $0) } == expected, "\(message)")
    }
  }

  @Test(arguments: [
    (
      "failed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to "
        + "perform: autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:us-east-1:1:autoScalingGroup:u:"
        + "autoScalingGroupName/eks-ng-a\n\tstatus code: 403, request id: 9c7e",
      FailureClass.iam, "AccessDenied", "autoscaling:SetDesiredCapacity"
    ),
    (
      "cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials\ncaused by: AccessDenied: Not "
        + "authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403",
      .credentials, "WebIdentityErr", "sts:AssumeRoleWithWebIdentity"
    ),
    (
      "operation error Auto Scaling: DescribeAutoScalingGroups, get identity: get credentials: failed to refresh "
        + "cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https "
        + "response error StatusCode: 403, RequestID: x, api error AccessDenied: Not authorized to perform "
        + "sts:AssumeRoleWithWebIdentity",
      .credentials, "WebIdentityErr", "sts:AssumeRoleWithWebIdentity"
    ),
    (
      "NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see x",
      .credentials, "NoCredentialProviders", ""
    ),
    (
      "operation error Auto Scaling: DescribeAutoScalingGroups, exceeded maximum number of attempts, 3, https "
        + "response error StatusCode: 400, RequestID: x, api error Throttling: Rate exceeded",
      .throttling, "Throttling", ""
    ),
    (
      "failed to increase node group size: ValidationError: New SetDesiredCapacity value 11 is above max value 10",
      .validation, "ValidationError", ""
    ),
    ("UnauthorizedOperation: You are not authorized to perform this operation.", .iam, "UnauthorizedOperation", ""),
    ("due to OutOfResource.RESOURCE_POOL_EXHAUSTED; errorMessages=[]", .capacity, "RESOURCE_POOL_EXHAUSTED", ""),
    ("QUOTA_EXCEEDED: Quota 'CPUS' exceeded", .quota, "QUOTA_EXCEEDED", ""),
    ("nodes is forbidden: User \"system:serviceaccount:kube-system:ca\" cannot list", .kubernetesApi, "forbidden", ""),
  ])
  func classifies(message: String, failureClass: FailureClass, code: String, action: String) {
    let result = FailureClassifier.classify(message)
    #expect(result.failureClass == failureClass)
    if failureClass != .credentials || !message.contains("api error") { #expect(result.code == code) }
    #expect((result.action ?? "") == action)
  }

  @Test func extractsPrincipalAndGroup() {
    let result = FailureClassifier.classify(
      "AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: "
        + "autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:r:1:autoScalingGroup:u:autoScalingGroupName/ng-a"
    )
    #expect(result.principal == "arn:aws:sts::123456789012:assumed-role/ca-role/1700000000")
    #expect(result.nodeGroup == "ng-a")
  }

  @Test func repeatsFoldIntoOneFinding() {
    var text = ""
    for second in 10..<40 {
      text +=
        "E0313 12:00:\(second).000000       1 aws_manager.go:133] Failed to regenerate ASG cache: "
        + "Throttling: Rate exceeded\n\tstatus code: 400, request id: \(second)\n"
    }
    let report = Fixtures.analyze(text)
    #expect(report.failures.count == 1)
    #expect(report.failures.first?.count == 30)
    #expect(report.failures.first?.failureClass == .throttling)
  }
}

/// Cloud errors that GCE and Azure log in their own words.
struct CloudFailureLineTests {
  @Test(arguments: [
    (
      "W0313 12:40:00.000000       1 autoscaling_gce_client.go:391] Spotted following instance creation error codes: "
        + "map[string]int{\"ZONE_RESOURCE_POOL_EXHAUSTED\":3}", FailureClass.capacity, "ZONE_RESOURCE_POOL_EXHAUSTED",
      ""
    ),
    (
      "E0313 12:40:00.000000       1 azure_scale_set.go:309] Failed to increase capacity for scale set \"pool-vmss\" "
        + "to 5: Code=\"OperationNotAllowed\" Message=\"exceeding approved standardDSv3Family Cores quota\"",
      .quota, "OperationNotAllowed", ""
    ),
    (
      "E0313 12:40:00.000000       1 azure_scale_set.go:287] virtualMachineScaleSetsClient.BeginCreateOrUpdate for "
        + "scale set \"pool-vmss\" failed: AuthorizationFailed: The client does not have authorization to perform "
        + "action 'Microsoft.Compute/virtualMachineScaleSets/write'", .iam, "AuthorizationFailed",
      "Microsoft.Compute/virtualMachineScaleSets/write"
    ),
  ])
  func classified(line: String, failureClass: FailureClass, code: String, action: String) throws {
    let report = Fixtures.analyze(line + "\n")
    try #require(report.failures.count == 1)
    #expect(report.failures[0].failureClass == failureClass)
    #expect(report.failures[0].code == code)
    #expect((report.failures[0].action ?? "") == action)
  }
}
