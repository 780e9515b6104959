import Testing

@testable import LogParse

/// The files of one rotated log are read oldest first whatever order they were given in; other
/// files keep their places.
struct RotatedSetTests {
  @Test func kubeletRotationsComeOldestFirstAndTheLiveFileLast() {
    let given = ["pods/0.log", "pods/0.log.20240102-000000", "pods/0.log.20240101-000000.gz"]
    #expect(
      RotatedSet.readingOrder(given) == [
        "pods/0.log.20240101-000000.gz", "pods/0.log.20240102-000000", "pods/0.log",
      ])
  }

  @Test func numberedRotationsComeHighestFirst() {
    let given = ["app.log.1", "app.log", "app.log.10.gz", "app.log.2.gz"]
    #expect(RotatedSet.readingOrder(given) == ["app.log.10.gz", "app.log.2.gz", "app.log.1", "app.log"])
  }

  @Test func logrotateDateSuffixesAreDates() {
    let given = ["app.log", "app.log-20240103.gz", "app.log-20240102"]
    #expect(RotatedSet.readingOrder(given) == ["app.log-20240102", "app.log-20240103.gz", "app.log"])
  }

  /// logrotate's `dateformat -%Y-%m-%d` puts separators in the date: the whole trailing run is one
  /// date, never a name cut at its last `-`.
  @Test func datesWithSeparatorsAreOneDate() {
    let given = ["app.log", "app.log-2024-01-03.gz", "app.log-2024-01-02", "app.log-2023-12-31-2359"]
    #expect(
      RotatedSet.readingOrder(given) == [
        "app.log-2023-12-31-2359", "app.log-2024-01-02", "app.log-2024-01-03.gz", "app.log",
      ])
    #expect(RotatedSet.rotation(of: "my-app-2024-01-02")?.base == "my-app")
  }

  /// Each set takes the places its files held; a file of no set stays where it was.
  @Test func setsAreSortedInTheirOwnPlaces() {
    let given = ["a/0.log", "notes.txt", "b/0.log", "a/0.log.20240101-000000", "-", "b/0.log.20230101-120000.gz"]
    #expect(
      RotatedSet.readingOrder(given) == [
        "a/0.log.20240101-000000", "notes.txt", "b/0.log.20230101-120000.gz", "a/0.log", "-", "b/0.log",
      ])
  }

  @Test func filesThatAreNoRotatedSetKeepTheirOrder() {
    for given in [
      ["b.log", "a.log", "c.log"],
      ["app.log.2", "other.log"],
      ["same.log", "same.log"],
      // Dated and numbered rotations of one name: their relative age is unknown.
      ["x.log", "x.log.1", "x.log.20240101"],
      // A dot in a directory is no suffix.
      ["dir.20240101/run", "dir.20230101/run"],
      ["000-seed-blog-scaleup.log", "000-seed-blog-scaledown.log"],
    ] {
      #expect(RotatedSet.readingOrder(given) == given, "\(given)")
    }
  }

  @Test func theNameRuleReadsEachSuffix() {
    #expect(RotatedSet.rotation(of: "0.log.20240101-000000.gz")?.base == "0.log")
    #expect(RotatedSet.rotation(of: "0.log.20240101-000000.gz")?.rank == .dated(Array("20240101000000".utf8)))
    #expect(RotatedSet.rotation(of: "app.log.3")?.rank == .numbered(3))
    #expect(RotatedSet.rotation(of: "app.log.12345")?.rank == .live)
    #expect(RotatedSet.rotation(of: "app.log.2024-01-01T10:00:00")?.rank == .dated(Array("20240101100000".utf8)))
    #expect(RotatedSet.rotation(of: "app.log.gz")?.base == "app.log")
    #expect(RotatedSet.rotation(of: "app.log.gz")?.rank == .live)
  }
}
