/// What a scale-up's decision adds beyond its sizes: capping, balancing and a revert, as far as logged.
enum ScaleUpNotes {
  /// The notes of `up`, unescaped; each renderer escapes them for its own syntax.
  ///
  /// For example `capped 6->1 nodes (group set capacity)`, `balanced with a, b`, `reverted -2 at T`.
  static func notes(_ up: ScaleUpEpisode, _ report: Report) -> [String] {
    var notes: [String] = []
    if let capping = up.capping {
      if let requested = capping.requestedNodes, let capped = capping.cappedToNodes {
        notes.append("capped \(requested)->\(capped) nodes (group set capacity)")
      }
      if let size = capping.clusterMaxSize { notes.append("capped to max cluster size \(size)") }
      if let capped = capping.quotaCappedToNodes {
        let from = capping.quotaRequestedNodes.map { "\($0)->" } ?? "to "
        notes.append("capped \(from)\(capped) nodes (resource quotas)")
      }
    }
    if !up.balancedWith.isEmpty { notes.append("balanced with " + up.balancedWith.joined(separator: ", ")) }
    if let reverted = up.revertedNodes {
      notes.append("reverted -\(reverted)" + (up.revertedAt.map { " at \(report.rfc3339($0))" } ?? ""))
    }
    if let error = up.revertError {
      notes.append("revert failed: \(error.failureClass.rawValue)" + (error.code.map { " \($0)" } ?? ""))
    }
    return notes
  }
}
