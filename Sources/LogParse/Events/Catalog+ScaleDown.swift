extension Catalog {
  /// Messages of node removal: candidacy, the removal itself, the cloud's termination, and why nodes stay.
  static let scaleDownEntries: [CatalogEntry] = [
    CatalogEntry(
      "scaleDown.utilization", literal: "Node ",
      // The resource is any the node's utilization was decided by: `cpu`, `memory`, `nvidia.com/gpu`, an extended one.
      pattern:
        #"^Node (\S+) - (?:([\w./-]+) )?(?:utilization ([0-9.eE+-]+)|requested is ([0-9.eE+-]+)% of allocatable)"#,
      v: 4,
      versions:
        "1.3–1.17 (`utilization`), 1.18–1.28 (`cpu utilization`, a GPU node's `nvidia.com/gpu utilization`), 1.29+ (`requested is X% of allocatable`)",
      examples: [
        CatalogExample(
          "1.3–1.17",
          "I0927 11:57:07.790306       1 scale_down.go:407] Node ip-172-19-67-52.ap-northeast-1.compute.internal - utilization 0.055000",
          .nodeUtilization(node: "ip-172-19-67-52.ap-northeast-1.compute.internal", utilization: 0.055)),
        CatalogExample(
          "1.18–1.28", "I0313 12:00:00.000000       1 eligibility.go:166] Node ip-10-0-1-5 - cpu utilization 0.312500",
          .nodeUtilization(node: "ip-10-0-1-5", utilization: 0.3125)),
        CatalogExample(
          "1.18–1.28",
          "I0313 12:00:00.000000       1 eligibility.go:166] Node ip-10-0-9-9 - nvidia.com/gpu utilization 0.500000",
          .nodeUtilization(node: "ip-10-0-9-9", utilization: 0.5)),
        CatalogExample(
          "1.29+",
          "I0313 12:00:00.000000       1 klogx.go:87] Node ip-10-0-1-5 - cpu requested is 31.25% of allocatable",
          .nodeUtilization(node: "ip-10-0-1-5", utilization: 0.3125)),
        CatalogExample(
          "1.29+",
          "I0313 12:00:00.000000       1 klogx.go:87] Node ip-10-0-9-9 - nvidia.com/gpu requested is 75% of allocatable",
          .nodeUtilization(node: "ip-10-0-9-9", utilization: 0.75)),
      ]
    ) { c in
      guard let value = c.double(3) ?? c.double(4).map({ $0 / 100 }) else { return nil }
      return c.utilization(value).map { .nodeUtilization(node: c.name(1), utilization: $0) }
    },
    CatalogEntry(
      "scaleDown.unneededSince", literal: " is unneeded since ", .anywhere,
      pattern: #"^(\S+) is unneeded since (.+?) duration (\S+)"#,
      structured: StructuredForm("Node is unneeded", keys: ["nodeName", .time("since"), "duration"]), v: 4,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0927 11:57:07.790634       1 static_autoscaler.go:359] ip-172-19-67-52.ap-northeast-1.compute.internal is unneeded since 2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.491422805 duration 30s",
          .nodeUnneededSince(
            node: "ip-172-19-67-52.ap-northeast-1.compute.internal", since: .example("2019-09-27T11:57:07.773690521Z"),
            seconds: 30.0))
      ]
        + CatalogExample.structured(
          "I0927 11:57:07.790634       1 nodes.go:152] ", caller: "unneeded/nodes.go:152", v: 4, "Node is unneeded",
          [
            ("nodeName", .string("ip-172-19-67-52.ap-northeast-1.compute.internal")),
            ("since", .string("2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.491422805")),
            ("duration", .string("30s")),
          ],
          .nodeUnneededSince(
            node: "ip-172-19-67-52.ap-northeast-1.compute.internal", since: .example("2019-09-27T11:57:07.773690521Z"),
            seconds: 30.0))
    ) { c in
      // The structured message is shared with the V2 form, which states no `since`.
      guard c.takesPart(2) else { return nil }
      return .nodeUnneededSince(node: c.name(1), since: c.goTime(2), seconds: c.duration(3))
    },
    CatalogEntry(
      "scaleDown.unneededFor", literal: " was unneeded for ", .anywhere, pattern: #"^(\S+) was unneeded for (\S+)"#,
      structured: StructuredForm("Node is unneeded", keys: ["nodeName", "duration"]), v: 2,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0927 12:07:12.161767       1 scale_down.go:600] ip-172-19-67-52.ap-northeast-1.compute.internal was unneeded for 10m4.5s",
          .nodeUnneededFor(node: "ip-172-19-67-52.ap-northeast-1.compute.internal", seconds: 604.5))
      ]
        + CatalogExample.structured(
          "I0927 12:07:12.161767       1 nodes.go:215] ", caller: "unneeded/nodes.go:215", v: 2, "Node is unneeded",
          [("nodeName", .string("ip-172-19-67-52.ap-northeast-1.compute.internal")), ("duration", .string("10m4.5s"))],
          .nodeUnneededFor(node: "ip-172-19-67-52.ap-northeast-1.compute.internal", seconds: 604.5))
    ) { c in c.duration(2).map { .nodeUnneededFor(node: c.name(1), seconds: $0) } },
    CatalogEntry(
      "scaleDown.removingEmpty", literal: "Scale-down: removing empty node ",
      pattern: #"^Scale-down: removing empty node "?([^"\s]+)"?"#,
      structured: StructuredForm("Scale-down: removing empty node", keys: ["node"]), v: 0,
      versions: "1.3–1.24 (bare name), 1.25–1.37 (quoted), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.24",
          "I0927 12:07:12.161868       1 scale_down.go:819] Scale-down: removing empty node ip-172-19-67-52.ap-northeast-1.compute.internal",
          .scaleDownEmpty(node: "ip-172-19-67-52.ap-northeast-1.compute.internal")),
        CatalogExample(
          "1.25+",
          "I0313 13:01:02.300000       1 actuator.go:137] Scale-down: removing empty node \"ip-10-0-1-5.ec2.internal\"",
          .scaleDownEmpty(node: "ip-10-0-1-5.ec2.internal")),
      ]
        + CatalogExample.structured(
          "I0313 13:01:02.300000       1 actuator.go:177] ", caller: "actuation/actuator.go:177", v: 0,
          "Scale-down: removing empty node", [("node", .string("ip-10-0-1-5.ec2.internal"))],
          .scaleDownEmpty(node: "ip-10-0-1-5.ec2.internal"))
    ) { .scaleDownEmpty(node: $0.name(1)) },
    CatalogEntry(
      "scaleDown.removingDrain", literal: "Scale-down: removing node ",
      pattern: #"^Scale-down: removing node (\S+?),? utilization: (\{[^}]*\}|\S+?),? pods to reschedule: ?(.*)"#,
      structured: StructuredForm(
        "Scale-down: removing node", keys: ["node", .field("utilization", "Utilization"), .list("podsToReschedule")]),
      v: 0,
      versions:
        "1.3–1.17 (`{Cpu Mem Util}`), 1.18–1.24 (`{Cpu Mem Gpu ResourceName Util}`, pods `ns/name`), 1.25–1.31 (bare pod names), 1.32–1.37 (with DRA), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.17",
          "I0313 13:01:02.300000       1 scale_down.go:754] Scale-down: removing node ip-10-0-1-5, utilization: {0.21 0.13 0.21}, pods to reschedule: default/web-1,default/web-2",
          .scaleDownDrain(node: "ip-10-0-1-5", utilization: 0.21, pods: ["default/web-1", "default/web-2"])),
        CatalogExample(
          "1.18–1.24",
          "I0313 13:01:02.300000       1 scale_down.go:780] Scale-down: removing node ip-10-0-1-5, utilization: {0.21 0.13 0 cpu 0.21}, pods to reschedule: default/web-1",
          .scaleDownDrain(node: "ip-10-0-1-5", utilization: 0.21, pods: ["default/web-1"])),
        CatalogExample(
          "1.25–1.31",
          "I0414 10:21:40.293272       1 actuator.go:212] Scale-down: removing node ip-10-160-50-114.us-west-2.compute.internal, utilization: {0.6940581542351454 0.6892291641475079 0 cpu 0.6940581542351454}, pods to reschedule: pod-hbhqf,pod-lx6fg",
          .scaleDownDrain(
            node: "ip-10-160-50-114.us-west-2.compute.internal", utilization: 0.6940581542351454,
            pods: ["pod-hbhqf", "pod-lx6fg"])),
        CatalogExample(
          "1.32+",
          "I0313 13:01:02.300000       1 actuator.go:269] Scale-down: removing node ip-10-0-1-5, utilization: {0.25 0.5 0 0 memory 0.5}, pods to reschedule: web-1",
          .scaleDownDrain(node: "ip-10-0-1-5", utilization: 0.5, pods: ["web-1"])),
      ]
        + CatalogExample.structured(
          "I0313 13:01:02.300000       1 actuator.go:271] ", caller: "actuation/actuator.go:271", v: 0,
          "Scale-down: removing node",
          [
            ("node", .string("ip-10-0-1-5")),
            (
              "utilization",
              .value(
                text: "{CpuUtil:0.25 MemUtil:0.5 GpuUtil:0 DynamicResourceUtil:0 ResourceName:memory Utilization:0.5}",
                json:
                  "{\"CpuUtil\":0.25,\"MemUtil\":0.5,\"GpuUtil\":0,\"DynamicResourceUtil\":0,\"ResourceName\":\"memory\",\"Utilization\":0.5}"
              )
            ), ("podsToReschedule", .string("web-1,web-2")),
          ], .scaleDownDrain(node: "ip-10-0-1-5", utilization: 0.5, pods: ["web-1", "web-2"]))
    ) { c in
      let pods = c.nameList(3, separator: ",")
      return .scaleDownDrain(node: c.name(1), utilization: c.utilization(UtilizationText.value(c.text(2))), pods: pods)
    },
    CatalogEntry(
      "scaleDown.taintAdded", literal: "Successfully added ",
      pattern: #"^Successfully added (?i:ToBeDeletedTaint|ToBeDeletedByClusterAutoscaler)(?: taints?)? on node (\S+)"#,
      structured: StructuredForm(
        "Successfully added taints on node", printf: "Successfully added %v on node %v", keys: ["taints", "node"]),
      v: 1, versions: "1.3–1.29 (`ToBeDeletedTaint`), 1.30–1.37 (`ToBeDeletedByClusterAutoscaler`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.29",
          "I0927 12:07:12.176857       1 delete.go:64] Successfully added toBeDeletedTaint on node ip-172-19-67-52.ap-northeast-1.compute.internal",
          .deletionTaintAdded(node: "ip-172-19-67-52.ap-northeast-1.compute.internal")),
        CatalogExample(
          "1.30+",
          "I0313 12:00:00.000000       1 taints.go:241] Successfully added ToBeDeletedByClusterAutoscaler on node ip-10-0-1-5",
          .deletionTaintAdded(node: "ip-10-0-1-5")),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 taints.go:242] ", caller: "taints/taints.go:242", v: 1,
          "Successfully added taints on node",
          [("taints", .string("ToBeDeletedByClusterAutoscaler")), ("node", .string("ip-10-0-1-5"))],
          .deletionTaintAdded(node: "ip-10-0-1-5"))
    ) { .deletionTaintAdded(node: $0.name(1)) },
    CatalogEntry(
      "scaleDown.drainFinished", literal: "All pods removed from ", pattern: #"^All pods removed from (\S+)"#,
      structured: StructuredForm("All pods removed node", keys: ["node"]), v: 1,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0504 09:10:17.928963 1 scale_down.go:1478] All pods removed from aks-npuser01-61737176-vmss000006",
          .drainFinished(node: "aks-npuser01-61737176-vmss000006"))
      ]
        + CatalogExample.structured(
          "I0504 09:10:17.928963       1 drain.go:142] ", caller: "actuation/drain.go:142", v: 1,
          "All pods removed node", [("node", .string("aks-npuser01-61737176-vmss000006"))],
          .drainFinished(node: "aks-npuser01-61737176-vmss000006"))
    ) { .drainFinished(node: $0.name(1)) },
    CatalogEntry(
      "cloud.aws.terminating", literal: "Terminating EC2 instance: ",
      pattern: #"^Terminating EC2 instance: (i-[0-9A-Za-z-]+)"#, v: 4, versions: "1.3–1.34 (AWS)",
      examples: [
        CatalogExample(
          "1.3–1.34",
          "I0927 12:07:12.391908       1 auto_scaling_groups.go:269] Terminating EC2 instance: i-066bc60549f083e38",
          .instanceTerminated(instanceId: "i-066bc60549f083e38"))
      ]
    ) { .instanceTerminated(instanceId: $0.name(1)) },
    CatalogEntry(
      "cloud.aws.terminated", literal: "Terminated instance ",
      pattern: #"^Terminated instance (\S+) in autoscaling group"#, v: 4, versions: "1.35+ (AWS)",
      examples: [
        CatalogExample(
          "1.35+",
          "I0313 13:01:02.700000       1 auto_scaling_groups.go:379] Terminated instance i-0abc in autoscaling group: Terminating EC2 instance: i-0abc",
          .instanceTerminated(instanceId: "i-0abc"))
      ]
    ) { .instanceTerminated(instanceId: $0.name(1)) },
    CatalogEntry(
      "cloud.azure.deletingInstances", literal: "Deleting vmss instances ",
      pattern: #"^Deleting vmss instances \[(.*)\]"#, v: 0, versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+",
          "I0504 09:10:17.929205 1 azure_scale_set.go:705] Deleting vmss instances [azure:///subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-np-1-vmss/virtualMachines/6]",
          .scaleSetInstancesDeleting(
            scaleSet: "aks-np-1-vmss", instances: ["6"],
            ids: [
              "azure:///subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-np-1-vmss/virtualMachines/6"
            ]))
      ]
    ) { c in ScaleSetText.deletion(c.longText(1), name: c.name).map { $0.mapNames(c.intern) } },
    CatalogEntry(
      "scaleDown.unregistered", literal: "unregistered node ", .anywhere,
      pattern: #"^(?:Removing|Marking) unregistered node (\S+)"#,
      structured: StructuredForm("Marking unregistered node for removal", keys: ["node"]), v: 0,
      versions: "1.3–1.27 (`Removing …`), 1.28–1.37 (`Marking … for removal`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.27", "I0313 12:50:00.000000       1 utils.go:467] Removing unregistered node i-0abc",
          .unregisteredNodeRemoval(node: "i-0abc")),
        CatalogExample(
          "1.28+",
          "I0313 12:50:00.000000       1 static_autoscaler.go:860] Marking unregistered node i-0abc for removal",
          .unregisteredNodeRemoval(node: "i-0abc")),
      ]
        + CatalogExample.structured(
          "I0313 12:50:00.000000       1 static_autoscaler.go:1098] ", caller: "core/static_autoscaler.go:1098", v: 0,
          "Marking unregistered node for removal", [("node", .string("i-0abc"))],
          .unregisteredNodeRemoval(node: "i-0abc"))
    ) { .unregisteredNodeRemoval(node: $0.name(1)) },
  ]
}
