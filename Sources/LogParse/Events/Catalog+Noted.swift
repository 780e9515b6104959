extension Catalog {
  /// A message recognised as a loop step: its identifier, literal, verbosity, position and examples.
  private typealias Noted = (
    id: String, literal: String, v: Int, position: CatalogEntry.Position, versions: String,
    examples: [(versions: String, line: String)]
  )

  /// Messages recognised as loop steps: counted as understood, no episode meaning.
  static let notedEntries: [CatalogEntry] = notedMessages.map { noted in
    let id = noted.id
    let fields = ["kind": "noted", "id": id]
    let structured = notedStructured[id]
    return CatalogEntry(
      id, literal: noted.literal, noted.position, pattern: notedPatterns[id] ?? "", structured: structured?.form,
      v: noted.v, versions: noted.versions,
      examples: noted.examples.map { CatalogExample($0.versions, $0.line, fields) }
        + (structured.map {
          CatalogExample.structured($0.header, caller: $0.caller, v: noted.v, $0.form.message, $0.pairs, fields)
        } ?? [])
    ) { _ in .noted(id: id) }
  }

  /// The structured forms (CAS 1.38+) of the noted messages the contextual-logging core reworded,
  /// with the header, caller and pairs of their examples.
  private static let notedStructured:
    [String: (form: StructuredForm, header: String, caller: String, pairs: [(String, StructuredValue)])] = [
      "loop.unregisteredNodes": (
        StructuredForm("unregistered nodes present", keys: ["unregisteredNodesCount"]),
        "I0313 12:00:00.000000       1 static_autoscaler.go:462] ", "core/static_autoscaler.go:462",
        [("unregisteredNodesCount", .bare("1"))]
      ),
      "loop.removingUnregistered": (
        StructuredForm("Removing unregistered nodes for node group", keys: ["nodesCount", "nodeGroupId"]),
        "I0313 12:00:00.000000       1 static_autoscaler.go:1021] ", "core/static_autoscaler.go:1021",
        [("nodesCount", .bare("2")), ("nodeGroupId", .string("eks-ng-a"))]
      ),
      "scaleUp.canBeScheduled": (
        StructuredForm(
          "Pods marked as unschedulable can be scheduled. Some pods could have been skipped due to exceeding pending pod batching timeout.",
          keys: ["unschedulableCandidatesCount", "skippedPodCount"]),
        "I0313 12:00:00.000000       1 filter_out_schedulable.go:143] ",
        "podlistprocessor/filter_out_schedulable.go:143",
        [("unschedulableCandidatesCount", .bare("14")), ("skippedPodCount", .bare("0"))]
      ),
      "scaleUp.podTooNew": (
        StructuredForm("Pod is too new to consider unschedulable", keys: ["pod", "podAgeSeconds"]),
        "I0313 12:00:00.000000       1 static_autoscaler.go:1228] ", "core/static_autoscaler.go:1228",
        [("pod", .string("default/web-1")), ("podAgeSeconds", .bare("0.4"))]
      ),
      "scaleDown.mayBeRemoved": (
        StructuredForm("Node may be removed", keys: ["node"]),
        "I0313 12:00:00.000000       1 cluster.go:214] ", "simulator/cluster.go:214", [("node", .string("ip-10-0-1-5"))]
      ),
      "loop.clusterNotReady": (
        StructuredForm("Cluster is not ready for autoscaling"),
        "I0313 12:00:00.000000       1 static_autoscaler.go:475] ", "core/static_autoscaler.go:475", []
      ),
      "loop.maxTotalNodes": (
        StructuredForm("Max total nodes in cluster reached", keys: ["maxNodesTotal", "readyNodesCount"]),
        "I0313 12:00:00.000000       1 static_autoscaler.go:617] ", "core/static_autoscaler.go:617",
        [("maxNodesTotal", .bare("20")), ("readyNodesCount", .bare("20"))]
      ),
      "scaleDown.waitingBeforeDelete": (
        StructuredForm("Scale-down: waiting before trying to delete nodes", keys: ["delay"]),
        "I0313 12:00:00.000000       1 actuator.go:299] ", "actuation/actuator.go:299", [("delay", .string("5s"))]
      ),
      "scaleDown.releasingTaint": (
        StructuredForm("Releasing taint on node", keys: ["node"]),
        "I0313 12:00:00.000000       1 taints.go:344] ", "taints/taints.go:344",
        [
          (
            "taint",
            .value(
              text: "{Key:ToBeDeletedByClusterAutoscaler Value:1710335000 Effect:NoSchedule TimeAdded:<nil>}",
              json: #"{"key":"ToBeDeletedByClusterAutoscaler","value":"1710335000","effect":"NoSchedule"}"#)
          ),
          ("node", .string("ip-10-0-1-5")),
        ]
      ),
      "scaleDown.taintReleased": (
        StructuredForm("Successfully released on node", keys: ["node"]),
        "I0313 12:00:00.000000       1 taints.go:379] ", "taints/taints.go:379",
        [("taints", .string("ToBeDeletedByClusterAutoscaler")), ("node", .string("ip-10-0-1-5"))]
      ),
      "scaleDown.softTaintAdded": (
        StructuredForm(
          "Successfully added taints on node", printf: "Successfully added %v on node %v", keys: ["taints", "node"]),
        "I0313 12:00:00.000000       1 taints.go:242] ", "taints/taints.go:242",
        [("taints", .string("DeletionCandidateOfClusterAutoscaler")), ("node", .string("ip-10-0-1-5"))]
      ),
      "scaleDown.unremovableRecheck": (
        StructuredForm(
          "Some nodes found to be unremovable in simulation, will re-check them within timeout",
          keys: ["unremovableNodesCount", "timeout"]),
        "I0313 12:00:00.000000       1 planner.go:340] ", "planner/planner.go:340",
        [("unremovableNodesCount", .bare("2")), ("timeout", .string("5m0s"))]
      ),
      "scaleDown.simulating": (
        StructuredForm("Simulating node removal", keys: ["node"]),
        "I0313 12:00:00.000000       1 cluster.go:196] ", "simulator/cluster.go:196", [("node", .string("ip-10-0-1-5"))]
      ),
    ]

  /// Patterns of the noted messages whose literal alone is not specific enough: they share a
  /// prefix with other messages, and a prefix test is cheaper than searching the whole line.
  private static let notedPatterns: [String: String] = [
    "loop.removingUnregistered": #"^Removing \d+ unregistered nodes for node group "#,
    "scaleUp.podSchedulable": #"^Pod \S+ marked as unschedulable can be scheduled on "#,
    "scaleUp.podTooNew": #"^Pod \S+ is [0-9.]+ seconds old, too new to consider unschedulable"#,
    "scaleDown.softTaintsSkipped": #"^Skipped (?:adding|removing) soft taints on "#,
  ]

  private static let header = "I0313 12:00:00.000000       1 "
  private static let warning = "W0313 12:00:00.000000       1 "

  private static let notedMessages: [Noted] = [
    (
      "loop.noUnschedulablePods", "No unschedulable pods", 1, .prefix, "1.3+",
      [("1.3+", header + "static_autoscaler.go:547] No unschedulable pods")]
    ),
    (
      "loop.filteringSchedulables", "Filtering out schedulables", 4, .prefix, "1.3+",
      [("1.3+", header + "filter_out_schedulable.go:65] Filtering out schedulables")]
    ),
    (
      "loop.noSchedulablePods", "No schedulable pods", 4, .prefix, "1.3+",
      [("1.3+", header + "filter_out_schedulable.go:132] No schedulable pods")]
    ),
    (
      "loop.calculatingUnneeded", "Calculating unneeded nodes", 4, .prefix, "1.3+",
      [("1.3+", header + "static_autoscaler.go:570] Calculating unneeded nodes")]
    ),
    (
      "loop.scaleDownStatusWithoutDate", "Scale down status: ", 4, .prefix, "1.3+ (the time cut off)",
      [
        (
          "1.3+",
          header + "static_autoscaler.go:392] Scale down status: unneededOnly=false lastScaleUpTime=2024-03-13 11:0"
        )
      ]
    ),
    (
      "loop.startingScaleDown", "Starting scale down", 4, .prefix,
      "1.3+, 1.25+ (`: no scale down candidates. skipping...`)",
      [
        ("1.3+", header + "static_autoscaler.go:640] Starting scale down"),
        ("1.25+", header + "static_autoscaler.go:640] Starting scale down: no scale down candidates. skipping..."),
      ]
    ),
    (
      "loop.noScaleDownCandidates", "No candidates for scale down", 1, .prefix, "1.3–1.24",
      [("1.3–1.24", header + "scale_down.go:700] No candidates for scale down")]
    ),
    (
      "loop.noNodeToRemove", "No node to remove", 1, .prefix, "1.3–1.24",
      [("1.3–1.24", header + "scale_down.go:720] No node to remove")]
    ),
    (
      "cloud.refreshedAsgListWithoutDate", "Refreshed ASG list", 2, .prefix, "1.3+ (the time cut off)",
      [("1.3+", header + "aws_manager.go:129] Refreshed ASG list, next refresh after 2024-03-1")]
    ),
    (
      "cloud.aws.regeneratingInstanceMap", "Regenerating instance to ASG map", 4, .prefix,
      "1.3–1.24 (`for ASGs`), 1.25+ (`for ASG names`, `for ASG tags`)",
      [
        ("1.3–1.24", header + "auto_scaling_groups.go:320] Regenerating instance to ASG map for ASGs: [eks-ng-a]"),
        ("1.25+", header + "auto_scaling_groups.go:393] Regenerating instance to ASG map for ASG names: [eks-ng-a]"),
      ]
    ),
    (
      "cloud.aws.forcingRefresh", "Some ASG instances might have been deleted", 0, .prefix, "1.3+ (AWS)",
      [("1.3+", header + "aws_manager.go:150] Some ASG instances might have been deleted, forcing ASG list refresh")]
    ),
    (
      "loop.unregisteredNodes", "unregistered nodes present", 1, .anywhere, "1.3–1.37, 1.38+ (structured)",
      [("1.3+", header + "static_autoscaler.go:405] 1 unregistered nodes present")]
    ),
    (
      "loop.removingUnregistered", "Removing ", 0, .prefix, "1.28–1.37, 1.38+ (structured)",
      [("1.28+", header + "static_autoscaler.go:870] Removing 2 unregistered nodes for node group eks-ng-a")]
    ),
    (
      "scaleUp.canBeScheduled", "pods marked as unschedulable can be scheduled", 4, .anywhere,
      "1.3–1.37, 1.38+ (structured)",
      [("1.3+", header + "filter_out_schedulable.go:171] 14 pods marked as unschedulable can be scheduled.")]
    ),
    (
      "scaleUp.podSchedulable", "Pod ", 4, .prefix,
      "1.3–1.17 (`ns/name`), 1.18–1.24 (`ns.name … on node …`)",
      [
        (
          "1.3–1.17",
          header
            + "utils.go:130] Pod default/web-1 marked as unschedulable can be scheduled on ip-10-0-1-5. Ignoring in scale up."
        ),
        (
          "1.18–1.24",
          header
            + "filter_out_schedulable.go:157] Pod default.web-1 marked as unschedulable can be scheduled on node ip-10-0-1-5. Ignoring in scale up."
        ),
      ]
    ),
    (
      "scaleUp.podTooNew", "Pod ", 3, .prefix, "1.3–1.37, 1.38+ (structured)",
      [
        (
          "1.3+",
          header + "static_autoscaler.go:494] Pod default/web-1 is 0.400 seconds old, too new to consider unschedulable"
        )
      ]
    ),
    (
      "scaleUp.podCanBeMoved", "can be moved to ", 4, .anywhere, "1.25+",
      [("1.25+", header + "hinting_simulator.go:77] Pod default/web-1 can be moved to ip-10-0-1-5")]
    ),
    (
      "scaleUp.expanderWaste", "would waste ", 4, .anywhere, "1.3+",
      [
        (
          "1.3+",
          header + "waste.go:57] Expanding Node Group eks-ng-a would waste 50.00% CPU, 75.00% Memory, 62.50% Blended"
        )
      ]
    ),
    (
      "scaleDown.evaluation", " evaluation: ", 2, .anywhere, "1.3–1.23",
      [("1.3–1.23", header + "cluster.go:90] Fast evaluation: node ip-10-0-1-5 for removal")]
    ),
    (
      "scaleDown.mayBeRemoved", "may be removed", 2, .anywhere,
      "1.3–1.32 (`node`), 1.33–1.37 (`Node`), 1.38+ (structured)",
      [
        ("1.3–1.32", header + "cluster.go:180] node ip-10-0-1-5 may be removed"),
        ("1.33+", header + "cluster.go:167] Node ip-10-0-1-5 may be removed"),
      ]
    ),
    (
      "loop.affinityPredicate", "No pod using affinity / antiaffinity found in cluster", 4, .prefix, "1.3+",
      [
        (
          "1.3+",
          header
            + "predicates.go:160] No pod using affinity / antiaffinity found in cluster, disabling affinity predicate for this loop"
        )
      ]
    ),
    (
      "loop.softTaintTemplate", "Removing autoscaler soft taint when creating template from node", 4, .prefix, "1.3+",
      [("1.3+", header + "utils.go:200] Removing autoscaler soft taint when creating template from node ip-10-0-1-5")]
    ),
    (
      "cloud.azure.setSize", "Set size request: ", 0, .prefix, "1.13+ (Azure)",
      [("1.13+", header + "azure_scale_set.go:250] Set size request: 5")]
    ),
    (
      "cloud.azure.currentSize", "Target size requested: ", 0, .anywhere, "1.13+ (Azure)",
      [("1.13+", header + "azure_scale_set.go:260] aks-pool-vmss: Target size requested: 5")]
    ),
    (
      "cloud.azure.deleteInstancesAsync", "virtualMachineScaleSetsClient.DeleteInstancesAsync", 0, .anywhere,
      "1.13+ (Azure)",
      [
        (
          "1.13+",
          header
            + "azure_scale_set.go:710] Calling virtualMachineScaleSetsClient.DeleteInstancesAsync(aks-pool-vmss, [6])"
        )
      ]
    ),
    (
      "cloud.aws.launchConfigurations", "launch configurations already in cache", 0, .anywhere, "1.3+ (AWS)",
      [("1.3+", header + "aws_manager.go:300] 0 launch configurations already in cache")]
    ),
    (
      "loop.clusterNotReady", "Cluster is not ready for autoscaling", 0, .prefix, "1.3–1.37 (W), 1.38+ (structured, I)",
      [("1.3+", warning + "static_autoscaler.go:418] Cluster is not ready for autoscaling")]
    ),
    (
      "loop.clusterHasNoNodes", "Cluster has no ", 0, .prefix, "1.3+",
      [
        ("1.3+", warning + "static_autoscaler.go:230] Cluster has no ready nodes."),
        ("1.3+", warning + "static_autoscaler.go:225] Cluster has no nodes."),
      ]
    ),
    (
      "loop.maxTotalNodes", "Max total nodes in cluster reached", 0, .prefix,
      "1.3–1.35 (V(1)), 1.36–1.37 (W, `: N. Current number of ready nodes: M`), 1.38+ (structured, I)",
      [
        ("1.3–1.35", header + "static_autoscaler.go:400] Max total nodes in cluster reached"),
        (
          "1.36+",
          warning
            + "static_autoscaler.go:547] Max total nodes in cluster reached: 20. Current number of ready nodes: 20"
        ),
      ]
    ),
    (
      "scaleUp.upcomingSalvo", "scale up salvo", 0, .anywhere, "1.36+",
      [
        ("1.36+", header + "static_autoscaler.go:689] Starting scale up salvo: 12 pods to help, budget: 3"),
        (
          "1.36+",
          header + "static_autoscaler.go:730] Finished scale up salvo after 2 iterations, unschedulable pods left: 0"
        ),
      ]
    ),
    (
      "scaleUp.failedNodesRemoved", "Some nodes that failed to create were removed", 0, .prefix,
      "1.2x–1.35 (`skipping iteration`), 1.36+ (`recalculating cluster state.`)",
      [
        (
          "1.2x–1.35",
          header + "static_autoscaler.go:470] Some nodes that failed to create were removed, skipping iteration"
        ),
        (
          "1.36+",
          header
            + "static_autoscaler.go:520] Some nodes that failed to create were removed, recalculating cluster state."
        ),
      ]
    ),
    (
      "scaleDown.waitingBeforeDelete", "before trying to delete nodes", 0, .anywhere, "1.26–1.37, 1.38+ (structured)",
      [("1.26+", header + "actuator.go:211] Scale-down: waiting 5s before trying to delete nodes")]
    ),
    (
      "scaleDown.releasingTaint", "Releasing taint ", 1, .prefix, "1.3–1.37, 1.38+ (structured)",
      [
        (
          "1.3+",
          header
            + "taints.go:300] Releasing taint {Key:ToBeDeletedByClusterAutoscaler Value:1710335000 Effect:NoSchedule TimeAdded:<nil>} on node ip-10-0-1-5"
        )
      ]
    ),
    (
      "scaleDown.taintReleased", "Successfully released ", 1, .prefix, "1.3–1.37, 1.38+ (structured)",
      [("1.3+", header + "taints.go:320] Successfully released ToBeDeletedByClusterAutoscaler on node ip-10-0-1-5")]
    ),
    (
      "scaleDown.softTaintAdded", "Successfully added DeletionCandidate", 1, .prefix,
      "1.3–1.29 (`DeletionCandidateTaint`), 1.30–1.37 (`DeletionCandidateOfClusterAutoscaler`), 1.38+ (structured)",
      [
        ("1.3–1.29", header + "delete.go:64] Successfully added DeletionCandidateTaint on node ip-10-0-1-5"),
        (
          "1.30+", header + "taints.go:241] Successfully added DeletionCandidateOfClusterAutoscaler on node ip-10-0-1-5"
        ),
      ]
    ),
    (
      "scaleDown.softTaintsSkipped", "Skipped ", 4, .prefix,
      "1.3–1.24 (`API call limit exceeded`), 1.25+ (`API call or time limit exceeded`)",
      [
        ("1.3–1.24", header + "scale_down.go:900] Skipped adding soft taints on 3 nodes - API call limit exceeded"),
        ("1.25+", header + "softtaint.go:80] Skipped adding soft taints on 3 nodes - API call or time limit exceeded"),
      ]
    ),
    (
      "scaleDown.notDeletedYet", "Not deleted yet ", 1, .prefix, "1.14 (E, the pod printed whole), 1.2x+ (`ns/name`)",
      [
        ("1.14", "E0313 12:00:00.000000       1 scale_down.go:1040] Not deleted yet &Pod{default/web-1}"),
        ("1.2x+", header + "drain.go:170] Not deleted yet default/web-1"),
      ]
    ),
    (
      "scaleDown.ignoringUnremovable", "Scale-down calculation: ignoring ", 1, .prefix, "1.3+",
      [("1.3+", header + "eligibility.go:100] Scale-down calculation: ignoring 2 nodes unremovable in the last 5m0s")]
    ),
    (
      "scaleDown.unremovableRecheck", "nodes found to be unremovable in simulation", 1, .anywhere,
      "1.3–1.37, 1.38+ (structured)",
      [
        (
          "1.3+",
          header
            + "planner.go:296] 2 nodes found to be unremovable in simulation, will re-check them at 2024-03-13 12:05:00 +0000 UTC"
        )
      ]
    ),
    (
      "scaleDown.simulating", "Simulating node ", 2, .prefix, "1.30–1.37, 1.38+ (structured)",
      [("1.30+", header + "cluster.go:140] Simulating node ip-10-0-1-5 removal")]
    ),
    (
      "loop.triggered", "Autoscaler loop triggered by ", 0, .prefix, "1.30+",
      [
        ("1.30+", header + "trigger.go:98] Autoscaler loop triggered by a 10s timer"),
        ("1.30+", header + "trigger.go:102] Autoscaler loop triggered by unschedulable pod appearing"),
      ]
    ),
    (
      "loop.unschedulableVeryNew", "Unschedulable pods are very new", 1, .prefix, "1.3+",
      [("1.3+", header + "static_autoscaler.go:558] Unschedulable pods are very new, waiting one iteration for more")]
    ),
    (
      "scaleUp.filteredDaemonSets", "daemon set pods, ", 4, .anywhere, "1.27+",
      [("1.27+", header + "filter_out_daemon_sets.go:40] Filtered out 0 daemon set pods, 3 unschedulable pods left")]
    ),
    (
      "cloud.aws.registeringAsg", "Registering ASG ", 1, .prefix, "1.3+ (AWS)",
      [("1.3+", header + "auto_scaling_groups.go:163] Registering ASG eks-ng-a")]
    ),
    (
      "cloud.aws.unregisteredAsg", "Unregistered ASG ", 1, .prefix, "1.3+ (AWS)",
      [("1.3+", header + "auto_scaling_groups.go:170] Unregistered ASG eks-ng-old")]
    ),
    (
      "cloud.aws.sdkVersion", "AWS SDK Version: ", 0, .prefix, "1.29+ (AWS)",
      [("1.29+", header + "aws_manager.go:79] AWS SDK Version: 1.44.24")]
    ),
    (
      "cloud.aws.instanceTypes", "EC2 Instance Types", 0, .anywhere, "1.18+ (AWS)",
      [("1.18+", header + "aws_cloud_provider.go:442] Successfully load 674 EC2 Instance Types [a1 a1.large]")]
    ),
    (
      "cloud.aws.placeholders", "Creating placeholder instances", 4, .anywhere, "1.21+ (AWS)",
      [
        (
          "1.21+",
          header
            + "auto_scaling_groups.go:480] Instance group eks-gpu has only 0 instances created while requested count is 1. Creating placeholder instances."
        )
      ]
    ),
    (
      "cloud.gce.lastAttemptErrors", "Got GCE instance which is being created and has lastAttemptErrors", 4, .prefix,
      "1.15+ (GCE)",
      [
        (
          "1.15+",
          header
            + "autoscaling_gce_client.go:380] Got GCE instance which is being created and has lastAttemptErrors; gceInstance=mig-a-x1; errorInfo=QUOTA_EXCEEDED"
        )
      ]
    ),
  ]
}
