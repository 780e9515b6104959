extension Catalog {
  /// Removals of unregistered nodes that fail: the node (≤1.27) or the node group (1.28+) and why.
  static let unregisteredFailureEntries: [CatalogEntry] = [
    CatalogEntry(
      "failure.removeUnregisteredNode", literal: "Failed to remove node ", pattern: #"^Failed to remove node (\S+?): "#,
      v: 0, versions: "1.3–1.27",
      examples: [
        CatalogExample(
          "1.3–1.27",
          "W0313 12:50:00.500000       1 static_autoscaler.go:327] Failed to remove node i-0abc: node group min size reached, skipping unregistered node removal",
          .failure(
            FailureDetail(
              operation: .unregisteredRemoval, node: "i-0abc", fatal: false,
              message: "Failed to remove node i-0abc: node group min size reached, skipping unregistered node removal"))
        )
      ]
    ) { c in
      .failure(FailureDetail(operation: .unregisteredRemoval, node: c.text(1), message: c.message))
    },
    CatalogEntry(
      "failure.removeUnregisteredFromGroup", literal: "Failed to remove ",
      pattern: #"^Failed to remove (?:\d+ )?unregistered nodes from node group (\S+?): "#,
      structured: StructuredForm(
        "Failed to remove unregistered nodes from node group",
        printf: "Failed to remove unregistered nodes from node group %v: %v", keys: ["nodeGroupId", "err"]), v: 0,
      versions: "1.28–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.28+",
          "W0313 12:50:00.500000       1 static_autoscaler.go:880] Failed to remove 2 unregistered nodes from node group eks-ng-a: AccessDenied: not authorized",
          .failure(
            FailureDetail(
              operation: .unregisteredRemoval, nodeGroup: "eks-ng-a", fatal: false,
              message: "Failed to remove 2 unregistered nodes from node group eks-ng-a: AccessDenied: not authorized")))
      ]
        + CatalogExample.structured(
          "I0313 12:50:00.500000       1 static_autoscaler.go:1060] ", caller: "core/static_autoscaler.go:1060", v: 0,
          "Failed to remove unregistered nodes from node group",
          [("nodeGroupId", .string("eks-ng-a")), ("err", .string("AccessDenied: not authorized"))],
          .failure(
            FailureDetail(
              operation: .unregisteredRemoval, nodeGroup: "eks-ng-a", fatal: false,
              message: "Failed to remove unregistered nodes from node group eks-ng-a: AccessDenied: not authorized")))
    ) { c in
      .failure(FailureDetail(operation: .unregisteredRemoval, nodeGroup: c.text(1), message: c.message))
    },
    CatalogEntry(
      "failure.unregisteredMinSize", literal: "min size reached, skipping removal of ", .anywhere,
      pattern: #"^Node group (\S+) min size reached, skipping removal of (\d+) unregistered nodes"#,
      structured: StructuredForm(
        "Node group min size reached, skipping removal of unregistered nodes",
        printf: "Node group %v min size reached, skipping removal of %v unregistered nodes",
        keys: ["nodeGroupId", "nodesCount"]), v: 0,
      versions: "1.28–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.28+",
          "W0313 12:50:00.500000       1 static_autoscaler.go:876] Node group eks-ng-a min size reached, skipping removal of 2 unregistered nodes",
          .failure(
            FailureDetail(
              operation: .unregisteredRemoval, nodeGroup: "eks-ng-a", fatal: false,
              message: "Node group eks-ng-a min size reached, skipping removal of 2 unregistered nodes")))
      ]
        + CatalogExample.structured(
          "I0313 12:50:00.500000       1 static_autoscaler.go:1030] ", caller: "core/static_autoscaler.go:1030", v: 0,
          "Node group min size reached, skipping removal of unregistered nodes",
          [("nodeGroupId", .string("eks-ng-a")), ("nodesCount", .bare("2"))],
          .failure(
            FailureDetail(
              operation: .unregisteredRemoval, nodeGroup: "eks-ng-a", fatal: false,
              message: "Node group eks-ng-a min size reached, skipping removal of 2 unregistered nodes")))
    ) { c in
      .failure(FailureDetail(operation: .unregisteredRemoval, nodeGroup: c.text(1), message: c.message))
    },
  ]
}
