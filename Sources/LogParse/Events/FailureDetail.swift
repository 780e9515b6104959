/// What CAS was doing when a failure happened, as named in the JSON report.
public enum FailureOperation: String, Hashable, Sendable {
  case scaleUp, scaleDown, refresh, startup, fixNodeGroupSizes, template, unregisteredRemoval
}

/// An error record as extraction reads it: what its entry states, and the classification of its text.
///
/// Every failure is classified where its event is made (``init(operation:nodeGroup:node:fatal:message:)``
/// runs ``FailureClassifier`` and ``FailureWords`` on the message), so the episode builder only stores
/// what ``reading`` says.
struct FailureDetail: Hashable, Sendable {
  /// What CAS was doing, as the entry states it: a stated operation decides which episode the failure ends.
  var operation: FailureOperation?
  /// The node group the entry states, if any.
  var nodeGroup: String?
  /// The node the entry states, if any.
  var node: String?
  /// Whether the process exited after the record.
  ///
  /// Its severity is `F`, or its catalogue entry is ``CatalogEntry/fatal``. Set by ``EventExtractor``
  /// alone; a builder leaves it false.
  var fatal: Bool
  /// The whole record, continuation lines included.
  var message: String
  /// The classification of the message, with what it names where the entry states nothing.
  var reading: FailureReading

  /// A failure of `message` with what its entry states, classified.
  init(
    operation: FailureOperation? = nil, nodeGroup: String? = nil, node: String? = nil, fatal: Bool = false,
    message: String
  ) {
    self.operation = operation
    self.nodeGroup = nodeGroup
    self.node = node
    self.fatal = fatal
    self.message = message
    reading = FailureReading(message, operation: operation, nodeGroup: nodeGroup, node: node)
  }

  /// A failure read before (a spilled one read back): nothing is classified again.
  init(
    operation: FailureOperation?, nodeGroup: String?, node: String?, fatal: Bool, message: String,
    reading: FailureReading
  ) {
    self.operation = operation
    self.nodeGroup = nodeGroup
    self.node = node
    self.fatal = fatal
    self.message = message
    self.reading = reading
  }
}

/// What a failure's text says, read at extraction: class, code, action, principal, and the
/// operation, node group and node it names.
struct FailureReading: Hashable, Sendable {
  /// What a person must fix.
  var failureClass: FailureClass
  /// The service's error code (`AccessDenied`, `403`), if any.
  var code: String?
  /// The refused action (`autoscaling:SetDesiredCapacity`), if any.
  var action: String?
  /// The refused identity (an ARN, a service account), if any.
  var principal: String?
  /// The operation: the entry's, else the one the words around the error tell.
  var operation: FailureOperation?
  /// The node group the error names (`autoScalingGroupName/…`), else the entry's.
  var nodeGroup: String?
  /// Without ``nodeGroup``, the one the words around the error suggest: a group whose scale-up was
  /// open when the failure came names it better.
  var guessedNodeGroup: String?
  /// The node: the entry's, else the one the error names.
  var node: String?
  /// Whether the error is about an empty node (`empty node` in its words): the kind of removal it fails.
  var emptyNode: Bool

  /// The reading of `message` whose entry states `operation`, `nodeGroup` and `node`.
  init(_ message: String, operation: FailureOperation?, nodeGroup: String?, node: String?) {
    let result = FailureClassifier.classify(message, fallbackGroup: nodeGroup)
    failureClass = result.failureClass
    code = result.code
    action = result.action
    principal = result.principal
    self.operation = operation ?? FailureWords.operation(in: message)
    self.nodeGroup = result.nodeGroup
    guessedNodeGroup = result.nodeGroup == nil ? FailureWords.nodeGroup(in: message) : nil
    self.node = node ?? FailureWords.node(in: message)
    emptyNode = ByteSearch.contains(message, "empty node")
  }

  /// A reading stated whole (a spilled one read back).
  init(
    failureClass: FailureClass, code: String?, action: String?, principal: String?, operation: FailureOperation?,
    nodeGroup: String?, guessedNodeGroup: String?, node: String?, emptyNode: Bool
  ) {
    self.failureClass = failureClass
    self.code = code
    self.action = action
    self.principal = principal
    self.operation = operation
    self.nodeGroup = nodeGroup
    self.guessedNodeGroup = guessedNodeGroup
    self.node = node
    self.emptyNode = emptyNode
  }
}
