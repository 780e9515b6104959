import ArgumentParser
import Glibc
import LogGen

/// `cas-logs-loggen`: writes a synthetic Cluster Autoscaler log and its ground truth.
@main
struct LogGenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cas-logs-loggen",
    abstract: "Write a deterministic synthetic --v=4 Cluster Autoscaler log with injected episodes.")

  @Option(help: "Output log file.")
  var output: String

  @Option(help: "Where to write the ground truth (one injected episode per line).")
  var truth: String?

  @Option(help: "Approximate size, e.g. 100MB or 1GB (MB = 10^6 bytes).")
  var size = "10MB"

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  @Option(help: "Line layout: old (CAS ≤ 1.26) or new (CAS ≥ 1.29).")
  var layout = "new"

  @Option(help: "Wrapping: text, json (CAS JSON logging) or kubectl (--prefix --timestamps).")
  var format = "text"

  @Option(help: "Nodes in the cluster (one utilization line each per loop).")
  var nodes = 60

  @Option(help: "Traffic mix: standard, or utilization-heavy (85 % utilization lines, a few hundred episodes per GB).")
  var mix = "standard"

  @Option(help: "Loops between two injected episodes (default: 6, or 400 in the utilization-heavy mix).")
  var loopsPerEpisode: Int?

  func run() throws {
    var options = GeneratorOptions()
    options.seed = seed
    options.nodes = nodes
    guard let bytes = Self.bytes(size) else { throw ValidationError("--size '\(size)': expected a size like 100MB") }
    options.targetBytes = bytes
    guard let layout = GeneratorOptions.Layout(rawValue: layout) else { throw ValidationError("--layout: old or new") }
    guard let format = GeneratorOptions.Format(rawValue: format) else {
      throw ValidationError("--format: text, json or kubectl")
    }
    guard let mix = GeneratorOptions.Mix(rawValue: mix) else {
      throw ValidationError("--mix: standard or utilization-heavy")
    }
    options.mix = mix
    if mix == .utilizationHeavy { options.loopsPerEpisode = GeneratorOptions.utilizationHeavyLoopsPerEpisode }
    if let loopsPerEpisode {
      guard loopsPerEpisode > 0 else { throw ValidationError("--loops-per-episode: at least 1") }
      options.loopsPerEpisode = loopsPerEpisode
    }
    options.layout = layout
    options.format = format
    guard let file = fopen(output, "w") else { throw ValidationError("cannot write '\(output)'") }
    var generator = LogGenerator(options: options)
    let result = generator.generate { text in fputs(text, file) }
    fclose(file)
    if let truth, let handle = fopen(truth, "w") {
      fputs(result.text, handle)
      fclose(handle)
    }
  }

  private static func bytes(_ text: String) -> Int? {
    let units: [(String, Int)] = [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1)]
    for (suffix, scale) in units where text.uppercased().hasSuffix(suffix) {
      return Double(text.dropLast(suffix.count)).map { Int($0 * Double(scale)) }
    }
    return Int(text)
  }
}
