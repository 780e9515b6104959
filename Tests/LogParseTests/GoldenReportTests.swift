import Foundation
import LogGen
import Testing

@testable import LogParse

/// Every sample, every evaluation excerpt and a few generated logs render byte-identically to the
/// committed reports in `Tests/Golden`, in every format.
///
/// This pins behaviour across refactorings: a change that alters any report shows up as a diff of
/// the golden file. After an intended change, rerun with `CAS_LOGS_UPDATE_GOLDEN=1` and review the
/// diff of `Tests/Golden` before committing it.
struct GoldenReportTests {
  /// The committed reports.
  static let directory = Fixtures.root.appendingPathComponent("Tests/Golden")

  /// Whether this run rewrites the golden files instead of comparing with them.
  static let updating = ProcessInfo.processInfo.environment["CAS_LOGS_UPDATE_GOLDEN"] == "1"

  /// The inputs: samples, evaluation excerpts and generated logs, by the name their reports take.
  static func inputs() throws -> [(name: String, bytes: [UInt8])] {
    var inputs: [(name: String, bytes: [UInt8])] = []
    for name in try Fixtures.sampleNames() {
      let url = Fixtures.sampleDirectory.appendingPathComponent(name)
      inputs.append(("sample-" + name, Array(try Data(contentsOf: url))))
    }
    let excerpts = Fixtures.root.appendingPathComponent("eval/excerpts")
    for name in try FileManager.default.contentsOfDirectory(atPath: excerpts.path).sorted()
    where name.hasSuffix(".log") {
      inputs.append(("excerpt-" + name, Array(try Data(contentsOf: excerpts.appendingPathComponent(name)))))
    }
    for (offset, (layout, format)) in [
      (GeneratorOptions.Layout.old, GeneratorOptions.Format.text),
      (.new, .text), (.new, .json), (.old, .kubectl),
    ].enumerated() {
      var options = GeneratorOptions()
      options.seed = UInt64(offset + 31)
      options.layout = layout
      options.format = format
      options.targetBytes = 300_000
      var generator = LogGenerator(options: options)
      var bytes: [UInt8] = []
      _ = generator.generate { bytes += Array($0.utf8) }
      inputs.append(("generated-\(layout.rawValue)-\(format.rawValue).log", bytes))
    }
    return inputs
  }

  /// The four renderings of one report, by file extension.
  static func renderings(_ report: Report) -> [(String, String)] {
    [
      ("txt", TextReportRenderer.render(report) + TextReportRenderer.renderUnrecognized(report)),
      ("json", JSONReportRenderer.render(report)),
      ("md", MarkdownReportRenderer.render(report)),
      ("html", HTMLReportRenderer.render(report)),
    ]
  }

  /// The live steps of an unordered read (what `follow` prints), one line each.
  static func steps(_ bytes: [UInt8]) -> String {
    var lines = ""
    var options = AnalyzerOptions(now: Fixtures.now)
    options.reorderWindow = 0
    var analyzer = Analyzer(options: options)
    analyzer.onStep = { step, year in
      lines += "\(step.source):\(step.line) \(step.hasTime ? "\(step.time)" : "-") \(year) "
      lines += "\(step.kind.rawValue) \(step.episodeId ?? "-") \(step.subject ?? "-") \(step.summary)\n"
    }
    analyzer.beginSource("test.log")
    analyzer.feed(bytes)
    analyzer.finish()
    return lines
  }

  @Test func reportsMatchTheCommittedOnes() throws {
    var differences: [String] = []
    var expectedFiles: Set<String> = []
    for input in try Self.inputs() {
      let report = Fixtures.analyze(input.bytes, chunkSizes: [65_536, 4093])
      for (ext, text) in Self.renderings(report) + [("steps", Self.steps(input.bytes))] {
        let file = "\(input.name).\(ext)"
        expectedFiles.insert(file)
        let url = Self.directory.appendingPathComponent(file)
        if Self.updating {
          try Data(text.utf8).write(to: url)
          continue
        }
        let committed = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
        if committed != text { differences.append(file) }
      }
    }
    let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.directory.path))
    if Self.updating {
      for stale in present.subtracting(expectedFiles) {
        try FileManager.default.removeItem(at: Self.directory.appendingPathComponent(stale))
      }
      return
    }
    #expect(differences.isEmpty, "reports differ from Tests/Golden: \(differences.prefix(20))")
    #expect(present == expectedFiles, "golden files without an input: \(present.subtracting(expectedFiles))")
  }

  /// The comparison can fail: a report with one more line differs from its golden file.
  @Test func aChangedReportDiffers() throws {
    let input = try #require(try Self.inputs().first)
    let report = Fixtures.analyze(input.bytes, chunkSizes: [65_536, 4093])
    let url = Self.directory.appendingPathComponent("\(input.name).txt")
    let committed = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    #expect(committed == TextReportRenderer.render(report) + TextReportRenderer.renderUnrecognized(report))
    #expect(committed != TextReportRenderer.render(report) + "\n")
  }
}
