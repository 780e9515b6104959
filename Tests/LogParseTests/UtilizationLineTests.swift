import LogGen
import Testing

@testable import LogParse

/// The hand-written utilization reader gives the catalogue's event wherever it takes a line.
struct UtilizationLineTests {
  /// A utilization message built from random parts, many of them unusual.
  static func variant(_ random: inout SplitMix64) -> String {
    func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
    func digits(_ count: Int) -> String { String((0..<count).map { _ in pick(Array("0123456789")) }) }
    let name = pick([
      "ip-10-0-\(digits(2))-\(digits(1)).ec2.internal", "node", "group", "a", "", "n:1", "x]y", "naïve",
      "tab\tname", String(repeating: "n", count: 253), String(repeating: "n", count: 254), "gke-pool-\(digits(4))",
      "UPPER_case.node-1",
    ])
    let separator = pick([" - ", " -  ", " – ", "  - ", " -"])
    let resource = pick(["", "cpu ", "memory ", "nvidia.com/gpu ", "utilization ", "requested ", "c*u ", "cpu  "])
    let number = pick([
      digits(1), "\(digits(2)).\(digits(1))", "0.\(digits(6))", "1", "1.0", "1.5", "100", "101", ".5", "5.",
      "", ".", "1e-3", "0.5.5", "-1", "+1", digits(15), digits(16), "0.\(digits(15))",
    ])
    let value = pick([
      "utilization \(number)", "requested is \(number)% of allocatable", "requested is \(number)%",
      "requested is \(number) % of allocatable", "utilization  \(number)",
    ])
    let tail = pick(["", "", " trailing", ")", "% more"])
    return pick(["Node ", "Node ", "Node ", "node ", "Nodes "]) + name + separator + resource + value + tail
  }

  static func record(_ message: UnsafeBufferPointer<UInt8>) -> Record {
    Record(
      source: 0, firstLine: 1, lineCount: 1, severity: .info, time: LogTime(month: 3, day: 13, microsecondOfDay: 0),
      file: UnsafeBufferPointer(start: nil, count: 0), sourceLine: 1, message: message, verbosity: nil)
  }

  @Test func givesTheCataloguesEventOnVariants() {
    var random = SplitMix64(seed: 16)
    var extractor = EventExtractor()
    var read = 0
    for _ in 0..<20_000 {
      let bytes = Array(Self.variant(&random).utf8)
      bytes.withUnsafeBufferPointer { message in
        guard let fast = extractor.extractUtilization(message) else { return }
        read += 1
        let counts = extractor.fieldCounts
        let full = extractor.extract(Self.record(message))
        #expect(full?.entry == fast.entry, "\(String(decoding: message, as: UTF8.self))")
        #expect(full.map { extractor.resolve($0.event) } == fast.event)
        // The catalogue neither cut nor rejected a field of a line the reader took.
        #expect(extractor.fieldCounts == counts)
      }
    }
    #expect(read > 100)
  }

  @Test func readsEachForm() throws {
    var extractor = EventExtractor()
    for (text, node, value) in [
      ("Node ip-1 - utilization 0.055", "ip-1", 0.055), ("Node n - cpu utilization 0.3125", "n", 0.3125),
      ("Node n - nvidia.com/gpu requested is 75% of allocatable", "n", 0.75),
      ("Node n - cpu requested is 31.25% of allocatable", "n", 0.3125),
    ] {
      let bytes = Array(text.utf8)
      let found = try #require(bytes.withUnsafeBufferPointer { extractor.extractUtilization($0) })
      #expect(found.event == .nodeUtilization(node: node, utilization: value))
    }
  }

  @Test func leavesUnusualLinesToTheCatalogue() {
    var extractor = EventExtractor()
    for text in [
      "Node n - utilization 1.5", "Node n - utilization 1e-3", "Node naïve - utilization 0.5",
      "Node \(String(repeating: "n", count: 254)) - utilization 0.5", "Node n - cpu requested is 50%",
      "Node n is unneeded since 2024-03-13", "Node n - utilization 0.5.5",
    ] {
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer { extractor.extractUtilization($0) } == nil, "\(text)")
    }
  }
  @Test func readsAsTheByteReaderDidOnVariantsAndTheirPrefixes() {
    var random = SplitMix64(seed: 61)
    var taken = 0
    for _ in 0..<5_000 {
      let bytes = Array(Self.variant(&random).utf8)
      for end in 0...bytes.count {
        bytes.withUnsafeBufferPointer { whole in
          let message = UnsafeBufferPointer(rebasing: whole[..<end])
          let reading = UtilizationLine.read(message)
          if reading != nil { taken += 1 }
          #expect(reading == ByteByByteUtilizationLine.read(message), "\(String(decoding: message, as: UTF8.self))")
        }
      }
    }
    #expect(taken > 100)
  }

  @Test func wordsHoldTheirLiterals() {
    func word(_ text: String) -> UInt64 {
      text.utf8.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
    #expect(UtilizationLine.Words.node == word("Node "))
    #expect(UInt64(UtilizationLine.Words.dash) == word(" - "))
    #expect(UInt64(UtilizationLine.Words.cpu) == word("cpu "))
    #expect(UtilizationLine.Words.utilizat == word("utilizat"))
    #expect(UInt64(UtilizationLine.Words.ion) == word("ion "))
    #expect(UtilizationLine.Words.requeste == word("requeste"))
    #expect(UtilizationLine.Words.stedIs == word("sted is "))
    #expect(UtilizationLine.Words.percentOfAll == word("% of all"))
    #expect(UtilizationLine.Words.ocatable == word("ocatable"))
  }
}
