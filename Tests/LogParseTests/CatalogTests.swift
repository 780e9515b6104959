import LogParse
import Testing

/// Every catalogue entry recognises its own example, and versions whose text differs.
struct CatalogTests {
  @Test(arguments: Catalog.entries.map(\.id))
  func entryRecognisesItsExample(id: String) throws {
    let entry = try #require(Catalog.entries.first { $0.id == id })
    let hasHeader = "IWEF".contains(entry.example.first ?? " ") && entry.example.dropFirst().first?.isNumber == true
    let line = hasHeader ? entry.example : "I0101 00:00:00.000000       1 file.go:1] " + entry.example
    let (matched, _) = try #require(Catalog.identify(line), "no entry matched \(line)")
    #expect(matched == id)
  }

  @Test func identifiersAreUnique() {
    let ids = Catalog.entries.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  /// Lines whose text differs between versions, each with the entry and event it must give.
  @Test(arguments: [
    (
      "I0313 13:01:02.300000       1 actuator.go:137] Scale-down: removing empty node \"ip-10-0-1-5.ec2.internal\"",
      "scaleDown.removingEmpty", "ip-10-0-1-5.ec2.internal"
    ),
    (
      "I0313 12:00:00.000000       1 klogx.go:87] Node ip-10-0-1-5 - cpu requested is 31.25% of allocatable",
      "scaleDown.utilization", "0.3125"
    ),
    (
      "I0313 12:00:00.000000       1 klogx.go:87] Node ip-10-0-1-5 - cpu utilization 0.312500",
      "scaleDown.utilization", "0.3125"
    ),
    (
      "I0313 12:00:00.000000       1 taints.go:241] Successfully added ToBeDeletedByClusterAutoscaler on node ip-10-0-1-5",
      "scaleDown.taintAdded", "ip-10-0-1-5"
    ),
    (
      "I0313 12:00:00.000000       1 cluster.go:151] Node ip-10-0-1-5 cannot be removed: db-0 is not replicated",
      "scaleDown.cannotBeRemoved", "notReplicated"
    ),
    (
      "I0313 12:00:00.000000       1 cluster.go:164] node ip-10-0-1-5 cannot be removed: pod annotated as not safe to evict present: a",
      "scaleDown.cannotBeRemoved", "notSafeToEvict"
    ),
    (
      "I0313 12:00:00.000000       1 auto_scaling_groups.go:379] Terminated instance i-0abc in autoscaling group: x",
      "cloud.aws.terminated", "i-0abc"
    ),
    (
      "I0313 12:00:00.000000       1 leaderelection.go:258] \"Successfully acquired lease\" lock=\"kube-system/ca\"",
      "process.leaseAcquired", "true"
    ),
  ])
  func versionedForms(line: String, id: String, detail: String) throws {
    let (matched, event) = try #require(Catalog.identify(line))
    #expect(matched == id)
    #expect("\(event)".contains(detail))
  }

  @Test func unrelatedLinesAreNotRecognised() {
    #expect(Catalog.identify("I0313 12:00:00.000000       1 reflector.go:370] Watch close - *v1.Job total 0") == nil)
    #expect(Catalog.identify("no header at all") == nil)
  }
}
