extension ProcessReducer {
  /// Most replicas (streams of interleaved logs) told apart.
  static let maximumReplicas = 1024

  /// Applies `change` to the replica of `context`'s stream; a line without a stream has none.
  mutating func updateReplica(_ context: EventContext, _ change: (inout Replica) -> Void) {
    guard context.stream != 0 else { return }
    let key = context.replica
    if replicas[key] == nil {
      guard replicas.count < ProcessReducer.maximumReplicas else { return }
      replicas[key] = Replica(source: context.source, stream: Int(context.stream))
    }
    modify(&replicas[key, default: Replica(source: context.source, stream: Int(context.stream))], change)
  }

  /// Notes that the process of `context` acts as the leader (it runs loops or episodes).
  mutating func noteActing(_ context: EventContext) {
    actingSeen = true
    updateReplica(context) { $0.acts = true }
  }

  /// Notes what a leader-election line says about the process of `context`.
  mutating func noteLeaderElection(acquired: Bool, _ context: EventContext) {
    if acquired {
      autoscaler.isLeader = true
    } else if autoscaler.isLeader == nil {
      autoscaler.isLeader = false
    }
    updateReplica(context) { replica in
      if acquired { replica.acquired = true } else { replica.heldByOther = true }
    }
  }

  /// Counts a process start at `time` of the process of `context`, for the log and for its stream.
  mutating func countStart(_ time: LogTime, _ context: EventContext) {
    autoscaler.addStart(time, known: context.hasTime)
    updateReplica(context) { replica in
      replica.startCount += 1
      replica.lastStart = time
      if context.hasTime, replica.starts.count < AutoscalerInfo.maximumStarts { replica.starts.append(time) }
    }
  }

  /// The latest start counted for the process of `context`: its stream's, else the log's.
  func lastStart(_ context: EventContext) -> LogTime? {
    context.stream == 0 ? autoscaler.lastStart : replicas[context.replica]?.lastStart
  }

  /// The replicas, in order of source and stream.
  var replicaList: [Replica] {
    replicas.values.sorted { ($0.source, $0.stream) < ($1.source, $1.stream) }
  }

  /// Whether the log shows a leader: a lease acquired, or loops and episodes only a leader runs.
  ///
  /// A log that holds the leader's lines beside a standby's is never "standby only".
  var logShowsLeader: Bool? {
    if autoscaler.isLeader == true || (autoscaler.isLeader == false && actingSeen) { return true }
    return autoscaler.isLeader
  }
}
