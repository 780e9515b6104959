import LogParse
import Testing

/// Every failure shape the issue names, as CAS writes it, classified with what the log states.
///
/// The lines follow the reference shapes: AWS SDK v1 errors over several physical lines, SDK v2
/// single-line chains, errors inside Kubernetes events, GCE instance error codes, Azure scale-set
/// errors, Kubernetes API refusals, and fatal start-up failures.
struct FailureShapeTests {
  /// What one failure must say; nil fields must be absent from the report.
  struct Expected: Sendable, CustomStringConvertible {
    var name: String
    var log: String
    var failureClass: FailureClass
    var code: String?
    var action: String?
    var principal: String?
    var nodeGroup: String?
    var node: String?
    var operation: FailureOperation?
    var fatal = false
    var lines: [Int]

    var description: String { name }
  }

  static let header = "E0313 12:34:34.512345       1 "

  static let cases: [Expected] = [
    Expected(
      name: "SDK v1 AccessDenied on SetDesiredCapacity, with its status line",
      log: header
        + "static_autoscaler.go:533] Failed to scale up: failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:6f1c:autoScalingGroupName/eks-ng-a-12ab because no identity-based policy allows the autoscaling:SetDesiredCapacity action\n\tstatus code: 403, request id: 9c7e1a2b-0000",
      failureClass: .iam, code: "AccessDenied", action: "autoscaling:SetDesiredCapacity",
      principal: "arn:aws:sts::123456789012:assumed-role/ca-role/1700000000", nodeGroup: "eks-ng-a-12ab",
      operation: .scaleUp, lines: [1, 2]),
    Expected(
      name: "SDK v1 WebIdentityErr caused by AccessDenied on AssumeRoleWithWebIdentity",
      log: header
        + "aws_manager.go:265] Failed to regenerate ASG cache: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials\ncaused by: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403, request id: 3b1f",
      failureClass: .credentials, code: "WebIdentityErr", action: "sts:AssumeRoleWithWebIdentity",
      operation: .refresh, lines: [1, 2, 3]),
    Expected(
      name: "fatal: Failed to create AWS Manager",
      log:
        "F0313 12:00:05.000020       1 aws_cloud_provider.go:389] Failed to create AWS Manager: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials",
      failureClass: .credentials, code: "WebIdentityErr", operation: .startup, fatal: true, lines: [1]),
    Expected(
      name: "SDK v1 NoCredentialProviders",
      log: header
        + "aws_manager.go:262] Failed to regenerate ASG cache: NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors",
      failureClass: .credentials, code: "NoCredentialProviders", operation: .refresh, lines: [1, 2]),
    Expected(
      name: "SDK v1 ExpiredToken",
      log: header
        + "aws_manager.go:262] Failed to regenerate ASG cache: ExpiredToken: The security token included in the request is expired\n\tstatus code: 403, request id: 77aa",
      failureClass: .credentials, code: "ExpiredToken", operation: .refresh, lines: [1, 2]),
    Expected(
      name: "template node: UnauthorizedOperation",
      log: header
        + "mixed_nodeinfos_processor.go:160] Unable to build proper template node for eks-ng-a-12ab: UnauthorizedOperation: You are not authorized to perform this operation.\n\tstatus code: 403, request id: 12ab",
      failureClass: .iam, code: "UnauthorizedOperation", nodeGroup: "eks-ng-a-12ab", operation: .template,
      lines: [1, 2]),
    Expected(
      name: "SDK v1 ValidationError above max",
      log: header
        + "static_autoscaler.go:533] Failed to scale up: failed to increase node group size: ValidationError: New SetDesiredCapacity value 11 is above max value 10 for the AutoScalingGroup.\n\tstatus code: 400, request id: 55cc",
      failureClass: .validation, code: "ValidationError", operation: .scaleUp, lines: [1, 2]),
    Expected(
      name: "SDK v1 Throttling",
      log: header
        + "aws_manager.go:262] Failed to regenerate ASG cache: Throttling: Rate exceeded\n\tstatus code: 400, request id: 66dd",
      failureClass: .throttling, code: "Throttling", operation: .refresh, lines: [1, 2]),
    Expected(
      name: "SDK v2 AccessDenied chain on one line",
      log: header
        + "static_autoscaler.go:646] Failed to scale up: failed to increase node group size: operation error Auto Scaling: SetDesiredCapacity, https response error StatusCode: 403, RequestID: 0f1e, api error AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/i-0abc is not authorized to perform: autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:6f1c:autoScalingGroupName/eks-ng-b because no identity-based policy allows the autoscaling:SetDesiredCapacity action",
      failureClass: .iam, code: "AccessDenied", action: "autoscaling:SetDesiredCapacity",
      principal: "arn:aws:sts::123456789012:assumed-role/ca-role/i-0abc", nodeGroup: "eks-ng-b", operation: .scaleUp,
      lines: [1]),
    Expected(
      name: "SDK v2 web identity refused by STS",
      log: header
        + "aws_manager.go:133] Failed to regenerate ASG cache: operation error Auto Scaling: DescribeAutoScalingGroups, get identity: get credentials: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 9a9a, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity",
      failureClass: .credentials, code: "AccessDenied", action: "sts:AssumeRoleWithWebIdentity", operation: .refresh,
      lines: [1]),
    Expected(
      name: "SDK v2 Throttling after retries",
      log: header
        + "aws_manager.go:133] Failed to regenerate ASG cache: operation error Auto Scaling: DescribeAutoScalingGroups, exceeded maximum number of attempts, 3, https response error StatusCode: 400, RequestID: 8b8b, api error Throttling: Rate exceeded",
      failureClass: .throttling, code: "Throttling", operation: .refresh, lines: [1]),
    Expected(
      name: "event FailedToScaleUpGroup with AccessDenied",
      log:
        "I0313 12:34:34.722940       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"u\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Warning' reason: 'FailedToScaleUpGroup' Scale-up failed for group eks-ng-a-12ab: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:6f1c:autoScalingGroupName/eks-ng-a-12ab\n\tstatus code: 403, request id: 9c7e",
      failureClass: .iam, code: "AccessDenied", action: "autoscaling:SetDesiredCapacity",
      principal: "arn:aws:sts::123456789012:assumed-role/ca-role/1700000000", nodeGroup: "eks-ng-a-12ab",
      operation: .scaleUp, lines: [1, 2]),
    Expected(
      name: "event ScaleUpFailed: instances out of resources",
      log:
        "I0313 12:40:00.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"u\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Warning' reason: 'ScaleUpFailed' Failed adding 3 nodes to group mig-a due to OutOfResource.RESOURCE_POOL_EXHAUSTED; source errors: Instance 'gke-a-1' creation failed: The zone does not have enough resources available to fulfill the request.",
      failureClass: .capacity, code: "RESOURCE_POOL_EXHAUSTED", nodeGroup: "mig-a", operation: .scaleUp, lines: [1]),
    Expected(
      name: "event ScaleDownFailed on a node",
      log:
        "I0313 13:00:00.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"Node\", Namespace:\"\", Name:\"ip-10-0-1-5.ec2.internal\", UID:\"u\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Warning' reason: 'ScaleDownFailed' failed to delete empty node: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup on resource: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:6f1c:autoScalingGroupName/eks-ng-a-12ab",
      failureClass: .iam, code: "AccessDenied", action: "autoscaling:TerminateInstanceInAutoScalingGroup",
      principal: "arn:aws:sts::123456789012:assumed-role/ca-role/1700000000", nodeGroup: "eks-ng-a-12ab",
      node: "ip-10-0-1-5.ec2.internal", operation: .scaleDown, lines: [1]),
    Expected(
      name: "GCE instances never came: RESOURCE_POOL_EXHAUSTED",
      log:
        "W0313 12:40:00.000000       1 clusterstate.go:1084] Failed adding 3 nodes (3 unseen previously) to group https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/instanceGroups/gke-pool-a-grp due to OutOfResource.RESOURCE_POOL_EXHAUSTED; errorMessages=[]string{\"Instance 'gke-pool-a-1' creation failed: The zone 'projects/p/zones/us-central1-a' does not have enough resources available to fulfill the request.\"}",
      failureClass: .capacity, code: "RESOURCE_POOL_EXHAUSTED",
      nodeGroup: "https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/instanceGroups/gke-pool-a-grp",
      operation: .scaleUp, lines: [1]),
    Expected(
      name: "GCE instances never came: QUOTA_EXCEEDED",
      log:
        "W0313 12:40:00.000000       1 clusterstate.go:1084] Failed adding 2 nodes (2 unseen previously) to group mig-b due to OutOfResource.QUOTA_EXCEEDED; errorMessages=[]string{\"Quota 'CPUS' exceeded.\"}",
      failureClass: .quota, code: "QUOTA_EXCEEDED", nodeGroup: "mig-b", operation: .scaleUp, lines: [1]),
    Expected(
      name: "GCE instances never came: IP_SPACE_EXHAUSTED",
      log:
        "W0313 12:40:00.000000       1 clusterstate.go:1084] Failed adding 2 nodes (2 unseen previously) to group mig-c due to Other.IP_SPACE_EXHAUSTED; errorMessages=[]string{\"IP space of 'subnet' is exhausted.\"}",
      failureClass: .cloudProvider, code: "IP_SPACE_EXHAUSTED", nodeGroup: "mig-c", operation: .scaleUp, lines: [1]),
    Expected(
      name: "Azure scale set capacity refused",
      log: header
        + "azure_scale_set.go:243] Failed to update the capacity for vmss aks-np-1-vmss with error Code=\"OperationNotAllowed\" Message=\"Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota.\", invalidate the cache so as to get the real size from API",
      failureClass: .quota, code: "OperationNotAllowed", nodeGroup: "aks-np-1-vmss", operation: .scaleUp, lines: [1]),
    Expected(
      name: "Kubernetes API: RBAC forbidden",
      log: header
        + "static_autoscaler.go:911] Failed to list all nodes: nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\" in API group \"\" at the cluster scope",
      failureClass: .kubernetesApi, code: "forbidden",
      principal: "system:serviceaccount:kube-system:cluster-autoscaler", lines: [1]),
    Expected(
      name: "Failed to fix node group sizes",
      log: header
        + "static_autoscaler.go:346] Failed to fix node group sizes: failed to decrease worker-1: attempt to delete existing nodes targetSize:5 delta:-1 existingNodes: 5",
      failureClass: .other, nodeGroup: "worker-1", operation: .fixNodeGroupSizes, lines: [1]),
  ]

  @Test(arguments: cases)
  func shapeIsClassified(_ expected: Expected) throws {
    let report = Fixtures.analyze(expected.log + "\n")
    try #require(report.failures.count == 1, "one failure, got \(report.failures.count)")
    let failure = report.failures[0]
    #expect(failure.failureClass == expected.failureClass)
    #expect(failure.code == expected.code)
    #expect(failure.action == expected.action)
    #expect(failure.principal == expected.principal)
    #expect(failure.nodeGroup == expected.nodeGroup)
    #expect(failure.node == expected.node)
    #expect(failure.operation == expected.operation)
    #expect(failure.fatal == expected.fatal)
    #expect(failure.evidence.lines == expected.lines)
    #expect(report.accounting.malformed == 0)
  }

  /// The same error every 10 s for an hour is one finding with its count and first and last time.
  @Test func repeatsFoldIntoOneFinding() {
    let shape = FailureShapeTests.cases[0].log.split(separator: "\n", omittingEmptySubsequences: false)
    var log = ""
    for loop in 0..<360 {
      let minute = loop / 6
      let second = (loop % 6) * 10
      let time = "\(12 + minute / 60):\(pad(minute % 60)):\(pad(second))"
      log += "E0313 \(time).512345       1 " + shape[0].split(separator: "] ", maxSplits: 1)[0].dropFirst(30) + "] "
      log += shape[0].split(separator: "] ", maxSplits: 1)[1] + "\n" + shape[1] + "\n"
    }
    let report = Fixtures.analyze(log)
    #expect(report.failures.count == 1)
    #expect(report.failures.first?.count == 360)
    #expect(report.failures.first?.firstAt?.description.hasPrefix("03-13 12:00:00") == true)
    #expect(report.failures.first?.lastAt?.description.hasPrefix("03-13 12:59:50") == true)
  }

  private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
