/// How a synthetic Cluster Autoscaler log is generated.
public struct GeneratorOptions: Sendable {
  /// The line layout of the CAS version imitated.
  public enum Layout: String, Sendable, CaseIterable {
    /// CAS ≤ 1.26: scale_up.go, scale_down.go, unquoted empty-node names, `utilization 0.05`.
    case old
    /// CAS ≥ 1.29: orchestrator.go, executor.go, actuator.go, quoted names, `requested is 5% of allocatable`.
    case new
  }

  /// How each line is wrapped.
  public enum Format: String, Sendable, CaseIterable {
    /// Plain klog text.
    case text
    /// CAS's JSON logging.
    case json
    /// `kubectl logs --prefix --timestamps`.
    case kubectl
  }

  /// The traffic mix: which lines make up a loop, and how often an episode is injected.
  public enum Mix: String, Sendable, CaseIterable {
    /// Every loop logs its utilization lines among a few loop lines, with an episode every
    /// ``GeneratorOptions/loopsPerEpisode`` loops (the benchmark's and the tests' log).
    case standard
    /// About 85 % per-node utilization lines, 10 % loop lines (filter, unneeded and not-removable
    /// candidates, status) and 5 % informer and provider noise, with an episode every
    /// ``GeneratorOptions/utilizationHeavyLoopsPerEpisode`` loops (a few hundred per GB).
    case utilizationHeavy = "utilization-heavy"
  }

  /// Loops between two episodes in the utilization-heavy mix: about 320 episodes per GB.
  public static let utilizationHeavyLoopsPerEpisode = 400

  /// The random seed: the same options always give the same bytes.
  public var seed: UInt64 = 1
  /// Stop after about this many bytes.
  public var targetBytes = 1_000_000
  public var layout: Layout = .new
  public var format: Format = .text
  public var mix: Mix = .standard
  /// Nodes in the cluster: each loop logs one utilization line per node.
  public var nodes = 60
  /// One scale-up or scale-down episode is injected every this many loops.
  public var loopsPerEpisode = 6

  /// Default options.
  public init() {}
}
