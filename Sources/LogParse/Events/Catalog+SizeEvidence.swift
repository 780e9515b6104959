extension Catalog {
  /// Loop steps that are evidence of an episode or finding: a group's target size set back, a
  /// group no pending pod fits.
  static let sizeEvidenceEntries: [CatalogEntry] = [
    CatalogEntry(
      "loop.decreasingSize", literal: "Decreasing size of ",
      pattern: #"^Decreasing size of ([^,\s]+), expected=(\d+) current=(\d+) delta="#,
      structured: StructuredForm("Decreasing size", keys: ["nodeGroupId", "targetSize", "size", "delta"]), v: 0,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0313 12:00:00.000000       1 static_autoscaler.go:709] Decreasing size of eks-ng-a, expected=3 current=2 delta=-1",
          .groupSizeDecreasing(group: "eks-ng-a", from: 3, to: 2))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 static_autoscaler.go:995] ", caller: "core/static_autoscaler.go:995", v: 0,
          "Decreasing size",
          [
            ("nodeGroupId", .string("eks-ng-a")), ("targetSize", .bare("3")), ("size", .bare("2")),
            ("delta", .bare("-1")),
          ], .groupSizeDecreasing(group: "eks-ng-a", from: 3, to: 2))
    ) { c in
      guard let from = c.int(2), let to = c.int(3) else { return nil }
      return .groupSizeDecreasing(group: c.name(1), from: from, to: to)
    },
    CatalogEntry(
      "scaleUp.noPodCanFit", literal: "No pod can fit to ", pattern: #"^No pod can fit to (\S+)"#,
      structured: StructuredForm("No pod can fit to node group", keys: ["nodeGroupId"]), v: 4,
      versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0313 12:00:00.000000       1 orchestrator.go:157] No pod can fit to eks-ng-a",
          .noPodFitsGroup(group: "eks-ng-a"))
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 orchestrator.go:1088] ", caller: "orchestrator/orchestrator.go:1088", v: 4,
          "No pod can fit to node group", [("nodeGroupId", .string("eks-ng-a"))],
          .noPodFitsGroup(group: "eks-ng-a"))
    ) { .noPodFitsGroup(group: $0.name(1)) },
  ]
}
