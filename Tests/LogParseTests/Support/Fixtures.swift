import Foundation

@testable import LogParse

/// Access to the bundled sample logs and a one-call analysis for tests.
enum Fixtures {
  /// The repository's `SampleLogs` folder, found from this file's path.
  static let sampleDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SampleLogs")

  /// The repository root.
  static var root: URL { sampleDirectory.deletingLastPathComponent() }

  /// The bytes of a sample file whose name starts with `prefix`.
  static func sample(_ prefix: String) throws -> [UInt8] {
    let names = try FileManager.default.contentsOfDirectory(atPath: sampleDirectory.path)
    guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".log") }) else {
      throw FixtureError.missing(prefix)
    }
    return Array(try Data(contentsOf: sampleDirectory.appendingPathComponent(name)))
  }

  /// Every sample log's file name.
  static func sampleNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: sampleDirectory.path).filter { $0.hasSuffix(".log") }.sorted()
  }

  /// A fixed "now" so that assumed years do not depend on the day the tests run.
  static let now = FullTime(epochMicroseconds: 1_795_000_000_000_000)

  /// Analyses `bytes` fed in chunks of the given sizes (cycled), as one source.
  static func analyze(
    _ bytes: [UInt8], chunkSizes: [Int] = [], reorderWindow: Int = 4096, reorderMemoryLimit: Int = 16 << 20,
    year: Int? = nil, events: ((Event, EventContext) -> Void)? = nil
  ) -> Report {
    var options = AnalyzerOptions(now: now, year: year)
    options.reorderWindow = reorderWindow
    options.reorderMemoryLimit = reorderMemoryLimit
    var analyzer = Analyzer(options: options)
    analyzer.onEvent = events
    analyzer.beginSource("test.log")
    if chunkSizes.isEmpty {
      analyzer.feed(bytes)
    } else {
      var offset = 0
      var turn = 0
      while offset < bytes.count {
        let size = max(1, chunkSizes[turn % chunkSizes.count])
        let end = min(bytes.count, offset + size)
        analyzer.feed(Array(bytes[offset..<end]))
        offset = end
        turn += 1
      }
    }
    analyzer.finish()
    return analyzer.report()
  }

  /// Analyses a string as one source, with the episode steps the analysis made, in order.
  static func analyzeWithSteps(_ text: String) -> (report: Report, steps: [EpisodeStep]) {
    var steps: [EpisodeStep] = []
    var analyzer = Analyzer(options: AnalyzerOptions(now: now))
    analyzer.onStep = { step, _ in steps.append(step) }
    analyzer.beginSource("test.log")
    analyzer.feed(Array(text.utf8))
    analyzer.finish()
    return (analyzer.report(), steps)
  }

  /// Analyses a string.
  static func analyze(_ text: String, year: Int? = nil) -> Report {
    analyze(Array(text.utf8), year: year)
  }

  /// The events of `bytes`, in the order the episode builder applied them.
  static func events(_ bytes: [UInt8], chunkSizes: [Int] = []) -> [String] {
    var seen: [String] = []
    _ = analyze(bytes, chunkSizes: chunkSizes) { event, context in
      seen.append("\(context.lines) \(context.time) \(event)")
    }
    return seen
  }
}

/// A fixture that could not be found.
enum FixtureError: Error {
  case missing(String)
}
