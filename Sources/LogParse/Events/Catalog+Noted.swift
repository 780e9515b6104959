extension Catalog {
  private static let header = "I0313 12:00:00.000000       1 "
  private static let warning = "W0313 12:00:00.000000       1 "

  /// Messages recognised as loop steps: counted as understood, no episode meaning.
  ///
  /// An entry states a pattern where its literal alone is not specific enough (it shares a prefix with other
  /// messages, and a prefix test is cheaper than searching the whole line).
  static let notedEntries: [CatalogEntry] = [
    CatalogEntry(
      "loop.noUnschedulablePods", literal: "No unschedulable pods", pattern: "", v: 1, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", header + "static_autoscaler.go:547] No unschedulable pods", .noted(id: "loop.noUnschedulablePods"))
      ]
    ) { _ in .noted(id: "loop.noUnschedulablePods") },
    CatalogEntry(
      "loop.filteringSchedulables", literal: "Filtering out schedulables", pattern: "", v: 4, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", header + "filter_out_schedulable.go:65] Filtering out schedulables",
          .noted(id: "loop.filteringSchedulables"))
      ]
    ) { _ in .noted(id: "loop.filteringSchedulables") },
    CatalogEntry(
      "loop.noSchedulablePods", literal: "No schedulable pods", pattern: "", v: 4, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", header + "filter_out_schedulable.go:132] No schedulable pods", .noted(id: "loop.noSchedulablePods"))
      ]
    ) { _ in .noted(id: "loop.noSchedulablePods") },
    CatalogEntry(
      "loop.calculatingUnneeded", literal: "Calculating unneeded nodes", pattern: "", v: 4, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", header + "static_autoscaler.go:570] Calculating unneeded nodes",
          .noted(id: "loop.calculatingUnneeded"))
      ]
    ) { _ in .noted(id: "loop.calculatingUnneeded") },
    CatalogEntry(
      "loop.scaleDownStatusWithoutDate", literal: "Scale down status: ", pattern: "", v: 4,
      versions: "1.3+ (the time cut off)",
      examples: [
        CatalogExample(
          "1.3+",
          header + "static_autoscaler.go:392] Scale down status: unneededOnly=false lastScaleUpTime=2024-03-13 11:0",
          .noted(id: "loop.scaleDownStatusWithoutDate"))
      ]
    ) { _ in .noted(id: "loop.scaleDownStatusWithoutDate") },
    CatalogEntry(
      "loop.startingScaleDown", literal: "Starting scale down", pattern: "", v: 4,
      versions: "1.3+, 1.25+ (`: no scale down candidates. skipping...`)",
      examples: [
        CatalogExample(
          "1.3+", header + "static_autoscaler.go:640] Starting scale down", .noted(id: "loop.startingScaleDown")),
        CatalogExample(
          "1.25+", header + "static_autoscaler.go:640] Starting scale down: no scale down candidates. skipping...",
          .noted(id: "loop.startingScaleDown")),
      ]
    ) { _ in .noted(id: "loop.startingScaleDown") },
    CatalogEntry(
      "loop.noScaleDownCandidates", literal: "No candidates for scale down", pattern: "", v: 1, versions: "1.3–1.24",
      examples: [
        CatalogExample(
          "1.3–1.24", header + "scale_down.go:700] No candidates for scale down",
          .noted(id: "loop.noScaleDownCandidates"))
      ]
    ) { _ in .noted(id: "loop.noScaleDownCandidates") },
    CatalogEntry(
      "loop.noNodeToRemove", literal: "No node to remove", pattern: "", v: 1, versions: "1.3–1.24",
      examples: [
        CatalogExample("1.3–1.24", header + "scale_down.go:720] No node to remove", .noted(id: "loop.noNodeToRemove"))
      ]
    ) { _ in .noted(id: "loop.noNodeToRemove") },
    CatalogEntry(
      "cloud.refreshedAsgListWithoutDate", literal: "Refreshed ASG list", pattern: "", v: 2,
      versions: "1.3+ (the time cut off)",
      examples: [
        CatalogExample(
          "1.3+", header + "aws_manager.go:129] Refreshed ASG list, next refresh after 2024-03-1",
          .noted(id: "cloud.refreshedAsgListWithoutDate"))
      ]
    ) { _ in .noted(id: "cloud.refreshedAsgListWithoutDate") },
    CatalogEntry(
      "cloud.aws.regeneratingInstanceMap", literal: "Regenerating instance to ASG map", pattern: "", v: 4,
      versions: "1.3–1.24 (`for ASGs`), 1.25+ (`for ASG names`, `for ASG tags`)",
      examples: [
        CatalogExample(
          "1.3–1.24", header + "auto_scaling_groups.go:320] Regenerating instance to ASG map for ASGs: [eks-ng-a]",
          .noted(id: "cloud.aws.regeneratingInstanceMap")),
        CatalogExample(
          "1.25+", header + "auto_scaling_groups.go:393] Regenerating instance to ASG map for ASG names: [eks-ng-a]",
          .noted(id: "cloud.aws.regeneratingInstanceMap")),
      ]
    ) { _ in .noted(id: "cloud.aws.regeneratingInstanceMap") },
    CatalogEntry(
      "cloud.aws.forcingRefresh", literal: "Some ASG instances might have been deleted", pattern: "", v: 0,
      versions: "1.3+ (AWS)",
      examples: [
        CatalogExample(
          "1.3+", header + "aws_manager.go:150] Some ASG instances might have been deleted, forcing ASG list refresh",
          .noted(id: "cloud.aws.forcingRefresh"))
      ]
    ) { _ in .noted(id: "cloud.aws.forcingRefresh") },
    CatalogEntry(
      "loop.unregisteredNodes", literal: "unregistered nodes present", .anywhere, pattern: "",
      structured: StructuredForm("unregistered nodes present", keys: ["unregisteredNodesCount"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", header + "static_autoscaler.go:405] 1 unregistered nodes present",
          .noted(id: "loop.unregisteredNodes"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 static_autoscaler.go:462] ", caller: "core/static_autoscaler.go:462", v: 1,
          "unregistered nodes present", [("unregisteredNodesCount", .bare("1"))], .noted(id: "loop.unregisteredNodes"))
    ) { _ in .noted(id: "loop.unregisteredNodes") },
    CatalogEntry(
      "loop.removingUnregistered", literal: "Removing ", pattern: #"^Removing \d+ unregistered nodes for node group "#,
      structured: StructuredForm("Removing unregistered nodes for node group", keys: ["nodesCount", "nodeGroupId"]),
      v: 0, versions: "1.28–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.28+", header + "static_autoscaler.go:870] Removing 2 unregistered nodes for node group eks-ng-a",
          .noted(id: "loop.removingUnregistered"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 static_autoscaler.go:1021] ", caller: "core/static_autoscaler.go:1021", v: 0,
          "Removing unregistered nodes for node group",
          [("nodesCount", .bare("2")), ("nodeGroupId", .string("eks-ng-a"))], .noted(id: "loop.removingUnregistered"))
    ) { _ in .noted(id: "loop.removingUnregistered") },
    CatalogEntry(
      "scaleUp.canBeScheduled", literal: "pods marked as unschedulable can be scheduled", .anywhere, pattern: "",
      structured: StructuredForm(
        "Pods marked as unschedulable can be scheduled. Some pods could have been skipped due to exceeding pending pod batching timeout.",
        keys: ["unschedulableCandidatesCount", "skippedPodCount"]), v: 4, versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", header + "filter_out_schedulable.go:171] 14 pods marked as unschedulable can be scheduled.",
          .noted(id: "scaleUp.canBeScheduled"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 filter_out_schedulable.go:143] ",
          caller: "podlistprocessor/filter_out_schedulable.go:143", v: 4,
          "Pods marked as unschedulable can be scheduled. Some pods could have been skipped due to exceeding pending pod batching timeout.",
          [("unschedulableCandidatesCount", .bare("14")), ("skippedPodCount", .bare("0"))],
          .noted(id: "scaleUp.canBeScheduled"))
    ) { _ in .noted(id: "scaleUp.canBeScheduled") },
    CatalogEntry(
      "scaleUp.podSchedulable", literal: "Pod ", pattern: #"^Pod \S+ marked as unschedulable can be scheduled on "#,
      v: 4, versions: "1.3–1.17 (`ns/name`), 1.18–1.24 (`ns.name … on node …`)",
      examples: [
        CatalogExample(
          "1.3–1.17",
          header
            + "utils.go:130] Pod default/web-1 marked as unschedulable can be scheduled on ip-10-0-1-5. Ignoring in scale up.",
          .noted(id: "scaleUp.podSchedulable")),
        CatalogExample(
          "1.18–1.24",
          header
            + "filter_out_schedulable.go:157] Pod default.web-1 marked as unschedulable can be scheduled on node ip-10-0-1-5. Ignoring in scale up.",
          .noted(id: "scaleUp.podSchedulable")),
      ]
    ) { _ in .noted(id: "scaleUp.podSchedulable") },
    CatalogEntry(
      "scaleUp.podTooNew", literal: "Pod ",
      pattern: #"^Pod \S+ is [0-9.]+ seconds old, too new to consider unschedulable"#,
      structured: StructuredForm("Pod is too new to consider unschedulable", keys: ["pod", "podAgeSeconds"]), v: 3,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          header
            + "static_autoscaler.go:494] Pod default/web-1 is 0.400 seconds old, too new to consider unschedulable",
          .noted(id: "scaleUp.podTooNew"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 static_autoscaler.go:1228] ", caller: "core/static_autoscaler.go:1228", v: 3,
          "Pod is too new to consider unschedulable",
          [("pod", .string("default/web-1")), ("podAgeSeconds", .bare("0.4"))], .noted(id: "scaleUp.podTooNew"))
    ) { _ in .noted(id: "scaleUp.podTooNew") },
    CatalogEntry(
      "scaleUp.podCanBeMoved", literal: "can be moved to ", .anywhere, pattern: "", v: 4, versions: "1.25+",
      examples: [
        CatalogExample(
          "1.25+", header + "hinting_simulator.go:77] Pod default/web-1 can be moved to ip-10-0-1-5",
          .noted(id: "scaleUp.podCanBeMoved"))
      ]
    ) { _ in .noted(id: "scaleUp.podCanBeMoved") },
    CatalogEntry(
      "scaleUp.expanderWaste", literal: "would waste ", .anywhere, pattern: "", v: 4, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          header + "waste.go:57] Expanding Node Group eks-ng-a would waste 50.00% CPU, 75.00% Memory, 62.50% Blended",
          .noted(id: "scaleUp.expanderWaste"))
      ]
    ) { _ in .noted(id: "scaleUp.expanderWaste") },
    CatalogEntry(
      "scaleDown.evaluation", literal: " evaluation: ", .anywhere, pattern: "", v: 2, versions: "1.3–1.23",
      examples: [
        CatalogExample(
          "1.3–1.23", header + "cluster.go:90] Fast evaluation: node ip-10-0-1-5 for removal",
          .noted(id: "scaleDown.evaluation"))
      ]
    ) { _ in .noted(id: "scaleDown.evaluation") },
    CatalogEntry(
      "scaleDown.mayBeRemoved", literal: "may be removed", .anywhere, pattern: "",
      structured: StructuredForm("Node may be removed", keys: ["node"]), v: 2,
      versions: "1.3–1.32 (`node`), 1.33–1.37 (`Node`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.32", header + "cluster.go:180] node ip-10-0-1-5 may be removed", .noted(id: "scaleDown.mayBeRemoved")),
        CatalogExample(
          "1.33+", header + "cluster.go:167] Node ip-10-0-1-5 may be removed", .noted(id: "scaleDown.mayBeRemoved")),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 cluster.go:214] ", caller: "simulator/cluster.go:214", v: 2,
          "Node may be removed", [("node", .string("ip-10-0-1-5"))], .noted(id: "scaleDown.mayBeRemoved"))
    ) { _ in .noted(id: "scaleDown.mayBeRemoved") },
    CatalogEntry(
      "loop.affinityPredicate", literal: "No pod using affinity / antiaffinity found in cluster", pattern: "", v: 4,
      versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          header
            + "predicates.go:160] No pod using affinity / antiaffinity found in cluster, disabling affinity predicate for this loop",
          .noted(id: "loop.affinityPredicate"))
      ]
    ) { _ in .noted(id: "loop.affinityPredicate") },
    CatalogEntry(
      "loop.softTaintTemplate", literal: "Removing autoscaler soft taint when creating template from node", pattern: "",
      v: 4, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", header + "utils.go:200] Removing autoscaler soft taint when creating template from node ip-10-0-1-5",
          .noted(id: "loop.softTaintTemplate"))
      ]
    ) { _ in .noted(id: "loop.softTaintTemplate") },
    CatalogEntry(
      "cloud.azure.setSize", literal: "Set size request: ", pattern: "", v: 0, versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+", header + "azure_scale_set.go:250] Set size request: 5", .noted(id: "cloud.azure.setSize"))
      ]
    ) { _ in .noted(id: "cloud.azure.setSize") },
    CatalogEntry(
      "cloud.azure.currentSize", literal: "Target size requested: ", .anywhere, pattern: "", v: 0,
      versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+", header + "azure_scale_set.go:260] aks-pool-vmss: Target size requested: 5",
          .noted(id: "cloud.azure.currentSize"))
      ]
    ) { _ in .noted(id: "cloud.azure.currentSize") },
    CatalogEntry(
      "cloud.azure.deleteInstancesAsync", literal: "virtualMachineScaleSetsClient.DeleteInstancesAsync", .anywhere,
      pattern: "", v: 0, versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+",
          header
            + "azure_scale_set.go:710] Calling virtualMachineScaleSetsClient.DeleteInstancesAsync(aks-pool-vmss, [6])",
          .noted(id: "cloud.azure.deleteInstancesAsync"))
      ]
    ) { _ in .noted(id: "cloud.azure.deleteInstancesAsync") },
    CatalogEntry(
      "cloud.aws.launchConfigurations", literal: "launch configurations already in cache", .anywhere, pattern: "", v: 0,
      versions: "1.3+ (AWS)",
      examples: [
        CatalogExample(
          "1.3+", header + "aws_manager.go:300] 0 launch configurations already in cache",
          .noted(id: "cloud.aws.launchConfigurations"))
      ]
    ) { _ in .noted(id: "cloud.aws.launchConfigurations") },
    CatalogEntry(
      "loop.clusterNotReady", literal: "Cluster is not ready for autoscaling", pattern: "",
      structured: StructuredForm("Cluster is not ready for autoscaling"), v: 0,
      versions: "1.3–1.37 (W), 1.38+ (structured, I)",
      examples: [
        CatalogExample(
          "1.3+", warning + "static_autoscaler.go:418] Cluster is not ready for autoscaling",
          .noted(id: "loop.clusterNotReady"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 static_autoscaler.go:475] ", caller: "core/static_autoscaler.go:475", v: 0,
          "Cluster is not ready for autoscaling", [], .noted(id: "loop.clusterNotReady"))
    ) { _ in .noted(id: "loop.clusterNotReady") },
    CatalogEntry(
      "loop.clusterHasNoNodes", literal: "Cluster has no ", pattern: "", v: 0, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", warning + "static_autoscaler.go:230] Cluster has no ready nodes.",
          .noted(id: "loop.clusterHasNoNodes")),
        CatalogExample(
          "1.3+", warning + "static_autoscaler.go:225] Cluster has no nodes.", .noted(id: "loop.clusterHasNoNodes")),
      ]
    ) { _ in .noted(id: "loop.clusterHasNoNodes") },
    CatalogEntry(
      "loop.maxTotalNodes", literal: "Max total nodes in cluster reached", pattern: "",
      structured: StructuredForm("Max total nodes in cluster reached", keys: ["maxNodesTotal", "readyNodesCount"]),
      v: 0, versions: "1.3–1.35 (V(1)), 1.36–1.37 (W, `: N. Current number of ready nodes: M`), 1.38+ (structured, I)",
      examples: [
        CatalogExample(
          "1.3–1.35", header + "static_autoscaler.go:400] Max total nodes in cluster reached",
          .noted(id: "loop.maxTotalNodes")),
        CatalogExample(
          "1.36+",
          warning
            + "static_autoscaler.go:547] Max total nodes in cluster reached: 20. Current number of ready nodes: 20",
          .noted(id: "loop.maxTotalNodes")),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 static_autoscaler.go:617] ", caller: "core/static_autoscaler.go:617", v: 0,
          "Max total nodes in cluster reached", [("maxNodesTotal", .bare("20")), ("readyNodesCount", .bare("20"))],
          .noted(id: "loop.maxTotalNodes"))
    ) { _ in .noted(id: "loop.maxTotalNodes") },
    CatalogEntry(
      "scaleUp.upcomingSalvo", literal: "scale up salvo", .anywhere, pattern: "", v: 0, versions: "1.36+",
      examples: [
        CatalogExample(
          "1.36+", header + "static_autoscaler.go:689] Starting scale up salvo: 12 pods to help, budget: 3",
          .noted(id: "scaleUp.upcomingSalvo")),
        CatalogExample(
          "1.36+",
          header + "static_autoscaler.go:730] Finished scale up salvo after 2 iterations, unschedulable pods left: 0",
          .noted(id: "scaleUp.upcomingSalvo")),
      ]
    ) { _ in .noted(id: "scaleUp.upcomingSalvo") },
    CatalogEntry(
      "scaleUp.failedNodesRemoved", literal: "Some nodes that failed to create were removed", pattern: "", v: 0,
      versions: "1.2x–1.35 (`skipping iteration`), 1.36+ (`recalculating cluster state.`)",
      examples: [
        CatalogExample(
          "1.2x–1.35",
          header + "static_autoscaler.go:470] Some nodes that failed to create were removed, skipping iteration",
          .noted(id: "scaleUp.failedNodesRemoved")),
        CatalogExample(
          "1.36+",
          header
            + "static_autoscaler.go:520] Some nodes that failed to create were removed, recalculating cluster state.",
          .noted(id: "scaleUp.failedNodesRemoved")),
      ]
    ) { _ in .noted(id: "scaleUp.failedNodesRemoved") },
    CatalogEntry(
      "scaleDown.waitingBeforeDelete", literal: "before trying to delete nodes", .anywhere, pattern: "",
      structured: StructuredForm("Scale-down: waiting before trying to delete nodes", keys: ["delay"]), v: 0,
      versions: "1.26–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.26+", header + "actuator.go:211] Scale-down: waiting 5s before trying to delete nodes",
          .noted(id: "scaleDown.waitingBeforeDelete"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 actuator.go:299] ", caller: "actuation/actuator.go:299", v: 0,
          "Scale-down: waiting before trying to delete nodes", [("delay", .string("5s"))],
          .noted(id: "scaleDown.waitingBeforeDelete"))
    ) { _ in .noted(id: "scaleDown.waitingBeforeDelete") },
    CatalogEntry(
      "scaleDown.releasingTaint", literal: "Releasing taint ", pattern: "",
      structured: StructuredForm("Releasing taint on node", keys: ["node"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          header
            + "taints.go:300] Releasing taint {Key:ToBeDeletedByClusterAutoscaler Value:1710335000 Effect:NoSchedule TimeAdded:<nil>} on node ip-10-0-1-5",
          .noted(id: "scaleDown.releasingTaint"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 taints.go:344] ", caller: "taints/taints.go:344", v: 1,
          "Releasing taint on node",
          [
            (
              "taint",
              .value(
                text: "{Key:ToBeDeletedByClusterAutoscaler Value:1710335000 Effect:NoSchedule TimeAdded:<nil>}",
                json: #"{"key":"ToBeDeletedByClusterAutoscaler","value":"1710335000","effect":"NoSchedule"}"#)
            ),
            ("node", .string("ip-10-0-1-5")),
          ], .noted(id: "scaleDown.releasingTaint"))
    ) { _ in .noted(id: "scaleDown.releasingTaint") },
    CatalogEntry(
      "scaleDown.taintReleased", literal: "Successfully released ", pattern: "",
      structured: StructuredForm("Successfully released on node", keys: ["node"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", header + "taints.go:320] Successfully released ToBeDeletedByClusterAutoscaler on node ip-10-0-1-5",
          .noted(id: "scaleDown.taintReleased"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 taints.go:379] ", caller: "taints/taints.go:379", v: 1,
          "Successfully released on node",
          [("taints", .string("ToBeDeletedByClusterAutoscaler")), ("node", .string("ip-10-0-1-5"))],
          .noted(id: "scaleDown.taintReleased"))
    ) { _ in .noted(id: "scaleDown.taintReleased") },
    CatalogEntry(
      "scaleDown.softTaintAdded", literal: "Successfully added DeletionCandidate", pattern: "",
      structured: StructuredForm(
        "Successfully added taints on node", printf: "Successfully added %v on node %v", keys: ["taints", "node"]),
      v: 1,
      versions:
        "1.3–1.29 (`DeletionCandidateTaint`), 1.30–1.37 (`DeletionCandidateOfClusterAutoscaler`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.29", header + "delete.go:64] Successfully added DeletionCandidateTaint on node ip-10-0-1-5",
          .noted(id: "scaleDown.softTaintAdded")),
        CatalogExample(
          "1.30+",
          header + "taints.go:241] Successfully added DeletionCandidateOfClusterAutoscaler on node ip-10-0-1-5",
          .noted(id: "scaleDown.softTaintAdded")),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 taints.go:242] ", caller: "taints/taints.go:242", v: 1,
          "Successfully added taints on node",
          [("taints", .string("DeletionCandidateOfClusterAutoscaler")), ("node", .string("ip-10-0-1-5"))],
          .noted(id: "scaleDown.softTaintAdded"))
    ) { _ in .noted(id: "scaleDown.softTaintAdded") },
    CatalogEntry(
      "scaleDown.softTaintsSkipped", literal: "Skipped ", pattern: #"^Skipped (?:adding|removing) soft taints on "#,
      v: 4, versions: "1.3–1.24 (`API call limit exceeded`), 1.25+ (`API call or time limit exceeded`)",
      examples: [
        CatalogExample(
          "1.3–1.24", header + "scale_down.go:900] Skipped adding soft taints on 3 nodes - API call limit exceeded",
          .noted(id: "scaleDown.softTaintsSkipped")),
        CatalogExample(
          "1.25+", header + "softtaint.go:80] Skipped adding soft taints on 3 nodes - API call or time limit exceeded",
          .noted(id: "scaleDown.softTaintsSkipped")),
      ]
    ) { _ in .noted(id: "scaleDown.softTaintsSkipped") },
    CatalogEntry(
      "scaleDown.notDeletedYet", literal: "Not deleted yet ", pattern: "", v: 1,
      versions: "1.14 (E, the pod printed whole), 1.2x+ (`ns/name`)",
      examples: [
        CatalogExample(
          "1.14", "E0313 12:00:00.000000       1 scale_down.go:1040] Not deleted yet &Pod{default/web-1}",
          .noted(id: "scaleDown.notDeletedYet")),
        CatalogExample(
          "1.2x+", header + "drain.go:170] Not deleted yet default/web-1", .noted(id: "scaleDown.notDeletedYet")),
      ]
    ) { _ in .noted(id: "scaleDown.notDeletedYet") },
    CatalogEntry(
      "scaleDown.ignoringUnremovable", literal: "Scale-down calculation: ignoring ", pattern: "", v: 1,
      versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", header + "eligibility.go:100] Scale-down calculation: ignoring 2 nodes unremovable in the last 5m0s",
          .noted(id: "scaleDown.ignoringUnremovable"))
      ]
    ) { _ in .noted(id: "scaleDown.ignoringUnremovable") },
    CatalogEntry(
      "scaleDown.unremovableRecheck", literal: "nodes found to be unremovable in simulation", .anywhere, pattern: "",
      structured: StructuredForm(
        "Some nodes found to be unremovable in simulation, will re-check them within timeout",
        keys: ["unremovableNodesCount", "timeout"]), v: 1, versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          header
            + "planner.go:296] 2 nodes found to be unremovable in simulation, will re-check them at 2024-03-13 12:05:00 +0000 UTC",
          .noted(id: "scaleDown.unremovableRecheck"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 planner.go:340] ", caller: "planner/planner.go:340", v: 1,
          "Some nodes found to be unremovable in simulation, will re-check them within timeout",
          [("unremovableNodesCount", .bare("2")), ("timeout", .string("5m0s"))],
          .noted(id: "scaleDown.unremovableRecheck"))
    ) { _ in .noted(id: "scaleDown.unremovableRecheck") },
    CatalogEntry(
      "scaleDown.simulating", literal: "Simulating node ", pattern: "",
      structured: StructuredForm("Simulating node removal", keys: ["node"]), v: 2,
      versions: "1.30–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.30+", header + "cluster.go:140] Simulating node ip-10-0-1-5 removal", .noted(id: "scaleDown.simulating"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 cluster.go:196] ", caller: "simulator/cluster.go:196", v: 2,
          "Simulating node removal", [("node", .string("ip-10-0-1-5"))], .noted(id: "scaleDown.simulating"))
    ) { _ in .noted(id: "scaleDown.simulating") },
    CatalogEntry(
      "loop.triggered", literal: "Autoscaler loop triggered by ", pattern: "", v: 0, versions: "1.30+",
      examples: [
        CatalogExample(
          "1.30+", header + "trigger.go:98] Autoscaler loop triggered by a 10s timer", .noted(id: "loop.triggered")),
        CatalogExample(
          "1.30+", header + "trigger.go:102] Autoscaler loop triggered by unschedulable pod appearing",
          .noted(id: "loop.triggered")),
      ]
    ) { _ in .noted(id: "loop.triggered") },
    CatalogEntry(
      "loop.unschedulableVeryNew", literal: "Unschedulable pods are very new", pattern: "", v: 1, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", header + "static_autoscaler.go:558] Unschedulable pods are very new, waiting one iteration for more",
          .noted(id: "loop.unschedulableVeryNew"))
      ]
    ) { _ in .noted(id: "loop.unschedulableVeryNew") },
    CatalogEntry(
      "scaleUp.filteredDaemonSets", literal: "daemon set pods, ", .anywhere, pattern: "", v: 4, versions: "1.27+",
      examples: [
        CatalogExample(
          "1.27+", header + "filter_out_daemon_sets.go:40] Filtered out 0 daemon set pods, 3 unschedulable pods left",
          .noted(id: "scaleUp.filteredDaemonSets"))
      ]
    ) { _ in .noted(id: "scaleUp.filteredDaemonSets") },
    CatalogEntry(
      "cloud.aws.registeringAsg", literal: "Registering ASG ", pattern: "", v: 1, versions: "1.3+ (AWS)",
      examples: [
        CatalogExample(
          "1.3+", header + "auto_scaling_groups.go:163] Registering ASG eks-ng-a",
          .noted(id: "cloud.aws.registeringAsg"))
      ]
    ) { _ in .noted(id: "cloud.aws.registeringAsg") },
    CatalogEntry(
      "cloud.aws.unregisteredAsg", literal: "Unregistered ASG ", pattern: "", v: 1, versions: "1.3+ (AWS)",
      examples: [
        CatalogExample(
          "1.3+", header + "auto_scaling_groups.go:170] Unregistered ASG eks-ng-old",
          .noted(id: "cloud.aws.unregisteredAsg"))
      ]
    ) { _ in .noted(id: "cloud.aws.unregisteredAsg") },
    CatalogEntry(
      "cloud.aws.sdkVersion", literal: "AWS SDK Version: ", pattern: "", v: 0, versions: "1.29+ (AWS)",
      examples: [
        CatalogExample(
          "1.29+", header + "aws_manager.go:79] AWS SDK Version: 1.44.24", .noted(id: "cloud.aws.sdkVersion"))
      ]
    ) { _ in .noted(id: "cloud.aws.sdkVersion") },
    CatalogEntry(
      "cloud.aws.instanceTypes", literal: "EC2 Instance Types", .anywhere, pattern: "", v: 0, versions: "1.18+ (AWS)",
      examples: [
        CatalogExample(
          "1.18+", header + "aws_cloud_provider.go:442] Successfully load 674 EC2 Instance Types [a1 a1.large]",
          .noted(id: "cloud.aws.instanceTypes"))
      ]
    ) { _ in .noted(id: "cloud.aws.instanceTypes") },
    CatalogEntry(
      "cloud.aws.placeholders", literal: "Creating placeholder instances", .anywhere, pattern: "", v: 4,
      versions: "1.21+ (AWS)",
      examples: [
        CatalogExample(
          "1.21+",
          header
            + "auto_scaling_groups.go:480] Instance group eks-gpu has only 0 instances created while requested count is 1. Creating placeholder instances.",
          .noted(id: "cloud.aws.placeholders"))
      ]
    ) { _ in .noted(id: "cloud.aws.placeholders") },
    CatalogEntry(
      "cloud.gce.lastAttemptErrors", literal: "Got GCE instance which is being created and has lastAttemptErrors",
      pattern: "", v: 4, versions: "1.15+ (GCE)",
      examples: [
        CatalogExample(
          "1.15+",
          header
            + "autoscaling_gce_client.go:380] Got GCE instance which is being created and has lastAttemptErrors; gceInstance=mig-a-x1; errorInfo=QUOTA_EXCEEDED",
          .noted(id: "cloud.gce.lastAttemptErrors"))
      ]
    ) { _ in .noted(id: "cloud.gce.lastAttemptErrors") },
  ]
}
