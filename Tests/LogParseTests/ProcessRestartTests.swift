import Testing

@testable import LogParse

/// A restart shows in the monotonic clock readings of Go times (`m=+293.37`): each process implies
/// its own start, and a later one is a restart the log shows even without a start-up banner.
struct ProcessRestartTests {
  private let firstProcess = [
    "I0326 09:46:33.502229       1 static_autoscaler.go:402] Scale down status: unneededOnly=false "
      + "lastScaleUpTime=2020-03-26 09:28:48.692447744 +0000 UTC m=+293.370643009 "
      + "lastScaleDownDeleteTime=2020-03-26 09:23:57.782866798 +0000 UTC m=+2.461062002 scaleDownForbidden=false",
    "I0326 09:46:33.856532       1 aws_manager.go:263] Refreshed ASG list, next refresh after "
      + "2020-03-26 09:47:33.856526328 +0000 UTC m=+1418.534721559",
  ]
  /// A process started at 10:00:00 (its initial lastScaleUpTime is an hour before its start).
  private let secondProcess =
    "I0326 10:00:05.000000       1 static_autoscaler.go:589] Scale down status: "
    + "lastScaleUpTime=2020-03-26 09:00:00 +0000 UTC m=-3600.000000000 "
    + "lastScaleDownDeleteTime=2020-03-26 09:00:00 +0000 UTC m=-3600.000000000 scaleDownInCooldown=false"

  @Test func oneProcessShowsNoStart() {
    let report = Fixtures.analyze(firstProcess.joined(separator: "\n") + "\n")
    #expect(report.autoscaler.starts.isEmpty)
    #expect(report.year.baseYear == 2020 && report.year.source == .message)
  }

  @Test func aLaterImpliedStartIsARestart() {
    let report = Fixtures.analyze((firstProcess + [secondProcess]).joined(separator: "\n") + "\n")
    #expect(report.autoscaler.starts.map { report.rfc3339($0) } == ["2020-03-26T10:00:00.000000Z"])
    #expect(TextReportRenderer.render(report).contains("1 process start(s)"))
  }

  @Test func aRestartWithItsBannerIsCountedOnce() {
    let banner = "I0326 10:00:01.000000       1 main.go:553] Cluster Autoscaler 1.18.1"
    let report = Fixtures.analyze((firstProcess + [banner, secondProcess]).joined(separator: "\n") + "\n")
    #expect(report.autoscaler.starts.map { report.rfc3339($0) } == ["2020-03-26T10:00:01.000000Z"])
    #expect(report.autoscaler.versions == ["1.18.1"])
  }

  @Test func theStartIsTheReadingsTimeLessItsMonotonicSeconds() throws {
    let start = try #require(TimeText.goProcessStart("2019-09-27 11:57:07.773690521 +0000 UTC m=+2997.491422805"))
    #expect(start.rfc3339 == "2019-09-27T11:07:10.282267Z")
    #expect(TimeText.goProcessStart("2019-09-27 11:57:07.773690521 +0000 UTC") == nil)
  }

  /// Every process tries to take the leader lease once as it starts: without banners, each attempt is a start.
  @Test func eachLeaderLeaseAttemptIsAStart() {
    let log = [
      "I0313 12:00:03.100000       1 leaderelection.go:257] attempting to acquire leader lease kube-system/cluster-autoscaler...",
      "I0313 12:00:04.200000       1 leaderelection.go:268] successfully acquired lease kube-system/cluster-autoscaler",
      "I0313 12:30:03.100000       1 leaderelection.go:258] \"Attempting to acquire leader lease...\" lock=\"kube-system/cluster-autoscaler\"",
    ].joined(separator: "\n")
    let report = Fixtures.analyze(log + "\n", year: 2024)
    #expect(
      report.autoscaler.starts.map { report.rfc3339($0) } == [
        "2024-03-13T12:00:03.100000Z", "2024-03-13T12:30:03.100000Z",
      ])
    #expect(report.autoscaler.isLeader == true)
  }

  @Test func aBannerAndTheLeaseAttemptAfterItAreOneStart() {
    let log = [
      "I0313 12:00:01.000000       1 main.go:553] Cluster Autoscaler 1.28.0",
      "I0313 12:00:03.100000       1 leaderelection.go:257] attempting to acquire leader lease kube-system/cluster-autoscaler...",
    ].joined(separator: "\n")
    let report = Fixtures.analyze(log + "\n", year: 2024)
    #expect(report.autoscaler.starts.map { report.rfc3339($0) } == ["2024-03-13T12:00:01.000000Z"])
  }
}
