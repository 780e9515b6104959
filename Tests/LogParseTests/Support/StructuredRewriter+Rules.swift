import Foundation

extension StructuredRewriter {
  /// A rule: printf `pattern` (on the record's first line) → `message` at `caller`, with its keys.
  private static func rule(
    _ pattern: String, _ message: String, _ caller: String, v: Int = 0, error: Bool = false,
    _ keys: [(String, Source, Kind)] = []
  ) -> Rule {
    Rule(
      pattern: (try? NSRegularExpression(pattern: pattern))!, message: message, caller: caller, v: v, isError: error,
      keys: keys)
  }

  private static func q(_ key: String, _ group: Int) -> (String, Source, Kind) { (key, .group(group), .quoted) }
  private static func b(_ key: String, _ group: Int) -> (String, Source, Kind) { (key, .group(group), .bare) }

  /// A slice of Stringers (`[{ng 2->5 (max: 10)}]`): the same text, a JSON string of it.
  nonisolated(unsafe) private static let plan: Kind = .raw { (text: $0, json: jsonText($0)) }

  /// `{true {Other cloudProviderError message}}` (1.29–1.37 `%v`) as the struct's `%+v` and JSON.
  nonisolated(unsafe) private static let backoffStatus: Kind = .raw { value in
    let inner = value.dropFirst().dropLast()
    let parts = inner.split(separator: " ", maxSplits: 1)
    let backedOff = parts.first.map(String.init) ?? "true"
    var info = parts.count > 1 ? String(parts[1]) : "{}"
    info = String(info.dropFirst().dropLast())
    let fields = info.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    let errorClass = fields.count > 0 ? fields[0] : ""
    let code = fields.count > 1 ? fields[1] : ""
    let message = fields.count > 2 ? fields[2] : ""
    return (
      text: "{IsBackedOff:\(backedOff) ErrorInfo:{ErrorClass:\(errorClass) ErrorCode:\(code) ErrorMessage:\(message)}}",
      json: "{\"IsBackedOff\":\(backedOff),\"ErrorInfo\":{\"ErrorClass\":99,\"ErrorCode\":\(jsonText(code)),"
        + "\"ErrorMessage\":\(jsonText(message))}}"
    )
  }

  /// `[]string{"a", "b"}` (`%#v`) as `[a b]` and `["a","b"]`.
  nonisolated(unsafe) private static let stringList: Kind = .raw { value in
    let body = value.hasPrefix("[]string{") ? String(value.dropFirst(9).dropLast()) : value
    let items =
      body.isEmpty
      ? []
      : body.components(separatedBy: "\", \"").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
    return (
      text: "[" + items.joined(separator: " ") + "]", json: "[" + items.map(jsonText).joined(separator: ",") + "]"
    )
  }

  /// `{cpu mem gpu [dra] resource util}` as `{CpuUtil:… Utilization:…}` and JSON.
  nonisolated(unsafe) private static let utilization: Kind = .raw { value in
    let parts = value.dropFirst().dropLast().split(separator: " ").map(String.init)
    let names =
      parts.count == 6
      ? ["CpuUtil", "MemUtil", "GpuUtil", "DynamicResourceUtil", "ResourceName", "Utilization"]
      : ["CpuUtil", "MemUtil", "GpuUtil", "ResourceName", "Utilization"]
    guard parts.count == names.count else { return (text: value, json: jsonText(value)) }
    let text = "{" + zip(names, parts).map { "\($0):\($1)" }.joined(separator: " ") + "}"
    let json =
      "{" + zip(names, parts).map { "\"\($0)\":" + ($0 == "ResourceName" ? jsonText($1) : $1) }.joined(separator: ",")
      + "}"
    return (text: text, json: json)
  }

  /// A taint `{Key:… Value:… Effect:… TimeAdded:…}` as written, and a JSON string of it.
  nonisolated(unsafe) private static let taint: Kind = .raw { (text: $0, json: jsonText($0)) }

  private static func jsonText(_ text: String) -> String {
    String(decoding: (try? JSONSerialization.data(withJSONObject: [text])) ?? Data(), as: UTF8.self).dropFirst()
      .dropLast()
      .description
  }

  /// The reworded messages cas-logs reads, old printf pattern → structured call (file:line of the core).
  nonisolated(unsafe) static let rules: [Rule] = [
    rule(#"^Starting main loop$"#, "Starting main loop", "core/static_autoscaler.go:319", v: 4),
    rule(
      #"^Scale-up: setting group (\S+) size to (\d+)$"#, "Scale-up: setting group size",
      "orchestrator/executor.go:148", [q("nodeGroupId", 1), b("size", 2)]),
    rule(
      #"^Final scale-up plan: (\[.*\])$"#, "Executing final scale-up plan", "orchestrator/orchestrator.go:179", v: 1,
      [("scaleUpInfos", .group(1), plan)]),
    rule(
      #"^Best option to resize: (\S+)$"#, "Found best node group option to resize",
      "orchestrator/orchestrator.go:1115", v: 1, [q("nodeGroupId", 1)]),
    rule(
      #"^Estimated (\d+) nodes needed in (\S+)$"#, "Estimated nodes needed", "orchestrator/orchestrator.go:1119",
      v: 1, [b("nodeCount", 1), q("nodeGroupId", 2)]),
    rule(#"^Upcoming (\d+) nodes$"#, "Upcoming nodes", "orchestrator/orchestrator.go:123", v: 4, [b("nodesCount", 1)]),
    rule(#"^No expansion options$"#, "No expansion options", "orchestrator/orchestrator.go:1104", v: 1),
    rule(
      #"^Skipping node group (\S+) - max size reached$"#, "Skipping node group - max size reached",
      "orchestrator/orchestrator.go:350", v: 4, [q("nodeGroupId", 1)]),
    rule(
      #"^Pod (\S+) can't be scheduled on (\S+), predicate checking error: (.*)$"#,
      "Pod can't be scheduled, predicate checking", "orchestrator/orchestrator.go:575", v: 2,
      [q("pod", 1), q("nodeGroupId", 2), q("err", 3)]),
    rule(
      #"^(\d+) other pods similar to (\S+) can't be scheduled on (\S+)$"#, "Other similar pods can't be scheduled",
      "orchestrator/orchestrator.go:577", v: 2, [b("podCount", 1), q("pod", 2), q("nodeGroupId", 3)]),
    rule(
      #"^Node group (\S+) is not ready for scaleup - backoff with status: (\{.*)$"#,
      "Node group is not ready for scaleup - backoff with status", "orchestrator/orchestrator.go:614",
      [q("nodeGroupId", 1), ("backoffStatus", .group(2), backoffStatus)]),
    rule(
      #"^Node group (\S+) is not ready for scaleup - unhealthy$"#, "Node group is not ready for scaleup - unhealthy",
      "orchestrator/orchestrator.go:611", [q("nodeGroupId", 1)]),
    rule(
      #"^Capping size to max cluster total size \((\d+)\)$"#, "Capping size to max cluster total size",
      "orchestrator/orchestrator.go:658", v: 1, [b("maxNodesTotal", 1)]),
    rule(
      #"^Splitting scale-up between (\d+) similar node groups: \{(.*)\}$"#,
      "Splitting scale-up between similar node groups", "orchestrator/orchestrator.go:718", v: 1,
      [b("nodeGroupCount", 1), q("nodeGroupNames", 2)]),
    rule(
      #"^Failed to scale up: (.*)$"#, "Failed to scale up", "core/static_autoscaler.go:675", error: true,
      [q("err", 1)]),
    rule(
      #"^Scale up in group (\S+) finished successfully in (\S+)$"#, "Scale up in group finished successfully",
      "clusterstate/clusterstate.go:355", v: 4, [q("nodeGroupName", 1), q("duration", 2)]),
    rule(
      #"^Scale-up timed out for node group (\S+) after (\S+)$"#, "Scale-up timed out for node group after",
      "clusterstate/clusterstate.go:360", [q("nodeGroupName", 1), q("duration", 2)]),
    rule(
      #"^Reverting timed-out scale-up for node group (\S+) by decreasing target size by (\d+)$"#,
      "Reverting timed-out scale-up for node group by decreasing target size", "clusterstate/clusterstate.go:373",
      [q("nodeGroupName", 1), b("increase", 2)]),
    rule(
      #"^Failed to revert timed-out scale-up for node group (\S+?): (.*)$"#,
      "Failed to revert timed-out scale-up for node group", "clusterstate/clusterstate.go:376",
      [q("nodeGroupName", 1), q("err", 2)]),
    rule(
      #"^Disabling scale-up for node group (\S+) until (.+?); errorClass=([^;\s]*); errorCode=(\S*)$"#,
      "Disabling scale-up for node group", "clusterstate/clusterstate.go:405",
      [q("nodeGroupId", 1), q("backoffUntil", 2), q("errorClass", 3), q("errorCode", 4)]),
    rule(
      #"^Failed adding (\d+) nodes \((\d+) unseen previously\) to group (\S+) due to (\S+?); errorMessages=(.*)$"#,
      "Failed adding nodes to group", "clusterstate/clusterstate.go:1293", v: 1,
      [
        b("instancesCount", 1), b("previouslyUnseenInstancesCount", 2), q("nodeGroupId", 3), q("errorCode", 4),
        ("errorMessages", .group(5), stringList),
      ]),
    rule(
      #"^(\d+) unregistered nodes present$"#, "unregistered nodes present", "core/static_autoscaler.go:462", v: 1,
      [b("unregisteredNodesCount", 1)]),
    rule(
      #"^Marking unregistered node (\S+) for removal$"#, "Marking unregistered node for removal",
      "core/static_autoscaler.go:1098", [q("node", 1)]),
    rule(
      #"^Removing (\d+) unregistered nodes for node group (\S+)$"#, "Removing unregistered nodes for node group",
      "core/static_autoscaler.go:1021", [b("nodesCount", 1), q("nodeGroupId", 2)]),
    rule(
      #"^Decreasing size of (\S+), expected=(\d+) current=(\d+) delta=(-?\d+)$"#, "Decreasing size",
      "core/static_autoscaler.go:995", [q("nodeGroupId", 1), b("targetSize", 2), b("size", 3), b("delta", 4)]),
    rule(
      #"^Failed to fix node group sizes: (.*)$"#, "Failed to fix node group sizes", "core/static_autoscaler.go:488",
      error: true, [q("err", 1)]),
    rule(
      #"^Deleting (\d+) from (\S+) node group because of create errors$"#,
      "Deleting node group because of create errors", "core/static_autoscaler.go:1125", v: 1,
      [b("nodesToDeleteCount", 1), q("nodeGroupId", 2)]),
    rule(
      #"^Cluster is not ready for autoscaling"#, "Cluster is not ready for autoscaling", "core/static_autoscaler.go:475"
    ),
    rule(
      #"^Max total nodes in cluster reached: (\d+)\. Current number of ready nodes: (\d+)$"#,
      "Max total nodes in cluster reached", "core/static_autoscaler.go:617",
      [b("maxNodesTotal", 1), b("readyNodesCount", 2)]),
    rule(
      #"^Found (\d+) pods in the cluster: (\d+) scheduled, (?:(\d+) with nominated node, )?(\d+) unschedulable, (\d+) unprocessed by scheduler"#,
      "Found pods in the cluster", "core/static_autoscaler.go:1443",
      [
        b("podsCount", 1), b("scheduledPodsCount", 2), ("nominatedPodsCount", .fixed("0"), .bare),
        b("unschedulablePodsCount", 4), b("unprocessedPodsCount", 5),
      ]),
    rule(
      #"^Pod (\S+) is ([0-9.]+) seconds old, too new to consider unschedulable$"#,
      "Pod is too new to consider unschedulable", "core/static_autoscaler.go:1228", v: 3,
      [q("pod", 1), b("podAgeSeconds", 2)]),
    rule(
      #"^Scale down status: lastScaleUpTime=(.+?) lastScaleDownDeleteTime=(.+?) lastScaleDownFailTime=(.+?) scaleDownForbidden=(\w+) scaleDownInCooldown=(\w+)$"#,
      "Recording scale down status", "core/static_autoscaler.go:829", v: 4,
      [
        q("lastScaleUpTime", 1), q("lastScaleDownDeleteTime", 2), q("lastScaleDownFailTime", 3),
        b("scaleDownForbidden", 4), b("scaleDownInCooldown", 5),
      ]),
    rule(
      #"^(\S+) is unneeded since (.+?) duration (\S+)$"#, "Node is unneeded", "unneeded/nodes.go:152", v: 4,
      [q("nodeName", 1), q("since", 2), q("duration", 3)]),
    rule(
      #"^(\S+) was unneeded for (\S+)$"#, "Node is unneeded", "unneeded/nodes.go:215", v: 2,
      [q("nodeName", 1), q("duration", 2)]),
    rule(
      #"^(?:(?:Fast|Detailed) evaluation: )?[Nn]ode (\S+) cannot be removed: (.*)$"#, "Node cannot be removed",
      "simulator/cluster.go:200", v: 2, [q("node", 1), q("err", 2)]),
    rule(
      #"^(?:(?:Fast|Detailed) evaluation: )?[Nn]ode (\S+) is not suitable for removal: (.*)$"#,
      "Node is not suitable for removal", "simulator/cluster.go:211", v: 2, [q("node", 1), q("err", 2)]),
    rule(#"^[Nn]ode (\S+) may be removed$"#, "Node may be removed", "simulator/cluster.go:214", v: 2, [q("node", 1)]),
    rule(
      #"^Simulating node (\S+) removal$"#, "Simulating node removal", "simulator/cluster.go:196", v: 2,
      [q("node", 1)]),
    rule(
      #"^Scale-down: removing empty node "?([^"\s]+)"?$"#, "Scale-down: removing empty node",
      "actuation/actuator.go:177", [q("node", 1)]),
    rule(
      #"^Scale-down: removing node (\S+?),? utilization: (\{[^}]*\}),? pods to reschedule: ?(.*)$"#,
      "Scale-down: removing node", "actuation/actuator.go:271",
      [q("node", 1), ("utilization", .group(2), utilization), q("podsToReschedule", 3)]),
    rule(
      #"^Scale-down: waiting (\S+) before trying to delete nodes$"#,
      "Scale-down: waiting before trying to delete nodes", "actuation/actuator.go:299", [q("delay", 1)]),
    rule(
      #"^Scale-down: couldn't delete node "([^",\s]+)" with drain, (.*), status error: (.*)$"#,
      "Scale-down: couldn't delete node with drain", "actuation/delete_in_batch.go:209", error: true,
      [q("node", 1), q("statusErr", 3), q("err", 2)]),
    rule(
      #"^Scale-down: couldn't delete empty node "([^",\s]+)", (.*), status error: (.*)$"#,
      "Scale-down: couldn't delete empty node", "actuation/delete_in_batch.go:207",
      [q("node", 1), q("statusErr", 3), q("err", 2)]),
    rule(#"^All pods removed from (\S+)$"#, "All pods removed node", "actuation/drain.go:142", v: 1, [q("node", 1)]),
    rule(
      #"^Failed to evict pod (\S+?),? error: (.*)$"#, "Failed to evict pod", "actuation/drain.go:262", error: true,
      [q("pod", 1), q("err", 2)]),
    rule(
      #"^Successfully added (\S+) on node (\S+)$"#, "Successfully added taints on node", "taints/taints.go:242", v: 1,
      [q("taints", 1), q("node", 2)]),
    rule(
      #"^Releasing taint (\{.*\}) on node (\S+)$"#, "Releasing taint on node", "taints/taints.go:344", v: 1,
      [("taint", .group(1), taint), q("node", 2)]),
    rule(
      #"^Successfully released (\S+) on node (\S+)$"#, "Successfully released on node", "taints/taints.go:379", v: 1,
      [q("taints", 1), q("node", 2)]),
    rule(
      #"^Unable to build proper template node for (\S+?): (.*)$"#,
      "Unable to build proper template node for node group", "nodeinfosprovider/mixed_nodeinfos_processor.go:154",
      error: true, [q("nodeGroupId", 1), q("err", 2)]),
    rule(
      #"^(\d+) nodes found to be unremovable in simulation, will re-check them at (.*)$"#,
      "Some nodes found to be unremovable in simulation, will re-check them within timeout", "planner/planner.go:340",
      v: 1, [b("unremovableNodesCount", 1), ("timeout", .fixed("5m0s"), .quoted)]),
    rule(
      #"^(\d+) pods marked as unschedulable can be scheduled\."#,
      "Pods marked as unschedulable can be scheduled. Some pods could have been skipped due to exceeding pending pod batching timeout.",
      "podlistprocessor/filter_out_schedulable.go:143", v: 4,
      [b("unschedulableCandidatesCount", 1), ("skippedPodCount", .fixed("0"), .bare)]),
  ]
}
