extension Catalog {
  /// Messages of the scale-up decision and its execution: pods, options, plan, resize, end, backoff.
  static let scaleUpEntries: [CatalogEntry] = [
    CatalogEntry(
      "scaleUp.podUnschedulable", literal: "Pod ", pattern: #"^Pod (\S+) is unschedulable"#, v: 1,
      versions: "1.3+ (header `klogx.go` from 1.19)",
      examples: [
        CatalogExample(
          "1.3–1.18",
          "I0927 11:50:35.158353       1 scale_up.go:263] Pod echoserver/echoserver-74fd7d865f-vkzqb is unschedulable",
          .podUnschedulable(pod: "echoserver/echoserver-74fd7d865f-vkzqb")),
        CatalogExample(
          "1.19+", "I0313 12:34:33.900100       1 klogx.go:87] Pod default/web-7d9f-abcde is unschedulable",
          .podUnschedulable(pod: "default/web-7d9f-abcde")),
      ]
    ) { .podUnschedulable(pod: $0.name(1)) },
    CatalogEntry(
      "scaleUp.podDoesNotFit", literal: "failed to find place for ",
      pattern: #"^failed to find place for (\S+) based on similar pods scheduling"#, v: 4, versions: "1.26+",
      examples: [
        CatalogExample(
          "1.26+",
          "I0515 20:27:08.660248       1 hinting_simulator.go:110] failed to find place for default/nginx-7f456874f4-9jdrf based on similar pods scheduling",
          .podUnschedulable(pod: "default/nginx-7f456874f4-9jdrf"))
      ]
    ) { .podUnschedulable(pod: $0.name(1)) },
    CatalogEntry(
      "scaleUp.otherPodsUnschedulable", literal: " other pods are also unschedulable", .anywhere,
      pattern: #"^(\d+) other pods are also unschedulable"#, v: 1, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", "I1227 10:48:22.745330       1 scale_up.go:61] 30 other pods are also unschedulable",
          .otherPodsUnschedulable(count: 30))
      ]
    ) { $0.int(1).map { .otherPodsUnschedulable(count: $0) } },
    CatalogEntry(
      "scaleUp.upcoming", literal: "Upcoming ", pattern: #"^Upcoming (\d+) nodes"#,
      structured: StructuredForm("Upcoming nodes", keys: ["nodesCount"]), v: 4,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0927 11:50:45.524041       1 scale_up.go:300] Upcoming 1 nodes",
          .upcomingNodes(count: 1))
      ]
        + CatalogExample.structured(
          "I0927 11:50:45.524041       1 orchestrator.go:123] ", caller: "orchestrator/orchestrator.go:123", v: 4,
          "Upcoming nodes", [("nodesCount", .bare("1"))], .upcomingNodes(count: 1))
    ) { $0.int(1).map { .upcomingNodes(count: $0) } },
    CatalogEntry(
      "scaleUp.bestOption", literal: "Best option to resize: ", pattern: #"^Best option to resize: (\S+)"#,
      structured: StructuredForm("Found best node group option to resize", keys: ["nodeGroupId"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0927 11:50:35.158521       1 scale_up.go:423] Best option to resize: ASG_NAME",
          .bestOption(group: "ASG_NAME"))
      ]
        + CatalogExample.structured(
          "I0927 11:50:35.158521       1 orchestrator.go:1115] ", caller: "orchestrator/orchestrator.go:1115", v: 1,
          "Found best node group option to resize", [("nodeGroupId", .string("ASG_NAME"))],
          .bestOption(group: "ASG_NAME"))
    ) { .bestOption(group: $0.name(1)) },
    CatalogEntry(
      "scaleUp.estimated", literal: "Estimated ", pattern: #"^Estimated (\d+) nodes needed in (\S+)"#,
      structured: StructuredForm("Estimated nodes needed", keys: ["nodeCount", "nodeGroupId"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0927 11:50:35.158540       1 scale_up.go:427] Estimated 1 nodes needed in ASG_NAME",
          .estimatedNodes(count: 1, group: "ASG_NAME"))
      ]
        + CatalogExample.structured(
          "I0927 11:50:35.158540       1 orchestrator.go:1119] ", caller: "orchestrator/orchestrator.go:1119", v: 1,
          "Estimated nodes needed", [("nodeCount", .bare("1")), ("nodeGroupId", .string("ASG_NAME"))],
          .estimatedNodes(count: 1, group: "ASG_NAME"))
    ) { c in c.int(1).map { .estimatedNodes(count: $0, group: c.name(2)) } },
    CatalogEntry(
      "scaleUp.cappedToClusterMax", literal: "Capping size to max cluster total size (",
      pattern: #"^Capping size to max cluster total size \((\d+)\)"#,
      structured: StructuredForm("Capping size to max cluster total size", keys: ["maxNodesTotal"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0313 12:34:34.401100       1 orchestrator.go:621] Capping size to max cluster total size (20)",
          .scaleUpCappedToClusterMax(size: 20))
      ]
        + CatalogExample.structured(
          "I0313 12:34:34.401100       1 orchestrator.go:658] ", caller: "orchestrator/orchestrator.go:658", v: 1,
          "Capping size to max cluster total size", [("maxNodesTotal", .bare("20"))],
          .scaleUpCappedToClusterMax(size: 20))
    ) { $0.int(1).map { .scaleUpCappedToClusterMax(size: $0) } },
    CatalogEntry(
      "scaleUp.splitting", literal: "Splitting scale-up between ",
      pattern: #"^Splitting scale-up between \d+ similar node groups: \{(.*)\}"#,
      structured: StructuredForm("Splitting scale-up between similar node groups", keys: [.list("nodeGroupNames")]),
      v: 1, versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0313 12:34:34.401200       1 orchestrator.go:285] Splitting scale-up between 3 similar node groups: {eks-a, eks-b, eks-c}",
          .scaleUpSplit(groups: ["eks-a", "eks-b", "eks-c"]))
      ]
        + CatalogExample.structured(
          "I0313 12:34:34.401200       1 orchestrator.go:718] ", caller: "orchestrator/orchestrator.go:718", v: 1,
          "Splitting scale-up between similar node groups",
          [("nodeGroupCount", .bare("3")), ("nodeGroupNames", .string("eks-a, eks-b, eks-c"))],
          .scaleUpSplit(groups: ["eks-a", "eks-b", "eks-c"]))
    ) { c in
      let groups = c.nameList(1, separator: ",")
      return groups.isEmpty ? nil : .scaleUpSplit(groups: groups)
    },
    CatalogEntry(
      "scaleUp.capped", literal: "Requested scale-up (",
      pattern: #"^Requested scale-up \((\d+)\) exceeds node group set capacity, capping to (\d+)"#, v: 1,
      versions: "1.12+",
      examples: [
        CatalogExample(
          "1.12+",
          "I0326 09:28:48.700826       1 balancing_processor.go:109] Requested scale-up (6) exceeds node group set capacity, capping to 1",
          .scaleUpCapped(requested: 6, cappedTo: 1))
      ]
    ) { c in .scaleUpCapped(requested: c.int(1) ?? 0, cappedTo: c.int(2) ?? 0) },
    CatalogEntry(
      "scaleUp.plan", literal: "Final scale-up plan: ", pattern: #"^Final scale-up plan: \[(.*)\]"#,
      structured: StructuredForm("Executing final scale-up plan", keys: [.unbracketed("scaleUpInfos")]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0927 11:50:35.158556       1 scale_up.go:529] Final scale-up plan: [{ASG_NAME 4->5 (max: 8)}]",
          .scaleUpPlan([PlannedResize(group: "ASG_NAME", from: 4, to: 5, max: 8)])),
        CatalogExample(
          "1.3+ (balanced)",
          "I0313 12:34:34.401300       1 orchestrator.go:295] Final scale-up plan: [{eks-a 1->2 (max: 5)} {eks-b 1->2 (max: 5)}]",
          .scaleUpPlan([
            PlannedResize(group: "eks-a", from: 1, to: 2, max: 5),
            PlannedResize(group: "eks-b", from: 1, to: 2, max: 5),
          ])),
      ]
        + CatalogExample.structured(
          "I0927 11:50:35.158556       1 orchestrator.go:179] ", caller: "orchestrator/orchestrator.go:179", v: 1,
          "Executing final scale-up plan",
          [("scaleUpInfos", .value(text: "[{ASG_NAME 4->5 (max: 8)}]", json: "\"[{ASG_NAME 4->5 (max: 8)}]\""))],
          .scaleUpPlan([PlannedResize(group: "ASG_NAME", from: 4, to: 5, max: 8)]))
    ) { c in
      let plan = PlanText.resizes(c.longText(1), name: c.name, outOfRange: c.noteOutOfRange)
      return plan.isEmpty ? nil : .scaleUpPlan(plan.map { $0.mapNames(c.intern) })
    },
    CatalogEntry(
      "scaleUp.requested", literal: "Scale-up: setting group ",
      pattern: #"^Scale-up: setting group (\S+) size to (\d+)"#,
      structured: StructuredForm("Scale-up: setting group size", keys: ["nodeGroupId", "size"]), v: 0,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0313 12:34:34.470823       1 executor.go:147] Scale-up: setting group eks-ng-a size to 7",
          .scaleUpRequested(group: "eks-ng-a", size: 7))
      ]
        + CatalogExample.structured(
          "I0313 12:34:34.470823       1 executor.go:148] ", caller: "orchestrator/executor.go:148", v: 0,
          "Scale-up: setting group size", [("nodeGroupId", .string("eks-ng-a")), ("size", .bare("7"))],
          .scaleUpRequested(group: "eks-ng-a", size: 7))
    ) { c in c.int(2).map { .scaleUpRequested(group: c.name(1), size: $0) } },
    CatalogEntry(
      "cloud.aws.setAsgSize", literal: "Setting asg ", pattern: #"^Setting asg (\S+) size to (\d+)"#, v: 0,
      versions: "1.3+ (AWS)",
      examples: [
        CatalogExample(
          "1.3+", "I0313 12:34:34.470926       1 auto_scaling_groups.go:265] Setting asg eks-ng-a size to 7",
          .cloudResize(group: "eks-ng-a", size: 7))
      ]
    ) { c in c.int(2).map { .cloudResize(group: c.name(1), size: $0) } },
    CatalogEntry(
      "cloud.azure.sizeSet", literal: "Target size set done", pattern: #"^Target size set done"#, v: 0,
      versions: "1.3–1.12 (Azure ACS/AKS pool), 1.13+ (Azure scale sets)",
      examples: [
        CatalogExample(
          "1.3–1.12",
          "I0508 07:54:09.484267       1 azure_container_service_pool.go:276] Target size set done, AKS. Value: {Response:{Response:0xc421703050}}",
          .cloudResizeDone(seconds: nil)),
        CatalogExample(
          "1.13+", "I0313 12:00:00.000000       1 azure_scale_set.go:290] Target size set done !!",
          .cloudResizeDone(seconds: nil)),
      ]
    ) { _ in .cloudResizeDone(seconds: nil) },
    CatalogEntry(
      "cloud.azure.updated", literal: "Got Updated value. Time taken: ",
      pattern: #"^Got Updated value\. Time taken: (\S+)"#, v: 0,
      versions: "1.3–1.12 (Azure ACS/AKS pool), 1.13+ (Azure scale sets)",
      examples: [
        CatalogExample(
          "1.3–1.12",
          "I0508 07:54:09.484320       1 azure_container_service_pool.go:299] Got Updated value. Time taken: 2m39.182059589s",
          .cloudResizeDone(seconds: 159.182059589)),
        CatalogExample(
          "1.13+", "I0313 12:00:00.000000       1 azure_scale_set.go:200] Got Updated value. Time taken: 1.5s",
          .cloudResizeDone(seconds: 1.5)),
      ]
    ) { c in .cloudResizeDone(seconds: c.duration(1)) },
    CatalogEntry(
      "scaleUp.finished", literal: "Scale up in group ",
      pattern: #"^Scale up in group (\S+) finished successfully in (\S+)"#,
      structured: StructuredForm("Scale up in group finished successfully", keys: ["nodeGroupName", "duration"]), v: 4,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0927 11:52:36.144782       1 clusterstate.go:194] Scale up in group ASG_NAME finished successfully in 2m0.5s",
          .scaleUpFinished(group: "ASG_NAME", seconds: 120.5))
      ]
        + CatalogExample.structured(
          "I0927 11:52:36.144782       1 clusterstate.go:355] ", caller: "clusterstate/clusterstate.go:355", v: 4,
          "Scale up in group finished successfully",
          [("nodeGroupName", .string("ASG_NAME")), ("duration", .string("2m0.5s"))],
          .scaleUpFinished(group: "ASG_NAME", seconds: 120.5))
    ) { c in .scaleUpFinished(group: c.name(1), seconds: c.duration(2)) },
    CatalogEntry(
      "scaleUp.timedOut", literal: "Scale-up timed out for node group ",
      pattern: #"^Scale-up timed out for node group (\S+) after (\S+)"#,
      structured: StructuredForm("Scale-up timed out for node group after", keys: ["nodeGroupName", "duration"]), v: 0,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "W0313 12:49:40.563382       1 clusterstate.go:266] Scale-up timed out for node group eks-ng-a after 15m5.5s",
          .scaleUpTimedOut(group: "eks-ng-a", seconds: 905.5))
      ]
        + CatalogExample.structured(
          "I0313 12:49:40.563382       1 clusterstate.go:360] ", caller: "clusterstate/clusterstate.go:360", v: 0,
          "Scale-up timed out for node group after",
          [("nodeGroupName", .string("eks-ng-a")), ("duration", .string("15m5.5s"))],
          .scaleUpTimedOut(group: "eks-ng-a", seconds: 905.5))
    ) { c in .scaleUpTimedOut(group: c.name(1), seconds: c.duration(2)) },
    CatalogEntry(
      "scaleUp.revertTimedOut", literal: "Reverting timed-out scale-up for node group ",
      pattern: #"^Reverting timed-out scale-up for node group (\S+) by decreasing target size by (\d+)"#,
      structured: StructuredForm(
        "Reverting timed-out scale-up for node group by decreasing target size", keys: ["nodeGroupName", "increase"]),
      v: 0,
      versions: "1.36–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.36+",
          "W0313 12:49:40.570000       1 clusterstate.go:372] Reverting timed-out scale-up for node group eks-ng-a by decreasing target size by 2",
          .scaleUpReverted(group: "eks-ng-a", delta: 2))
      ]
        + CatalogExample.structured(
          "I0313 12:49:40.570000       1 clusterstate.go:373] ", caller: "clusterstate/clusterstate.go:373", v: 0,
          "Reverting timed-out scale-up for node group by decreasing target size",
          [("nodeGroupName", .string("eks-ng-a")), ("increase", .bare("2"))],
          .scaleUpReverted(group: "eks-ng-a", delta: 2))
    ) { c in c.int(2).map { .scaleUpReverted(group: c.name(1), delta: $0) } },
    CatalogEntry(
      "scaleUp.backoff", literal: "Disabling scale-up for node group ",
      pattern: #"^Disabling scale-up for node group (\S+) until (.+?)(?:; errorClass=([^;\s]*); errorCode=(\S*)|\s*$)"#,
      structured: StructuredForm(
        "Disabling scale-up for node group", keys: ["nodeGroupId", .time("backoffUntil"), "errorClass", "errorCode"]),
      v: 0,
      versions:
        "0.6–1.13 (no error class or code), 1.14 (`errorClass=99`), 1.15–1.37 (`errorClass=Other`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "0.6–1.13",
          "W0313 12:49:40.584456       1 clusterstate.go:223] Disabling scale-up for node group eks-ng-a until 2018-03-13 12:54:40.13918732 +0000 UTC",
          .backoffStarted(
            group: "eks-ng-a", until: .example("2018-03-13T12:54:40.13918732Z"), errorClass: "", errorCode: "",
            failureClass: .other)),
        CatalogExample(
          "1.14",
          "W0313 12:49:40.584456       1 clusterstate.go:255] Disabling scale-up for node group eks-ng-a until 2019-03-13 12:54:40.13918732 +0000 UTC m=+2030.419314682; errorClass=99; errorCode=timeout",
          .backoffStarted(
            group: "eks-ng-a", until: .example("2019-03-13T12:54:40.13918732Z"), errorClass: "99", errorCode: "timeout",
            failureClass: .timeout)),
        CatalogExample(
          "1.15+",
          "W0313 12:49:40.584456       1 clusterstate.go:297] Disabling scale-up for node group eks-ng-a until 2024-03-13 12:54:40.13918732 +0000 UTC m=+2030.419314682; errorClass=Other; errorCode=timeout",
          .backoffStarted(
            group: "eks-ng-a", until: .example("2024-03-13T12:54:40.13918732Z"), errorClass: "Other",
            errorCode: "timeout", failureClass: .timeout)),
      ]
        + CatalogExample.structured(
          "I0313 12:49:40.584456       1 clusterstate.go:405] ", caller: "clusterstate/clusterstate.go:405", v: 0,
          "Disabling scale-up for node group",
          [
            ("nodeGroupId", .string("eks-ng-a")),
            ("backoffUntil", .string("2026-03-13 12:54:40.13918732 +0000 UTC m=+2030.419314682")),
            ("errorClass", .string("Other")), ("errorCode", .string("timeout")),
          ],
          .backoffStarted(
            group: "eks-ng-a", until: .example("2026-03-13T12:54:40.13918732Z"), errorClass: "Other",
            errorCode: "timeout", failureClass: .timeout))
    ) { c in
      let errorClass = c.text(3)
      let errorCode = c.text(4)
      return .backoffStarted(
        group: c.name(1), until: c.goTime(2), errorClass: errorClass, errorCode: errorCode,
        failureClass: FailureClassifier.classifyBackoff(errorClass: errorClass, errorCode: errorCode))
    },
    CatalogEntry(
      "scaleUp.groupInBackoff", literal: "Node group ",
      pattern:
        #"^Node group (\S+) is not ready for scaleup - backoff(?: with status: \{\w+ \{(\w*) (\S*) ?(.*?)\}\}\s*$)?"#,
      structured: StructuredForm(
        "Node group is not ready for scaleup - backoff with status",
        keys: [
          "nodeGroupId", .field("backoffStatus", "ErrorClass"), .field("backoffStatus", "ErrorCode"),
          .lastField("backoffStatus", "ErrorMessage"),
        ]), v: 0,
      versions: "1.12–1.28, 1.29–1.37 (`… with status: {true {Other cloudProviderError …}}`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.12–1.28",
          "W0313 12:50:01.422358       1 orchestrator.go:582] Node group eks-ng-a is not ready for scaleup - backoff",
          .groupInBackoff(group: "eks-ng-a", errorCode: nil, failure: nil)),
        CatalogExample(
          "1.29+",
          "W0313 12:50:01.422358       1 orchestrator.go:599] Node group eks-ng-a is not ready for scaleup - backoff with status: {true {Other cloudProviderError failed to increase node group size: AccessDenied: denied}}",
          .groupInBackoff(
            group: "eks-ng-a", errorCode: "cloudProviderError",
            failure: .backoffStatus(
              group: "eks-ng-a", errorCode: "cloudProviderError",
              message: "failed to increase node group size: AccessDenied: denied"))),
      ]
        + CatalogExample.structured(
          "I0313 12:50:01.422358       1 orchestrator.go:614] ", caller: "orchestrator/orchestrator.go:614", v: 0,
          "Node group is not ready for scaleup - backoff with status",
          [
            ("nodeGroupId", .string("eks-ng-a")),
            (
              "backoffStatus",
              .value(
                text:
                  "{IsBackedOff:true ErrorInfo:{ErrorClass:Other ErrorCode:cloudProviderError ErrorMessage:failed to increase node group size: AccessDenied: denied}}",
                json:
                  "{\"IsBackedOff\":true,\"ErrorInfo\":{\"ErrorClass\":99,\"ErrorCode\":\"cloudProviderError\",\"ErrorMessage\":\"failed to increase node group size: AccessDenied: denied\"}}"
              )
            ),
          ],
          .groupInBackoff(
            group: "eks-ng-a", errorCode: "cloudProviderError",
            failure: .backoffStatus(
              group: "eks-ng-a", errorCode: "cloudProviderError",
              message: "failed to increase node group size: AccessDenied: denied")))
    ) { c in
      let group = c.text(1)
      let errorCode = c.string(3)
      let failure = c.string(4).flatMap {
        $0.isEmpty ? nil : FailureDetail.backoffStatus(group: group, errorCode: errorCode, message: $0)
      }
      return .groupInBackoff(group: c.intern(group), errorCode: errorCode, failure: failure)
    },
    CatalogEntry(
      "scaleUp.deletingCreateErrors", literal: "Deleting ",
      pattern: #"^Deleting (\d+) from (\S+) node group because of create errors"#,
      structured: StructuredForm(
        "Deleting node group because of create errors", keys: ["nodesToDeleteCount", "nodeGroupId"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0313 12:40:10.000000       1 static_autoscaler.go:845] Deleting 1 from eks-gpu node group because of create errors",
          .failedNodesDeleted(count: 1, group: "eks-gpu"))
      ]
        + CatalogExample.structured(
          "I0313 12:40:10.000000       1 static_autoscaler.go:1125] ", caller: "core/static_autoscaler.go:1125", v: 1,
          "Deleting node group because of create errors",
          [("nodesToDeleteCount", .bare("1")), ("nodeGroupId", .string("eks-gpu"))],
          .failedNodesDeleted(count: 1, group: "eks-gpu"))
    ) { c in c.int(1).map { .failedNodesDeleted(count: $0, group: c.name(2)) } },
    CatalogEntry(
      "scaleUp.groupNotReady", literal: "Node group ",
      pattern: #"^Node group (\S+) is not ready for scaleup(?: - (\w+))?\s*$"#,
      structured: StructuredForm(
        "Node group is not ready for scaleup - unhealthy", keys: ["nodeGroupId", .constant("unhealthy")]), v: 0,
      versions: "1.3 (no reason), 1.12–1.37 (`- unhealthy`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3", "W0313 12:50:01.422358       1 scale_up.go:321] Node group eks-ng-a is not ready for scaleup",
          .groupNotReady(group: "eks-ng-a", reason: "not ready")),
        CatalogExample(
          "1.12+",
          "W0313 12:50:01.422358       1 orchestrator.go:596] Node group eks-ng-a is not ready for scaleup - unhealthy",
          .groupNotReady(group: "eks-ng-a", reason: "unhealthy")),
      ]
        + CatalogExample.structured(
          "I0313 12:50:01.422358       1 orchestrator.go:611] ", caller: "orchestrator/orchestrator.go:611", v: 0,
          "Node group is not ready for scaleup - unhealthy", [("nodeGroupId", .string("eks-ng-a"))],
          .groupNotReady(group: "eks-ng-a", reason: "unhealthy"))
    ) { c in .groupNotReady(group: c.name(1), reason: c.string(2) ?? "not ready") },
    CatalogEntry(
      "scaleUp.maxSizeReached", literal: "Skipping node group ",
      pattern: #"^Skipping node group (\S+) - max size reached"#,
      structured: StructuredForm("Skipping node group - max size reached", keys: ["nodeGroupId"]), v: 4,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I1227 10:48:23.118126       1 scale_up.go:116] Skipping node group nodes.example - max size reached",
          .maxSizeReached(group: "nodes.example"))
      ]
        + CatalogExample.structured(
          "I1227 10:48:23.118126       1 orchestrator.go:350] ", caller: "orchestrator/orchestrator.go:350", v: 4,
          "Skipping node group - max size reached", [("nodeGroupId", .string("nodes.example"))],
          .maxSizeReached(group: "nodes.example"))
    ) { .maxSizeReached(group: $0.name(1)) },
    CatalogEntry(
      "scaleUp.predicateFailed", literal: "Pod ",
      pattern: #"^Pod (\S+) can't be scheduled on (\S+?),? predicate (?:checking error|failed): (.*)"#,
      structured: StructuredForm("Pod can't be scheduled, predicate checking", keys: ["pod", "nodeGroupId", "err"]),
      v: 2,
      versions:
        "1.3–1.17 (`predicate failed`), 1.18+ (`predicate checking error`), 1.32–1.37 (`can't schedule pod …`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.17",
          "I0313 12:00:00.000000       1 utils.go:237] Pod web-1 can't be scheduled on eks-ng-a, predicate failed: PodFitsResources predicate mismatch, reason: Insufficient cpu",
          .podDoesNotFitGroup(
            pod: "web-1", group: "eks-ng-a", reason: "PodFitsResources predicate mismatch, reason: Insufficient cpu")),
        CatalogExample(
          "1.18–1.31",
          "I0313 12:00:00.000000       1 orchestrator.go:546] Pod default/web-1 can't be scheduled on eks-ng-a, predicate checking error: Insufficient cpu; predicateName=NodeResourcesFit; reasons: Insufficient cpu; debugInfo=",
          .podDoesNotFitGroup(pod: "default/web-1", group: "eks-ng-a", reason: "Insufficient cpu")),
        CatalogExample(
          "1.32+",
          "I0313 12:00:00.000000       1 orchestrator.go:588] Pod default/web-1 can't be scheduled on eks-ng-a, predicate checking error: can't schedule pod default/web-1: predicate \"NodeAffinity\" didn't pass (predicateReasons=[node(s) didn't match Pod's node affinity/selector]; debugInfo=)",
          .podDoesNotFitGroup(
            pod: "default/web-1", group: "eks-ng-a", reason: "node(s) didn't match Pod's node affinity/selector")),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 orchestrator.go:575] ", caller: "orchestrator/orchestrator.go:575", v: 2,
          "Pod can't be scheduled, predicate checking",
          [
            ("pod", .string("default/web-1")), ("nodeGroupId", .string("eks-ng-a")),
            (
              "err",
              .string(
                "can't schedule pod default/web-1: predicate \"NodeAffinity\" didn't pass (predicateReasons=[node(s) didn't match Pod's node affinity/selector]; debugInfo=)"
              )
            ),
          ],
          .podDoesNotFitGroup(
            pod: "default/web-1", group: "eks-ng-a", reason: "node(s) didn't match Pod's node affinity/selector"))
    ) { c in .podDoesNotFitGroup(pod: c.name(1), group: c.name(2), reason: PredicateText.reason(c.text(3))) },
    CatalogEntry(
      "scaleUp.similarPodsDoNotFit", literal: " other pods similar to ", .anywhere,
      pattern: #"^(\d+) other pods similar to (\S+) can't be scheduled on (\S+)"#,
      structured: StructuredForm("Other similar pods can't be scheduled", keys: ["podCount", "pod", "nodeGroupId"]),
      v: 2, versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0313 12:00:00.000000       1 orchestrator.go:548] 4 other pods similar to default/web-1 can't be scheduled on eks-ng-a",
          .similarPodsDoNotFitGroup(count: 4, pod: "default/web-1", group: "eks-ng-a"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 orchestrator.go:577] ", caller: "orchestrator/orchestrator.go:577", v: 2,
          "Other similar pods can't be scheduled",
          [("podCount", .bare("4")), ("pod", .string("default/web-1")), ("nodeGroupId", .string("eks-ng-a"))],
          .similarPodsDoNotFitGroup(count: 4, pod: "default/web-1", group: "eks-ng-a"))
    ) { c in c.int(1).map { .similarPodsDoNotFitGroup(count: $0, pod: c.name(2), group: c.name(3)) } },
    CatalogEntry(
      // 1.2x wrote the message with a doubled i (`No expansion optiions`).
      "scaleUp.noExpansionOptions", literal: "No expansion opti", pattern: #"^No expansion optii?ons"#,
      structured: StructuredForm("No expansion options"), v: 1,
      versions: "1.3–1.37 (1.2x: `optiions`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.2x", "I0313 12:00:00.000000       1 scale_up.go:441] No expansion optiions", .noExpansionOptions
        ),
        CatalogExample(
          "1.3+", "I1227 10:48:23.118148       1 scale_up.go:186] No expansion options", .noExpansionOptions),
      ]
        + CatalogExample.structured(
          "I1227 10:48:23.118148       1 orchestrator.go:1104] ", caller: "orchestrator/orchestrator.go:1104", v: 1,
          "No expansion options", [], .noExpansionOptions)
    ) { _ in .noExpansionOptions },
  ]
}
