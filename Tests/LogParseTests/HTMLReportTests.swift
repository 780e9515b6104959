import Foundation
import LogParse
import Testing

/// The HTML report: one element per episode, everything escaped, nothing fetched, bounded size.
struct HTMLReportTests {
  /// A log with dozens of episodes of every outcome, a backoff, a failure and a blocked node.
  static func dozensOfEpisodes(groups: Int = 30, nodes: Int = 20) -> String {
    var text = ""
    for number in 0..<groups {
      let minute = number < 10 ? "0\(number)" : "\(number % 60)"
      let time = "I0101 10:\(minute):00.000000       1"
      text += "\(time) orchestrator.go:295] Final scale-up plan: [{group-\(number) 2->3 (max: 5)}]\n"
      text += "\(time) executor.go:147] Scale-up: setting group group-\(number) size to 3\n"
      switch number % 3 {
      case 0:
        text +=
          "I0101 10:\(minute):40.000000       1 clusterstate.go:260] Scale up in group group-\(number) "
          + "finished successfully in 40s\n"
      case 1:
        text +=
          "W0101 10:\(minute):50.000000       1 clusterstate.go:266] Scale-up timed out for node group "
          + "group-\(number) after 50s\n"
      default: break
      }
    }
    for number in 0..<nodes {
      let minute = number < 10 ? "0\(number)" : "\(number)"
      text +=
        "I0101 11:\(minute):00.000000       1 actuator.go:137] Scale-down: removing empty node \"node-\(number)\"\n"
      text += "I0101 11:\(minute):01.000000       1 auto_scaling_groups.go:343] Terminating EC2 instance: i-\(number)\n"
    }
    return text
  }

  private func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test(arguments: ["000-seed-blog-scaleup", "038-", "046-", "030-", "021-"])
  func oneElementPerEpisode(prefix: String) throws {
    let report = Fixtures.analyze(try Fixtures.sample(prefix))
    let html = HTMLReportRenderer.render(report)
    #expect(count("data-episode-id=", in: html) == report.scaleUps.count + report.scaleDowns.count)
    for episode in report.scaleUps { #expect(html.contains("data-episode-id=\"\(episode.id)\"")) }
  }

  @Test func dozensOfEpisodesAllDrawn() {
    let report = Fixtures.analyze(Self.dozensOfEpisodes())
    #expect(report.scaleUps.count == 30 && report.scaleDowns.count == 20)
    let html = HTMLReportRenderer.render(report)
    #expect(count("data-episode-id=", in: html) == 50)
    #expect(count("class=\"episode succeeded\"", in: html) == 30)
    #expect(count("class=\"episode timedOut\"", in: html) == 10)
  }

  @Test func logTextIsEscaped() {
    let text = """
      I0101 10:00:00.000000       1 scale_up.go:263] Pod ns/<script>alert(1)</script> is unschedulable
      I0101 10:00:00.100000       1 scale_up.go:694] Scale-up: setting group <img/src=x/onerror=alert(2)> size to 5
      E0101 10:00:01.000000       1 static_autoscaler.go:533] Failed to scale up: AccessDenied: User: "><b>x</b>

      """
    let html = HTMLReportRenderer.render(Fixtures.analyze(text))
    #expect(!html.contains("<script>alert"))
    #expect(!html.contains("<img/src=x"))
    #expect(!html.contains("<b>x</b>"))
    #expect(html.contains("&lt;img"))
  }

  @Test func selfContained() throws {
    let html = HTMLReportRenderer.render(Fixtures.analyze(try Fixtures.sample("000-seed-blog-scaleup")))
    for needle in ["src=\"http", "href=\"http", "url(http", "@import", "<link", "src=\"//"] {
      #expect(!html.contains(needle), "\(needle)")
    }
    #expect(html.contains("<svg") && html.contains("<style>"))
  }

  @Test func tenThousandEpisodesStayUnderFiveMegabytes() {
    var text = ""
    text.reserveCapacity(10_000 * 180)
    for number in 0..<10_000 {
      let (hour, minute, second) = (number / 3600, number / 60 % 60, number % 60)
      let time = "I0101 " + [hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
      text += "\(time).000000       1 executor.go:147] Scale-up: setting group g-\(number % 500) size to 2\n"
      text +=
        "\(time).500000       1 clusterstate.go:260] Scale up in group g-\(number % 500) finished successfully in 1s\n"
    }
    let report = Fixtures.analyze(text)
    let html = HTMLReportRenderer.render(report)
    #expect(report.scaleUps.count == 10_000)
    #expect(html.utf8.count < 5_000_000, "\(html.utf8.count) bytes")
    #expect(count("data-episode-id=", in: html) == 10_000)
  }
}
