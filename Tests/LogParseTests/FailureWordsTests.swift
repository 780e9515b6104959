import Testing

@testable import LogParse

/// A failure's operation, node group and node read from the words around its error, where no entry states them.
struct FailureWordsTests {
  @Test(arguments: [
    ("Error while looking up node groups: Throttling: Rate exceeded", FailureOperation.refresh),
    ("failed describing instances of asg-a: RequestError: send request failed", .refresh),
    ("Error while regenerating Mig cache: googleapi: Error 403: denied", .refresh),
    ("failed to set size of group g-1 to 5: AccessDenied: denied", .scaleUp),
    ("Error increasing node pool size: (rate_limit_exceeded)", .scaleUp),
    ("could not delete instance i-0abc: UnauthorizedOperation: no", .scaleDown),
    ("Terminating node ip-10-0-0-1 failed: i/o timeout", .scaleDown),
    ("failed to drain node ip-10-0-0-1: pods is forbidden", .scaleDown),
    ("Failed to create Hetzner Manager: (unauthorized)", .startup),
    ("Failed to create cloud provider: ExpiredToken: expired", .startup),
    // The words nearest the start name what CAS was doing, not the call inside the error.
    ("failed to delete nodes from group eks-a: DescribeAutoScalingGroups: AccessDenied", .scaleDown),
    ("Failed to create AWS Manager: cannot autodiscover ASGs: DescribeAutoScalingGroups: AccessDenied", .startup),
  ])
  func operationComesFromTheWords(_ message: String, _ operation: FailureOperation) {
    #expect(FailureWords.operation(in: message) == operation)
  }

  @Test(arguments: [
    "nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\"",
    "operation error STS: GetCallerIdentity, https response error StatusCode: 0, no such host",
  ])
  func noWordsNoOperation(_ message: String) {
    #expect(FailureWords.operation(in: message) == nil)
  }

  @Test(arguments: [
    (
      "AccessDenied on resource: arn:aws:autoscaling:eu-west-1:1:autoScalingGroup:6f:autoScalingGroupName/eks-big-7d2",
      "eks-big-7d2"
    ),
    ("Setting asg eks-ng-gpu size failed: Throttling", "eks-ng-gpu"),
    ("could not resize node group ng_workers_2: 403", "ng_workers_2"),
    (
      "error: https://www.googleapis.com/compute/v1/projects/p/zones/us-east1-b/instanceGroups/gke-c-pool-1-ab12 failed",
      "https://www.googleapis.com/compute/v1/projects/p/zones/us-east1-b/instanceGroups/gke-c-pool-1-ab12"
    ),
    (
      "scope '/subscriptions/1/virtualMachineScaleSets/delete/x/virtualMachineScaleSets/aks-sys-1-vmss'",
      "aks-sys-1-vmss"
    ),
    ("Failed to update capacity of vmss aks-user-2-vmss: 409", "aks-user-2-vmss"),
    ("CreateOrUpdate for scale set \"k8s-pool-9-vmss\" failed: 409", "k8s-pool-9-vmss"),
    ("failed to get information for VMSS: flex-mp-0, error: could not find it", "flex-mp-0"),
  ])
  func nodeGroupComesFromTheNames(_ message: String, _ group: String) {
    #expect(FailureWords.nodeGroup(in: message) == group)
  }

  @Test(arguments: [
    "failed to fix node group sizes: unknown",
    "Failed to regenerate ASG cache: AccessDenied",
    "node pool resize went wrong: 422",
  ])
  func commonWordsAreNoGroup(_ message: String) {
    #expect(FailureWords.nodeGroup(in: message) == nil)
  }

  @Test(arguments: [
    ("failed to drain node ip-10-1-2-3.eu-west-1.compute.internal: timeout", "ip-10-1-2-3.eu-west-1.compute.internal"),
    ("nodes \"worker-7\" is forbidden: User \"u\" cannot patch", "worker-7"),
    ("instance aks-user-31415-vmss00000b could not be deleted: 409", "aks-user-31415-vmss00000b"),
    ("no instance for aws:///us-east-1a/i-0123456789abcdef0: AccessDenied", "aws:///us-east-1a/i-0123456789abcdef0"),
    ("delete of gce://p/us-east1-b/gke-a-1 failed: googleapi: Error 403", "gce://p/us-east1-b/gke-a-1"),
    ("Problem with empty node deletion: failed to delete pool-a-6b9f-x2k: Unable to update object", "pool-a-6b9f-x2k"),
  ])
  func nodeComesFromTheNames(_ message: String, _ node: String) {
    #expect(FailureWords.node(in: message) == node)
  }

  @Test(arguments: [
    "Failed to update the capacity for vmss aks-np-1-vmss: 409",
    "slip-10-1 is not a node",
    "failed to delete nodes from group eks-a: AccessDenied",
    "failed to delete i-0abc123: AccessDenied",
  ])
  func scaleSetsAndLookalikesAreNoNode(_ message: String) {
    #expect(FailureWords.node(in: message) == nil)
  }

  /// A failure found by its shape gets its operation and names, and so fails the open scale-down of its node.
  @Test func shapeFailureFailsTheScaleDownOfItsNode() {
    let log = """
      I0401 09:00:00.000000       1 actuator.go:176] Scale-down: removing empty node "ip-10-9-8-7.ec2.internal"
      E0401 09:00:01.000000       1 auto_scaling_groups.go:350] Terminating ip-10-9-8-7.ec2.internal went wrong: AccessDenied: User: arn:aws:sts::1:assumed-role/cas/x is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup
      \tstatus code: 403, request id: 4

      """
    let report = Fixtures.analyze(log)
    let failure = report.failures.first
    #expect(failure?.operation == .scaleDown && failure?.node == "ip-10-9-8-7.ec2.internal")
    #expect(report.scaleDowns.map(\.outcome) == [.failed])
    #expect(report.scaleDowns.first?.error?.code == "AccessDenied")
  }
}
