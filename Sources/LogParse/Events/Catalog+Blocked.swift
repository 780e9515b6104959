extension Catalog {
  /// Messages that say why a node is not removed: the findings of `blockedScaleDowns`.
  static let blockedEntries: [CatalogEntry] = [
    CatalogEntry(
      "scaleDown.cannotBeRemoved", literal: "cannot be removed: ", .anywhere,
      pattern: #"^(?:(?:Fast|Detailed) evaluation: )?[Nn]ode (\S+) cannot be removed: (.*)"#,
      structured: StructuredForm(
        "Node cannot be removed", printf: "Node %v cannot be removed: %v", keys: ["node", "err"]), v: 2,
      versions: "1.3–1.23 (`Fast evaluation: node …`), 1.24–1.32 (`node …`), 1.33–1.37 (`Node …`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.23",
          "I0313 12:00:00.000000       1 cluster.go:104] Fast evaluation: node ip-10-0-1-5 cannot be removed: pod with local storage present: db-0",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .localStorage, detail: "pod with local storage present: db-0", pod: "db-0")),
        CatalogExample(
          "1.24–1.32",
          "I0313 12:00:00.000000       1 cluster.go:164] node ip-10-0-1-5 cannot be removed: pod annotated as not safe to evict present: cache-1",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .notSafeToEvict, detail: "pod annotated as not safe to evict present: cache-1",
            pod: "cache-1")),
        CatalogExample(
          "1.33+",
          "I0313 12:00:00.000000       1 cluster.go:151] Node ip-10-0-1-5 cannot be removed: default/db-0 is not replicated",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .notReplicated, detail: "default/db-0 is not replicated", pod: "default/db-0")),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 cluster.go:200] ", caller: "simulator/cluster.go:200", v: 2,
          "Node cannot be removed",
          [("node", .string("ip-10-0-1-5")), ("err", .string("default/db-0 is not replicated"))],
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .notReplicated, detail: "default/db-0 is not replicated", pod: "default/db-0"))
    ) { c in
      let detail = c.text(2)
      let (reason, pod) = BlockReason.classify(detail)
      return .scaleDownBlocked(node: c.name(1), reason: reason, detail: detail, pod: pod.map(c.intern))
    },
    CatalogEntry(
      "scaleDown.noPlaceToMovePods", literal: "is not suitable for removal: ", .anywhere,
      pattern: #"^(?:(?:Fast|Detailed) evaluation: )?[Nn]ode (\S+) is not suitable for removal: (.*)"#,
      structured: StructuredForm(
        "Node is not suitable for removal", printf: "Node %v is not suitable for removal: %v", keys: ["node", "err"]),
      v: 2,
      versions:
        "1.3–1.23 (`Detailed evaluation: node …`), 1.24–1.32 (`node …`), 1.33–1.37 (`Node …`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.23",
          "I0313 12:00:00.000000       1 cluster.go:126] Detailed evaluation: node ip-10-0-1-5 is not suitable for removal: can reschedule only 0 out of 2 pods",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .noPlaceToMovePods, detail: "can reschedule only 0 out of 2 pods", pod: nil)),
        CatalogExample(
          "1.24–1.32",
          "I0313 12:00:00.000000       1 cluster.go:175] node ip-10-0-1-5.ec2.internal is not suitable for removal: can reschedule only 0 out of 2 pods",
          .scaleDownBlocked(
            node: "ip-10-0-1-5.ec2.internal", reason: .noPlaceToMovePods, detail: "can reschedule only 0 out of 2 pods",
            pod: nil)),
        CatalogExample(
          "1.33+",
          "I0313 12:00:00.000000       1 cluster.go:162] Node ip-10-0-1-5 is not suitable for removal: can reschedule only 1 out of 3 pods",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .noPlaceToMovePods, detail: "can reschedule only 1 out of 3 pods", pod: nil)),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 cluster.go:211] ", caller: "simulator/cluster.go:211", v: 2,
          "Node is not suitable for removal",
          [("node", .string("ip-10-0-1-5")), ("err", .string("can reschedule only 1 out of 3 pods"))],
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .noPlaceToMovePods, detail: "can reschedule only 1 out of 3 pods", pod: nil))
    ) { c in
      let detail = c.text(2)
      let (reason, pod) = BlockReason.classify(detail)
      return .scaleDownBlocked(
        node: c.name(1), reason: reason == .other ? .noPlaceToMovePods : reason, detail: detail, pod: pod.map(c.intern))
    },
    CatalogEntry(
      "scaleDown.disabledAnnotation", literal: "scale down disabled annotation found", .anywhere,
      pattern: #"^Skipping (\S+) - scale down disabled annotation found"#, v: 4, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+",
          "I0313 12:00:00.000000       1 eligibility.go:104] Skipping ip-10-0-1-5.ec2.internal - scale down disabled annotation found",
          .scaleDownBlocked(
            node: "ip-10-0-1-5.ec2.internal", reason: .scaleDownDisabled, detail: "scale down disabled annotation",
            pod: nil))
      ]
    ) { c in
      .scaleDownBlocked(node: c.name(1), reason: .scaleDownDisabled, detail: "scale down disabled annotation", pod: nil)
    },
    CatalogEntry(
      "scaleDown.minSize", literal: "Skipping ", pattern: #"^Skipping (\S+) - node group min size reached(.*)"#, v: 1,
      versions: "1.3+; the counts `(current: N, min: M)` are there by 1.26",
      examples: [
        CatalogExample(
          "1.3+ (bare)",
          "I0313 12:00:00.000000       1 scale_down.go:324] Skipping ip-10-0-1-5 - node group min size reached",
          .scaleDownBlocked(node: "ip-10-0-1-5", reason: .minSize, detail: "node group min size reached", pod: nil)
        ),
        CatalogExample(
          "1.26+ (with counts)",
          "I0514 21:48:09.465922       1 pre_filtering_processor.go:67] Skipping ip-192-168-222-24.eu-central-1.compute.internal - node group min size reached (current: 2, min: 2)",
          .scaleDownBlocked(
            node: "ip-192-168-222-24.eu-central-1.compute.internal", reason: .minSize,
            detail: "node group min size reached (current: 2, min: 2)", pod: nil)),
      ]
    ) { c in
      .scaleDownBlocked(
        node: c.name(1), reason: .minSize, detail: "node group min size reached" + c.text(2), pod: nil)
    },
    CatalogEntry(
      "scaleDown.noNodeGroupConfig", literal: "Skipping ", pattern: #"^Skipping (\S+) - no node group config"#, v: 4,
      versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", "I0313 12:00:00.000000       1 eligibility.go:118] Skipping ip-10-0-1-5 - no node group config",
          .scaleDownBlocked(node: "ip-10-0-1-5", reason: .other, detail: "no node group config", pod: nil))
      ]
    ) { c in .scaleDownBlocked(node: c.name(1), reason: .other, detail: "no node group config", pod: nil) },
    CatalogEntry(
      "scaleDown.resourceLimits", literal: "Skipping ",
      pattern:
        #"^Skipping (?:scale down of )?(\S+) (?:in this batch )?- (minimal limit exceeded for .*|would violate minimum limits)"#,
      v: 2, versions: "1.3–1.24 (`minimal limit exceeded for …`, V(4)), 1.25+ (`in this batch - would violate …`)",
      examples: [
        CatalogExample(
          "1.3–1.24",
          "I0313 12:00:00.000000       1 scale_down.go:602] Skipping ip-10-0-1-5 - minimal limit exceeded for [cpu]",
          .scaleDownBlocked(node: "ip-10-0-1-5", reason: .other, detail: "minimal limit exceeded for [cpu]", pod: nil)),
        CatalogExample(
          "1.25+",
          "I0313 12:00:00.000000       1 nodes.go:201] Skipping scale down of ip-10-0-1-5 in this batch - would violate minimum limits",
          .scaleDownBlocked(node: "ip-10-0-1-5", reason: .other, detail: "would violate minimum limits", pod: nil)),
      ]
    ) { c in .scaleDownBlocked(node: c.name(1), reason: .other, detail: c.text(2), pod: nil) },
    CatalogEntry(
      "scaleDown.notAutoscaled", literal: "Skipped ",
      pattern: #"^Skipped (\S+) from delete consideration - the node is not autoscaled"#, v: 0, versions: "1.24+",
      examples: [
        CatalogExample(
          "1.24+",
          "W0313 12:00:00.000000       1 eligibility.go:133] Skipped ip-10-0-1-5 from delete consideration - the node is not autoscaled",
          .scaleDownBlocked(node: "ip-10-0-1-5", reason: .other, detail: "the node is not autoscaled", pod: nil))
      ]
    ) { c in .scaleDownBlocked(node: c.name(1), reason: .other, detail: "the node is not autoscaled", pod: nil) },
    CatalogEntry(
      "scaleDown.utilizationTooBig", literal: "Node ",
      pattern:
        #"^Node (\S+) (?:is not suitable for removal - (?:[\w./-]+ )?utilization too big \(([0-9.]+)\)|unremovable: [\w./-]+ requested \(([0-9.eE+-]+)% of allocatable\) is above)"#,
      v: 4,
      versions:
        "1.3–1.17 (`utilization too big`), 1.18–1.28 (`cpu utilization too big`), 1.29+ (`unremovable: … above the threshold`)",
      // A node name, a resource and a number: no error text can be inside.
      closedMessage: true,
      examples: [
        CatalogExample(
          "1.3–1.17",
          "I0326 09:46:33.501636       1 scale_down.go:414] Node ip-172-31-3-184.us-east-2.compute.internal is not suitable for removal - utilization too big (0.898367)",
          .scaleDownBlocked(
            node: "ip-172-31-3-184.us-east-2.compute.internal", reason: .utilization,
            detail: "utilization 0.898367 is above the scale-down threshold", pod: nil)),
        CatalogExample(
          "1.18–1.28",
          "I0313 12:00:00.000000       1 eligibility.go:162] Node ip-10-0-1-5 is not suitable for removal - cpu utilization too big (0.750000)",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .utilization, detail: "utilization 0.75 is above the scale-down threshold",
            pod: nil)),
        CatalogExample(
          "1.29+",
          "I0313 12:00:00.000000       1 eligibility.go:162] Node ip-10-0-9-9 unremovable: nvidia.com/gpu requested (100% of allocatable) is above the scale-down utilization threshold",
          .scaleDownBlocked(
            node: "ip-10-0-9-9", reason: .utilization, detail: "utilization 1.0 is above the scale-down threshold",
            pod: nil)),
        CatalogExample(
          "1.29+",
          "I0313 12:00:00.000000       1 eligibility.go:162] Node ip-10-0-1-5 unremovable: cpu requested (75% of allocatable) is above the scale-down utilization threshold",
          .scaleDownBlocked(
            node: "ip-10-0-1-5", reason: .utilization, detail: "utilization 0.75 is above the scale-down threshold",
            pod: nil)),
      ]
    ) { c in
      let value = c.double(2) ?? c.double(3).map { $0 / 100 }
      let detail = value.map { "utilization \($0) is above the scale-down threshold" } ?? "utilization too big"
      return .scaleDownBlocked(node: c.name(1), reason: .utilization, detail: detail, pod: nil)
    },
  ]
}
