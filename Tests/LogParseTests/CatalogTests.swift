import Testing

@testable import LogParse

/// Every catalogue entry carries an example line of each version range whose text differs, and
/// every example is recognised as its own entry with exactly the event it states.
struct CatalogTests {
  /// `id#n`: the n-th example of entry `id`, for every example of every entry.
  static let exampleKeys: [String] = Catalog.entries.flatMap { entry in
    entry.examples.indices.map { "\(entry.id)#\($0)" }
  }

  @Test(arguments: Catalog.entries.map(\.id))
  func entryHasAnExamplePerDifferingForm(id: String) throws {
    let entry = try #require(Catalog.entries.first { $0.id == id })
    #expect(!entry.examples.isEmpty, "\(id) has no example")
    let forms = CatalogTests.versionForms(entry.versions)
    #expect(forms >= 1, "\(id): versions '\(entry.versions)' name no version")
    #expect(
      entry.examples.count >= forms, "\(id): \(forms) forms in '\(entry.versions)', \(entry.examples.count) examples")
    #expect(Set(entry.examples.map(\.line)).count == entry.examples.count, "\(id) repeats an example")
    for example in entry.examples {
      #expect(example.versions.first?.isNumber == true, "\(id): example versions '\(example.versions)'")
      // A loop step's example names its own entry: the builder's id is checked through it.
      if case .noted(let noted) = example.event { #expect(noted == id, "\(id): an example states .noted(\(noted))") }
    }
  }

  @Test(arguments: exampleKeys)
  func exampleIsRecognisedWithItsEvent(key: String) throws {
    let parts = key.split(separator: "#")
    let id = String(parts[0])
    let entry = try #require(Catalog.entries.first { $0.id == id })
    let example = entry.examples[try #require(Int(parts[1]))]
    let (matched, event) = try #require(Catalog.identify(example.line), "no entry matched \(example.line)")
    #expect(matched == id, "\(example.line)")
    #expect(event == example.event, "\(id) (\(example.versions))")
  }

  /// The entries that state a structured form (CAS 1.38+).
  static let structuredIds: [String] = Catalog.entries.filter { $0.structured != nil }.map(\.id)

  @Test(arguments: structuredIds)
  func structuredFormHasTextAndJSONExamples(id: String) throws {
    let entry = try #require(Catalog.entries.first { $0.id == id })
    let form = try #require(entry.structured)
    #expect(entry.versions.contains("1.38+"), "\(id): versions '\(entry.versions)' do not name 1.38+")
    let text = entry.examples.filter { $0.versions == "1.38+" }
    let json = entry.examples.filter { $0.versions == "1.38+ (JSON)" }
    #expect(text.count == 1 && json.count == 1, "\(id): one text and one JSON example of the structured form")
    for example in text { #expect(example.line.contains("] \"\(form.message)\""), "\(id): \(example.line)") }
    for example in json { #expect(example.line.hasPrefix("{"), "\(id): \(example.line)") }
    // The structured examples mean what the printf ones do: the same kind of event.
    let printfKinds = Set(entry.examples.filter { !$0.versions.hasPrefix("1.38+") }.map(\.event.kindName))
    for example in text + json { #expect(printfKinds.contains(example.event.kindName), "\(id)") }
  }

  @Test func structuredFormsOnlyCoverRewordedMessages() {
    // The lines the core did not migrate keep their printf form only.
    for id in [
      "scaleUp.podUnschedulable", "scaleUp.otherPodsUnschedulable", "cloud.aws.setAsgSize", "kubernetes.event",
    ] {
      #expect(Catalog.entries.first { $0.id == id }?.structured == nil, "\(id)")
    }
  }

  /// A failure is fatal when its record is `F` or its entry says CAS exits after the message, and only then.
  @Test(
    arguments: Catalog.entries.filter { entry in
      entry.examples.contains { if case .failure = $0.event { true } else { false } }
    }.map(\.id))
  func aFailureIsFatalByItsEntryOrItsSeverity(id: String) throws {
    let entry = try #require(Catalog.entries.first { $0.id == id })
    let example = try #require(
      entry.examples.first { $0.line.first?.isLetter == true && $0.line.dropFirst().first?.isNumber == true })
    for severity in ["I", "W", "E", "F"] {
      let line = severity + example.line.dropFirst()
      let (matched, event) = try #require(Catalog.identify(line), "\(line)")
      #expect(matched == id)
      guard case .failure(let detail) = event else {
        Issue.record("\(id) at \(severity): \(event)")
        continue
      }
      #expect(detail.fatal == (entry.fatal || severity == "F"), "\(id) at \(severity)")
    }
  }

  @Test func theProviderCreationEntriesAreFatal() {
    let fatal = Catalog.entries.filter(\.fatal).map(\.id)
    #expect(fatal == ["failure.createAwsManager", "failure.createProvider"])
  }

  @Test func identifiersAreUnique() {
    let ids = Catalog.entries.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test func unrelatedLinesAreNotRecognised() {
    #expect(Catalog.identify("I0313 12:00:00.000000       1 reflector.go:370] Watch close - *v1.Job total 0") == nil)
    #expect(Catalog.identify("no header at all") == nil)
  }

  /// The count of version ranges a `versions` text names: its comma-separated parts outside brackets and quotes.
  static func versionForms(_ versions: String) -> Int {
    var depth = 0
    var quoted = false
    var forms = 1
    let text = versions.split(separator: ";", maxSplits: 1).first ?? ""
    var previous: Character = " "
    for character in text {
      switch character {
      case "`": quoted.toggle()
      case "(" where !quoted: depth += 1
      case ")" where !quoted: depth -= 1
      case " " where previous == "," && depth == 0 && !quoted: forms += 1
      default: break
      }
      previous = character
    }
    return forms
  }
}
