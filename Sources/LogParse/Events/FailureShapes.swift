/// The shapes of the errors CAS and its cloud providers' SDKs write, found in any record.
///
/// A record's message may carry an error whatever it says around it: old CAS logged AWS errors at
/// INFO, CAS 1.38 logs warnings at INFO, and most provider messages have no catalogue entry. Each
/// shape is a few literals (found in one pass by ``LiteralPrefilter``) and, where a literal alone
/// could occur in a healthy message, a PCRE2 pattern that confirms it; the pattern runs only when
/// a literal of its shape occurs.
enum FailureShapes {
  /// One shape: the literals that may announce it, and the pattern that confirms it (nil: a literal suffices).
  struct Shape: Sendable {
    var name: String
    var literals: [String]
    var pattern: String?
  }

  /// AWS API error codes, as SDK v1 (`CODE: message`) and SDK v2 (`api error CODE: message`) write them.
  static let awsCodes = [
    "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "WebIdentityErr", "NoCredentialProviders",
    "ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch", "AuthFailure",
    "UnrecognizedClientException", "OptInRequired", "ValidationError", "ValidationException", "InvalidParameterValue",
    "InvalidParameterCombination", "InvalidParameter", "MissingParameter", "Throttling", "ThrottlingException",
    "RequestLimitExceeded", "TooManyRequestsException", "EC2ThrottledException", "InsufficientInstanceCapacity",
    "VcpuLimitExceeded", "InstanceLimitExceeded", "LimitExceeded", "LimitExceededException", "ResourceContention",
    "ScalingActivityInProgress", "ResourceNotFoundException", "ServiceUnavailable", "InternalFailure",
    "InternalError", "RequestError", "RequestCanceled", "SerializationError", "EC2RoleRequestError",
    "SharedCredsLoad", "CredentialRequiresARNError",
  ]

  /// Azure service error codes, written `Code="CODE"`, `ERROR CODE: CODE`, `"code":"CODE"` or `CODE: message`.
  static let azureCodes = [
    "OperationNotAllowed", "QuotaExceeded", "SkuNotAvailable", "AuthorizationFailed", "LinkedAuthorizationFailed",
    "AllocationFailed", "ZonalAllocationFailed", "OverconstrainedAllocationRequest",
    "OverconstrainedZonalAllocationRequest", "InvalidAuthenticationToken", "AuthenticationFailed",
    "ResourceGroupNotFound", "SubscriptionNotFound", "ResourceNotFound", "OperationPreempted", "RetryableError",
    "ConflictingUserInput", "InvalidParameter", "BadRequest", "TooManyRequests",
  ]

  /// Hetzner Cloud error codes, written `message (code)` by hcloud-go.
  static let hetznerCodes = [
    "resource_unavailable", "resource_limit_exceeded", "rate_limit_exceeded", "server_limit_exceeded",
    "unauthorized", "forbidden", "placement_error", "server_error", "service_error", "invalid_input",
    "uniqueness_error", "not_found", "conflict", "locked", "protected", "maintenance", "timeout",
    "token_readonly", "unavailable",
  ]

  /// The shapes, each a group of the prefilter.
  static let shapes: [Shape] = [
    Shape(
      name: "aws.code", literals: (awsCodes + azureCodes).map { $0 + ": " },
      pattern: "(?<![A-Za-z0-9.])(?:" + (awsCodes + azureCodes).joined(separator: "|") + "): "),
    Shape(name: "aws.statusLine", literals: ["status code: "], pattern: #"status code: \d{3}, request id: "#),
    Shape(
      name: "aws.v2", literals: ["operation error ", "api error ", "https response error "],
      pattern: #"operation error [A-Za-z0-9 ]+: \w+, |api error \w+: |https response error StatusCode: \d+"#),
    Shape(
      name: "network",
      literals: [
        "such host", "i/o timeout", "connection refused", "connection reset by peer", "TLS handshake timeout",
        "Client.Timeout exceeded", "request send failed", "send request failed", "context deadline exceeded",
        "network is unreachable", "no route to host", "client connection lost", "rate limiter Wait returned",
      ]),
    Shape(
      name: "gce",
      literals: [
        "googleapi: ", "QUOTA_EXCEEDED", "RESOURCE_POOL_EXHAUSTED", "INSUFFICIENT_CAPACITY", "IP_SPACE_EXHAUSTED",
        "PERMISSIONS_ERROR", "rateLimitExceeded", "error while waiting for operation ",
      ],
      pattern:
        #"googleapi: (?:Error \d{3}|got HTTP response code \d{3})|\b(?:ZONE_)?(?:QUOTA_EXCEEDED|RESOURCE_POOL_EXHAUSTED|INSUFFICIENT_CAPACITY|IP_SPACE_EXHAUSTED|PERMISSIONS_ERROR)\b|rateLimitExceeded|error while waiting for operation "#
    ),
    Shape(
      name: "azure", literals: ["StatusCode=", "Code=\"", "HTTPStatusCode: ", "ERROR CODE: ", "RESPONSE "],
      pattern:
        #"StatusCode=\d{3}|\bCode="\w+"|HTTPStatusCode: \d{3}|ERROR CODE: \w+|RESPONSE \d{3}: \d{3}"#),
    Shape(
      name: "azure.json", literals: ["\"code\":", "\\\"code\\\":"],
      pattern: #"\\?"code\\?"\s*:\s*\\?"[A-Za-z_]+\\?""#),
    Shape(
      name: "alibaba", literals: ["SDK.ServerError", "ErrorCode: "], pattern: #"SDK\.ServerError|ErrorCode: [\w.]+"#),
    Shape(
      name: "openstack",
      literals: [
        "Expected HTTP response code", "Request forbidden", "Bad request with", "Resource not found: [",
        "Authentication failed", "Quota exceeded",
      ]),
    Shape(
      name: "hetzner", literals: hetznerCodes.map { "(" + $0 },
      pattern: #"\((?:"# + hetznerCodes.joined(separator: "|") + #")(?:, [^)]*)?\)"#),
    Shape(name: "digitalocean", literals: [" (request \""], pattern: #": \d{3} \(request ""#),
    Shape(name: "linode", literals: ["[40", "[42", "[50"], pattern: #"\[(?:4\d\d|5\d\d)\] \S"#),
    Shape(name: "oci", literals: ["Http Status Code: "], pattern: #"Http Status Code: \d{3}"#),
    Shape(
      name: "kubernetes",
      literals: [
        "is forbidden", "forbidden: User", "User \"system:", " cannot ", "the object has been modified",
        "Operation cannot be fulfilled on ", "the server has asked for the client to provide credentials",
        "\" not found",
      ],
      pattern:
        #"is forbidden|forbidden: User|User \\?"system:[^"\\]+\\?" cannot|\bcannot (?:get|list|watch|create|update|patch|delete|deletecollection) resource|the object has been modified|Operation cannot be fulfilled on |the server has asked for the client to provide credentials|\b[a-z][a-z0-9.-]* \\?"[^"\\\s]+\\?" not found"#
    ),
    Shape(
      name: "throttling",
      literals: [
        "Throttl", "ate exceeded", "ate limit exceeded", "TooManyRequests", "Too Many Requests", "RateLimitExceeded",
        "RequestLimitExceeded",
      ]),
  ]

  /// The shapes' literals, one prefilter group per shape.
  static let prefilter = LiteralPrefilter(groups: shapes.map(\.literals))

  /// The shapes' patterns, compiled once per process.
  static let patterns: [BytePattern?] = shapes.map { shape in
    guard let pattern = shape.pattern else { return nil }
    do {
      return try BytePattern(pattern)
    } catch {
      fatalError("failure shape \(shape.name) has an invalid pattern: \(error)")
    }
  }
}

/// Runs the failure shapes on records: one matcher per shape, never shared between threads.
struct FailureShapeMatcher {
  private let matchers: [Matcher?]

  /// Matchers for every shape, with `settings` (shared with the user's other matchers).
  init(settings: MatchSettings) {
    matchers = FailureShapes.patterns.map { $0.map { Matcher($0, settings: settings) } }
  }

  /// Whether `message` carries an error of a known shape; `onLimit` hears of a pattern that gave up.
  func matches(_ message: UnsafeBufferPointer<UInt8>, onLimit: () -> Void) -> Bool {
    var groups = FailureShapes.prefilter.groups(in: message)
    while groups != 0 {
      let shape = groups.trailingZeroBitCount
      groups &= groups - 1
      guard let matcher = matchers[shape] else { return true }
      var failed = false
      if matcher.matchesSafely(message, onError: { _ in failed = true }) { return true }
      if failed { onLimit() }
    }
    return false
  }
}

@available(*, unavailable)
extension FailureShapeMatcher: Sendable {}

extension EventOf {
  /// Whether the episode builder takes a failure from this event already (a failure line, a
  /// backoff, a failure event): its record must not give a second one by its shape.
  var carriesFailure: Bool {
    switch self {
    case .failure, .scaleUpRevertFailed, .backoffStarted, .groupInBackoff: return true
    case .kubernetesEvent(let event): return event.carriesFailure
    default: return false
    }
  }
}

extension EventOf {
  /// Whether the event's message holds only names and numbers (`Pod P is unschedulable`,
  /// `Scale-up: setting group G size to N`): no error text can be inside it, so its record is not
  /// searched for one (unless it is fatal).
  ///
  /// A dated note's message (`Scale down status: lastScaleUpTime=… scaleDownForbidden=false …`,
  /// `Refreshed ASG list, next refresh after …`) is times and flags only. An entry may state the
  /// same of its messages when its event's kind cannot (``CatalogEntry/closedMessage``).
  var isClosedMessage: Bool {
    switch self {
    case .processStarted, .leaseAcquiring, .mainLoopStarted, .podsFound, .podUnschedulable, .otherPodsUnschedulable,
      .upcomingNodes, .bestOption, .estimatedNodes, .scaleUpCapped, .scaleUpCappedToClusterMax, .scaleUpSplit,
      .scaleUpPlan, .scaleUpRequested, .cloudResize, .cloudResizeDone, .scaleUpFinished, .scaleUpTimedOut,
      .failedNodesDeleted, .scaleUpReverted, .maxSizeReached, .similarPodsDoNotFitGroup, .noExpansionOptions,
      .nodeUtilization, .nodeUnneededSince, .nodeUnneededFor, .scaleDownEmpty, .scaleDownDrain, .deletionTaintAdded,
      .unregisteredNodeRemoval, .drainFinished, .instanceTerminated, .scaleSetInstancesDeleting, .leaderElection,
      .scaleUpSalvoIteration, .expanderFilteredAll, .scaleUpCappedByQuota, .datedNote:
      return true
    default:
      return false
    }
  }
}
