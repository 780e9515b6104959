import LogParse
import Testing

/// Input that holds no Cluster Autoscaler log is never a clean report: the verdict says what it
/// looks like, from the line counts and the input's first bytes.
struct InputVerdictTests {
  static let karpenter = """
    {"level":"INFO","time":"2025-10-08T16:57:03.613Z","logger":"controller","message":"found provisionable pod(s)","commit":"4ff8cfe","controller":"provisioner","Pods":"inflate/inflate-5c5f75666d-gkvwm","duration":"97.580831ms"}
    {"level":"ERROR","time":"2025-04-29T20:27:30.356Z","logger":"controller","message":"could not schedule pod","commit":"0f1aca1","controller":"provisioner","error":"all available instance types exceed limits for nodepool: \\"default-demo\\""}

    """

  static let statusConfigMapYAML = """
    apiVersion: v1
    data:
      status: |
        time: 2026-03-01 10:00:00.000000000 +0000 UTC
        autoscalerStatus: Running
    kind: ConfigMap
    metadata:
      annotations:
        cluster-autoscaler.kubernetes.io/last-updated: 2026-03-01 10:00:00.000000000 +0000 UTC
      name: cluster-autoscaler-status
      namespace: kube-system

    """

  /// The reason `text` is not read, or nil when it is.
  private static func reason(_ bytes: [UInt8]) -> String? {
    Fixtures.analyze(bytes).inputVerdict.reason
  }

  private static func reason(_ text: String) -> String? { reason(Array(text.utf8)) }

  @Test func karpenterLinesAreNamedAsAnotherAutoscaler() {
    let reason = Self.reason(Self.karpenter)
    #expect(reason?.contains("Karpenter") == true, "\(reason ?? "read")")
    #expect(reason?.hasPrefix("no Cluster Autoscaler record in 2 lines") == true, "\(reason ?? "read")")
  }

  @Test func theStatusConfigMapIsNamedInYAMLAndJSON() {
    let json = """
      {
          "apiVersion": "v1",
          "data": {"status": "time: 2026-03-01 10:00:00 +0000 UTC\\nautoscalerStatus: Running\\n"},
          "kind": "ConfigMap",
          "metadata": {"name": "cluster-autoscaler-status", "namespace": "kube-system"}
      }

      """
    for (form, text) in [("YAML", Self.statusConfigMapYAML), ("JSON", json)] {
      let reason = Self.reason(text)
      #expect(reason?.contains("the cluster-autoscaler-status ConfigMap (\(form))") == true, "\(reason ?? "read")")
    }
  }

  @Test func theStatusTextAloneIsNamed() {
    let reason = Self.reason("time: 2026-03-01 10:00:00 +0000 UTC\nautoscalerStatus: Running\nclusterWide:\n")
    #expect(reason?.contains("status text of the cluster-autoscaler-status ConfigMap") == true, "\(reason ?? "read")")
  }

  @Test func anotherKubernetesObjectIsNamedWithItsKind() {
    let reason = Self.reason("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cluster-autoscaler\n")
    #expect(
      reason?.contains("a Kubernetes \"Deployment\" object named \"cluster-autoscaler\" (YAML)") == true,
      "\(reason ?? "read")")
  }

  @Test func jsonOfAnUnknownShapeNamesItsFirstKeys() {
    let reason = Self.reason("{\"event\":{\"nested\":1},\"when\":\"now\",\"why\":[{\"inner\":2}]}\n")
    #expect(
      reason?.contains("JSON of an unknown shape (keys \"event\", \"when\", \"why\")") == true, "\(reason ?? "read")")
  }

  @Test func binaryDataIsNamed() {
    var generator = SeededGenerator(seed: 12)
    let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let reason = Self.reason(bytes)
    #expect(reason?.contains("binary data") == true, "\(reason ?? "read")")
  }

  @Test func plainTextQuotesItsFirstLine() {
    let reason = Self.reason("Error from server (NotFound): pods \"cluster-autoscaler\" not found\n")
    #expect(reason?.contains("plain text") == true, "\(reason ?? "read")")
    #expect(reason?.contains("first line \"Error from server (NotFound)") == true, "\(reason ?? "read")")
  }

  @Test func emptyInputSaysNoLinesWereRead() {
    #expect(Self.reason([]) == "0 lines read: the input is empty")
  }

  /// A few header-like lines in a foreign file do not make it a log; a log of only unrecognised
  /// records is still a log (a low-verbosity excerpt), and one record is enough to read it.
  @Test func theCountsDecideBeforeTheBytes() {
    let record = "I0102 15:04:05.000000       1 reflector.go:12] something no entry knows\n"
    let foreign = String(repeating: "some other text\n", count: 5)
    #expect(Self.reason(record + foreign)?.contains("no Cluster Autoscaler record recognised in 6 lines") == true)
    #expect(Self.reason(record + record + "one stray line\n") == nil)
    #expect(Self.reason(record) == nil)
    let recognised = "I0102 15:04:05.000000       1 static_autoscaler.go:274] Starting main loop\n"
    #expect(Self.reason(recognised + foreign) == nil)
  }
}

/// A deterministic generator, so that a failure can be reproduced.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
