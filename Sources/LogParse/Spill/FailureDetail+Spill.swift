extension SpillWriter {
  /// Writes a failure with its reading, so reading it back classifies nothing again.
  mutating func failure(_ detail: FailureDetail) {
    optional(detail.operation) { $0.string($1.rawValue) }
    optional(detail.nodeGroup) { $0.string($1) }
    optional(detail.node) { $0.string($1) }
    bool(detail.fatal)
    string(detail.message)
    let reading = detail.reading
    string(reading.failureClass.rawValue)
    for text in [reading.code, reading.action, reading.principal] { optional(text) { $0.string($1) } }
    optional(reading.operation) { $0.string($1.rawValue) }
    for text in [reading.nodeGroup, reading.guessedNodeGroup, reading.node] { optional(text) { $0.string($1) } }
    bool(reading.emptyNode)
  }
}

extension SpillReader {
  /// Reads a failure ``SpillWriter/failure(_:)`` wrote, or nil.
  mutating func failure() -> FailureDetail? {
    func anOperation(_ r: inout SpillReader) -> FailureOperation?? {
      r.optional { $0.string().flatMap(FailureOperation.init(rawValue:)) }
    }
    func text(_ r: inout SpillReader) -> String?? { r.optional { $0.string() } }
    guard let operation = anOperation(&self), let nodeGroup = text(&self), let node = text(&self), let fatal = bool(),
      let message = string(), let failureClass = string().flatMap(FailureClass.init(rawValue:)),
      let code = text(&self), let action = text(&self), let principal = text(&self),
      let readOperation = anOperation(&self), let readGroup = text(&self),
      let guessedGroup = text(&self), let readNode = text(&self), let emptyNode = bool()
    else { return nil }
    return FailureDetail(
      operation: operation, nodeGroup: nodeGroup, node: node, fatal: fatal, message: message,
      reading: FailureReading(
        failureClass: failureClass, code: code, action: action, principal: principal, operation: readOperation,
        nodeGroup: readGroup, guessedNodeGroup: guessedGroup, node: readNode, emptyNode: emptyNode))
  }
}
