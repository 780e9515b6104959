import Foundation
import Testing

/// `cas-logs report --output FILE`: the report goes whole to the file, and nothing to standard output.
struct ReportOutputFileTests {
  @Test("--output with --format json writes a complete JSON report and prints nothing on stdout")
  func jsonToFile() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("cas-logs-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("report.json")
    let files = [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]

    let result = try CLIRunner.run(["report", "--output", output.path, "--format", "json"] + files)
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdout.isEmpty, "stdout is not empty:\n\(result.summary)")

    let json = try JSON.object(try Data(contentsOf: output))
    #expect(json["schemaVersion"] as? Int == 1)
    for field in ReportJSONTests.topLevelFields {
      #expect(json.keys.contains(field), "the file's report lacks '\(field)'")
    }
    #expect(try JSON.objects(json, "scaleUps").count == 1)
    #expect(try JSON.objects(json, "scaleDowns").count == 1)

    let stdoutReport = try CLIRunner.run(["report", "--format", "json"] + files)
    let fromStdout = try JSON.object(stdoutReport.stdout) as NSDictionary
    #expect(fromStdout.isEqual(to: json), "the file differs from the report printed on stdout")

    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers == ["report.json"], "temporary files left next to the output: \(leftovers)")
  }
}
