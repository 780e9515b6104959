import LogGen
import LogParse
import Testing

/// The utilization-heavy mix: the line shares the benchmark states, and reports that match what it injected.
struct GeneratorMixTests {
  private static func generate(_ options: GeneratorOptions) -> ([UInt8], GroundTruth) {
    var generator = LogGenerator(options: options)
    var bytes: [UInt8] = []
    let truth = generator.generate { bytes += Array($0.utf8) }
    return (bytes, truth)
  }

  private static func options(layout: GeneratorOptions.Layout) -> GeneratorOptions {
    var options = GeneratorOptions()
    options.mix = .utilizationHeavy
    options.layout = layout
    options.targetBytes = 1_000_000
    options.loopsPerEpisode = GeneratorOptions.utilizationHeavyLoopsPerEpisode
    return options
  }

  @Test(arguments: GeneratorOptions.Layout.allCases)
  func sharesOfLines(layout: GeneratorOptions.Layout) {
    let (bytes, truth) = Self.generate(Self.options(layout: layout))
    let lines = bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    let utilization = lines.filter {
      $0.contains(" - cpu requested is ") || ($0.contains(" - cpu utilization ") && !$0.contains("not suitable"))
    }.count
    let loops = lines.filter { $0.hasSuffix("] Starting main loop") }.count
    #expect(lines.count == truth.lines)
    #expect(loops > 100)
    let share = Double(utilization) / Double(lines.count)
    #expect(share > 0.83 && share < 0.87, "utilization share \(share)")
    // Loop lines: the main loop and the six after it, one in every ten lines or so.
    let loopShare = Double(loops * 7) / Double(lines.count)
    #expect(loopShare > 0.08 && loopShare < 0.12, "loop share \(loopShare)")
    #expect(truth.episodes.count == loops / GeneratorOptions.utilizationHeavyLoopsPerEpisode)
  }

  @Test(arguments: GeneratorOptions.Layout.allCases)
  func reportMatchesGroundTruth(layout: GeneratorOptions.Layout) {
    var options = Self.options(layout: layout)
    options.loopsPerEpisode = 12
    let (bytes, truth) = Self.generate(options)
    #expect(truth.episodes.count >= 8)
    let report = Fixtures.analyze(bytes, chunkSizes: [65_536])
    let expectedUps = truth.episodes.filter { $0.kind == "up" }.map { "\($0.subject) \($0.outcome)" }
    #expect(report.scaleUps.map { "\($0.nodeGroup) \($0.outcome.rawValue)" } == expectedUps)
    let expectedDowns = truth.episodes.filter { $0.kind == "down" }.map { "\($0.subject) \($0.outcome) \($0.detail)" }
    #expect(report.scaleDowns.map { "\($0.node) \($0.outcome.rawValue) \($0.kind.rawValue)" } == expectedDowns)
    #expect(report.accounting.lines == truth.lines)
    #expect(report.accounting.malformed == 0)
  }
}
