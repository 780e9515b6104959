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

  /// The random seed: the same options always give the same bytes.
  public var seed: UInt64 = 1
  /// Stop after about this many bytes.
  public var targetBytes = 1_000_000
  public var layout: Layout = .new
  public var format: Format = .text
  /// Nodes in the cluster: each loop logs one utilization line per node.
  public var nodes = 60
  /// One scale-up or scale-down episode is injected every this many loops.
  public var loopsPerEpisode = 6

  /// Default options.
  public init() {}
}
