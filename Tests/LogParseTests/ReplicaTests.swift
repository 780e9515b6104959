import Testing

@testable import LogParse

/// A log of several CAS pods interleaved (`kubectl logs -l … --prefix`) keeps each pod's stream apart.
struct ReplicaTests {
  private static let leader = "[pod/cas-7f9d-leader/cluster-autoscaler] "
  private static let standby = "[pod/cas-7f9d-standby/cluster-autoscaler] "

  /// Two pods starting at the same moment: the leader takes the lease and scales, the standby waits.
  static let twoPods =
    [
      leader
        + "I0313 12:00:03.100000       1 leaderelection.go:257] attempting to acquire leader lease kube-system/ca...",
      standby
        + "I0313 12:00:03.150000       1 leaderelection.go:257] attempting to acquire leader lease kube-system/ca...",
      leader + "I0313 12:00:03.200000       1 leaderelection.go:268] successfully acquired lease kube-system/ca",
      standby + "I0313 12:00:03.250000       1 leaderelection.go:352] failed to acquire lease kube-system/ca",
      leader + "I0313 12:00:13.000000       1 static_autoscaler.go:280] Starting main loop",
      leader + "I0313 12:00:13.200000       1 executor.go:147] Scale-up: setting group ng-blue size to 4",
      standby + "I0313 12:00:13.250000       1 leaderelection.go:352] failed to acquire lease kube-system/ca",
    ].joined(separator: "\n") + "\n"

  @Test func eachPodHasItsOwnLeadershipAndStarts() throws {
    let report = Fixtures.analyze(Self.twoPods)
    let replicas = report.autoscaler.replicas
    try #require(replicas.count == 2)
    #expect(replicas[0].name == "pod/cas-7f9d-leader/cluster-autoscaler")
    #expect(replicas[0].isLeader == true && replicas[0].startCount == 1)
    #expect(replicas[1].name == "pod/cas-7f9d-standby/cluster-autoscaler")
    #expect(replicas[1].isLeader == false && replicas[1].startCount == 1)
    #expect(report.autoscaler.startCount == 2, "two pods started within a second: two starts")
    #expect(report.autoscaler.isLeader == true)
    #expect(report.scaleUps.count == 1)
    let json = JSONReportRenderer.render(report)
    #expect(json.contains("\"name\": \"pod/cas-7f9d-standby/cluster-autoscaler\""))
  }

  @Test func aLeaderWithoutLeaseLinesBesideAStandbyIsNotStandbyOnly() throws {
    // An excerpt: the leader's lease lines are gone, its loop and scale-up remain.
    let lines = Self.twoPods.split(separator: "\n").filter {
      !$0.contains("leaderelection") || $0.hasPrefix(Self.standby)
    }
    let report = Fixtures.analyze(lines.joined(separator: "\n") + "\n")
    #expect(report.autoscaler.isLeader == true)
    let replicas = report.autoscaler.replicas
    try #require(replicas.count == 2)
    let byName = Dictionary(uniqueKeysWithValues: replicas.map { ($0.name ?? "", $0) })
    #expect(byName["pod/cas-7f9d-leader/cluster-autoscaler"]?.isLeader == true, "it ran a loop and a scale-up")
    #expect(byName["pod/cas-7f9d-standby/cluster-autoscaler"]?.isLeader == false)
  }

  @Test func startsAreCountedPerPodFromTypedEvents() {
    var builder = EpisodeBuilder()
    for stream in [UInt16(1), 2] {
      var context = Reducer.context(Int(stream))
      context.stream = stream
      _ = builder.apply(.leaseAcquiring, context)
    }
    #expect(builder.autoscaler.startCount == 2)
    #expect(builder.replicaList.map(\.startCount) == [1, 1])
  }

  @Test func oneStreamStillCountsOneStartForTwoSignals() {
    var builder = EpisodeBuilder()
    _ = builder.apply(.processStarted(version: "1.30.0"), Reducer.context(0))
    _ = builder.apply(.leaseAcquiring, Reducer.context(1))
    #expect(builder.autoscaler.startCount == 1)
    #expect(builder.replicaList.isEmpty)
  }

  @Test func renewalsFailingWithoutALeaseAcquiredAreAStandby() {
    let standby = Reducer.apply([.processStarted(version: "0.4.0"), .leadershipLost, .leadershipLost])
    #expect(standby.logShowsLeader == false)
    let leader = Reducer.apply([.leaderElection(acquired: true), .mainLoopStarted, .leadershipLost])
    #expect(leader.logShowsLeader == true)
  }
}
