/// The message catalogue: every Cluster Autoscaler message cas-logs understands, as data.
///
/// Each entry names a literal (the cheap byte test), a PCRE2 pattern, the event it builds, the
/// verbosity CAS logs it at, and the versions whose text it matches. Messages are keyed on their
/// text, never on `file:line`, which moved between versions.
public enum Catalog {
  /// All entries, in matching order (the first entry whose pattern matches wins).
  public static let entries: [CatalogEntry] = scaleUpEntries + scaleDownEntries + failureEntries + processEntries

  static let scaleUpEntries: [CatalogEntry] = [
    CatalogEntry(
      "scaleUp.podUnschedulable", literal: "Pod ", pattern: #"^Pod (\S+) is unschedulable"#, v: 1,
      versions: "1.3+",
      example:
        "I0927 11:50:35.158353       1 scale_up.go:263] Pod echoserver/echoserver-74fd7d865f-vkzqb is unschedulable"
    ) { .podUnschedulable(pod: $0.text(1)) },
    CatalogEntry(
      "scaleUp.podDoesNotFit", literal: "failed to find place for ",
      pattern: #"^failed to find place for (\S+) based on similar pods scheduling"#, v: 4, versions: "1.26+",
      example:
        "I0515 20:27:08.660248       1 hinting_simulator.go:110] failed to find place for default/nginx-7f456874f4-9jdrf based on similar pods scheduling"
    ) { .podUnschedulable(pod: $0.text(1)) },
    CatalogEntry(
      "scaleUp.otherPodsUnschedulable", literal: " other pods are also unschedulable", .anywhere,
      pattern: #"^(\d+) other pods are also unschedulable"#, v: 1, versions: "1.3+",
      example: "I1227 10:48:22.745330       1 scale_up.go:61] 30 other pods are also unschedulable"
    ) { $0.int(1).map { .otherPodsUnschedulable(count: $0) } },
    CatalogEntry(
      "scaleUp.upcoming", literal: "Upcoming ", pattern: #"^Upcoming (\d+) nodes"#, v: 4, versions: "1.3+",
      example: "I0927 11:50:45.524041       1 scale_up.go:300] Upcoming 1 nodes"
    ) { $0.int(1).map { .upcomingNodes(count: $0) } },
    CatalogEntry(
      "scaleUp.bestOption", literal: "Best option to resize: ", pattern: #"^Best option to resize: (\S+)"#, v: 1,
      versions: "1.3+", example: "I0927 11:50:35.158521       1 scale_up.go:423] Best option to resize: ASG_NAME"
    ) { .bestOption(group: $0.text(1)) },
    CatalogEntry(
      "scaleUp.estimated", literal: "Estimated ", pattern: #"^Estimated (\d+) nodes needed in (\S+)"#, v: 1,
      versions: "1.3+", example: "I0927 11:50:35.158540       1 scale_up.go:427] Estimated 1 nodes needed in ASG_NAME"
    ) { c in c.int(1).map { .estimatedNodes(count: $0, group: c.text(2)) } },
    CatalogEntry(
      "scaleUp.capped", literal: "Requested scale-up (",
      pattern: #"^Requested scale-up \((\d+)\) exceeds node group set capacity, capping to (\d+)"#, v: 1,
      versions: "1.12+",
      example:
        "I0326 09:28:48.700826       1 balancing_processor.go:109] Requested scale-up (6) exceeds node group set capacity, capping to 1"
    ) { c in .scaleUpCapped(requested: c.int(1) ?? 0, cappedTo: c.int(2) ?? 0) },
    CatalogEntry(
      "scaleUp.plan", literal: "Final scale-up plan: ", pattern: #"^Final scale-up plan: \[(.*)\]"#, v: 1,
      versions: "1.3+",
      example: "I0927 11:50:35.158556       1 scale_up.go:529] Final scale-up plan: [{ASG_NAME 4->5 (max: 8)}]"
    ) { c in
      let plan = PlanText.resizes(c.text(1))
      return plan.isEmpty ? nil : .scaleUpPlan(plan)
    },
    CatalogEntry(
      "scaleUp.requested", literal: "Scale-up: setting group ",
      pattern: #"^Scale-up: setting group (\S+) size to (\d+)"#, v: 0, versions: "1.3+",
      example: "I0313 12:34:34.470823       1 executor.go:147] Scale-up: setting group eks-ng-a size to 7"
    ) { c in c.int(2).map { .scaleUpRequested(group: c.text(1), size: $0) } },
    CatalogEntry(
      "cloud.aws.setAsgSize", literal: "Setting asg ", pattern: #"^Setting asg (\S+) size to (\d+)"#, v: 0,
      versions: "1.3+ (AWS)",
      example: "I0313 12:34:34.470926       1 auto_scaling_groups.go:265] Setting asg eks-ng-a size to 7"
    ) { c in c.int(2).map { .cloudResize(group: c.text(1), size: $0) } },
    CatalogEntry(
      "cloud.azure.sizeSet", literal: "Target size set done", pattern: #"^Target size set done"#, v: 0,
      versions: "1.3–1.12 (Azure ACS/AKS pool)",
      example:
        "I0508 07:54:09.484267       1 azure_container_service_pool.go:276] Target size set done, AKS. Value: {Response:{Response:0xc421703050}}"
    ) { _ in .cloudResizeDone(seconds: nil) },
    CatalogEntry(
      "cloud.azure.updated", literal: "Got Updated value. Time taken: ",
      pattern: #"^Got Updated value\. Time taken: (\S+)"#, v: 0, versions: "1.3–1.12 (Azure ACS/AKS pool)",
      example:
        "I0508 07:54:09.484320       1 azure_container_service_pool.go:299] Got Updated value. Time taken: 2m39.182059589s"
    ) { c in .cloudResizeDone(seconds: c.duration(1)) },
    CatalogEntry(
      "scaleUp.finished", literal: "Scale up in group ",
      pattern: #"^Scale up in group (\S+) finished successfully in (\S+)"#, v: 4, versions: "1.3+",
      example:
        "I0927 11:52:36.144782       1 clusterstate.go:194] Scale up in group ASG_NAME finished successfully in 2m0.794268739s"
    ) { c in .scaleUpFinished(group: c.text(1), seconds: c.duration(2)) },
    CatalogEntry(
      "scaleUp.timedOut", literal: "Scale-up timed out for node group ",
      pattern: #"^Scale-up timed out for node group (\S+) after (\S+)"#, v: 0, versions: "1.3+",
      example:
        "W0313 12:49:40.563382       1 clusterstate.go:266] Scale-up timed out for node group eks-ng-a after 15m5.500491908s"
    ) { c in .scaleUpTimedOut(group: c.text(1), seconds: c.duration(2)) },
    CatalogEntry(
      "scaleUp.backoff", literal: "Disabling scale-up for node group ",
      pattern: #"^Disabling scale-up for node group (\S+) until (.+?); errorClass=([^;\s]*); errorCode=(\S*)"#,
      v: 0, versions: "1.15+",
      example:
        "W0313 12:49:40.584456       1 clusterstate.go:297] Disabling scale-up for node group eks-ng-a until 2024-03-13 12:54:40.13918732 +0000 UTC m=+2030.419314682; errorClass=Other; errorCode=timeout"
    ) { c in
      .backoffStarted(
        group: c.text(1), until: TimeText.goTime(c.text(2)), errorClass: c.text(3), errorCode: c.text(4))
    },
    CatalogEntry(
      "scaleUp.groupInBackoff", literal: "Node group ",
      pattern:
        #"^Node group (\S+) is not ready for scaleup - backoff(?: with status: \{\w+ \{(\w*) (\S*) ?(.*?)\}\}\s*$)?"#,
      v: 0, versions: "1.12–1.28, 1.29+ (`… with status: {true {Other cloudProviderError …}}`)",
      example:
        "W0313 12:50:01.422358       1 orchestrator.go:582] Node group eks-ng-a is not ready for scaleup - backoff"
    ) { c in
      let message = c.string(4).flatMap { $0.isEmpty ? nil : $0 }
      return .groupInBackoff(group: c.text(1), errorCode: c.string(3), errorMessage: message)
    },
    CatalogEntry(
      "scaleUp.maxSizeReached", literal: "Skipping node group ",
      pattern: #"^Skipping node group (\S+) - max size reached"#,
      v: 4, versions: "1.3+",
      example: "I1227 10:48:23.118126       1 scale_up.go:116] Skipping node group nodes.example - max size reached"
    ) { .maxSizeReached(group: $0.text(1)) },
    CatalogEntry(
      "scaleUp.predicateFailed", literal: "Pod ",
      pattern: #"^Pod (\S+) can't be scheduled on (\S+?),? predicate (?:checking error|failed): (.*)"#, v: 2,
      versions: "1.3–1.17 (`predicate failed`), 1.18+ (`predicate checking error`), 1.32+ (`can't schedule pod …`)",
      example:
        "I0313 12:00:00.000000       1 orchestrator.go:546] Pod default/web-1 can't be scheduled on eks-ng-a, predicate checking error: Insufficient cpu; predicateName=NodeResourcesFit; reasons: Insufficient cpu; debugInfo="
    ) { c in .podDoesNotFitGroup(pod: c.text(1), group: c.text(2), reason: PredicateText.reason(c.text(3))) },
    CatalogEntry(
      "scaleUp.noExpansionOptions", literal: "No expansion options", pattern: #"^No expansion options"#, v: 1,
      versions: "1.3+", example: "I1227 10:48:23.118148       1 scale_up.go:186] No expansion options"
    ) { _ in .noExpansionOptions },
  ]

  static let scaleDownEntries: [CatalogEntry] = [
    CatalogEntry(
      "scaleDown.utilization", literal: "Node ",
      pattern: #"^Node (\S+) - (?:(\w+) )?(?:utilization ([0-9.eE+-]+)|requested is ([0-9.eE+-]+)% of allocatable)"#,
      v: 4, versions: "1.3+ (`utilization`), 1.29+ (`requested is X% of allocatable`)",
      example:
        "I0927 11:57:07.790306       1 scale_down.go:407] Node ip-172-19-67-52.ap-northeast-1.compute.internal - utilization 0.055000"
    ) { c in
      if let value = c.double(3) { return .nodeUtilization(node: c.text(1), utilization: value) }
      if let percent = c.double(4) { return .nodeUtilization(node: c.text(1), utilization: percent / 100) }
      return nil
    },
    CatalogEntry(
      "scaleDown.unneededSince", literal: " is unneeded since ", .anywhere,
      pattern: #"^(\S+) is unneeded since (.+?) duration (\S+)"#, v: 4, versions: "1.3+",
      example:
        "I0927 11:57:07.790634       1 static_autoscaler.go:359] ip-172-19-67-52.ap-northeast-1.compute.internal is unneeded since 2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.491422805 duration 0s"
    ) { c in .nodeUnneededSince(node: c.text(1), since: TimeText.goTime(c.text(2)), seconds: c.duration(3)) },
    CatalogEntry(
      "scaleDown.unneededFor", literal: " was unneeded for ", .anywhere, pattern: #"^(\S+) was unneeded for (\S+)"#,
      v: 2, versions: "1.3+",
      example:
        "I0927 12:07:12.161767       1 scale_down.go:600] ip-172-19-67-52.ap-northeast-1.compute.internal was unneeded for 10m4.367847963s"
    ) { c in c.duration(2).map { .nodeUnneededFor(node: c.text(1), seconds: $0) } },
    CatalogEntry(
      "scaleDown.removingEmpty", literal: "Scale-down: removing empty node ",
      pattern: #"^Scale-down: removing empty node "?([^"\s]+)"?"#, v: 0,
      versions: "1.3–1.24 (bare name), 1.25+ (quoted)",
      example:
        "I0927 12:07:12.161868       1 scale_down.go:819] Scale-down: removing empty node ip-172-19-67-52.ap-northeast-1.compute.internal"
    ) { .scaleDownEmpty(node: $0.text(1)) },
    CatalogEntry(
      "scaleDown.removingDrain", literal: "Scale-down: removing node ",
      pattern: #"^Scale-down: removing node (\S+?),? utilization: (\{[^}]*\}|\S+?),? pods to reschedule: ?(.*)"#,
      v: 0, versions: "1.3+",
      example:
        "I0414 10:21:40.293272       1 actuator.go:212] Scale-down: removing node ip-10-160-50-114.us-west-2.compute.internal, utilization: {0.6940581542351454 0.6892291641475079 0 cpu 0.6940581542351454}, pods to reschedule: pod-hbhqf,pod-lx6fg"
    ) { c in
      let pods = c.text(3).split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
      return .scaleDownDrain(node: c.text(1), utilization: UtilizationText.value(c.text(2)), pods: pods)
    },
    CatalogEntry(
      "scaleDown.taintAdded", literal: "Successfully added ",
      pattern: #"^Successfully added (?i:ToBeDeletedTaint|ToBeDeletedByClusterAutoscaler)(?: taints?)? on node (\S+)"#,
      v: 1, versions: "1.3–1.29 (`ToBeDeletedTaint`), 1.30+ (`ToBeDeletedByClusterAutoscaler`)",
      example:
        "I0927 12:07:12.176857       1 delete.go:64] Successfully added toBeDeletedTaint on node ip-172-19-67-52.ap-northeast-1.compute.internal"
    ) { .deletionTaintAdded(node: $0.text(1)) },
    CatalogEntry(
      "scaleDown.drainFinished", literal: "All pods removed from ", pattern: #"^All pods removed from (\S+)"#, v: 1,
      versions: "1.3+",
      example: "I0504 09:10:17.928963 1 scale_down.go:1478] All pods removed from aks-npuser01-61737176-vmss000006"
    ) { .drainFinished(node: $0.text(1)) },
    CatalogEntry(
      "cloud.aws.terminating", literal: "Terminating EC2 instance: ",
      pattern: #"^Terminating EC2 instance: (i-[0-9A-Za-z-]+)"#, v: 4, versions: "1.3–1.34 (AWS)",
      example: "I0927 12:07:12.391908       1 auto_scaling_groups.go:269] Terminating EC2 instance: i-066bc60549f083e38"
    ) { .instanceTerminated(instanceId: $0.text(1)) },
    CatalogEntry(
      "cloud.aws.terminated", literal: "Terminated instance ",
      pattern: #"^Terminated instance (\S+) in autoscaling group"#, v: 4, versions: "1.35+ (AWS)",
      example:
        "I0313 13:01:02.700000       1 auto_scaling_groups.go:379] Terminated instance i-0abc in autoscaling group: Terminating EC2 instance: i-0abc"
    ) { .instanceTerminated(instanceId: $0.text(1)) },
    CatalogEntry(
      "cloud.azure.deletingInstances", literal: "Deleting vmss instances ",
      pattern: #"^Deleting vmss instances \[(.*)\]"#, v: 0, versions: "1.13+ (Azure)",
      example:
        "I0504 09:10:17.929205 1 azure_scale_set.go:705] Deleting vmss instances [azure:///subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-np-1-vmss/virtualMachines/6]"
    ) { c in ScaleSetText.deletion(c.text(1)) },
    CatalogEntry(
      "scaleDown.cannotBeRemoved", literal: "cannot be removed: ", .anywhere,
      pattern: #"^(?:(?:Fast|Detailed) evaluation: )?[Nn]ode (\S+) cannot be removed: (.*)"#, v: 2,
      versions: "1.3–1.23 (`Fast evaluation: node …`), 1.24–1.32 (`node …`), 1.33+ (`Node …`)",
      example:
        "I0430 18:32:17.878590       1 cluster.go:169] Node hz-dev-apps-burst-1 cannot be removed: pod with local storage present: traefik-b67d8d13f-9md5h"
    ) { c in
      let detail = c.text(2)
      let (reason, pod) = BlockReason.classify(detail)
      return .scaleDownBlocked(node: c.text(1), reason: reason, detail: detail, pod: pod)
    },
    CatalogEntry(
      "scaleDown.unregistered", literal: "unregistered node ", .anywhere,
      pattern: #"^(?:Removing|Marking) unregistered node (\S+)"#, v: 0,
      versions: "1.3–1.27 (`Removing …`), 1.28+ (`Marking … for removal`)",
      example: "I0313 12:50:00.000000       1 static_autoscaler.go:860] Marking unregistered node i-0abc for removal"
    ) { .unregisteredNodeRemoval(node: $0.text(1)) },
    CatalogEntry(
      "scaleDown.noPlaceToMovePods", literal: "is not suitable for removal: ", .anywhere,
      pattern: #"^(?:(?:Fast|Detailed) evaluation: )?[Nn]ode (\S+) is not suitable for removal: (.*)"#, v: 2,
      versions: "1.3–1.23 (`Fast evaluation: node …`), 1.24–1.32 (`node …`), 1.33+ (`Node …`)",
      example:
        "I0313 12:00:00.000000       1 cluster.go:175] node ip-10-0-1-5.ec2.internal is not suitable for removal: can reschedule only 0 out of 2 pods"
    ) { c in
      let detail = c.text(2)
      let (reason, pod) = BlockReason.classify(detail)
      return .scaleDownBlocked(
        node: c.text(1), reason: reason == .other ? .noPlaceToMovePods : reason, detail: detail, pod: pod)
    },
    CatalogEntry(
      "scaleDown.disabledAnnotation", literal: "scale down disabled annotation found", .anywhere,
      pattern: #"^Skipping (\S+) - scale down disabled annotation found"#, v: 4, versions: "1.3+",
      example:
        "I0313 12:00:00.000000       1 eligibility.go:104] Skipping ip-10-0-1-5.ec2.internal - scale down disabled annotation found"
    ) { c in
      .scaleDownBlocked(node: c.text(1), reason: .scaleDownDisabled, detail: "scale down disabled annotation", pod: nil)
    },
    CatalogEntry(
      "scaleDown.minSize", literal: "Skipping ", pattern: #"^Skipping (\S+) - node group min size reached(.*)"#, v: 1,
      versions: "1.3+",
      example:
        "I0514 21:48:09.465922       1 pre_filtering_processor.go:67] Skipping ip-192-168-222-24.eu-central-1.compute.internal - node group min size reached (current: 2, min: 2)"
    ) { c in
      .scaleDownBlocked(
        node: c.text(1), reason: .minSize, detail: "node group min size reached" + c.text(2), pod: nil)
    },
    CatalogEntry(
      "scaleDown.utilizationTooBig", literal: "Node ",
      pattern:
        #"^Node (\S+) (?:is not suitable for removal - (?:\w+ )?utilization too big \(([0-9.]+)\)|unremovable: \w+ requested \(([0-9.eE+-]+)% of allocatable\) is above)"#,
      v: 4, versions: "1.3–1.28 (`utilization too big`), 1.29+ (`unremovable: … above the threshold`)",
      example:
        "I0326 09:46:33.501636       1 scale_down.go:414] Node ip-172-31-3-184.us-east-2.compute.internal is not suitable for removal - utilization too big (0.898367)"
    ) { c in
      let value = c.double(2) ?? c.double(3).map { $0 / 100 }
      let detail = value.map { "utilization \($0) is above the scale-down threshold" } ?? "utilization too big"
      return .scaleDownBlocked(node: c.text(1), reason: .utilization, detail: detail, pod: nil)
    },
  ]

  static let failureEntries: [CatalogEntry] = [
    CatalogEntry(
      "failure.instancesNotCreated", literal: "Failed adding ",
      pattern: #"^Failed adding (\d+) nodes (?:\(\d+ unseen previously\) )?to group (\S+) due to (\S+?);?(?: |$)"#,
      v: 1,
      versions: "1.3+ (`; errorMessages=` from 1.15)",
      example:
        "I0313 12:40:00.000000       1 clusterstate.go:1094] Failed adding 1 nodes (1 unseen previously) to group eks-ng-a due to OutOfResource.placeholder-cannot-be-fulfilled; errorMessages=[]string{\"AWS cannot provision any more instances for this node group\"}"
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(2), fatal: false, message: c.message)) },
    CatalogEntry(
      "failure.gceInstanceErrors", literal: "Spotted following instance creation error codes: ",
      pattern: #"^Spotted following instance creation error codes: (.*)"#, v: 0, versions: "1.15+ (GCE)",
      example:
        "W0313 12:40:00.000000       1 autoscaling_gce_client.go:391] Spotted following instance creation error codes: map[string]int{\"ZONE_RESOURCE_POOL_EXHAUSTED\":3}"
    ) { c in .failure(FailureDetail(operation: nil, fatal: false, message: c.message)) },
    CatalogEntry(
      "failure.azureIncreaseCapacity", literal: "Failed to increase capacity for scale set ",
      pattern: #"^Failed to increase capacity for scale set "?([^"\s]+)"? to \d+: "#, v: 0, versions: "1.13+ (Azure)",
      example:
        "E0313 12:40:00.000000       1 azure_scale_set.go:309] Failed to increase capacity for scale set \"aks-pool-vmss\" to 5: Code=\"OperationNotAllowed\" Message=\"Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota.\""
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(1), fatal: false, message: c.message)) },
    CatalogEntry(
      "failure.azureCreateOrUpdate", literal: "virtualMachineScaleSetsClient.BeginCreateOrUpdate for scale set ",
      pattern: #"^virtualMachineScaleSetsClient\.BeginCreateOrUpdate for scale set "?([^"\s]+)"? failed"#, v: 0,
      versions: "1.13+ (Azure)",
      example:
        "E0313 12:40:00.000000       1 azure_scale_set.go:287] virtualMachineScaleSetsClient.BeginCreateOrUpdate for scale set \"aks-pool-vmss\" failed: AuthorizationFailed: The client does not have authorization to perform action 'Microsoft.Compute/virtualMachineScaleSets/write'"
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(1), fatal: false, message: c.message)) },
    CatalogEntry(
      "failure.scaleDownDelete", literal: "Scale-down: couldn't delete ",
      pattern: #"^Scale-down: couldn't delete (?:empty node|node) "?([^",\s]+)"?"#, v: 0,
      versions: "1.25+ (actuator.go, delete_in_batch.go)",
      example:
        "E0313 13:01:05.000000       1 delete_in_batch.go:191] Scale-down: couldn't delete node \"ip-10-0-1-5.ec2.internal\" with drain, failed to delete nodes from group eks-ng-a: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup, status error: failed to delete"
    ) { c in .failure(FailureDetail(operation: .scaleDown, node: c.text(1), fatal: false, message: c.message)) },
    CatalogEntry(
      "failure.evictPod", literal: "Failed to evict pod ", pattern: #"^Failed to evict pod (\S+?),? error: "#, v: 0,
      versions: "1.3+",
      example:
        "E0313 13:02:00.000000       1 drain.go:260] Failed to evict pod default/web-1, error: Cannot evict pod as it would violate the pod's disruption budget."
    ) { c in .failure(FailureDetail(operation: .scaleDown, fatal: false, message: c.message)) },
    CatalogEntry(
      "failure.deleteNode", literal: "Failed to delete ", pattern: #"^Failed to delete (\S+?): "#, v: 0,
      versions: "1.3–1.24",
      example:
        "E0313 13:01:05.000000       1 scale_down.go:774] Failed to delete ip-10-0-1-5.ec2.internal: failed to delete ip-10-0-1-5.ec2.internal: AccessDenied"
    ) { c in .failure(FailureDetail(operation: .scaleDown, node: c.text(1), fatal: false, message: c.message)) },
    failure(
      "failure.scaleUp", literal: "Failed to scale up: ", operation: .scaleUp, v: 0, versions: "1.3+",
      example:
        "E0313 12:34:34.512345       1 static_autoscaler.go:533] Failed to scale up: failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:SetDesiredCapacity"
    ),
    failure(
      "failure.regenerateAsgCache", literal: "Failed to regenerate ASG cache: ", operation: .refresh, v: 0,
      versions: "1.3+ (AWS)",
      example:
        "E0322 10:48:59.960115       1 aws_manager.go:265] Failed to regenerate ASG cache: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials"
    ),
    failure(
      "failure.createAwsManager", literal: "Failed to create AWS Manager: ", operation: .startup, v: 0,
      versions: "1.3+ (AWS)",
      example:
        "F0322 10:48:59.960135       1 aws_cloud_provider.go:382] Failed to create AWS Manager: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials"
    ),
    CatalogEntry(
      "failure.fixNodeGroupSizes", literal: "Failed to fix node group sizes: ",
      pattern: #"^Failed to fix node group sizes: (?:failed to (?:decrease|increase) ([^:\s]+):)?"#, v: 0,
      versions: "1.3+",
      example:
        "E0406 04:33:00.524208       1 static_autoscaler.go:346] Failed to fix node group sizes: failed to decrease worker-1: attempt to delete existing nodes targetSize:5 delta:-1 existingNodes: 5"
    ) { c in
      .failure(
        FailureDetail(operation: .fixNodeGroupSizes, nodeGroup: c.string(1), fatal: false, message: c.message))
    },
    failure(
      "failure.scaleDown", literal: "Failed to scale down: ", operation: .scaleDown, v: 0, versions: "1.3+",
      example: "E0313 13:01:02.300000       1 static_autoscaler.go:606] Failed to scale down: failed to delete nodes"
    ),
    CatalogEntry(
      "failure.template", literal: "Unable to build proper template node for ",
      pattern: #"^Unable to build proper template node for (\S+?):"#, v: 0, versions: "1.3+",
      example:
        "E0313 12:00:00.000000       1 mixed_nodeinfos_processor.go:160] Unable to build proper template node for eks-ng-a: UnauthorizedOperation: You are not authorized to perform this operation."
    ) { c in .failure(FailureDetail(operation: .template, nodeGroup: c.text(1), fatal: false, message: c.message)) },
  ]

  static let processEntries: [CatalogEntry] =
    [
      CatalogEntry(
        "process.version", literal: "Cluster Autoscaler ", pattern: #"^Cluster Autoscaler (v?\d+\.\d+[0-9A-Za-z.+-]*)"#,
        v: 1, versions: "1.3+", example: "I0313 12:00:01.000001       1 main.go:553] Cluster Autoscaler 1.28.0"
      ) { .processStarted(version: $0.text(1)) },
      CatalogEntry(
        "loop.scaleDownStatus", literal: "Scale down status: ",
        pattern:
          #"^Scale down status: .*?lastScaleUpTime=(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}(?: \w+)?(?: m=[+-][0-9.]+)?)"#,
        v: 4, versions: "1.14+",
        example:
          "I0514 21:48:09.465974       1 static_autoscaler.go:589] Scale down status: lastScaleUpTime=2023-05-14 20:43:27.79390843 +0000 UTC m=-3578.293245296 lastScaleDownDeleteTime=2023-05-14 20:43:27.79390843 +0000 UTC m=-3578.293245296 lastScaleDownFailTime=2023-05-14 20:43:27.79390843 +0000 UTC m=-3578.293245296 scaleDownForbidden=false scaleDownInCooldown=false"
      ) { c in
        TimeText.goTime(c.text(1)).map {
          .datedNote(id: "loop.scaleDownStatus", date: $0, processStart: TimeText.goProcessStart(c.text(1)))
        }
      },
      CatalogEntry(
        "cloud.refreshedAsgList", literal: "Refreshed ASG list",
        pattern:
          #"^Refreshed ASG list, next refresh after (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}(?: \w+)?(?: m=[+-][0-9.]+)?)"#,
        v: 2, versions: "1.3+ (AWS, Azure)",
        example:
          "I0406 04:33:10.725416       1 aws_manager.go:269] Refreshed ASG list, next refresh after 2022-04-06 04:34:10.725408623 +0000 UTC m=+1728.317182965"
      ) { c in
        TimeText.goTime(c.text(1)).map {
          .datedNote(id: "cloud.refreshedAsgList", date: $0, processStart: TimeText.goProcessStart(c.text(1)))
        }
      },
      CatalogEntry(
        "process.mainLoop", literal: "Starting main loop", pattern: #"^Starting main loop"#, v: 4, versions: "1.3+",
        example: "I0326 09:28:48.692475       1 static_autoscaler.go:147] Starting main loop"
      ) { _ in .mainLoopStarted },
      CatalogEntry(
        "process.leaseAcquired", literal: "uccessfully acquired lease", .anywhere,
        pattern: #"^"?[Ss]uccessfully acquired lease"#, v: 0, versions: "1.3+ (client-go; structured from 1.35)",
        example:
          "I0313 12:00:03.200000       1 leaderelection.go:268] successfully acquired lease kube-system/cluster-autoscaler"
      ) { _ in .leaderElection(acquired: true) },
      CatalogEntry(
        "process.leaseHeld", literal: "failed to acquire lease", .anywhere,
        pattern: #"^"?[Ff]ailed to acquire lease"#, v: 0, versions: "1.3+ (client-go)",
        example:
          "I0313 12:00:03.200000       1 leaderelection.go:352] failed to acquire lease kube-system/cluster-autoscaler"
      ) { _ in .leaderElection(acquired: false) },
      CatalogEntry(
        "kubernetes.event", literal: "Event(", pattern: EventText.pattern, v: 4,
        versions: "1.3+ (`event.go`/`factory.go` to 1.18, `event_sink_logging_wrapper.go` from 1.19)",
        example:
          "I0326 09:28:48.701082       1 event.go:209] Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"22babb52\", APIVersion:\"v1\", ResourceVersion:\"1977735\", FieldPath:\"\"}): type: 'Normal' reason: 'ScaledUpGroup' Scale-up: setting group eks-1 size to 3"
      ) { c in
        .kubernetesEvent(
          KubernetesEvent(
            kind: c.text(1), namespace: c.text(2), name: c.text(3), type: c.text(4), reason: c.text(5),
            message: c.text(6)))
      },
    ] + notedEntries

  /// Messages recognised as loop steps: counted as understood, no episode meaning.
  static let notedEntries: [CatalogEntry] = [
    ("loop.noUnschedulablePods", "No unschedulable pods", 1, .prefix),
    ("loop.filteringSchedulables", "Filtering out schedulables", 4, .prefix),
    ("loop.noSchedulablePods", "No schedulable pods", 4, .prefix),
    ("loop.calculatingUnneeded", "Calculating unneeded nodes", 4, .prefix),
    ("loop.startingScaleDown", "Starting scale down", 4, .prefix),
    ("loop.noScaleDownCandidates", "No candidates for scale down", 1, .prefix),
    ("loop.noNodeToRemove", "No node to remove", 1, .prefix),
    ("cloud.aws.regeneratingInstanceMap", "Regenerating instance to ASG map", 4, .prefix),
    ("cloud.aws.forcingRefresh", "Some ASG instances might have been deleted", 0, .prefix),
    ("loop.unregisteredNodes", "unregistered nodes present", 1, .anywhere),
    ("loop.decreasingSize", "Decreasing size of ", 0, .prefix),
    ("scaleUp.canBeScheduled", "pods marked as unschedulable can be scheduled", 4, .anywhere),
    ("scaleUp.podCanBeMoved", "can be moved to ", 4, .anywhere),
    ("scaleUp.expanderWaste", "would waste ", 4, .anywhere),
    ("scaleDown.evaluation", " evaluation: ", 2, .anywhere),
    ("scaleDown.mayBeRemoved", "may be removed", 2, .anywhere),
    ("loop.scaleDownStatusWithoutDate", "Scale down status: ", 4, .prefix),
    ("cloud.refreshedAsgListWithoutDate", "Refreshed ASG list", 2, .prefix),
    ("loop.affinityPredicate", "No pod using affinity / antiaffinity found in cluster", 4, .prefix),
    ("loop.softTaintTemplate", "Removing autoscaler soft taint when creating template from node", 4, .prefix),
    ("cloud.azure.setSize", "Set size request: ", 0, .prefix),
    ("cloud.azure.currentSize", "Target size requested: ", 0, .anywhere),
    ("cloud.azure.deleteInstancesAsync", "virtualMachineScaleSetsClient.DeleteInstancesAsync", 0, .anywhere),
    ("cloud.aws.launchConfigurations", "launch configurations already in cache", 0, .anywhere),
    ("loop.clusterNotReady", "Cluster is not ready for autoscaling", 0, .prefix),
    ("loop.maxTotalNodes", "Max total nodes in cluster reached", 0, .prefix),
    ("scaleUp.revertTimedOut", "Reverting timed-out scale-up for node group ", 0, .prefix),
    ("scaleUp.upcomingSalvo", "scale up salvo", 0, .anywhere),
    ("scaleDown.waitingBeforeDelete", "before trying to delete nodes", 0, .anywhere),
    ("scaleDown.releasingTaint", "Releasing taint ", 1, .prefix),
    ("scaleDown.unremovableRecheck", "nodes found to be unremovable in simulation", 1, .anywhere),
    ("scaleDown.simulating", "Simulating node ", 2, .prefix),
    ("process.acquiringLease", "ttempting to acquire leader lease", 0, .anywhere),
    ("loop.foundPods", "pods in the cluster: ", 0, .anywhere),
    ("loop.triggered", "Autoscaler loop triggered by ", 0, .prefix),
    ("loop.unschedulableVeryNew", "Unschedulable pods are very new", 1, .prefix),
    ("scaleUp.splitting", "Splitting scale-up between ", 1, .prefix),
    ("scaleUp.noPodCanFit", "No pod can fit to ", 4, .prefix),
    ("scaleUp.filteredDaemonSets", "daemon set pods, ", 4, .anywhere),
    ("cloud.aws.registeringAsg", "Registering ASG ", 1, .prefix),
    ("cloud.aws.sdkVersion", "AWS SDK Version: ", 0, .prefix),
    ("cloud.aws.instanceTypes", "EC2 Instance Types", 0, .anywhere),
    ("cloud.aws.placeholders", "Creating placeholder instances", 4, .anywhere),
  ].map { id, literal, verbosity, position in
    CatalogEntry(
      id, literal: literal, position, pattern: "", v: verbosity, versions: "1.3+", example: literal
    ) { _ in .noted(id: id) }
  }

  /// An entry for an error line whose whole record is the failure.
  private static func failure(
    _ id: String, literal: String, operation: FailureOperation, v: Int, versions: String, example: String
  ) -> CatalogEntry {
    CatalogEntry(id, literal: literal, pattern: "^\\Q" + literal + "\\E", v: v, versions: versions, example: example) {
      c in
      .failure(FailureDetail(operation: operation, fatal: false, message: c.message))
    }
  }
}
