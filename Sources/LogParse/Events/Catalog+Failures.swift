extension Catalog {
  /// Error lines: each record is a failure, classified later from its whole text.
  static let failureEntries: [CatalogEntry] = [
    CatalogEntry(
      "failure.instancesNotCreated", literal: "Failed adding ",
      pattern: #"^Failed adding (\d+) nodes (?:\(\d+ unseen previously\) )?to group (\S+) due to (\S+?);?(?: |$)"#,
      structured: StructuredForm(
        "Failed adding nodes to group",
        printf: "Failed adding %v nodes (%v unseen previously) to group %v due to %v; errorMessages=%v",
        keys: ["instancesCount", "previouslyUnseenInstancesCount", "nodeGroupId", "errorCode", "errorMessages"]), v: 1,
      versions: "1.3–1.14, 1.15–1.37 (`CLASS.CODE; errorMessages=…`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.14",
          "I0313 12:40:00.000000       1 clusterstate.go:1002] Failed adding 2 nodes (2 unseen previously) to group mig-a due to QUOTA_EXCEEDED",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "mig-a", fatal: false,
              message: "Failed adding 2 nodes (2 unseen previously) to group mig-a due to QUOTA_EXCEEDED"))),
        CatalogExample(
          "1.15+",
          "I0313 12:40:00.000000       1 clusterstate.go:1094] Failed adding 1 nodes (1 unseen previously) to group eks-ng-a due to OutOfResource.placeholder-cannot-be-fulfilled; errorMessages=[]string{\"AWS cannot provision any more instances for this node group\"}",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-ng-a", fatal: false,
              message:
                "Failed adding 1 nodes (1 unseen previously) to group eks-ng-a due to OutOfResource.placeholder-cannot-be-fulfilled; errorMessages=[]string{\"AWS cannot provision any more instances for this node group\"}"
            ))),
      ]
        + CatalogExample.structured(
          "I0313 12:40:00.000000       1 clusterstate.go:1293] ", caller: "clusterstate/clusterstate.go:1293", v: 1,
          "Failed adding nodes to group",
          [
            ("instancesCount", .bare("1")), ("previouslyUnseenInstancesCount", .bare("1")),
            ("nodeGroupId", .string("eks-ng-a")),
            ("errorCode", .string("OutOfResource.placeholder-cannot-be-fulfilled")),
            (
              "errorMessages",
              .value(
                text: "[AWS cannot provision any more instances for this node group]",
                json: "[\"AWS cannot provision any more instances for this node group\"]")
            ),
          ],
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-ng-a", fatal: false,
              message:
                "Failed adding 1 nodes (1 unseen previously) to group eks-ng-a due to OutOfResource.placeholder-cannot-be-fulfilled; errorMessages=[AWS cannot provision any more instances for this node group]"
            )),
          json: .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-ng-a", fatal: false,
              message:
                "Failed adding 1 nodes (1 unseen previously) to group eks-ng-a due to OutOfResource.placeholder-cannot-be-fulfilled; errorMessages=[\"AWS cannot provision any more instances for this node group\"]"
            )))
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(2), message: c.message)) },
    CatalogEntry(
      "failure.gceInstanceErrors", literal: "Spotted following instance creation error codes: ",
      pattern: #"^Spotted following instance creation error codes: (.*)"#, v: 0, versions: "1.15+ (GCE)",
      examples: [
        CatalogExample(
          "1.15+",
          "W0313 12:40:00.000000       1 autoscaling_gce_client.go:391] Spotted following instance creation error codes: map[string]int{\"ZONE_RESOURCE_POOL_EXHAUSTED\":3}",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Spotted following instance creation error codes: map[string]int{\"ZONE_RESOURCE_POOL_EXHAUSTED\":3}")))
      ]
    ) { c in .failure(FailureDetail(message: c.message)) },
    CatalogEntry(
      "failure.azureIncreaseCapacity", literal: "Failed to increase capacity for scale set ",
      pattern: #"^Failed to increase capacity for scale set "?([^"\s]+)"? to \d+: "#, v: 0, versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+",
          "E0313 12:40:00.000000       1 azure_scale_set.go:309] Failed to increase capacity for scale set \"aks-pool-vmss\" to 5: Code=\"OperationNotAllowed\" Message=\"Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota.\"",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "aks-pool-vmss", fatal: false,
              message:
                "Failed to increase capacity for scale set \"aks-pool-vmss\" to 5: Code=\"OperationNotAllowed\" Message=\"Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota.\""
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.azureCreateOrUpdate", literal: "virtualMachineScaleSetsClient.BeginCreateOrUpdate for scale set ",
      pattern: #"^virtualMachineScaleSetsClient\.BeginCreateOrUpdate for scale set "?([^"\s]+)"? failed"#, v: 0,
      versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+",
          "E0313 12:40:00.000000       1 azure_scale_set.go:287] virtualMachineScaleSetsClient.BeginCreateOrUpdate for scale set \"aks-pool-vmss\" failed: AuthorizationFailed: The client does not have authorization to perform action 'Microsoft.Compute/virtualMachineScaleSets/write'",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "aks-pool-vmss", fatal: false,
              message:
                "virtualMachineScaleSetsClient.BeginCreateOrUpdate for scale set \"aks-pool-vmss\" failed: AuthorizationFailed: The client does not have authorization to perform action 'Microsoft.Compute/virtualMachineScaleSets/write'"
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.azureUpdateCapacity", literal: "Failed to update the capacity for vmss ",
      pattern: #"^Failed to update the capacity for vmss (\S+) with error "#, v: 0, versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+",
          "E0313 12:40:00.000000       1 azure_scale_set.go:330] Failed to update the capacity for vmss aks-pool-vmss with error Code=\"OperationNotAllowed\", invalidate the cache so as to get the real size from API",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "aks-pool-vmss", fatal: false,
              message:
                "Failed to update the capacity for vmss aks-pool-vmss with error Code=\"OperationNotAllowed\", invalidate the cache so as to get the real size from API"
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.azureDeleteInstances", literal: "PollUntilDone for DeleteInstances(",
      pattern: #"^PollUntilDone for DeleteInstances\(.*?\) for (\S+) failed with error: "#, v: 0,
      versions: "1.13+ (Azure)",
      examples: [
        CatalogExample(
          "1.13+",
          "E0313 13:01:05.000000       1 azure_scale_set.go:520] PollUntilDone for DeleteInstances([6]) for aks-pool-vmss failed with error: Code=\"OperationNotAllowed\"",
          .failure(
            FailureDetail(
              operation: .scaleDown, nodeGroup: "aks-pool-vmss", fatal: false,
              message:
                "PollUntilDone for DeleteInstances([6]) for aks-pool-vmss failed with error: Code=\"OperationNotAllowed\""
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .scaleDown, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.aws.cannotProvision", literal: "Instance group ",
      pattern: #"^Instance group (\S+) cannot provision any more nodes"#, v: 0, versions: "1.24+ (AWS)",
      examples: [
        CatalogExample(
          "1.24+",
          "W0313 12:36:00.000000       1 auto_scaling_groups.go:453] Instance group eks-gpu cannot provision any more nodes!",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-gpu", fatal: false,
              message: "Instance group eks-gpu cannot provision any more nodes!")))
      ]
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.aws.asgScalingFailed", literal: "ASG ", pattern: #"^ASG (\S+) scaling failed with "#, v: 0,
      versions: "1.24–1.34 (the activity printed over several lines), 1.35+ (`with description: …`)",
      examples: [
        CatalogExample(
          "1.24–1.34",
          "W0313 12:36:00.000000       1 auto_scaling_groups.go:516] ASG eks-gpu scaling failed with {\n  StatusCode: \"Failed\",\n  StatusMessage: \"We currently do not have sufficient g4dn.4xlarge capacity in the Availability Zone you requested (us-east-1a).\"\n}",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-gpu", fatal: false,
              message:
                "ASG eks-gpu scaling failed with { StatusCode: \"Failed\",\n  StatusMessage: \"We currently do not have sufficient g4dn.4xlarge capacity in the Availability Zone you requested (us-east-1a).\"\n}"
            ))),
        CatalogExample(
          "1.35+",
          "W0313 12:36:00.000000       1 auto_scaling_groups.go:555] ASG eks-gpu scaling failed with description: Launching a new EC2 instance. Status Reason: We currently do not have sufficient g4dn.4xlarge capacity in the Availability Zone you requested (us-east-1a).",
          .failure(
            FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-gpu", fatal: false,
              message:
                "ASG eks-gpu scaling failed with description: Launching a new EC2 instance. Status Reason: We currently do not have sufficient g4dn.4xlarge capacity in the Availability Zone you requested (us-east-1a)."
            ))),
      ]
    ) { c in .failure(FailureDetail(operation: .scaleUp, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.aws.eksDescribeNodegroup", literal: "Failed to get ",
      pattern: #"^Failed to get (?:labels|taints|tags) from EKS DescribeNodegroup API for nodegroup (\S+) in cluster"#,
      v: 0, versions: "1.34+ (AWS, managed node groups)",
      examples: [
        CatalogExample(
          "1.34+",
          "E0313 12:00:00.000000       1 aws_manager.go:308] Failed to get labels from EKS DescribeNodegroup API for nodegroup ng-a in cluster prod because AccessDeniedException: User is not authorized to perform: eks:DescribeNodegroup.",
          .failure(
            FailureDetail(
              operation: .template, nodeGroup: "ng-a", fatal: false,
              message:
                "Failed to get labels from EKS DescribeNodegroup API for nodegroup ng-a in cluster prod because AccessDeniedException: User is not authorized to perform: eks:DescribeNodegroup."
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .template, nodeGroup: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.scaleDownDelete", literal: "Scale-down: couldn't delete node ",
      pattern: #"^Scale-down: couldn't delete node "?([^",\s]+)"?"#,
      structured: StructuredForm(
        "Scale-down: couldn't delete node with drain",
        printf: "Scale-down: couldn't delete node \"%v\" with drain, %v, status error: %v",
        keys: ["node", "err", "statusErr"]), v: 0,
      versions: "1.25 (`…, err: …`), 1.26–1.37 (`…, status error: …`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.25",
          "E0313 13:01:05.000000       1 actuator.go:335] Scale-down: couldn't delete node \"ip-10-0-1-6\" with drain, err: failed to drain the node: Cannot evict pod as it would violate the pod's disruption budget.",
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-6", fatal: false,
              message:
                "Scale-down: couldn't delete node \"ip-10-0-1-6\" with drain, err: failed to drain the node: Cannot evict pod as it would violate the pod's disruption budget."
            ))),
        CatalogExample(
          "1.26–1.37",
          "E0313 13:01:05.000000       1 delete_in_batch.go:191] Scale-down: couldn't delete node \"ip-10-0-1-5.ec2.internal\" with drain, failed to delete nodes from group eks-ng-a: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup, status error: failed to delete",
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-5.ec2.internal", fatal: false,
              message:
                "Scale-down: couldn't delete node \"ip-10-0-1-5.ec2.internal\" with drain, failed to delete nodes from group eks-ng-a: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup, status error: failed to delete"
            ))),
      ]
        + CatalogExample.structured(
          "E0313 13:01:05.000000       1 delete_in_batch.go:209] ", caller: "actuation/delete_in_batch.go:209", v: 0,
          "Scale-down: couldn't delete node with drain",
          error:
            "failed to delete nodes from group eks-ng-a: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup",
          [("node", .string("ip-10-0-1-5.ec2.internal")), ("statusErr", .string("failed to delete"))],
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-5.ec2.internal", fatal: false,
              message:
                "Scale-down: couldn't delete node \"ip-10-0-1-5.ec2.internal\" with drain, failed to delete nodes from group eks-ng-a: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup, status error: failed to delete"
            )))
    ) { c in .failure(FailureDetail(operation: .scaleDown, node: c.string(1), message: c.message)) },
    CatalogEntry(
      "failure.scaleDownDeleteEmpty", literal: "Scale-down: couldn't delete empty node",
      pattern: #"^Scale-down: couldn't delete empty node(?: "?([^",\s]+)"?)?"#,
      structured: StructuredForm(
        "Scale-down: couldn't delete empty node",
        printf: "Scale-down: couldn't delete empty node \"%v\", %v, status error: %v",
        keys: ["node", "err", "statusErr"]), v: 0,
      versions:
        "1.25 (`…, err: …`), 1.26–1.32 (`…, status error: …`), 1.28 (`… new pods got scheduled`), 1.33–1.37 (node named), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.25",
          "E0313 13:01:05.000000       1 actuator.go:330] Scale-down: couldn't delete empty node, err: failed to delete nodes from group eks-ng-a: AccessDenied",
          .failure(
            FailureDetail(
              operation: .scaleDown, fatal: false,
              message:
                "Scale-down: couldn't delete empty node, err: failed to delete nodes from group eks-ng-a: AccessDenied")
          )),
        CatalogExample(
          "1.26–1.32",
          "E0313 13:01:05.000000       1 delete_in_batch.go:188] Scale-down: couldn't delete empty node, failed to delete nodes from group eks-ng-a: Throttling: Rate exceeded, status error: failed to delete",
          .failure(
            FailureDetail(
              operation: .scaleDown, fatal: false,
              message:
                "Scale-down: couldn't delete empty node, failed to delete nodes from group eks-ng-a: Throttling: Rate exceeded, status error: failed to delete"
            ))),
        CatalogExample(
          "1.28",
          "E0313 13:01:05.000000       1 actuator.go:261] Scale-down: couldn't delete empty node \"ip-10-0-1-7\", new pods got scheduled",
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-7", fatal: false,
              message: "Scale-down: couldn't delete empty node \"ip-10-0-1-7\", new pods got scheduled"))),
        CatalogExample(
          "1.33–1.37",
          "E0313 13:01:05.000000       1 delete_in_batch.go:206] Scale-down: couldn't delete empty node \"ip-10-0-1-5\", failed to delete nodes from group eks-ng-a: AccessDenied, status error: failed to delete",
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-5", fatal: false,
              message:
                "Scale-down: couldn't delete empty node \"ip-10-0-1-5\", failed to delete nodes from group eks-ng-a: AccessDenied, status error: failed to delete"
            ))),
      ]
        + CatalogExample.structured(
          "I0313 13:01:05.000000       1 delete_in_batch.go:207] ", caller: "actuation/delete_in_batch.go:207", v: 0,
          "Scale-down: couldn't delete empty node",
          [
            ("node", .string("ip-10-0-1-5")), ("statusErr", .string("failed to delete")),
            ("err", .string("failed to delete nodes from group eks-ng-a: AccessDenied")),
          ],
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-5", fatal: false,
              message:
                "Scale-down: couldn't delete empty node \"ip-10-0-1-5\", failed to delete nodes from group eks-ng-a: AccessDenied, status error: failed to delete"
            )))
    ) { c in .failure(FailureDetail(operation: .scaleDown, node: c.string(1), message: c.message)) },
    CatalogEntry(
      "failure.evictPod", literal: "Failed to evict pod ", pattern: #"^Failed to evict pod (\S+?),? error: "#,
      structured: StructuredForm(
        "Failed to evict pod", printf: "Failed to evict pod %v, error: %v", keys: ["pod", "err"]), v: 0,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 13:02:00.000000       1 drain.go:260] Failed to evict pod default/web-1, error: Cannot evict pod as it would violate the pod's disruption budget.",
          .failure(
            FailureDetail(
              operation: .scaleDown, fatal: false,
              message:
                "Failed to evict pod default/web-1, error: Cannot evict pod as it would violate the pod's disruption budget."
            )))
      ]
        + CatalogExample.structured(
          "E0313 13:02:00.000000       1 drain.go:262] ", caller: "actuation/drain.go:262", v: 0, "Failed to evict pod",
          error: "Cannot evict pod as it would violate the pod's disruption budget.",
          [("pod", .string("default/web-1"))],
          .failure(
            FailureDetail(
              operation: .scaleDown, fatal: false,
              message:
                "Failed to evict pod default/web-1, error: Cannot evict pod as it would violate the pod's disruption budget."
            )))
    ) { c in .failure(FailureDetail(operation: .scaleDown, message: c.message)) },
    CatalogEntry(
      "failure.deleteNode", literal: "Failed to delete ", pattern: #"^Failed to delete (\S+?): "#, v: 0,
      versions: "1.3–1.24",
      examples: [
        CatalogExample(
          "1.3–1.24",
          "E0313 13:01:05.000000       1 scale_down.go:774] Failed to delete ip-10-0-1-5.ec2.internal: failed to delete ip-10-0-1-5.ec2.internal: AccessDenied",
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-5.ec2.internal", fatal: false,
              message:
                "Failed to delete ip-10-0-1-5.ec2.internal: failed to delete ip-10-0-1-5.ec2.internal: AccessDenied")))
      ]
    ) { c in .failure(FailureDetail(operation: .scaleDown, node: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.taint", literal: "Error while adding ",
      pattern: #"^Error while adding (\S+) taints? on node (\S+?):"#, v: 0,
      versions: "1.3–1.29 (`taint`), 1.30+ (`taints`)",
      examples: [
        CatalogExample(
          "1.3–1.29",
          "W0313 13:01:02.400000       1 delete.go:80] Error while adding ToBeDeletedTaint taint on node ip-10-0-1-5: nodes \"ip-10-0-1-5\" is forbidden",
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-5", fatal: false,
              message:
                "Error while adding ToBeDeletedTaint taint on node ip-10-0-1-5: nodes \"ip-10-0-1-5\" is forbidden"))),
        CatalogExample(
          "1.30+",
          "W0313 13:01:02.400000       1 taints.go:160] Error while adding ToBeDeletedByClusterAutoscaler taints on node ip-10-0-1-5: Operation cannot be fulfilled",
          .failure(
            FailureDetail(
              operation: .scaleDown, node: "ip-10-0-1-5", fatal: false,
              message:
                "Error while adding ToBeDeletedByClusterAutoscaler taints on node ip-10-0-1-5: Operation cannot be fulfilled"
            ))),
      ]
    ) { c in .failure(FailureDetail(operation: .scaleDown, node: c.text(2), message: c.message)) },
    CatalogEntry(
      "failure.softTaint", literal: "Soft taint on ", pattern: #"^Soft taint on (\S+) (?:adding|removal) error "#, v: 0,
      versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "W0313 13:01:02.400000       1 softtaint.go:90] Soft taint on ip-10-0-1-5 adding error nodes \"ip-10-0-1-5\" is forbidden",
          .failure(
            FailureDetail(
              node: "ip-10-0-1-5", fatal: false,
              message: "Soft taint on ip-10-0-1-5 adding error nodes \"ip-10-0-1-5\" is forbidden")))
      ]
    ) { c in .failure(FailureDetail(operation: nil, node: c.text(1), message: c.message)) },
    CatalogEntry(
      "failure.revertScaleUp", literal: "Failed to revert timed-out scale-up for node group ",
      pattern: #"^Failed to revert timed-out scale-up for node group (\S+?):"#,
      structured: StructuredForm(
        "Failed to revert timed-out scale-up for node group",
        printf: "Failed to revert timed-out scale-up for node group %v: %v", keys: ["nodeGroupName", "err"]), v: 0,
      versions: "1.36–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.36+",
          "W0313 12:49:40.580000       1 clusterstate.go:376] Failed to revert timed-out scale-up for node group eks-ng-a: AccessDenied: not authorized",
          .scaleUpRevertFailed(
            group: "eks-ng-a",
            failure: FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-ng-a",
              message: "Failed to revert timed-out scale-up for node group eks-ng-a: AccessDenied: not authorized")))
      ]
        + CatalogExample.structured(
          "I0313 12:49:40.580000       1 clusterstate.go:376] ", caller: "clusterstate/clusterstate.go:376", v: 0,
          "Failed to revert timed-out scale-up for node group",
          [("nodeGroupName", .string("eks-ng-a")), ("err", .string("AccessDenied: not authorized"))],
          .scaleUpRevertFailed(
            group: "eks-ng-a",
            failure: FailureDetail(
              operation: .scaleUp, nodeGroup: "eks-ng-a",
              message: "Failed to revert timed-out scale-up for node group eks-ng-a: AccessDenied: not authorized")))
    ) { c in
      let group = c.text(1)
      return .scaleUpRevertFailed(
        group: c.intern(group), failure: FailureDetail(operation: .scaleUp, nodeGroup: group, message: c.message))
    },
    CatalogEntry(
      "failure.scaleUp", literal: "Failed to scale up: ", pattern: "",
      structured: StructuredForm("Failed to scale up", printf: "Failed to scale up: %v", keys: ["err"]), v: 0,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.37",
          "E0313 12:34:34.512345       1 static_autoscaler.go:533] Failed to scale up: failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:SetDesiredCapacity",
          .failure(
            FailureDetail(
              operation: .scaleUp, fatal: false,
              message:
                "Failed to scale up: failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:SetDesiredCapacity"
            )))
      ]
        + CatalogExample.structured(
          "E0313 12:34:34.512345       1 static_autoscaler.go:675] ", caller: "core/static_autoscaler.go:675", v: 0,
          "Failed to scale up",
          error:
            "failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:SetDesiredCapacity",
          [],
          .failure(
            FailureDetail(
              operation: .scaleUp, fatal: false,
              message:
                "Failed to scale up: failed to increase node group size: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: autoscaling:SetDesiredCapacity"
            )))
    ) { c in .failure(FailureDetail(operation: .scaleUp, message: c.message)) },
    CatalogEntry(
      "failure.regenerateAsgCache", literal: "Failed to regenerate ASG cache: ", pattern: "", v: 0,
      versions: "1.3+ (AWS)",
      examples: [
        CatalogExample(
          "1.3+ (AWS)",
          "E0322 10:48:59.960115       1 aws_manager.go:265] Failed to regenerate ASG cache: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials",
          .failure(
            FailureDetail(
              operation: .refresh, fatal: false,
              message:
                "Failed to regenerate ASG cache: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials"
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .refresh, message: c.message)) },
    CatalogEntry(
      "failure.createAwsManager", literal: "Failed to create AWS Manager: ", pattern: "", v: 0, versions: "1.3+ (AWS)",
      fatal: true,
      examples: [
        CatalogExample(
          "1.3+ (AWS)",
          "F0322 10:48:59.960135       1 aws_cloud_provider.go:382] Failed to create AWS Manager: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials",
          .failure(
            FailureDetail(
              operation: .startup, fatal: true,
              message:
                "Failed to create AWS Manager: cannot autodiscover ASGs: WebIdentityErr: failed to retrieve credentials"
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .startup, message: c.message)) },
    // Every provider's builder exits with `klog.Fatalf("Failed to create NAME manager: %v", err)` or
    // `… cloud provider: %v`: fatal even where the line lost its header (``FailureWords/isProviderCreation``).
    CatalogEntry(
      "failure.createProvider", literal: "ailed to create ", .anywhere,
      pattern: #"^[Ff]ailed to create [A-Za-z0-9 ._-]{1,40}?(?:[Mm]anager|[Pp]rovider): "#, v: 0,
      versions: "1.3+ (every provider)", fatal: true,
      examples: [
        CatalogExample(
          "1.3+",
          "F0313 12:00:00.000000       1 hetzner_cloud_provider.go:190] Failed to create Hetzner manager: `HCLOUD_TOKEN` is not specified",
          .failure(
            FailureDetail(
              operation: .startup, fatal: true,
              message: "Failed to create Hetzner manager: `HCLOUD_TOKEN` is not specified")))
      ]
    ) { c in .failure(FailureDetail(operation: .startup, message: c.message)) },
    CatalogEntry(
      "failure.fixNodeGroupSizes", literal: "Failed to fix node group sizes: ",
      pattern: #"^Failed to fix node group sizes: (?:failed to (?:decrease|increase) ([^:\s]+):)?"#,
      structured: StructuredForm(
        "Failed to fix node group sizes", printf: "Failed to fix node group sizes: %v", keys: ["err"]), v: 0,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "E0406 04:33:00.524208       1 static_autoscaler.go:346] Failed to fix node group sizes: failed to decrease worker-1: attempt to delete existing nodes targetSize:5 delta:-1 existingNodes: 5",
          .failure(
            FailureDetail(
              operation: .fixNodeGroupSizes, nodeGroup: "worker-1", fatal: false,
              message:
                "Failed to fix node group sizes: failed to decrease worker-1: attempt to delete existing nodes targetSize:5 delta:-1 existingNodes: 5"
            )))
      ]
        + CatalogExample.structured(
          "E0406 04:33:00.524208       1 static_autoscaler.go:488] ", caller: "core/static_autoscaler.go:488", v: 0,
          "Failed to fix node group sizes",
          error: "failed to decrease worker-1: attempt to delete existing nodes targetSize:5 delta:-1 existingNodes: 5",
          [],
          .failure(
            FailureDetail(
              operation: .fixNodeGroupSizes, nodeGroup: "worker-1", fatal: false,
              message:
                "Failed to fix node group sizes: failed to decrease worker-1: attempt to delete existing nodes targetSize:5 delta:-1 existingNodes: 5"
            )))
    ) { c in
      .failure(
        FailureDetail(operation: .fixNodeGroupSizes, nodeGroup: c.string(1), message: c.message))
    },
    CatalogEntry(
      "failure.removeUnregistered", literal: "Failed to remove unregistered nodes: ", pattern: "", v: 0,
      versions: "1.3+ (E to 1.23, W from 1.24)",
      examples: [
        CatalogExample(
          "1.3+ (E to 1.23, W from 1.24)",
          "W0313 12:50:00.500000       1 static_autoscaler.go:869] Failed to remove unregistered nodes: failed to delete nodes from group eks-ng-a: AccessDenied",
          .failure(
            FailureDetail(
              operation: .unregisteredRemoval, fatal: false,
              message: "Failed to remove unregistered nodes: failed to delete nodes from group eks-ng-a: AccessDenied"))
        )
      ]
    ) { c in .failure(FailureDetail(operation: .unregisteredRemoval, message: c.message)) },
    CatalogEntry(
      "failure.scaleDown", literal: "Failed to scale down: ", pattern: "", v: 0, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 13:01:02.300000       1 static_autoscaler.go:606] Failed to scale down: failed to delete nodes",
          .failure(
            FailureDetail(operation: .scaleDown, fatal: false, message: "Failed to scale down: failed to delete nodes"))
        )
      ]
    ) { c in .failure(FailureDetail(operation: .scaleDown, message: c.message)) },
    CatalogEntry(
      "failure.emptyNodeDeletion", literal: "Problem with empty node deletion: ", pattern: "", v: 0,
      versions: "1.3–1.24",
      examples: [
        CatalogExample(
          "1.3–1.24",
          "E0313 13:01:05.000000       1 scale_down.go:900] Problem with empty node deletion: failed to delete ip-10-0-1-5: AccessDenied",
          .failure(
            FailureDetail(
              operation: .scaleDown, fatal: false,
              message: "Problem with empty node deletion: failed to delete ip-10-0-1-5: AccessDenied")))
      ]
    ) { c in .failure(FailureDetail(operation: .scaleDown, message: c.message)) },
    CatalogEntry(
      "failure.targetSizes", literal: "Failed to get target sizes, when trying to recalculate cluster state: ",
      pattern: "", v: 0, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "W0313 12:00:00.000000       1 clusterstate.go:430] Failed to get target sizes, when trying to recalculate cluster state: Throttling: Rate exceeded",
          .failure(
            FailureDetail(
              operation: .refresh, fatal: false,
              message: "Failed to get target sizes, when trying to recalculate cluster state: Throttling: Rate exceeded"
            )))
      ]
    ) { c in .failure(FailureDetail(operation: .refresh, message: c.message)) },
    CatalogEntry(
      "failure.nodeRegistry", literal: "Failed to update node registry: ", pattern: "", v: 0, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 12:00:00.000000       1 static_autoscaler.go:290] Failed to update node registry: RequestLimitExceeded: Request limit exceeded.",
          .failure(
            FailureDetail(
              operation: .refresh, fatal: false,
              message: "Failed to update node registry: RequestLimitExceeded: Request limit exceeded.")))
      ]
    ) { c in .failure(FailureDetail(operation: .refresh, message: c.message)) },
    CatalogEntry(
      "failure.cloudProviderConfig", literal: "Failed to refresh cloud provider config: ", pattern: "", v: 0,
      versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 12:00:00.000000       1 static_autoscaler.go:286] Failed to refresh cloud provider config: cannot autodiscover ASGs: AccessDenied",
          .failure(
            FailureDetail(
              operation: .refresh, fatal: false,
              message: "Failed to refresh cloud provider config: cannot autodiscover ASGs: AccessDenied")))
      ]
    ) { c in .failure(FailureDetail(operation: .refresh, message: c.message)) },
    CatalogEntry(
      "failure.nodeList", literal: "Failed to get node list: ", pattern: "", v: 0, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 12:00:00.000000       1 static_autoscaler.go:250] Failed to get node list: nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\"",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Failed to get node list: nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\""
            )))
      ]
    ) { c in .failure(FailureDetail(message: c.message)) },
    CatalogEntry(
      "failure.listAllNodes", literal: "Failed to list all nodes: ", pattern: "", v: 0, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 12:00:00.000000       1 static_autoscaler.go:911] Failed to list all nodes: nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\" in API group \"\" at the cluster scope",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Failed to list all nodes: nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\" in API group \"\" at the cluster scope"
            )))
      ]
    ) { c in .failure(FailureDetail(message: c.message)) },
    CatalogEntry(
      "failure.listReadyNodes", literal: "Failed to list ready nodes", pattern: "", v: 0,
      versions: "1.3+ (also `, not cleaning up taints: …` at start-up)",
      examples: [
        CatalogExample(
          "1.3+ (also `, not cleaning up taints: …` at start-up)",
          "E0313 12:00:00.000000       1 static_autoscaler.go:917] Failed to list ready nodes: nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\" in API group \"\" at the cluster scope",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Failed to list ready nodes: nodes is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"nodes\" in API group \"\" at the cluster scope"
            )))
      ]
    ) { c in .failure(FailureDetail(message: c.message)) },
    CatalogEntry(
      "failure.listPods", literal: "Failed to list pods: ", pattern: "", v: 0, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 12:00:00.000000       1 static_autoscaler.go:270] Failed to list pods: pods is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"pods\"",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Failed to list pods: pods is forbidden: User \"system:serviceaccount:kube-system:cluster-autoscaler\" cannot list resource \"pods\""
            )))
      ]
    ) { c in .failure(FailureDetail(message: c.message)) },
    CatalogEntry(
      "failure.aws.instanceAvailability", literal: "Could not check instance availability, ", pattern: "", v: 4,
      versions: "1.24+ (AWS)",
      examples: [
        CatalogExample(
          "1.24+ (AWS)",
          "I0313 12:36:00.000000       1 auto_scaling_groups.go:480] Could not check instance availability, creating placeholder node anyways: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:DescribeScalingActivities",
          .failure(
            FailureDetail(
              fatal: false,
              message:
                "Could not check instance availability, creating placeholder node anyways: AccessDenied: User: arn:aws:sts::1:assumed-role/ca/1 is not authorized to perform: autoscaling:DescribeScalingActivities"
            )))
      ]
    ) { c in .failure(FailureDetail(message: c.message)) },
    CatalogEntry(
      "failure.template", literal: "Unable to build proper template node for ",
      pattern: #"^Unable to build proper template node for (\S+?):"#,
      structured: StructuredForm(
        "Unable to build proper template node for node group",
        printf: "Unable to build proper template node for %v: %v", keys: ["nodeGroupId", "err"]), v: 0,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "E0313 12:00:00.000000       1 mixed_nodeinfos_processor.go:160] Unable to build proper template node for eks-ng-a: UnauthorizedOperation: You are not authorized to perform this operation.",
          .failure(
            FailureDetail(
              operation: .template, nodeGroup: "eks-ng-a", fatal: false,
              message:
                "Unable to build proper template node for eks-ng-a: UnauthorizedOperation: You are not authorized to perform this operation."
            )))
      ]
        + CatalogExample.structured(
          "E0313 12:00:00.000000       1 mixed_nodeinfos_processor.go:154] ",
          caller: "nodeinfosprovider/mixed_nodeinfos_processor.go:154", v: 0,
          "Unable to build proper template node for node group",
          error: "UnauthorizedOperation: You are not authorized to perform this operation.",
          [("nodeGroupId", .string("eks-ng-a"))],
          .failure(
            FailureDetail(
              operation: .template, nodeGroup: "eks-ng-a", fatal: false,
              message:
                "Unable to build proper template node for eks-ng-a: UnauthorizedOperation: You are not authorized to perform this operation."
            )))
    ) { c in .failure(FailureDetail(operation: .template, nodeGroup: c.text(1), message: c.message)) },
  ]
}
