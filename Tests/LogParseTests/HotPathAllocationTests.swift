import CAllocationCounter
import LogParse
import Testing

/// The hot path makes no string per node-keyed line: names are interned once, as bytes.
///
/// Measured by counting the heap allocations of the analysing thread (`CAllocationCounter`) for
/// the same loops with short node names (which a Swift string holds inline) and with long ones
/// (which a string would put on the heap): a string made per line shows as one allocation more per
/// line with long names.
struct HotPathAllocationTests {
  /// A log of `loops` autoscaler loops over `nodes` nodes named by `name`: utilization, unneeded
  /// and cannot-be-removed lines, the lines a busy cluster's log is made of.
  static func log(loops: Int, nodes: Int, name: (Int) -> String) -> [UInt8] {
    var text = ""
    for loop in 0..<loops {
      let second = loop % 60
      let minute = (loop / 60) % 60
      let stamp = "I0313 12:\(minute < 10 ? "0" : "")\(minute):\(second < 10 ? "0" : "")\(second).000000       1 "
      text += stamp + "static_autoscaler.go:287] Starting main loop\n"
      for node in 0..<nodes {
        text += stamp + "eligibility.go:162] Node \(name(node)) - cpu requested is 31.25% of allocatable\n"
        text += stamp + "eligibility.go:105] Node \(name(node)) - utilization 0.3125\n"
        if node % 2 == 0 {
          text +=
            stamp
            + "static_autoscaler.go:534] \(name(node)) is unneeded since 2026-03-13 12:00:00 +0000 UTC duration 1m0s\n"
        } else {
          text +=
            stamp
            + "cluster.go:148] Node \(name(node)) cannot be removed: non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: coredns-1\n"
        }
      }
    }
    return Array(text.utf8)
  }

  /// The allocations of analysing `bytes` on this thread.
  static func allocations(_ bytes: [UInt8]) -> UInt {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.beginSource("test.log")
    allocation_counter_start()
    analyzer.feed(bytes)
    analyzer.finish()
    _ = analyzer.report()
    return allocation_counter_stop()
  }

  @Test func everyLineOfTheLogIsRecognised() {
    let report = Fixtures.analyze(Self.log(loops: 3, nodes: 4) { "ip-10-0-\($0)-77.eu-west-1.compute.internal" })
    #expect(report.recognized == 3 * (1 + 4 * 3))
    #expect(report.unrecognized == 0)
    #expect(report.blockedScaleDowns.count == 2)
  }

  @Test func longNamesAllocateNothingMorePerLine() {
    let nodes = 40
    let shortName: (Int) -> String = { "n\($0)" }
    let longName: (Int) -> String = { "ip-10-0-\($0)-77.eu-west-1.compute.internal" }
    // What 50 more loops cost, so that one-time costs (the catalogue, each name's first sighting,
    // tables growing) cancel out.
    func marginal(_ name: (Int) -> String) -> Int {
      Int(Self.allocations(Self.log(loops: 100, nodes: nodes, name: name)))
        - Int(Self.allocations(Self.log(loops: 50, nodes: nodes, name: name)))
    }
    _ = marginal(shortName)
    let extra = marginal(longName) - marginal(shortName)
    let nodeLines = 50 * nodes * 3
    #expect(extra < nodeLines / 100, "\(extra) more allocations with long names over \(nodeLines) node lines")
  }

  @Test func theCounterSeesAStringPerLine() {
    allocation_counter_start()
    var strings: [String] = []
    for index in 0..<100 { strings.append("a string too long to be held inline: \(index)") }
    let counted = allocation_counter_stop()
    #expect(counted >= 100)
    #expect(strings.count == 100)
  }
}
