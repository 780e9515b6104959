import Foundation
import Testing

/// The HTML report in a real browser (headless Chromium): one element per episode, no script runs
/// from log text, and the page renders to an image.
@Suite(
  .serialized, .timeLimit(.minutes(2)),
  .enabled(if: Browser.path != nil, "Chromium is not installed (apt-get install chromium): browser tests skipped"))
struct HTMLBrowserTests {
  /// A log with dozens of episodes of every outcome.
  private static func dozensOfEpisodes() -> [String] {
    var lines: [String] = []
    for number in 0..<24 {
      let minute = number < 10 ? "0\(number)" : "\(number)"
      lines.append(
        "I0101 10:\(minute):00.000000       1 executor.go:147] Scale-up: setting group g-\(number) size to 3")
      if number % 2 == 0 {
        lines.append(
          "I0101 10:\(minute):30.000000       1 clusterstate.go:260] Scale up in group g-\(number) finished successfully in 30s"
        )
      }
      lines.append(
        "I0101 11:\(minute):00.000000       1 actuator.go:137] Scale-down: removing empty node \"n-\(number)\"")
    }
    return lines
  }

  /// Renders `logPath` as HTML with the binary and returns the page's path and the JSON report's episode count.
  private func render(_ logPaths: [String], in directory: TemporaryDirectory) throws -> (page: String, episodes: Int) {
    let page = directory.path("report.html")
    let html = try CLIRunner.run(["report", "--format", "html", "--output", page] + logPaths)
    try #require(html.exitCode == 0, "\(html.summary)")
    let json = try CLIRunner.run(["report", "--format", "json"] + logPaths)
    let report = try JSON.object(json.stdout)
    let episodes = try JSON.objects(report, "scaleUps").count + JSON.objects(report, "scaleDowns").count
    return (page, episodes)
  }

  private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  @Test func blogReportHasOneElementPerEpisode() throws {
    let directory = try TemporaryDirectory()
    let logs = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let (page, episodes) = try render(logs, in: directory)
    let dom = try Browser.dumpDOM(page)
    #expect(episodes == 2)
    #expect(count("data-episode-id=", in: dom) == episodes, "\(dom.prefix(2000))")
    #expect(dom.contains("data-episode-id=\"up-1\"") && dom.contains("data-episode-id=\"down-1\""))
  }

  @Test func dozensOfEpisodesRenderAndAreAllThere() throws {
    let directory = try TemporaryDirectory()
    let log = try directory.write("dozens.log", lines: Self.dozensOfEpisodes())
    let (page, episodes) = try render([log], in: directory)
    #expect(episodes == 48)
    #expect(count("data-episode-id=", in: try Browser.dumpDOM(page)) == episodes)
    let png = directory.path("dozens.png")
    try Browser.screenshot(page, to: png)
    let data = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    #expect(data.count > 10_000)
  }

  @Test func hostileNamesDoNotExecute() throws {
    let directory = try TemporaryDirectory()
    let attack = "document.body.setAttribute('data-pwned','1')"
    let log = try directory.write(
      "hostile.log",
      lines: [
        "I0101 10:00:00.000000       1 scale_up.go:263] Pod ns/<script>\(attack)</script> is unschedulable",
        "I0101 10:00:00.100000       1 executor.go:147] Scale-up: setting group <img/src=x/onerror=\(attack)> size to 3",
      ])
    let (page, _) = try render([log], in: directory)
    let dom = try Browser.dumpDOM(page)
    #expect(!dom.contains("data-pwned=\"1\""), "a script from the log ran")
    #expect(dom.contains("&lt;img/src=x/onerror="), "the name is shown as text")
  }
}

/// Headless Chromium, when installed.
enum Browser {
  /// The browser's path, or nil when none is installed.
  static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  private static func run(_ arguments: [String]) throws -> String {
    guard let path else { throw CLIError.missingBrowser }
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cas-logs-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--virtual-time-budget=2000",
        "--user-data-dir=" + profile.path,
      ] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The DOM of the page at `path` after its scripts ran.
  static func dumpDOM(_ path: String) throws -> String {
    try run(["--dump-dom", "file://" + path])
  }

  /// A PNG screenshot of the page at `path`.
  static func screenshot(_ path: String, to png: String) throws {
    _ = try run(["--window-size=1280,900", "--screenshot=" + png, "file://" + path])
  }
}
