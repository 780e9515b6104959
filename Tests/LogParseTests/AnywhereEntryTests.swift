import Testing

@testable import LogParse

/// Entries whose literal may sit anywhere in the first line are found by one prefilter pass, and
/// the first of them in catalogue order that matches still wins, whatever group it shares.
struct AnywhereEntryTests {
  /// Seventy anywhere entries (more than the prefilter's 64 groups, so entries 3 and 67 share one),
  /// then one with a one-byte literal, which the prefilter cannot hold.
  static let entries: [CatalogEntry] =
    (0..<70).map { number in
      CatalogEntry(
        "anywhere\(number)", literal: "marker\(number)#", .anywhere, pattern: "", v: 0, versions: "", examples: [],
        build: { _ in .noted(id: "anywhere\(number)") })
    } + [
      CatalogEntry(
        "short", literal: "~", .anywhere, pattern: "", v: 0, versions: "", examples: [],
        build: { _ in .noted(id: "short") })
    ]

  /// The ids of the entries that recognised each of `messages`, "none" for a message none did.
  static func recognizedIds(_ messages: [String]) -> [String] {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.records.extractor = EventExtractor(entries: entries)
    var ids: [String] = []
    analyzer.records.onRecordMeaning = { _, _, event in
      if case .noted(let id)? = event { ids.append(id) } else { ids.append("none") }
    }
    analyzer.beginSource("test.log")
    let lines = messages.enumerated().map { index, message in
      "I0927 11:50:\(10 + index).158391       1 x.go:1] \(message)\n"
    }
    analyzer.feed(Array(lines.joined().utf8))
    analyzer.finish()
    return ids
  }

  @Test func theFirstEntryInCatalogueOrderWinsAcrossSharedGroups() {
    let ids = Self.recognizedIds([
      "text marker67# and marker3# here",
      "only marker67# here",
      "marker66# then marker2#",
      "nothing an entry knows",
      "a tilde ~ alone",
      "marker69# and ~",
    ])
    #expect(ids == ["anywhere3", "anywhere67", "anywhere2", "none", "short", "anywhere69"])
  }
}
