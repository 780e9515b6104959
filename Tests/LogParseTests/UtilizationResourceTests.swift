import LogParse
import Testing

/// A node's utilization is read whatever resource decided it: cpu, memory, a GPU or another extended resource.
struct UtilizationResourceTests {
  @Test(arguments: [
    ("Node gpu-node-1 - nvidia.com/gpu requested is 50% of allocatable", 0.5),
    ("Node gpu-node-1 - amd.com/gpu requested is 25% of allocatable", 0.25),
    ("Node trn-node-1 - aws.amazon.com/neuron requested is 12.5% of allocatable", 0.125),
    ("Node mem-node-1 - memory requested is 40% of allocatable", 0.4),
    ("Node gpu-node-1 - nvidia.com/gpu utilization 0.500000", 0.5),
    ("Node tpu-node-1 - google.com/tpu utilization 0.250000", 0.25),
  ])
  func utilizationOfAnyResource(_ message: String, _ expected: Double) throws {
    // The node becomes a scale-down whose utilization is the one its line gave.
    let log = """
      I0313 12:00:00.000000       1 klogx.go:87] \(message)
      I0313 12:00:01.000000       1 actuator.go:176] Scale-down: removing empty node "\(message.split(separator: " ")[1])"

      """
    let report = Fixtures.analyze(log)
    let down = try #require(report.scaleDowns.first)
    #expect(down.utilization == expected)
    #expect(report.unrecognized == 0)
  }

  @Test func drainOfGpuNodeGivesItsUtilization() throws {
    let report = Fixtures.analyze(
      "I0313 13:01:02.300000       1 actuator.go:269] Scale-down: removing node gpu-node-2, utilization: {0.1 0.05 0.8 0 nvidia.com/gpu 0.8}, pods to reschedule: trainer-1\n"
    )
    #expect(try #require(report.scaleDowns.first).utilization == 0.8)
  }

  @Test func gpuUtilizationAboveThresholdBlocks() throws {
    let report = Fixtures.analyze(
      "I0313 12:00:00.000000       1 eligibility.go:162] Node gpu-node-3 is not suitable for removal - nvidia.com/gpu utilization too big (0.900000)\n"
    )
    let blocked = try #require(report.blockedScaleDowns.first)
    #expect(blocked.node == "gpu-node-3" && blocked.reason == .utilization)
  }
}
