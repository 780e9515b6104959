import LogParse
import Testing

@testable import LogParse

/// Failures found by the shape of their error, in records no catalogue entry classifies, at any severity.
///
/// Every line is written for this test from the error formats of the SDKs and of Kubernetes; none
/// has a catalogue entry, so each failure exists only because its shape was found.
struct FailureByShapeTests {
  /// What the one failure of a line must say.
  struct Expected: Sendable, CustomStringConvertible {
    var name: String
    var log: String
    var failureClass: FailureClass
    var code: String?
    var operation: FailureOperation?
    var nodeGroup: String?
    var node: String?
    var action: String?
    var principal: String?

    var description: String { name }
  }

  static let cases: [Expected] = [
    Expected(
      name: "AWS SDK v1 AccessDenied at INFO, two lines",
      log:
        "I0401 08:00:00.000000       1 aws_manager.go:300] Error while describing ASG instances: AccessDenied: User: arn:aws:sts::111122223333:assumed-role/cas/abc is not authorized to perform: autoscaling:DescribeAutoScalingInstances\n\tstatus code: 403, request id: 5d1e",
      failureClass: .iam, code: "AccessDenied", operation: .refresh,
      action: "autoscaling:DescribeAutoScalingInstances", principal: "arn:aws:sts::111122223333:assumed-role/cas/abc"),
    Expected(
      name: "AWS SDK v2 DNS failure, StatusCode 0",
      log:
        "W0401 08:00:00.000000       1 aws_util.go:120] Unable to load instance types: operation error EC2: DescribeInstanceTypes, https response error StatusCode: 0, RequestID: , request send failed, Post \"https://ec2.eu-west-3.amazonaws.com/\": dial tcp: lookup ec2.eu-west-3.amazonaws.com on 10.100.0.10:53: no such host",
      failureClass: .network, code: "no such host", operation: .refresh),
    Expected(
      name: "AWS SDK v1 credentials refresh that could not reach STS",
      log:
        "E0401 08:00:00.000000       1 aws_manager.go:262] Failed to regenerate ASG cache: WebIdentityErr: failed to retrieve credentials\ncaused by: RequestError: send request failed\ncaused by: Post \"https://sts.ap-south-1.amazonaws.com/\": dial tcp 52.95.1.1:443: i/o timeout",
      failureClass: .network, code: "i/o timeout", operation: .refresh),
    Expected(
      name: "API server timeout at ERROR",
      log:
        "E0401 08:00:00.000000       1 static_autoscaler.go:300] Unable to read pod list: Get \"https://10.96.0.1:443/api/v1/pods\": dial tcp 10.96.0.1:443: i/o timeout",
      failureClass: .network, code: "i/o timeout"),
    Expected(
      name: "GCE googleapi 403 while regenerating MIGs",
      log:
        "E0401 08:00:00.000000       1 gce_manager.go:220] Error while regenerating Mig cache: googleapi: Error 403: Required 'compute.instanceGroupManagers.list' permission for 'projects/shop-prod', forbidden",
      failureClass: .iam, code: "403", operation: .refresh),
    Expected(
      name: "GCE operation error with its JSON, naming the MIG URL",
      log:
        "W0401 08:00:00.000000       1 gce_manager.go:300] Failed to increase size of https://www.googleapis.com/compute/v1/projects/shop-prod/zones/europe-west1-b/instanceGroups/gke-shop-pool-2-9f3a: error while waiting for operation operation-1712/resize: {\"errors\":[{\"code\":\"ZONE_RESOURCE_POOL_EXHAUSTED\",\"message\":\"The zone does not have enough resources\"}]}",
      failureClass: .capacity, code: "ZONE_RESOURCE_POOL_EXHAUSTED", operation: .scaleUp,
      nodeGroup:
        "https://www.googleapis.com/compute/v1/projects/shop-prod/zones/europe-west1-b/instanceGroups/gke-shop-pool-2-9f3a"
    ),
    Expected(
      name: "GCE rate limit",
      log:
        "I0401 08:00:00.000000       1 mig_info_provider.go:493] Error listing migs from zone europe-west1-b; err=googleapi: Error 403: Rate Limit Exceeded, rateLimitExceeded",
      failureClass: .throttling, code: "rateLimitExceeded", operation: .refresh),
    Expected(
      name: "Azure autorest AuthorizationFailed on delete, naming the scale set",
      log:
        "E0401 08:00:00.000000       1 azure_scale_set.go:520] Failed to remove instances: compute.VirtualMachineScaleSetsClient#DeleteInstances: Failure sending request: StatusCode=403 -- Original Error: Code=\"AuthorizationFailed\" Message=\"The client '0000' with object id '0000' does not have authorization to perform action 'Microsoft.Compute/virtualMachineScaleSets/delete/action' over scope '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-user-31415-vmss'\"",
      failureClass: .iam, code: "AuthorizationFailed", operation: .scaleDown, nodeGroup: "aks-user-31415-vmss",
      action: "Microsoft.Compute/virtualMachineScaleSets/delete/action"),
    Expected(
      name: "Azure SDK track 2 SkuNotAvailable over several lines",
      log:
        "W0401 08:00:00.000000       1 azure_scale_set.go:300] Scale set update rejected: PUT https://management.azure.com/subscriptions/1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-gpu-27182-vmss\n--------------------------------------------------------------------------------\nRESPONSE 409: 409 Conflict\nERROR CODE: SkuNotAvailable\n--------------------------------------------------------------------------------",
      failureClass: .capacity, code: "SkuNotAvailable", nodeGroup: "aks-gpu-27182-vmss"),
    Expected(
      name: "Azure code no list names, classed by its status",
      log:
        "I0401 08:00:00.000000       1 azure_cache.go:200] Refresh of scale sets went wrong: Retriable: false, RetryAfter: 0s, HTTPStatusCode: 409, RawError: {\"error\":{\"code\":\"PropertyChangeNotAllowed\",\"message\":\"Changing property is not allowed.\"}}",
      failureClass: .cloudProvider, code: "PropertyChangeNotAllowed", operation: .refresh),
    Expected(
      name: "Azure throttled by status 429",
      log:
        "W0401 08:00:00.000000       1 azure_client.go:100] List of scale sets failed: Retriable: true, RetryAfter: 12s, HTTPStatusCode: 429, RawError: busy",
      failureClass: .throttling, code: "429"),
    Expected(
      name: "Alibaba SDK server error over several lines",
      log:
        "E0401 08:00:00.000000       1 alicloud_auto_scaling_group.go:120] failed to set desired capacity of asg-bp1: SDK.ServerError\nErrorCode: Throttling.User\nRecommend: https://error-center.aliyun.com\nRequestId: 6E1A\nMessage: Request was denied due to user flow control.",
      failureClass: .throttling, code: "Throttling", operation: .scaleUp),
    Expected(
      name: "OpenStack Magnum resize refused",
      log:
        "E0401 08:00:00.000000       1 magnum_manager_impl.go:300] Could not resize node group ng-workers: Expected HTTP response code [202] when accessing [POST https://magnum.example:9511/v1/clusters/c1/actions/resize], but got 403 instead",
      failureClass: .iam, code: "403", operation: .scaleUp, nodeGroup: "ng-workers"),
    Expected(
      name: "Hetzner server type unavailable",
      log:
        "E0401 08:00:00.000000       1 hetzner_node_group.go:120] failed to create server pool1-4f2a: server type cpx41 is unavailable in location fsn1 (resource_unavailable)",
      failureClass: .capacity, code: "resource_unavailable", operation: .scaleUp),
    Expected(
      name: "DigitalOcean validation error",
      log:
        "W0401 08:00:00.000000       1 digitalocean_node_group.go:90] node pool resize went wrong: PUT https://api.digitalocean.com/v2/kubernetes/clusters/c1/node_pools/p1: 422 (request \"8f2c\") invalid count",
      failureClass: .validation, code: "422", operation: .scaleUp),
    Expected(
      name: "Linode token refused",
      log:
        "E0401 08:00:00.000000       1 linode_manager.go:80] pools could not be read: [401] Invalid Token",
      failureClass: .credentials, code: "401"),
    Expected(
      name: "OCI not authorized",
      log:
        "E0401 08:00:00.000000       1 oci_manager.go:300] instance pool refresh went wrong: Error returned by ComputeManagement Service. Http Status Code: 404. Error Code: NotAuthorizedOrNotFound. Opc request id: 77",
      failureClass: .iam, code: "NotAuthorizedOrNotFound", operation: .refresh),
    Expected(
      name: "Cluster API object not found",
      log:
        "E0401 08:00:00.000000       1 clusterapi_controller.go:600] Unable to find scalable resource: machinedeployments.cluster.x-k8s.io \"md-0\" not found",
      failureClass: .kubernetesApi, code: "notFound"),
    Expected(
      name: "Kubernetes RBAC refusal inside a structured client-go record",
      log:
        "E0401 08:00:00.000000       1 reflector.go:166] \"Unhandled Error\" err=\"pkg/mod/k8s.io/client-go/tools/cache/reflector.go:251: Failed to watch *v1.ResourceSlice: failed to list *v1.ResourceSlice: resourceslices.resource.k8s.io is forbidden: User \\\"system:serviceaccount:kube-system:cluster-autoscaler\\\" cannot list resource \\\"resourceslices\\\" in API group \\\"resource.k8s.io\\\" at the cluster scope\" logger=\"UnhandledError\"",
      failureClass: .kubernetesApi, code: "forbidden",
      principal: "system:serviceaccount:kube-system:cluster-autoscaler"),
    Expected(
      name: "Kubernetes lease refused at INFO",
      log:
        "I0401 08:00:00.000000       1 leaderelection.go:330] error retrieving resource lock kube-system/cluster-autoscaler: leases.coordination.k8s.io \"cluster-autoscaler\" is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot get resource \"leases\" in API group \"coordination.k8s.io\" in the namespace \"kube-system\"",
      failureClass: .kubernetesApi, code: "forbidden", principal: "system:serviceaccount:kube-system:cluster-autoscaler"
    ),
    Expected(
      name: "an error record no entry knows, without a known shape",
      log:
        "E0401 08:00:00.000000       1 azure_scale_set.go:155] failed to get information for VMSS: flex-mp-0, error: could not find vmss: flex-mp-0",
      failureClass: .other, nodeGroup: "flex-mp-0"),
    Expected(
      name: "Azure token refresh that timed out is a credentials failure",
      log:
        "E0401 08:00:00.000000       1 azure_scale_set.go:569] Failed to get current size for vmss \"k8s-pool1-1234-vmss\": azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://management.azure.com/x: StatusCode=0 -- Original Error: adal: Failed to execute the refresh request. Error = 'Post https://login.microsoftonline.com/t/oauth2/token: dial tcp: i/o timeout'",
      failureClass: .credentials, code: "i/o timeout", operation: .refresh, nodeGroup: "k8s-pool1-1234-vmss"),
    Expected(
      name: "AWS throttling inside an unknown warning",
      log:
        "W0401 08:00:00.000000       1 auto_scaling_groups.go:400] Scaling activities of eks-ng-1 not read: Throttling: Rate exceeded\n\tstatus code: 400, request id: 9a",
      failureClass: .throttling, code: "Throttling"),
  ]

  @Test(arguments: cases)
  func failureIsFoundByItsShape(_ expected: Expected) throws {
    // Without the shape mechanism these records are unrecognised: no failure at all.
    let report = Fixtures.analyze(expected.log + "\n")
    try #require(report.failures.count == 1, "one failure, got \(report.failures.count)")
    let failure = report.failures[0]
    #expect(failure.failureClass == expected.failureClass)
    #expect(failure.code == expected.code)
    #expect(failure.operation == expected.operation)
    #expect(failure.nodeGroup == expected.nodeGroup)
    #expect(failure.node == expected.node)
    #expect(failure.action == expected.action)
    #expect(failure.principal == expected.principal)
    #expect(!failure.fatal)
    #expect(report.unrecognized == 0)
  }

  /// Healthy messages that hold words of an error shape are not failures.
  @Test(arguments: [
    "I0401 08:00:00.000000       1 request.go:697] Waited for 1.18s due to client-side throttling, not priority and fairness, request: GET:https://10.96.0.1:443/api/v1/nodes",
    "I0401 08:00:00.000000       1 static_autoscaler.go:600] Scale down status: lastScaleUpTime=2024-04-01 07:00:00 +0000 UTC m=+1.0 lastScaleDownDeleteTime=2024-04-01 07:00:00 +0000 UTC m=+1.0 lastScaleDownFailTime=2024-04-01 07:00:00 +0000 UTC m=+1.0 scaleDownForbidden=false scaleDownInCooldown=false",
    "I0401 08:00:00.000000       1 klogx.go:87] Pod shop/cart-7d9f is unschedulable",
    "I0401 08:00:00.000000       1 flags.go:57] FLAG: --max-node-provision-time=\"15m0s\"",
    "I0401 08:00:00.000000       1 aws_manager.go:137] Refreshed ASG list, next refresh after 2024-04-01 08:01:00 +0000 UTC",
    "I0401 08:00:00.000000       1 main.go:600] Rate of loops: 6 per minute; code path: fast",
  ])
  func healthyLineIsNoFailure(_ line: String) {
    #expect(Fixtures.analyze(line + "\n").failures.isEmpty)
  }

  /// A removal blocked for a reason read from free text keeps its failure-shape search, even when
  /// that reason is the utilization; the utilization line itself, names and numbers, is not searched.
  @Test func onlyTheUtilizationLineIsClosed() {
    let free =
      "I0313 12:00:00.000000       1 cluster.go:164] node ip-10-0-1-5 cannot be removed: utilization too big: context deadline exceeded"
    #expect(Fixtures.analyze(free + "\n").failures.count == 1)
    for name in ["[500]", "x-StatusCode=503", "Code=\"Throttling\""] {
      let line =
        "I0313 12:00:00.000000       1 eligibility.go:162] Node \(name) unremovable: cpu requested (91.2% of allocatable) is above the scale-down utilization threshold"
      let report = Fixtures.analyze(line + "\n")
      #expect(report.failures.isEmpty, "\(name)")
      #expect(report.blockedScaleDowns.count == 1, "\(name)")
    }
  }

  /// A record a catalogue entry already made a failure (or a backoff) of gives no second one.
  @Test func classifiedRecordGivesOneFailure() {
    let log = """
      E0401 08:00:00.000000       1 static_autoscaler.go:533] Failed to scale up: failed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/cas/x is not authorized to perform: autoscaling:SetDesiredCapacity
      \tstatus code: 403, request id: 1
      W0401 08:00:01.000000       1 orchestrator.go:599] Node group eks-ng-1 is not ready for scaleup - backoff with status: {true {Other cloudProviderError failed to increase node group size: AccessDenied: User: arn:aws:sts::1:assumed-role/cas/x is not authorized to perform: autoscaling:SetDesiredCapacity}}
      W0401 08:00:02.000000       1 clusterstate.go:404] Disabling scale-up for node group mig-1 until 2024-04-01 08:05:02 +0000 UTC m=+300.0; errorClass=OutOfResource; errorCode=QUOTA_EXCEEDED

      """
    let report = Fixtures.analyze(log)
    // The scale-up failure and the backoff's repeat of it, each once; the QUOTA_EXCEEDED backoff is a
    // backoff, and the failed scale-up of mig-1 it proves (no resize line shows one) carries its code.
    #expect(report.failures.map(\.code) == ["AccessDenied", "AccessDenied", "QUOTA_EXCEEDED"])
    #expect(report.failures.map(\.count) == [1, 1, 1])
    #expect(report.backoffs.map(\.nodeGroup) == ["eks-ng-1", "mig-1"])
  }

  /// An error inside a record whose event carries no failure adds one: both the event and the failure count.
  @Test func errorInsideLoopStepIsAFailureToo() {
    let log =
      "I0401 08:00:00.000000       1 leaderelection.go:297] \"Failed to renew lease\" lock=\"kube-system/cluster-autoscaler\" err=\"Put \\\"https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/cluster-autoscaler\\\": dial tcp 10.96.0.1:443: connect: connection refused\"\n"
    let report = Fixtures.analyze(log)
    #expect(report.failures.map(\.failureClass) == [.network])
    #expect(report.failures.first?.code == "connection refused")
    #expect(report.recognized == 1)
  }

  /// The prefilter finds each literal wherever it sits, and nothing else.
  @Test func prefilterFindsLiteralsAnywhere() {
    let filter = LiteralPrefilter(groups: [["ab"], ["xyz", "hello"], ["zz"]])
    func groups(_ text: String) -> UInt64 {
      var text = text
      return text.withUTF8 { filter.groups(in: $0) }
    }
    #expect(groups("ab") == 0b001)
    #expect(groups("say hello") == 0b010)
    #expect(groups("..xyz..ab") == 0b011)
    #expect(groups("zzz") == 0b100)
    #expect(groups("xy z a b hell") == 0)
    #expect(groups("") == 0)
    #expect(groups("a") == 0)
  }
}
