extension Catalog {
  /// Messages CAS 1.35–1.37 added or reworded (printf forms) about salvos, expander choices, upcoming
  /// nodes, backoffs that could not be recorded, node group lookups, on-completion pods and cancelled loops.
  static let recentEntries: [CatalogEntry] = [
    CatalogEntry(
      "scaleUp.salvoIteration", literal: "Scale up salvo: iteration ",
      pattern: #"^Scale up salvo: iteration (\d+), pods left: (\d+)"#, v: 4, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+", "I0313 12:34:35.000000       1 static_autoscaler.go:692] Scale up salvo: iteration 1, pods left: 3",
          .scaleUpSalvoIteration(iteration: 1, podsLeft: 3))
      ]
    ) { c in
      guard let iteration = c.int(1), let podsLeft = c.int(2) else { return nil }
      return .scaleUpSalvoIteration(iteration: iteration, podsLeft: podsLeft)
    },
    CatalogEntry(
      "scaleUp.expanderFilteredAll", literal: "Expander filtered out all options",
      pattern: #"^Expander filtered out all options, valid options: (\d+)"#, v: 0, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "I0313 12:34:34.401000       1 orchestrator.go:1081] Expander filtered out all options, valid options: 2",
          .expanderFilteredAll(validOptions: 2))
      ]
    ) { $0.int(1).map { .expanderFilteredAll(validOptions: $0) } },
    CatalogEntry(
      "scaleUp.upcomingSkippedBackoff", literal: " upcoming nodes for backed-off node group ", .anywhere,
      pattern: #"^Skipping \d+ upcoming nodes for backed-off node group (\S+?): "#, v: 4, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "I0313 12:50:01.420000       1 clusterstate.go:1138] Skipping 2 upcoming nodes for backed-off node group eks-ng-a: failed to increase node group size: AccessDenied",
          .groupInBackoff(group: "eks-ng-a", errorCode: nil, failure: nil))
      ]
    ) { .groupInBackoff(group: $0.name(1), errorCode: nil, failure: nil) },
    CatalogEntry(
      "scaleUp.upcomingSkippedNoRequest", literal: " upcoming nodes for node group ", .anywhere,
      pattern: #"^Skipping \d+ upcoming nodes for node group \S+: no active scale-up request"#, v: 4,
      versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "I0313 12:50:01.420000       1 clusterstate.go:1134] Skipping 1 upcoming nodes for node group eks-ng-a: no active scale-up request",
          .noted(id: "scaleUp.upcomingSkippedNoRequest"))
      ]
    ) { _ in .noted(id: "scaleUp.upcomingSkippedNoRequest") },
    CatalogEntry(
      "failure.backoffNotRecorded", literal: "Cannot backoff node group ",
      pattern: #"^Cannot backoff node group (\S+?): "#, v: 0, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "E0313 12:49:40.580000       1 clusterstate.go:400] Cannot backoff node group eks-ng-a: failed to get template node info",
          .failure(
            FailureDetail(
              operation: .template, nodeGroup: "eks-ng-a", fatal: false,
              message: "Cannot backoff node group eks-ng-a: failed to get template node info")))
      ]
    ) { c in
      // No backoff is recorded: no `Disabling scale-up …` follows, and none is assumed.
      .failure(FailureDetail(operation: .template, nodeGroup: c.text(1), message: c.message))
    },
    CatalogEntry(
      "failure.backoffStatus", literal: "Cannot get backoff status for node group ",
      pattern: #"^Cannot get backoff status for node group (\S+?): "#, v: 0, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "E0313 12:50:01.420000       1 clusterstate.go:558] Cannot get backoff status for node group eks-ng-a: failed to get template node info",
          .failure(
            FailureDetail(
              operation: .template, nodeGroup: "eks-ng-a", fatal: false,
              message: "Cannot get backoff status for node group eks-ng-a: failed to get template node info")))
      ]
    ) { c in .failure(FailureDetail(operation: .template, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.nodeGroupForNode", literal: "Error ",
      pattern: #"^Error (?:determining|while checking) node group for (\S+?): "#, v: 0,
      versions: "1.2x–1.34 (E, `Error while checking node group for`), 1.35+ (W, `Error determining node group for`)",
      examples: [
        CatalogExample(
          "1.2x–1.34",
          "E0313 12:00:00.000000       1 nodes.go:223] Error while checking node group for ip-10-0-1-5: Throttling: Rate exceeded",
          .failure(
            FailureDetail(
              node: "ip-10-0-1-5", fatal: false,
              message: "Error while checking node group for ip-10-0-1-5: Throttling: Rate exceeded"))),
        CatalogExample(
          "1.35+",
          "W0313 12:00:00.000000       1 nodes.go:237] Error determining node group for ip-10-0-1-5: Throttling: Rate exceeded",
          .failure(
            FailureDetail(
              node: "ip-10-0-1-5", fatal: false,
              message: "Error determining node group for ip-10-0-1-5: Throttling: Rate exceeded"))),
      ]
    ) { c in
      // The node is left out of this loop's unneeded nodes; a removal already under way goes on.
      .failure(FailureDetail(operation: nil, node: c.text(1), message: c.message))
    },
    CatalogEntry(
      "failure.templateNodeInfos", literal: " node infos", .anywhere,
      pattern: #"^Failed to (?:recompute template node infos|get node infos for groups): "#, v: 0,
      versions: "1.2x–1.34 (`get node infos for groups`), 1.35+ (`recompute template node infos`)",
      examples: [
        CatalogExample(
          "1.2x–1.34",
          "E0313 12:00:00.000000       1 static_autoscaler.go:358] Failed to get node infos for groups: UnauthorizedOperation: You are not authorized to perform this operation.",
          .failure(
            FailureDetail(
              operation: .template, fatal: false,
              message:
                "Failed to get node infos for groups: UnauthorizedOperation: You are not authorized to perform this operation."
            ))),
        CatalogExample(
          "1.35+",
          "E0313 12:00:00.000000       1 static_autoscaler.go:380] Failed to recompute template node infos: UnauthorizedOperation: You are not authorized to perform this operation.",
          .failure(
            FailureDetail(
              operation: .template, fatal: false,
              message:
                "Failed to recompute template node infos: UnauthorizedOperation: You are not authorized to perform this operation."
            ))),
      ]
    ) { c in .failure(FailureDetail(operation: .template, message: c.message)) },
    CatalogEntry(
      "failure.scaleUpPreparation", literal: "Failed to scale up: ",
      pattern:
        #"^Failed to scale up: (?:(failed to (?:recompute template node infos|build node infos for node groups))|could not create quotas tracker|could not compute total resources|failed to check resource quotas): "#,
      v: 0,
      versions:
        "1.2x–1.34 (`failed to build node infos for node groups`, `could not compute total resources`), 1.35+ (`failed to recompute template node infos`, `could not create quotas tracker`, `failed to check resource quotas`)",
      examples: [
        CatalogExample(
          "1.2x–1.34 (node infos)",
          "E0313 12:34:34.512345       1 static_autoscaler.go:511] Failed to scale up: failed to build node infos for node groups: UnauthorizedOperation: You are not authorized to perform this operation.",
          .failure(
            FailureDetail(
              operation: .template, fatal: false,
              message:
                "Failed to scale up: failed to build node infos for node groups: UnauthorizedOperation: You are not authorized to perform this operation."
            ))),
        CatalogExample(
          "1.2x–1.34 (limits)",
          "E0313 12:34:34.512345       1 static_autoscaler.go:511] Failed to scale up: could not compute total resources: Throttling: Rate exceeded",
          .failure(
            FailureDetail(
              fatal: false, message: "Failed to scale up: could not compute total resources: Throttling: Rate exceeded")
          )),
        CatalogExample(
          "1.35+ (node infos)",
          "E0313 12:34:34.512345       1 static_autoscaler.go:533] Failed to scale up: failed to recompute template node infos: UnauthorizedOperation: You are not authorized to perform this operation.",
          .failure(
            FailureDetail(
              operation: .template, fatal: false,
              message:
                "Failed to scale up: failed to recompute template node infos: UnauthorizedOperation: You are not authorized to perform this operation."
            ))),
        CatalogExample(
          "1.35+ (quotas)",
          "E0313 12:34:34.512345       1 static_autoscaler.go:533] Failed to scale up: could not create quotas tracker: capacityquotas.autoscaling.x-k8s.io is forbidden",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Failed to scale up: could not create quotas tracker: capacityquotas.autoscaling.x-k8s.io is forbidden")
          )),
        CatalogExample(
          "1.35+ (quota check)",
          "E0313 12:34:34.512345       1 static_autoscaler.go:533] Failed to scale up: failed to check resource quotas: capacityquotas.autoscaling.x-k8s.io is forbidden",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Failed to scale up: failed to check resource quotas: capacityquotas.autoscaling.x-k8s.io is forbidden")
          )),
      ]
    ) { c in
      // The scale-up failed before any group was resized: no scale-up under way is failed by it.
      .failure(FailureDetail(operation: c.range(1) == nil ? nil : .template, message: c.message))
    },
    CatalogEntry(
      "scaleDown.noNodeGroupConfigNode", literal: "Node ",
      pattern: #"^Node (\S+) (?:will not scale down, )?has no node group config"#, v: 4,
      versions:
        "1.35 (`Node N has no node group config`), 1.36+ (`Node N will not scale down, has no node group config.`)",
      examples: [
        CatalogExample(
          "1.35", "I0313 12:00:00.000000       1 nodes.go:170] Node ip-10-0-1-5 has no node group config",
          .scaleDownBlocked(node: "ip-10-0-1-5", reason: .other, detail: "no node group config", pod: nil)),
        CatalogExample(
          "1.36+",
          "I0313 12:00:00.000000       1 scale_down_set_processor.go:102] Node ip-10-0-1-5 will not scale down, has no node group config.",
          .scaleDownBlocked(node: "ip-10-0-1-5", reason: .other, detail: "no node group config", pod: nil)),
      ]
    ) { c in .scaleDownBlocked(node: c.name(1), reason: .other, detail: "no node group config", pod: nil) },
    CatalogEntry(
      "scaleDown.onCompletionPod", literal: " has active on-completion pods", .anywhere,
      pattern: #"^Node (\S+) has active on-completion pods, delaying scale down"#, v: 2, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+",
          "I0313 12:00:00.000000       1 planner.go:178] Node ip-10-0-1-5 has active on-completion pods, delaying scale down",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .onCompletionPod, detail: "active on-completion pods, delaying scale down",
            pod: nil))
      ]
    ) { c in
      .scaleDownBlocked(
        node: c.name(1), reason: .onCompletionPod, detail: "active on-completion pods, delaying scale down", pod: nil)
    },
    CatalogEntry(
      "loop.contextCancelled", literal: "Skipping scale-up/scale-down, context cancelled", pattern: "", v: 0,
      versions: "1.37+",
      examples: [
        CatalogExample(
          "1.37+",
          "I0313 12:00:00.000000       1 static_autoscaler.go:551] Skipping scale-up/scale-down, context cancelled: context canceled",
          .noted(id: "loop.contextCancelled"))
      ]
    ) { _ in .noted(id: "loop.contextCancelled") },
  ]
}
