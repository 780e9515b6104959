extension Catalog {
  /// Resource quotas (1.35+) and the cluster-wide limits they replaced: how a scale-up was cut,
  /// which groups were skipped, and the errors of checking them.
  static let quotaEntries: [CatalogEntry] = [
    CatalogEntry(
      "scaleUp.quotaLimited", literal: "Only ",
      pattern: #"^Only (\d+) nodes can be added to (\S+) due to (?:resource quotas|cluster-wide limits)"#, v: 1,
      versions: "1.2x–1.34 (`cluster-wide limits`), 1.35+ (`resource quotas`)",
      examples: [
        CatalogExample(
          "1.2x–1.34",
          "I0313 12:34:34.401000       1 orchestrator.go:205] Only 2 nodes can be added to eks-ng-a due to cluster-wide limits",
          .scaleUpCappedByQuota(group: "eks-ng-a", requested: nil, cappedTo: 2)),
        CatalogExample(
          "1.35+",
          "I0313 12:34:34.401000       1 orchestrator.go:207] Only 2 nodes can be added to eks-ng-a due to resource quotas",
          .scaleUpCappedByQuota(group: "eks-ng-a", requested: nil, cappedTo: 2)),
      ]
    ) { c in c.int(1).map { .scaleUpCappedByQuota(group: c.name(2), requested: nil, cappedTo: $0) } },
    CatalogEntry(
      "scaleUp.quotaCapped", literal: "Capping scale-up of ",
      pattern: #"^Capping scale-up of (\S+) from (\d+) to (\d+) nodes due to quota"#, v: 1, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "I0313 12:34:34.401200       1 orchestrator.go:737] Capping scale-up of eks-b from 3 to 1 nodes due to quota",
          .scaleUpCappedByQuota(group: "eks-b", requested: 3, cappedTo: 1))
      ]
    ) { c in
      guard let requested = c.int(2), let cappedTo = c.int(3) else { return nil }
      return .scaleUpCappedByQuota(group: c.name(1), requested: requested, cappedTo: cappedTo)
    },
    CatalogEntry(
      "scaleUp.quotaExceeded", literal: "Skipping node group ",
      pattern:
        #"^Skipping node group (\S+?); (?:("[^"]*"|\S+) quota exceeded, resources: (.*)|maximal limit exceeded for (.*))"#,
      v: 4, versions: "1.2x–1.34 (`maximal limit exceeded for …`), 1.35+ (`\"QUOTA\" quota exceeded, resources: …`)",
      examples: [
        CatalogExample(
          "1.2x–1.34",
          "I0313 12:34:34.400000       1 orchestrator.go:680] Skipping node group eks-ng-a; maximal limit exceeded for [cpu]",
          .groupNotReady(group: "eks-ng-a", reason: "maximal limit exceeded for [cpu]")),
        CatalogExample(
          "1.35+",
          "I0313 12:34:34.400000       1 orchestrator.go:684] Skipping node group eks-ng-a; \"cluster-cpu\" quota exceeded, resources: [cpu]",
          .groupNotReady(group: "eks-ng-a", reason: "quota \"cluster-cpu\" exceeded: [cpu]")),
      ]
    ) { c in
      let reason =
        c.string(2).map { "quota \($0) exceeded: \(c.text(3))" } ?? "maximal limit exceeded for \(c.text(4))"
      return .groupNotReady(group: c.name(1), reason: reason)
    },
    CatalogEntry(
      "scaleUp.quotaBalancingIgnored", literal: "Ignoring node group ",
      pattern: #"^Ignoring node group (\S+) when balancing: quota exceeded"#, v: 2, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "I0313 12:34:34.401100       1 orchestrator.go:683] Ignoring node group eks-c when balancing: quota exceeded",
          .groupNotReady(group: "eks-c", reason: "quota exceeded, left out of balancing"))
      ]
    ) { .groupNotReady(group: $0.name(1), reason: "quota exceeded, left out of balancing") },
    CatalogEntry(
      "failure.quotaCheck", literal: "Skipping node group ",
      pattern: #"^Skipping node group (\S+?); error (?:checking resource quotas|getting node group resources): "#, v: 0,
      versions: "1.2x–1.34 (`error getting node group resources`), 1.35+ (`error checking resource quotas`)",
      examples: [
        CatalogExample(
          "1.2x–1.34",
          "E0313 12:34:34.400000       1 orchestrator.go:670] Skipping node group eks-ng-a; error getting node group resources: UnauthorizedOperation: You are not authorized to perform this operation.",
          .failure(
            FailureDetail(
              nodeGroup: "eks-ng-a", fatal: false,
              message:
                "Skipping node group eks-ng-a; error getting node group resources: UnauthorizedOperation: You are not authorized to perform this operation."
            ))),
        CatalogExample(
          "1.35+",
          "E0313 12:34:34.400000       1 orchestrator.go:677] Skipping node group eks-ng-a; error checking resource quotas: capacityquotas.autoscaling.x-k8s.io is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"capacityquotas\" in API group \"autoscaling.x-k8s.io\" at the cluster scope",
          .failure(
            FailureDetail(
              nodeGroup: "eks-ng-a", fatal: false,
              message:
                "Skipping node group eks-ng-a; error checking resource quotas: capacityquotas.autoscaling.x-k8s.io is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"capacityquotas\" in API group \"autoscaling.x-k8s.io\" at the cluster scope"
            ))),
      ]
    ) { c in
      // The group is left out of this loop's options; a scale-up of it already under way goes on.
      .failure(FailureDetail(operation: nil, nodeGroup: c.text(1), message: c.message))
    },
    CatalogEntry(
      "failure.minSizeQuota", literal: "ScaleUpToNodeGroupMinSize: failed to ",
      pattern: #"^ScaleUpToNodeGroupMinSize: failed to (?:check resource quotas|apply resource limits): "#, v: 0,
      versions: "1.2x–1.34 (`apply resource limits`), 1.35+ (`check resource quotas`)",
      examples: [
        CatalogExample(
          "1.2x–1.34",
          "W0313 12:34:34.400000       1 orchestrator.go:353] ScaleUpToNodeGroupMinSize: failed to apply resource limits: could not compute total resources: Throttling: Rate exceeded",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "ScaleUpToNodeGroupMinSize: failed to apply resource limits: could not compute total resources: Throttling: Rate exceeded"
            ))),
        CatalogExample(
          "1.35+",
          "W0313 12:34:34.400000       1 orchestrator.go:359] ScaleUpToNodeGroupMinSize: failed to check resource quotas: could not create quotas tracker: capacityquotas.autoscaling.x-k8s.io is forbidden",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "ScaleUpToNodeGroupMinSize: failed to check resource quotas: could not create quotas tracker: capacityquotas.autoscaling.x-k8s.io is forbidden"
            ))),
      ]
    ) { c in .failure(FailureDetail(message: c.message)) },
    CatalogEntry(
      "failure.balancedGroupQuota", literal: " for balanced group ", .anywhere,
      pattern: #"^Failed to (?:check quota|apply quota delta) for balanced group (\S+?): "#, v: 0,
      versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+ (check)",
          "E0313 12:34:34.401150       1 orchestrator.go:732] Failed to check quota for balanced group eks-b: capacityquotas.autoscaling.x-k8s.io is forbidden",
          .failure(
            FailureDetail(
              nodeGroup: "eks-b", fatal: false,
              message:
                "Failed to check quota for balanced group eks-b: capacityquotas.autoscaling.x-k8s.io is forbidden"))),
        CatalogExample(
          "1.36+ (delta)",
          "E0313 12:34:34.401160       1 orchestrator.go:742] Failed to apply quota delta for balanced group eks-b: UnauthorizedOperation: You are not authorized to perform this operation.",
          .failure(
            FailureDetail(
              nodeGroup: "eks-b", fatal: false,
              message:
                "Failed to apply quota delta for balanced group eks-b: UnauthorizedOperation: You are not authorized to perform this operation."
            ))),
      ]
    ) { c in .failure(FailureDetail(operation: nil, nodeGroup: c.text(1), message: c.message)) },
  ]
}
