import Foundation
import Glibc
import Testing

/// `cas-logs report` with no file argument reads standard input, like any Unix filter.
struct ReportStdinTests {
  @Test("a log on stdin gives the same scale-up as the same log from a file, with '-' as its source")
  func stdinMatchesFile() throws {
    let name = SampleLogs.blogScaleUp
    let fromFile = try CLIRunner.run(["report", "--format", "json", try SampleLogs.path(name)])
    let fromStdin = try CLIRunner.run(["report", "--format", "json"], stdin: try SampleLogs.data(name))
    #expect(fromFile.exitCode == 0, "\(fromFile.summary)")
    #expect(fromStdin.exitCode == 0, "\(fromStdin.summary)")

    let fileUps = try JSON.objects(try JSON.object(fromFile.stdout), "scaleUps")
    let stdinJSON = try JSON.object(fromStdin.stdout)
    let stdinUps = try JSON.objects(stdinJSON, "scaleUps")
    try #require(fileUps.count == 1, "\(fromFile.summary)")
    try #require(stdinUps.count == 1, "\(fromStdin.summary)")

    var fileUp = fileUps[0]
    var stdinUp = stdinUps[0]
    #expect(stdinUp["source"] as? String == "-")
    fileUp["source"] = nil
    stdinUp["source"] = nil
    #expect((fileUp as NSDictionary).isEqual(to: stdinUp), "file: \(fileUp)\nstdin: \(stdinUp)")
    #expect(stdinUp["nodeGroup"] as? String == "ASG_NAME")

    let input = try JSON.child(stdinJSON, "input")
    #expect(input["sources"] as? [String] == ["-"])
    #expect(input["lines"] as? Int == (try SampleLogs.lines(name).count))
  }

  @Test("'-' as a file argument also reads stdin")
  func dashReadsStdin() throws {
    let result = try CLIRunner.run(["report", "-"], stdin: try SampleLogs.data(SampleLogs.blogScaleUp))
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdout.contains("ASG_NAME") && result.stdout.contains("4->5"), "\(result.summary)")
  }

  /// Ctrl-C on a quiet stream that stays open ends it with the report of what came so far.
  ///
  /// As in `kubectl logs -f … | cas-logs report`; once with the default threads, once with one.
  @Test(arguments: [[String](), ["--threads", "1"]])
  func aSignalEndsAQuietStreamWithItsReport(extra: [String]) throws {
    let process = try CLIProcess(arguments: ["report"] + extra, stdinPipe: true)
    for line in try SampleLogs.lines(SampleLogs.blogScaleUp) { _ = process.writeLine(line) }
    // Signalled once the handlers are installed and every line was read, not after a fixed sleep.
    try #require(process.waitUntilHandlingSignals(), "no signal handlers:\n\(process.result().summary)")
    process.waitUntilStdinIsRead()
    process.send(SIGINT)
    let exited = process.waitForExit(timeout: .seconds(5))
    if !exited { process.kill() }
    let result = process.result()
    try #require(exited, "report did not stop on SIGINT:\n\(result.summary)")
    #expect(result.stdout.contains("ASG_NAME") && result.stdout.contains("4->5"), "\(result.summary)")
  }
}
