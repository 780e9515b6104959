import Testing

@testable import LogParse

/// Every failure example of the catalogue, analysed alone, gives the failure a person must see.
///
/// Class, code, denied action and what it concerns come from classifying the whole record, not
/// from the entry's captures, so the generic example test cannot see them.
struct CatalogFailureClassTests {
  /// `id#n` → class, code, action, node group, node (`-` for none).
  ///
  /// A structured example (1.38+, text and JSON) is classified from its `err` as its printf form is from its text.
  static let expected: [String: [String]] = [
    "failure.instancesNotCreated#0": ["quota", "QUOTA_EXCEEDED", "-", "mig-a", "-"],
    "failure.instancesNotCreated#1": ["capacity", "placeholder-cannot-be-fulfilled", "-", "eks-ng-a", "-"],
    "failure.instancesNotCreated#2": ["capacity", "placeholder-cannot-be-fulfilled", "-", "eks-ng-a", "-"],
    "failure.instancesNotCreated#3": ["capacity", "placeholder-cannot-be-fulfilled", "-", "eks-ng-a", "-"],
    "failure.gceInstanceErrors#0": ["capacity", "ZONE_RESOURCE_POOL_EXHAUSTED", "-", "-", "-"],
    "failure.azureIncreaseCapacity#0": ["quota", "OperationNotAllowed", "-", "aks-pool-vmss", "-"],
    "failure.azureCreateOrUpdate#0": [
      "iam", "AuthorizationFailed", "Microsoft.Compute/virtualMachineScaleSets/write", "aks-pool-vmss", "-",
    ],
    "failure.azureUpdateCapacity#0": ["quota", "OperationNotAllowed", "-", "aks-pool-vmss", "-"],
    "failure.azureDeleteInstances#0": ["quota", "OperationNotAllowed", "-", "aks-pool-vmss", "-"],
    "failure.aws.cannotProvision#0": ["capacity", "-", "-", "eks-gpu", "-"],
    "failure.aws.asgScalingFailed#0": ["capacity", "-", "-", "eks-gpu", "-"],
    "failure.aws.asgScalingFailed#1": ["capacity", "-", "-", "eks-gpu", "-"],
    "failure.aws.eksDescribeNodegroup#0": ["iam", "AccessDeniedException", "eks:DescribeNodegroup", "ng-a", "-"],
    "failure.scaleDownDelete#0": ["other", "-", "-", "-", "ip-10-0-1-6"],
    "failure.scaleDownDelete#1": [
      "iam", "AccessDenied", "autoscaling:TerminateInstanceInAutoScalingGroup", "eks-ng-a", "ip-10-0-1-5.ec2.internal",
    ],
    "failure.scaleDownDelete#2": [
      "iam", "AccessDenied", "autoscaling:TerminateInstanceInAutoScalingGroup", "eks-ng-a", "ip-10-0-1-5.ec2.internal",
    ],
    "failure.scaleDownDelete#3": [
      "iam", "AccessDenied", "autoscaling:TerminateInstanceInAutoScalingGroup", "eks-ng-a", "ip-10-0-1-5.ec2.internal",
    ],
    "failure.scaleDownDeleteEmpty#0": ["iam", "AccessDenied", "-", "eks-ng-a", "-"],
    "failure.scaleDownDeleteEmpty#1": ["throttling", "Throttling", "-", "eks-ng-a", "-"],
    "failure.scaleDownDeleteEmpty#2": ["other", "-", "-", "-", "ip-10-0-1-7"],
    "failure.scaleDownDeleteEmpty#3": ["iam", "AccessDenied", "-", "eks-ng-a", "ip-10-0-1-5"],
    "failure.scaleDownDeleteEmpty#4": ["iam", "AccessDenied", "-", "eks-ng-a", "ip-10-0-1-5"],
    "failure.scaleDownDeleteEmpty#5": ["iam", "AccessDenied", "-", "eks-ng-a", "ip-10-0-1-5"],
    "failure.evictPod#0": ["other", "-", "-", "-", "-"],
    "failure.evictPod#1": ["other", "-", "-", "-", "-"],
    "failure.evictPod#2": ["other", "-", "-", "-", "-"],
    "failure.deleteNode#0": ["iam", "AccessDenied", "-", "-", "ip-10-0-1-5.ec2.internal"],
    "failure.taint#0": ["kubernetesApi", "forbidden", "-", "-", "ip-10-0-1-5"],
    "failure.taint#1": ["kubernetesApi", "conflict", "-", "-", "ip-10-0-1-5"],
    "failure.softTaint#0": ["kubernetesApi", "forbidden", "-", "-", "ip-10-0-1-5"],

    "failure.scaleUp#0": ["iam", "AccessDenied", "autoscaling:SetDesiredCapacity", "-", "-"],
    "failure.scaleUp#1": ["iam", "AccessDenied", "autoscaling:SetDesiredCapacity", "-", "-"],
    "failure.scaleUp#2": ["iam", "AccessDenied", "autoscaling:SetDesiredCapacity", "-", "-"],
    "failure.regenerateAsgCache#0": ["credentials", "WebIdentityErr", "-", "-", "-"],
    "failure.createAwsManager#0": ["credentials", "WebIdentityErr", "-", "-", "-"],
    "failure.createProvider#0": ["other", "-", "-", "-", "-"],
    "failure.fixNodeGroupSizes#0": ["other", "-", "-", "worker-1", "-"],
    "failure.fixNodeGroupSizes#1": ["other", "-", "-", "worker-1", "-"],
    "failure.fixNodeGroupSizes#2": ["other", "-", "-", "worker-1", "-"],
    "failure.removeUnregistered#0": ["iam", "AccessDenied", "-", "eks-ng-a", "-"],
    "failure.removeUnregisteredNode#0": ["other", "-", "-", "-", "i-0abc"],
    "failure.removeUnregisteredFromGroup#0": ["iam", "AccessDenied", "-", "eks-ng-a", "-"],
    "failure.removeUnregisteredFromGroup#1": ["iam", "AccessDenied", "-", "eks-ng-a", "-"],
    "failure.removeUnregisteredFromGroup#2": ["iam", "AccessDenied", "-", "eks-ng-a", "-"],
    "failure.unregisteredMinSize#0": ["other", "-", "-", "eks-ng-a", "-"],
    "failure.unregisteredMinSize#1": ["other", "-", "-", "eks-ng-a", "-"],
    "failure.unregisteredMinSize#2": ["other", "-", "-", "eks-ng-a", "-"],
    "failure.scaleDown#0": ["other", "-", "-", "-", "-"],
    "failure.emptyNodeDeletion#0": ["iam", "AccessDenied", "-", "-", "ip-10-0-1-5"],
    "failure.targetSizes#0": ["throttling", "Throttling", "-", "-", "-"],
    "failure.nodeRegistry#0": ["throttling", "RequestLimitExceeded", "-", "-", "-"],
    "failure.cloudProviderConfig#0": ["iam", "AccessDenied", "-", "-", "-"],
    "failure.nodeList#0": ["kubernetesApi", "forbidden", "-", "-", "-"],
    "failure.listPods#0": ["kubernetesApi", "forbidden", "-", "-", "-"],
    "failure.listAllNodes#0": ["kubernetesApi", "forbidden", "-", "-", "-"],
    "failure.listReadyNodes#0": ["kubernetesApi", "forbidden", "-", "-", "-"],
    "failure.aws.instanceAvailability#0": [
      "iam", "AccessDenied", "autoscaling:DescribeScalingActivities", "-", "-",
    ],
    "failure.template#0": ["iam", "UnauthorizedOperation", "-", "eks-ng-a", "-"],
    "failure.quotaCheck#0": ["iam", "UnauthorizedOperation", "-", "eks-ng-a", "-"],
    "failure.quotaCheck#1": ["kubernetesApi", "forbidden", "-", "eks-ng-a", "-"],
    "failure.minSizeQuota#0": ["throttling", "Throttling", "-", "-", "-"],
    "failure.minSizeQuota#1": ["kubernetesApi", "forbidden", "-", "-", "-"],
    "failure.balancedGroupQuota#0": ["kubernetesApi", "forbidden", "-", "eks-b", "-"],
    "failure.balancedGroupQuota#1": ["iam", "UnauthorizedOperation", "-", "eks-b", "-"],
    "failure.backoffNotRecorded#0": ["other", "-", "-", "eks-ng-a", "-"],
    "failure.backoffStatus#0": ["other", "-", "-", "eks-ng-a", "-"],
    "failure.nodeGroupForNode#0": ["throttling", "Throttling", "-", "-", "ip-10-0-1-5"],
    "failure.nodeGroupForNode#1": ["throttling", "Throttling", "-", "-", "ip-10-0-1-5"],
    "failure.templateNodeInfos#0": ["iam", "UnauthorizedOperation", "-", "-", "-"],
    "failure.templateNodeInfos#1": ["iam", "UnauthorizedOperation", "-", "-", "-"],
    "failure.scaleUpPreparation#0": ["iam", "UnauthorizedOperation", "-", "-", "-"],
    "failure.scaleUpPreparation#1": ["throttling", "Throttling", "-", "-", "-"],
    "failure.scaleUpPreparation#2": ["iam", "UnauthorizedOperation", "-", "-", "-"],
    "failure.scaleUpPreparation#3": ["kubernetesApi", "forbidden", "-", "-", "-"],
    "failure.scaleUpPreparation#4": ["kubernetesApi", "forbidden", "-", "-", "-"],
    "failure.template#1": ["iam", "UnauthorizedOperation", "-", "eks-ng-a", "-"],
    "failure.template#2": ["iam", "UnauthorizedOperation", "-", "eks-ng-a", "-"],
  ]

  /// Every example whose event is a failure, as `id#n`.
  static let failureExamples: [String] = Catalog.entries.flatMap { entry in
    entry.examples.indices.filter {
      if case .failure = entry.examples[$0].event { true } else { false }
    }.map { "\(entry.id)#\($0)" }
  }

  @Test func everyFailureExampleHasItsClassificationStated() {
    #expect(Set(CatalogFailureClassTests.failureExamples) == Set(CatalogFailureClassTests.expected.keys))
  }

  @Test(arguments: failureExamples)
  func failureExampleIsClassified(key: String) throws {
    let parts = key.split(separator: "#")
    let entry = try #require(Catalog.entries.first { $0.id == parts[0] })
    let example = entry.examples[try #require(Int(parts[1]))]
    let want = try #require(CatalogFailureClassTests.expected[key])
    let report = Fixtures.analyze(example.line + "\n")
    try #require(report.failures.count == 1, "\(key): \(report.failures.count) failures")
    let failure = report.failures[0]
    let got = [
      failure.failureClass.rawValue, failure.code ?? "-", failure.action ?? "-", failure.nodeGroup ?? "-",
      failure.node ?? "-",
    ]
    #expect(got == want, "\(key)")
    #expect(failure.fatal == (example.line.first == "F"))
  }
}
