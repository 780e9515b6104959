/// One Cluster Autoscaler process of an interleaved log (a pod of `kubectl logs -l … --prefix`):
/// what its own lines say about it.
public struct Replica: Hashable, Sendable {
  /// The source (file) the stream is in.
  public var source: Int
  /// The stream within the source (1, 2, … in order of first line).
  public var stream: Int
  /// The stream's name (`pod/NAME/CONTAINER`), set in the report.
  public var name: String?
  /// Whether this process led: it acquired the lease, or it ran loops or episodes (only the leader
  /// does); false when it only waited for the lease another replica held; nil when it says neither.
  public var isLeader: Bool? {
    if acquired || acts { return true }
    return heldByOther ? false : nil
  }
  /// Every process start of this stream.
  public var startCount = 0
  /// The first ``AutoscalerInfo/maximumStarts`` starts.
  public var starts: [LogTime] = []
  /// The latest start counted.
  var lastStart: LogTime?
  var acquired = false
  var heldByOther = false
  var acts = false
  /// The start the stream's latest monotonic clock reading implies.
  var impliedProcessStart: FullTime?

  init(source: Int, stream: Int) {
    self.source = source
    self.stream = stream
  }
}
