import LogParse
import Testing

/// `cas-logs catalog` lists every catalogue entry with its verbosity, versions, structured form and every example.
struct CatalogCommandTests {
  @Test func everyEntryIsListedWithItsExamples() throws {
    let result = try CLIRunner.run(["catalog"])
    #expect(result.exitCode == 0, "\(result.summary)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for entry in Catalog.entries {
      let heading = "\(entry.id)\tV(\(entry.verbosity))\t\(entry.versions)"
      let start = try #require(lines.firstIndex(of: heading), "no heading for \(entry.id)")
      var listed = lines[(start + 1)...].prefix { $0.hasPrefix("\t") }
      if let form = entry.structured {
        // The structured form (CAS 1.38+) comes first: its message and the keys it reads.
        #expect(listed.first == "\tstructured\t\(form.description)", "\(entry.id)")
        listed = listed.dropFirst()
      }
      #expect(listed.count == entry.examples.count, "\(entry.id)")
      for (line, example) in zip(listed, entry.examples) {
        let shown = example.line.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
        #expect(line == "\t\(example.versions)\t\(shown)", "\(entry.id)")
      }
    }
  }
}
