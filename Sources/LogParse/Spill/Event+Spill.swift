/// Events written to and read back from the reorder buffer's temporary file.
///
/// Each case has a tag of its own; `spill(into:)` is an exhaustive switch, so a new case does not
/// compile until it is written, and `SpillCodingTests` reads back an event of every catalogue example.
extension Event: Spillable {
  /// About how many bytes the event keeps alive: the event, its box, and every string it holds.
  @inline(__always)
  var retainedBytes: Int {
    // The dominant line's event where the reorder buffer asks, without a call: the switch of
    // ``countedBytes`` copies the name it binds.
    if case .nodeUtilization(let node, _) = self { return Self.utilizationRetainedBytes(node) }
    return countedBytes
  }

  /// ``retainedBytes`` of the utilization event of `node`.
  @inline(__always)
  static func utilizationRetainedBytes(_ node: String) -> Int { MemoryLayout<Event>.stride + 48 + node.utf8.count + 16 }

  /// ``retainedBytes``, case by case.
  private var countedBytes: Int {
    func text(_ value: String) -> Int { value.utf8.count + 16 }
    func text(_ value: String?) -> Int { value.map(text) ?? 0 }
    func failureBytes(_ detail: FailureDetail) -> Int {
      let reading = detail.reading
      return 64 + text(detail.nodeGroup) + text(detail.node) + text(detail.message) + text(reading.code)
        + text(reading.action) + text(reading.principal) + text(reading.nodeGroup) + text(reading.guessedNodeGroup)
        + text(reading.node)
    }
    let base = MemoryLayout<Event>.stride + 48
    switch self {
    case .processStarted(let version): return base + text(version)
    case .leaseAcquiring, .mainLoopStarted, .leadershipLost, .podsFound, .otherPodsUnschedulable, .upcomingNodes,
      .scaleUpCapped, .scaleUpCappedToClusterMax, .cloudResizeDone, .noExpansionOptions, .leaderElection:
      return base
    case .podUnschedulable(let pod): return base + text(pod)
    case .bestOption(let group), .maxSizeReached(let group), .noPodFitsGroup(let group),
      .groupSizeDecreasing(let group, _, _):
      return base + text(group)
    case .estimatedNodes(_, let group), .scaleUpRequested(let group, _), .cloudResize(let group, _),
      .scaleUpFinished(let group, _), .scaleUpTimedOut(let group, _), .failedNodesDeleted(_, let group),
      .scaleUpReverted(let group, _):
      return base + text(group)
    case .scaleUpSplit(let groups): return base + groups.reduce(0) { $0 + text($1) }
    case .scaleUpPlan(let plan): return base + plan.reduce(0) { $0 + text($1.group) + 24 }
    case .backoffStarted(let group, _, let errorClass, let errorCode, _):
      return base + text(group) + text(errorClass) + text(errorCode)
    case .groupInBackoff(let group, let code, let failure):
      return base + text(group) + text(code) + (failure.map(failureBytes) ?? 0)
    case .groupNotReady(let group, let reason): return base + text(group) + text(reason)
    case .podDoesNotFitGroup(let pod, let group, let reason): return base + text(pod) + text(group) + text(reason)
    case .similarPodsDoNotFitGroup(_, let pod, let group): return base + text(pod) + text(group)
    case .nodeUtilization(let node, _), .nodeUnneededSince(let node, _, _), .nodeUnneededFor(let node, _),
      .scaleDownEmpty(let node), .deletionTaintAdded(let node), .unregisteredNodeRemoval(let node),
      .drainFinished(let node):
      return base + text(node)
    case .scaleDownDrain(let node, _, let pods): return base + text(node) + pods.reduce(0) { $0 + text($1) }
    case .instanceTerminated(let id): return base + text(id)
    case .scaleSetInstancesDeleting(let scaleSet, let instances, let ids):
      return base + text(scaleSet) + instances.reduce(0) { $0 + text($1) } + ids.reduce(0) { $0 + text($1) }
    case .scaleDownBlocked(let node, _, let detail, let pod): return base + text(node) + text(detail) + text(pod)
    case .kubernetesEvent(let event):
      return base + text(event.kind) + text(event.namespace) + text(event.name) + text(event.type)
        + text(event.reason) + text(event.message)
    case .failure(let detail): return base + failureBytes(detail)
    case .datedNote(let id, _, _), .noted(let id): return base + text(id)
    case .scaleUpRevertFailed(let group, let failure): return base + text(group) + failureBytes(failure)
    case .scaleUpSalvoIteration, .expanderFilteredAll: return base
    case .scaleUpCappedByQuota(let group, _, _): return base + text(group)
    }
  }

  func spill(into writer: inout SpillWriter) {
    switch self {
    case .processStarted(let version): writer.int(0); writer.string(version)
    case .leaseAcquiring: writer.int(1)
    case .mainLoopStarted: writer.int(2)
    case .leadershipLost: writer.int(3)
    case .podsFound(let total, let unschedulable): writer.int(4); writer.int(total); writer.int(unschedulable)
    case .podUnschedulable(let pod): writer.int(5); writer.string(pod)
    case .otherPodsUnschedulable(let count): writer.int(6); writer.int(count)
    case .upcomingNodes(let count): writer.int(7); writer.int(count)
    case .bestOption(let group): writer.int(8); writer.string(group)
    case .estimatedNodes(let count, let group): writer.int(9); writer.int(count); writer.string(group)
    case .scaleUpCapped(let requested, let cappedTo): writer.int(10); writer.int(requested); writer.int(cappedTo)
    case .scaleUpCappedToClusterMax(let size): writer.int(11); writer.int(size)
    case .scaleUpSplit(let groups): writer.int(12); writer.array(groups) { $0.string($1) }
    case .scaleUpPlan(let plan):
      writer.int(13)
      writer.array(plan) { writer, resize in
        writer.string(resize.group)
        writer.int(resize.from)
        writer.int(resize.to)
        writer.int(resize.max)
      }
    case .scaleUpRequested(let group, let size): writer.int(14); writer.string(group); writer.int(size)
    case .cloudResize(let group, let size): writer.int(15); writer.string(group); writer.int(size)
    case .cloudResizeDone(let seconds): writer.int(16); writer.optional(seconds) { $0.double($1) }
    case .scaleUpFinished(let group, let seconds):
      writer.int(17); writer.string(group); writer.optional(seconds) { $0.double($1) }
    case .scaleUpTimedOut(let group, let seconds):
      writer.int(18); writer.string(group); writer.optional(seconds) { $0.double($1) }
    case .failedNodesDeleted(let count, let group): writer.int(19); writer.int(count); writer.string(group)
    case .scaleUpReverted(let group, let delta): writer.int(20); writer.string(group); writer.int(delta)
    case .groupSizeDecreasing(let group, let from, let to):
      writer.int(48); writer.string(group); writer.int(from); writer.int(to)
    case .noPodFitsGroup(let group): writer.int(49); writer.string(group)
    case .backoffStarted(let group, let until, let errorClass, let errorCode, let failureClass):
      writer.int(21)
      writer.string(group)
      writer.optional(until) { $0.fullTime($1) }
      writer.string(errorClass)
      writer.string(errorCode)
      writer.string(failureClass.rawValue)
    case .groupInBackoff(let group, let code, let failure):
      writer.int(22)
      writer.string(group)
      writer.optional(code) { $0.string($1) }
      writer.optional(failure) { $0.failure($1) }
    case .maxSizeReached(let group): writer.int(23); writer.string(group)
    case .groupNotReady(let group, let reason): writer.int(24); writer.string(group); writer.string(reason)
    case .podDoesNotFitGroup(let pod, let group, let reason):
      writer.int(25); writer.string(pod); writer.string(group); writer.string(reason)
    case .similarPodsDoNotFitGroup(let count, let pod, let group):
      writer.int(26); writer.int(count); writer.string(pod); writer.string(group)
    case .noExpansionOptions: writer.int(27)
    case .nodeUtilization(let node, let utilization): writer.int(28); writer.string(node); writer.double(utilization)
    case .nodeUnneededSince(let node, let since, let seconds):
      writer.int(29)
      writer.string(node)
      writer.optional(since) { $0.fullTime($1) }
      writer.optional(seconds) { $0.double($1) }
    case .nodeUnneededFor(let node, let seconds): writer.int(30); writer.string(node); writer.double(seconds)
    case .scaleDownEmpty(let node): writer.int(31); writer.string(node)
    case .scaleDownDrain(let node, let utilization, let pods):
      writer.int(32)
      writer.string(node)
      writer.optional(utilization) { $0.double($1) }
      writer.array(pods) { $0.string($1) }
    case .deletionTaintAdded(let node): writer.int(33); writer.string(node)
    case .unregisteredNodeRemoval(let node): writer.int(34); writer.string(node)
    case .drainFinished(let node): writer.int(35); writer.string(node)
    case .instanceTerminated(let id): writer.int(36); writer.string(id)
    case .scaleSetInstancesDeleting(let scaleSet, let instances, let ids):
      writer.int(37)
      writer.string(scaleSet)
      writer.array(instances) { $0.string($1) }
      writer.array(ids) { $0.string($1) }
    case .scaleDownBlocked(let node, let reason, let detail, let pod):
      writer.int(38)
      writer.string(node)
      writer.string(reason.rawValue)
      writer.string(detail)
      writer.optional(pod) { $0.string($1) }
    case .kubernetesEvent(let event):
      writer.int(39)
      writer.kubernetesEvent(event)
    case .failure(let detail):
      writer.int(40)
      writer.failure(detail)
    case .leaderElection(let acquired): writer.int(41); writer.bool(acquired)
    case .datedNote(let id, let date, let processStart):
      writer.int(42)
      writer.string(id)
      writer.fullTime(date)
      writer.optional(processStart) { $0.fullTime($1) }
    case .noted(let id): writer.int(43); writer.string(id)
    case .scaleUpRevertFailed(let group, let failure): writer.int(44); writer.string(group); writer.failure(failure)
    case .scaleUpSalvoIteration(let iteration, let podsLeft):
      writer.int(45); writer.int(iteration); writer.int(podsLeft)
    case .expanderFilteredAll(let validOptions): writer.int(46); writer.int(validOptions)
    case .scaleUpCappedByQuota(let group, let requested, let cappedTo):
      writer.int(47)
      writer.string(group)
      writer.optional(requested) { $0.int($1) }
      writer.int(cappedTo)
    }
  }

  init?(unspilling reader: inout SpillReader) {
    guard let tag = reader.int(), let event = Self.read(tag: tag, &reader) else { return nil }
    self = event
  }

  private static func read(tag: Int, _ r: inout SpillReader) -> Event? {
    func text() -> String? { r.string() }
    func number() -> Int? { r.int() }
    switch tag {
    case 0: return text().map { .processStarted(version: $0) }
    case 1: return .leaseAcquiring
    case 2: return .mainLoopStarted
    case 3: return .leadershipLost
    case 4:
      guard let total = number(), let unschedulable = number() else { return nil }
      return .podsFound(total: total, unschedulable: unschedulable)
    case 5: return text().map { .podUnschedulable(pod: $0) }
    case 6: return number().map { .otherPodsUnschedulable(count: $0) }
    case 7: return number().map { .upcomingNodes(count: $0) }
    case 8: return text().map { .bestOption(group: $0) }
    case 9:
      guard let count = number(), let group = text() else { return nil }
      return .estimatedNodes(count: count, group: group)
    case 10:
      guard let requested = number(), let cappedTo = number() else { return nil }
      return .scaleUpCapped(requested: requested, cappedTo: cappedTo)
    case 11: return number().map { .scaleUpCappedToClusterMax(size: $0) }
    case 12: return r.array { $0.string() }.map { .scaleUpSplit(groups: $0) }
    case 13:
      let plan = r.array { reader -> PlannedResize? in
        guard let group = reader.string(), let from = reader.int(), let to = reader.int(), let max = reader.int()
        else { return nil }
        return PlannedResize(group: group, from: from, to: to, max: max)
      }
      return plan.map { .scaleUpPlan($0) }
    case 14, 15, 20:
      guard let group = text(), let size = number() else { return nil }
      switch tag {
      case 14: return .scaleUpRequested(group: group, size: size)
      case 15: return .cloudResize(group: group, size: size)
      default: return .scaleUpReverted(group: group, delta: size)
      }
    case 16:
      guard let seconds = r.optional({ $0.double() }) else { return nil }
      return .cloudResizeDone(seconds: seconds)
    case 17, 18:
      guard let group = text(), let seconds = r.optional({ $0.double() }) else { return nil }
      return tag == 17
        ? .scaleUpFinished(group: group, seconds: seconds) : .scaleUpTimedOut(group: group, seconds: seconds)
    case 19:
      guard let count = number(), let group = text() else { return nil }
      return .failedNodesDeleted(count: count, group: group)
    case 21:
      guard let group = text(), let until = r.optional({ $0.fullTime() }), let errorClass = text(),
        let errorCode = text(), let failureClass = text().flatMap(FailureClass.init(rawValue:))
      else { return nil }
      return .backoffStarted(
        group: group, until: until, errorClass: errorClass, errorCode: errorCode, failureClass: failureClass)
    case 22:
      guard let group = text(), let code = r.optional({ $0.string() }), let failure = r.optional({ $0.failure() })
      else { return nil }
      return .groupInBackoff(group: group, errorCode: code, failure: failure)
    case 23: return text().map { .maxSizeReached(group: $0) }
    case 24:
      guard let group = text(), let reason = text() else { return nil }
      return .groupNotReady(group: group, reason: reason)
    case 25:
      guard let pod = text(), let group = text(), let reason = text() else { return nil }
      return .podDoesNotFitGroup(pod: pod, group: group, reason: reason)
    case 26:
      guard let count = number(), let pod = text(), let group = text() else { return nil }
      return .similarPodsDoNotFitGroup(count: count, pod: pod, group: group)
    case 27: return .noExpansionOptions
    case 28:
      guard let node = text(), let utilization = r.double() else { return nil }
      return .nodeUtilization(node: node, utilization: utilization)
    case 29:
      guard let node = text(), let since = r.optional({ $0.fullTime() }), let seconds = r.optional({ $0.double() })
      else { return nil }
      return .nodeUnneededSince(node: node, since: since, seconds: seconds)
    case 30:
      guard let node = text(), let seconds = r.double() else { return nil }
      return .nodeUnneededFor(node: node, seconds: seconds)
    case 31: return text().map { .scaleDownEmpty(node: $0) }
    case 32:
      guard let node = text(), let utilization = r.optional({ $0.double() }), let pods = r.array({ $0.string() })
      else { return nil }
      return .scaleDownDrain(node: node, utilization: utilization, pods: pods)
    case 33: return text().map { .deletionTaintAdded(node: $0) }
    case 34: return text().map { .unregisteredNodeRemoval(node: $0) }
    case 35: return text().map { .drainFinished(node: $0) }
    case 36: return text().map { .instanceTerminated(instanceId: $0) }
    case 37:
      guard let scaleSet = text(), let instances = r.array({ $0.string() }), let ids = r.array({ $0.string() })
      else { return nil }
      return .scaleSetInstancesDeleting(scaleSet: scaleSet, instances: instances, ids: ids)
    case 38:
      guard let node = text(), let reason = text().flatMap(BlockReason.init(rawValue:)), let detail = text(),
        let pod = r.optional({ $0.string() })
      else { return nil }
      return .scaleDownBlocked(node: node, reason: reason, detail: detail, pod: pod)
    case 39:
      return r.kubernetesEvent().map { .kubernetesEvent($0) }
    case 40:
      return r.failure().map { .failure($0) }
    case 41: return r.bool().map { .leaderElection(acquired: $0) }
    case 42:
      guard let id = text(), let date = r.fullTime(), let processStart = r.optional({ $0.fullTime() }) else {
        return nil
      }
      return .datedNote(id: id, date: date, processStart: processStart)
    case 43: return text().map { .noted(id: $0) }
    case 44:
      guard let group = text(), let failure = r.failure() else { return nil }
      return .scaleUpRevertFailed(group: group, failure: failure)
    case 45:
      guard let iteration = number(), let podsLeft = number() else { return nil }
      return .scaleUpSalvoIteration(iteration: iteration, podsLeft: podsLeft)
    case 46: return number().map { .expanderFilteredAll(validOptions: $0) }
    case 47:
      guard let group = text(), let requested = r.optional({ $0.int() }), let cappedTo = number() else { return nil }
      return .scaleUpCappedByQuota(group: group, requested: requested, cappedTo: cappedTo)
    case 48:
      guard let group = text(), let from = number(), let to = number() else { return nil }
      return .groupSizeDecreasing(group: group, from: from, to: to)
    case 49: return text().map { .noPodFitsGroup(group: $0) }
    default: return nil
    }
  }
}

extension SpillWriter {
  /// Writes a full time.
  mutating func fullTime(_ time: FullTime) {
    int(Int(time.epochMicroseconds))
    int(time.fractionDigits)
    int(time.extraNanoseconds)
  }

  /// Writes a log time.
  mutating func logTime(_ time: LogTime) {
    int(Int(time.month))
    int(Int(time.day))
    int(Int(time.microsecondOfDay))
    int(Int(time.yearOffset))
    int(Int(time.fractionDigits))
  }
}

extension SpillReader {
  /// Reads a full time.
  mutating func fullTime() -> FullTime? {
    guard let micros = int(), let digits = int(), let nanos = int() else { return nil }
    return FullTime(epochMicroseconds: Int64(micros), fractionDigits: digits, extraNanoseconds: nanos)
  }

  /// Reads a log time.
  mutating func logTime() -> LogTime? {
    guard let month = int(), let day = int(), let micros = int(), let offset = int(), let digits = int() else {
      return nil
    }
    return LogTime(month: month, day: day, microsecondOfDay: Int64(micros), yearOffset: offset, fractionDigits: digits)
  }
}

extension PendingEvent: Spillable {
  var retainedBytes: Int { event.retainedBytes + MemoryLayout<EventContext>.stride }

  func spill(into writer: inout SpillWriter) {
    event.spill(into: &writer)
    writer.logTime(context.time)
    writer.int(context.source)
    writer.int(context.lines.lowerBound)
    writer.int(context.lines.upperBound)
    // A record without a readable time is marked in the severity's ninth bit.
    writer.int(Int(context.severity.rawValue) | (context.hasTime ? 0 : 0x100))
    writer.int(Int(context.stream))
    switch context.loop {
    case nil: writer.int(0)
    case .ordinal(let n):
      writer.int(1)
      writer.int(n)
    case .structured(let id):
      writer.int(2)
      writer.int(Int(id.process))
      writer.int(id.number)
    }
  }

  init?(unspilling reader: inout SpillReader) {
    guard let event = Event(unspilling: &reader), let time = reader.logTime(), let source = reader.int(),
      let lower = reader.int(), let upper = reader.int(), lower <= upper, let severityField = reader.int(),
      (0...0x1FF).contains(severityField), let severity = Severity(rawValue: UInt8(severityField & 0xFF)),
      let stream = reader.int().flatMap({ UInt16(exactly: $0) })
    else { return nil }
    let loop: LoopId?
    switch reader.int() {
    case 0: loop = nil
    case 1:
      guard let n = reader.int() else { return nil }
      loop = .ordinal(n)
    case 2:
      guard let process = reader.int().flatMap(UInt32.init(exactly:)), let n = reader.int() else { return nil }
      loop = .structured(IterationId(process: process, number: n))
    default: return nil
    }
    self.init(
      event: event,
      context: EventContext(
        time: time, source: source, lines: lower...upper, severity: severity, loop: loop, stream: stream,
        hasTime: severityField & 0x100 == 0))
  }
}
