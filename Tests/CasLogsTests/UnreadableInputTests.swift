import Foundation
import Testing

/// Input that holds no Cluster Autoscaler log: `report` writes one line saying what it looks like and
/// exits 2, and `assert --forbid` exits 3 with the same reason, never 0.
struct UnreadableInputTests {
  /// Each input and a piece of the reason it must give.
  static let cases: [(name: String, bytes: [UInt8], reason: String)] = {
    var generator = SystemRandomNumberGenerator()
    let karpenter = """
      {"level":"INFO","time":"2025-10-08T16:57:03.632Z","logger":"controller","message":"created nodeclaim","commit":"4ff8cfe","controller":"provisioner","NodePool":{"name":"default"},"NodeClaim":{"name":"default-c54z5"}}

      """
    let configMap = """
      apiVersion: v1
      data:
        status: |
          autoscalerStatus: Running
      kind: ConfigMap
      metadata:
        name: cluster-autoscaler-status
        namespace: kube-system

      """
    return [
      ("karpenter.log", Array(karpenter.utf8), "Karpenter"),
      ("status.yaml", Array(configMap.utf8), "cluster-autoscaler-status ConfigMap (YAML)"),
      ("unknown.json", Array("{\"when\":\"now\",\"what\":{\"x\":1}}\n".utf8), "JSON of an unknown shape"),
      ("binary.bin", [0, 1, 2, 3] + (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }, "binary"),
      ("empty.log", [], "0 lines read"),
    ]
  }()

  @Test(arguments: cases.indices)
  func reportExits2AndAssertExits3WithTheReason(index: Int) throws {
    let item = Self.cases[index]
    let directory = try TemporaryDirectory()
    let path = directory.path(item.name)
    try Data(item.bytes).write(to: URL(fileURLWithPath: path))
    for format in ["text", "json"] {
      let report = try CLIRunner.run(["report", "--format", format, path])
      #expect(report.exitCode == 2, "\(report.summary)")
      #expect(report.stderrLines.count == 1, "\(report.summary)")
      #expect(report.stderr.hasPrefix("cas-logs: error: ") && report.stderr.contains(item.reason), "\(report.summary)")
    }
    let assert = try CLIRunner.run(["assert", "--forbid", "failure class=iam", path])
    #expect(assert.exitCode == 3, "\(assert.summary)")
    #expect(assert.stdout.contains(item.reason) && assert.stdout.contains("nothing can be proven"), "\(assert.summary)")
    #expect(!assert.stdout.contains("PASS"), "\(assert.summary)")
    // Standard input says the same, for report and follow.
    for command in ["report", "follow"] {
      let piped = try CLIRunner.run([command], stdin: Data(item.bytes))
      #expect(piped.exitCode == 2 && piped.stderrLines.count == 1, "\(piped.summary)")
      #expect(piped.stderr.contains(item.reason), "\(piped.summary)")
    }
  }

  @Test func devNullSaysNoLinesWereRead() throws {
    let report = try CLIRunner.run(["report", "/dev/null"])
    #expect(report.exitCode == 2, "\(report.summary)")
    #expect(report.stderrLines == ["cas-logs: error: 0 lines read: the input is empty"], "\(report.summary)")
    #expect(!report.stdout.contains("--v="), "an empty input gives no verbosity hint: \(report.summary)")
    let assert = try CLIRunner.run(["assert", "--forbid", "failure class=iam", "/dev/null"])
    #expect(assert.exitCode == 3, "\(assert.summary)")
    #expect(assert.stdout.contains("0 lines read"), "\(assert.summary)")
  }

  /// A tiny log with one record is read as usual.
  @Test func aOneRecordLogIsAReport() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "one.log", lines: ["I0102 15:04:05.000000       1 static_autoscaler.go:274] Starting main loop"])
    let report = try CLIRunner.run(["report", path])
    #expect(report.exitCode == 0 && report.stderr.isEmpty, "\(report.summary)")
    let assert = try CLIRunner.run(["assert", "--forbid", "failure class=iam", path])
    #expect(assert.exitCode == 0, "\(assert.summary)")
  }
}
