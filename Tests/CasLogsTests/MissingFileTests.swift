import Testing

/// Input errors in `cas-logs report`: a missing file is reported, and the other files are still read.
struct MissingFileTests {
  /// A path that certainly does not exist.
  static let missing = "/nonexistent.log"

  @Test("a missing file alone: exit 2 and one stderr line naming the path")
  func missingFileAlone() throws {
    let result = try CLIRunner.run(["report", Self.missing])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "stderr is not exactly one line:\n\(result.summary)")
    #expect(result.stderrLines.first?.contains(Self.missing) == true, "\(result.summary)")
  }

  @Test("a missing file before an existing one: the existing one is still reported, and the exit is 2")
  func missingThenExisting() throws {
    let existing = try SampleLogs.path(SampleLogs.blogScaleUp)
    let result = try CLIRunner.run(["report", Self.missing, existing])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stdout.contains("ASG_NAME"), "the existing file's scale-up is missing:\n\(result.summary)")
    #expect(result.stdout.contains("4->5"), "\(result.summary)")
    #expect(result.stderrLines.count == 1, "stderr is not exactly one line:\n\(result.summary)")
    #expect(result.stderrLines.first?.contains(Self.missing) == true, "\(result.summary)")
  }

  @Test("in JSON, the report of the existing file is complete and names only the file it read")
  func missingThenExistingJSON() throws {
    let existing = try SampleLogs.path(SampleLogs.blogScaleUp)
    let result = try CLIRunner.run(["report", "--format", "json", Self.missing, existing])
    #expect(result.exitCode == 2, "\(result.summary)")
    let json = try JSON.object(result.stdout)
    let scaleUps = try JSON.objects(json, "scaleUps")
    #expect(scaleUps.count == 1, "\(result.summary)")
    #expect(scaleUps.first?["nodeGroup"] as? String == "ASG_NAME")
    let input = try JSON.child(json, "input")
    #expect(input["lines"] as? Int == (try SampleLogs.lines(SampleLogs.blogScaleUp).count), "input: \(input)")
  }
}
