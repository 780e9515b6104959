/// Writes a deterministic, realistic `--v=4` Cluster Autoscaler log with episodes injected at known times.
///
/// Every 10 s of log time is one main loop: loop steps, one utilization line per node, filter and
/// estimator noise, informer noise, and the status line. Every few loops an episode is injected:
/// scale-ups that succeed, fail on IAM, time out, or stay pending; scale-downs of empty or drained
/// nodes. ``GroundTruth`` records what was injected.
public struct LogGenerator {
  private var options: GeneratorOptions
  private var random: SplitMix64
  private var truth = GroundTruth()
  private var clock: Int64 = 9 * 3_600_000_000  // 09:00:00 on January 10
  private var loop = 0
  private var line = ""

  /// A generator for `options`.
  public init(options: GeneratorOptions) {
    self.options = options
    random = SplitMix64(seed: options.seed)
  }

  /// Generates the log, handing chunks of text to `write`, and returns the ground truth.
  public mutating func generate(_ write: (String) -> Void) -> GroundTruth {
    var buffer = ""
    buffer.reserveCapacity(1 << 20)
    while truth.bytes < options.targetBytes {
      generateLoop { text in
        buffer += text
        if buffer.utf8.count >= 1 << 20 {
          write(buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      }
    }
    if !buffer.isEmpty { write(buffer) }
    return truth
  }

  private mutating func generateLoop(_ out: (String) -> Void) {
    if options.mix == .utilizationHeavy {
      generateUtilizationHeavyLoop(out)
      return
    }
    loop += 1
    clock += 10_000_000
    let new = options.layout == .new
    emit(.info, new ? "static_autoscaler.go:308" : "static_autoscaler.go:138", "Starting main loop", out)
    emit(.info, "filter_out_schedulable.go:66", "Filtering out schedulables", out)
    emit(.info, "reflector.go:255", "Listing and watching *v1.Pod from k8s.io/client-go/informers/factory.go:150", out)
    let episodeSlot = loop % options.loopsPerEpisode == 0 ? (loop / options.loopsPerEpisode) % 8 : -1
    if episodeSlot >= 0 && episodeSlot < 5 {
      scaleUp(kind: episodeSlot, out)
    } else {
      emit(.info, new ? "static_autoscaler.go:543" : "static_autoscaler.go:318", "No unschedulable pods", out)
    }
    emit(.info, new ? "static_autoscaler.go:752" : "static_autoscaler.go:365", "Calculating unneeded nodes", out)
    for node in 0..<options.nodes {
      let value = Double(random.next() % 1000) / 1000
      let name = nodeName(node)
      if new {
        let percent = (value * 10_000).rounded() / 100
        emit(.info, "klogx.go:87", "Node \(name) - cpu requested is \(percent)% of allocatable", out)
      } else {
        emit(.info, "scale_down.go:447", "Node \(name) - cpu utilization \(sixDigits(value))", out)
      }
    }
    if random.next() % 3 == 0 {
      emit(
        .info, "reflector.go:370",
        "k8s.io/client-go/informers/factory.go:150: Watch close - *v1.Pod total 7 items received", out)
    }
    emit(
      .info, new ? "static_autoscaler.go:795" : "static_autoscaler.go:535",
      "Scale down status: lastScaleUpTime=2024-01-10 08:00:00 +0000 UTC m=+1.0 lastScaleDownDeleteTime=2024-01-10 "
        + "08:00:00 +0000 UTC m=+1.0 lastScaleDownFailTime=2024-01-10 08:00:00 +0000 UTC m=+1.0 "
        + "scaleDownForbidden=false scaleDownInCooldown=false", out)
    if episodeSlot >= 5 { scaleDown(drain: episodeSlot == 7, out) }
  }

  /// A loop of the utilization-heavy mix: per node a utilization line (about 85 %), then loop lines
  /// (about 10 %: main loop, filters, one unneeded and one not-removable candidate, status; a scale-up
  /// episode's lines take the place of `No unschedulable pods`) and noise
  /// (about 5 %), in proportion to the number of nodes.
  private mutating func generateUtilizationHeavyLoop(_ out: (String) -> Void) {
    loop += 1
    clock += 10_000_000
    let new = options.layout == .new
    let nodes = max(options.nodes, 1)
    let loopLines = max((nodes * 10 + 42) / 85, 1)
    let noiseLines = (nodes * 5 + 42) / 85
    let episodeSlot = loop % options.loopsPerEpisode == 0 ? (loop / options.loopsPerEpisode) % 8 : -1
    emit(.info, new ? "static_autoscaler.go:308" : "static_autoscaler.go:138", "Starting main loop", out)
    for index in 1..<loopLines {
      loopLine(index, nodes: nodes, scaleUpLoop: episodeSlot >= 0 && episodeSlot < 5, out)
    }
    if episodeSlot >= 0 && episodeSlot < 5 { scaleUp(kind: episodeSlot, out) }
    for node in 0..<nodes {
      let value = Double(random.next() % 1000) / 1000
      let name = nodeName(node)
      if new {
        let percent = (value * 10_000).rounded() / 100
        emit(.info, "klogx.go:87", "Node \(name) - cpu requested is \(percent)% of allocatable", out)
      } else {
        emit(.info, "scale_down.go:447", "Node \(name) - cpu utilization \(sixDigits(value))", out)
      }
    }
    for index in 0..<noiseLines { noiseLine(index, out) }
    if episodeSlot >= 5 { scaleDown(drain: episodeSlot == 7, out) }
  }

  /// The `index`th loop line after `Starting main loop` (the list repeats for large clusters).
  private mutating func loopLine(_ index: Int, nodes: Int, scaleUpLoop: Bool, _ out: (String) -> Void) {
    let new = options.layout == .new
    let candidate = nodeName((loop * 7 + index) % nodes)
    switch (index - 1) % 7 {
    case 0: emit(.info, "filter_out_schedulable.go:66", "Filtering out schedulables", out)
    case 1:
      if !scaleUpLoop {
        emit(.info, new ? "static_autoscaler.go:543" : "static_autoscaler.go:318", "No unschedulable pods", out)
      }
    case 2:
      emit(
        .info, new ? "static_autoscaler.go:752" : "static_autoscaler.go:365",
        "\(candidate) is unneeded since 2024-01-10 09:00:00.1 +0000 UTC m=+900.2 duration 0s", out)
    case 3:
      let message =
        new
        ? "Node \(candidate) unremovable: cpu requested (91.2% of allocatable) is above the scale-down utilization threshold"
        : "Node \(candidate) is not suitable for removal - cpu utilization too big (0.912000)"
      emit(.info, new ? "eligibility.go:154" : "scale_down.go:490", message, out)
    case 4: emit(.info, "filter_out_schedulable.go:79", "Filtered out 0 pods using hints", out)
    case 5:
      emit(
        .info, new ? "static_autoscaler.go:795" : "static_autoscaler.go:535",
        "Scale down status: lastScaleUpTime=2024-01-10 08:00:00 +0000 UTC m=+1.0 lastScaleDownDeleteTime=2024-01-10 "
          + "08:00:00 +0000 UTC m=+1.0 lastScaleDownFailTime=2024-01-10 08:00:00 +0000 UTC m=+1.0 "
          + "scaleDownForbidden=false scaleDownInCooldown=false", out)
    default: emit(.info, "filter_out_schedulable.go:128", "No schedulable pods", out)
    }
  }

  /// The `index`th noise line of a utilization-heavy loop: informers, affinity, the provider's cache.
  private mutating func noiseLine(_ index: Int, _ out: (String) -> Void) {
    switch index % 4 {
    case 0:
      emit(
        .info, "reflector.go:255", "Listing and watching *v1.Pod from k8s.io/client-go/informers/factory.go:150", out)
    case 1:
      emit(
        .info, "utils.go:147",
        "No pod using affinity / antiaffinity found in cluster, disabling affinity predicate for this loop", out)
    case 2:
      emit(
        .info, "reflector.go:370",
        "k8s.io/client-go/informers/factory.go:150: Watch close - *v1.Node total 9 items received", out)
    default:
      emit(
        .info, "aws_manager.go:261",
        "Refreshed ASG list, next refresh after 2024-01-10 09:01:00.0 +0000 UTC m=+60.0", out)
    }
  }

  private mutating func scaleUp(kind: Int, _ out: (String) -> Void) {
    let new = options.layout == .new
    let group = "eks-ng-\(loop % 7)-\(loop)"
    let pod = "default/web-\(loop)-\(random.next() % 100_000)"
    emit(.info, new ? "klogx.go:87" : "scale_up.go:263", "Pod \(pod) is unschedulable", out)
    emit(.info, new ? "orchestrator.go:120" : "scale_up.go:300", "Upcoming 0 nodes", out)
    emit(.info, new ? "orchestrator.go:1085" : "scale_up.go:423", "Best option to resize: \(group)", out)
    emit(.info, new ? "orchestrator.go:1089" : "scale_up.go:427", "Estimated 1 nodes needed in \(group)", out)
    emit(
      .info, new ? "orchestrator.go:177" : "scale_up.go:529", "Final scale-up plan: [{\(group) 2->3 (max: 10)}]", out)
    emit(.info, new ? "executor.go:166" : "scale_up.go:694", "Scale-up: setting group \(group) size to 3", out)
    emit(.info, "auto_scaling_groups.go:269", "Setting asg \(group) size to 3", out)
    clock += 5_000
    switch kind {
    case 0, 3:
      clock += 95_000_000
      emit(.info, "clusterstate.go:352", "Scale up in group \(group) finished successfully in 1m35s", out)
      truth.episodes.append(.init(kind: "up", subject: group, outcome: "succeeded", detail: "2->3"))
    case 1:
      emit(
        .error, new ? "static_autoscaler.go:646" : "static_autoscaler.go:533",
        "Failed to scale up: failed to increase node group size: AccessDenied: User: "
          + "arn:aws:sts::123456789012:assumed-role/ca-role/1700000000 is not authorized to perform: "
          + "autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
          + "u:autoScalingGroupName/\(group)\n\tstatus code: 403, request id: 9c7e1a2b", out)
      truth.episodes.append(.init(kind: "up", subject: group, outcome: "failed", detail: "iam"))
    case 2:
      clock += 900_000_000
      emit(.warning, "clusterstate.go:358", "Scale-up timed out for node group \(group) after 15m0.5s", out)
      emit(
        .warning, "clusterstate.go:404",
        "Disabling scale-up for node group \(group) until 2024-01-10 12:00:00.0 +0000 UTC m=+100.0; "
          + "errorClass=Other; errorCode=timeout", out)
      truth.episodes.append(.init(kind: "up", subject: group, outcome: "timedOut", detail: "timeout"))
    default:
      truth.episodes.append(.init(kind: "up", subject: group, outcome: "pending", detail: "2->3"))
    }
  }

  private mutating func scaleDown(drain: Bool, _ out: (String) -> Void) {
    let new = options.layout == .new
    let node = "ip-10-1-\(loop % 250)-\(loop % 199).ec2.internal"
    emit(
      .info, "nodes.go:150", "\(node) is unneeded since 2024-01-10 09:00:00.1 +0000 UTC m=+900.2 duration 10m5.5s", out)
    emit(.info, new ? "nodes.go:212" : "scale_down.go:647", "\(node) was unneeded for 10m5.5s", out)
    if drain {
      emit(
        .info, new ? "actuator.go:269" : "scale_down.go:754",
        "Scale-down: removing node \(node), utilization: {0.21 0.13 0 cpu 0.21}, pods to reschedule: web-1,web-2", out)
    } else {
      let name = new ? "\"\(node)\"" : node
      emit(.info, new ? "actuator.go:176" : "scale_down.go:866", "Scale-down: removing empty node \(name)", out)
    }
    let taint = new ? "ToBeDeletedByClusterAutoscaler" : "ToBeDeletedTaint"
    emit(.info, new ? "taints.go:241" : "delete.go:102", "Successfully added \(taint) on node \(node)", out)
    clock += 200_000
    emit(.info, "auto_scaling_groups.go:378", "Terminating EC2 instance: i-0\(String(loop, radix: 16))", out)
    truth.episodes.append(.init(kind: "down", subject: node, outcome: "succeeded", detail: drain ? "drain" : "empty"))
  }

  private enum Level: Character {
    case info = "I"
    case warning = "W"
    case error = "E"
  }

  /// Writes one record (continuation lines included) in the chosen format.
  private mutating func emit(_ level: Level, _ caller: String, _ message: String, _ out: (String) -> Void) {
    clock += 37 + Int64(random.next() % 200)
    let micros = clock % 86_400_000_000
    let time =
      "\(pad(Int(micros / 3_600_000_000), 2)):\(pad(Int(micros / 60_000_000 % 60), 2)):"
      + "\(pad(Int(micros / 1_000_000 % 60), 2)).\(pad(Int(micros % 1_000_000), 6))"
    let (month, day) = LogGenerator.monthAndDay(dayOfYear: 9 + Int(clock / 86_400_000_000))
    switch options.format {
    case .text, .kubectl:
      let header = "\(level.rawValue)\(pad(month, 2))\(pad(day, 2)) \(time)       1 \(caller)] "
      let physical = (header + message).split(separator: "\n", omittingEmptySubsequences: false)
      for piece in physical {
        let prefix =
          options.format == .kubectl
          ? "[pod/cluster-autoscaler-7d9f/cluster-autoscaler] 2024-\(pad(month, 2))-\(pad(day, 2))T\(time)123Z " : ""
        write(prefix + piece + "\n", out)
      }
    case .json:
      let milliseconds = Double(1_704_844_800_000_000 + clock) / 1000
      let verbosity = level == .error ? "" : ",\"v\":4"
      write(
        "{\"ts\":\(milliseconds),\"caller\":\"core/\(caller)\",\"msg\":\"\(jsonEscape(message))\"\(verbosity)}\n", out)
    }
  }

  private mutating func write(_ text: String, _ out: (String) -> Void) {
    truth.lines += 1
    truth.bytes += text.utf8.count
    out(text)
  }

  /// Month and day of a zero-based day of 2024 (a leap year); past the year's end it wraps around.
  public static func monthAndDay(dayOfYear: Int) -> (Int, Int) {
    let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    var remaining = dayOfYear % 366
    for (index, length) in lengths.enumerated() {
      if remaining < length { return (index + 1, remaining + 1) }
      remaining -= length
    }
    return (12, 31)
  }

  private func nodeName(_ number: Int) -> String { "ip-10-0-\(number / 250)-\(number % 250).ec2.internal" }

  private func sixDigits(_ value: Double) -> String {
    let scaled = Int((value * 1_000_000).rounded())
    return "\(scaled / 1_000_000).\(pad(scaled % 1_000_000, 6))"
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  private func jsonEscape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.append(character)
      }
    }
    return result
  }
}

/// SplitMix64: a small, fast, deterministic random number generator (also used by the tests).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator starting from `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
