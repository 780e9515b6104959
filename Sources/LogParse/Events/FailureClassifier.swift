/// Classifies an error message into a ``FailureClass`` and extracts code, action, principal and group.
///
/// Where one error wraps another (`WebIdentityErr … caused by: AccessDenied … sts:AssumeRoleWithWebIdentity`),
/// the class is what a person must fix: the identity cannot be assumed, so `credentials`.
enum FailureClassifier {
  /// The classification of `message`.
  struct Result: Hashable, Sendable {
    var failureClass: FailureClass
    var code: String?
    var action: String?
    var principal: String?
    var nodeGroup: String?
  }

  /// Codes in the order they are tried; the first one present decides the class.
  static let codes: [(code: String, failureClass: FailureClass)] = [
    // An unreachable endpoint is what to fix, whatever call (a credential one too) it broke.
    ("no such host", .network), ("i/o timeout", .network), ("connection refused", .network),
    ("connection reset by peer", .network), ("TLS handshake timeout", .network), ("Client.Timeout exceeded", .network),
    ("network is unreachable", .network), ("no route to host", .network), ("request send failed", .network),
    ("send request failed", .network), ("client connection lost", .network), ("context deadline exceeded", .network),
    ("WebIdentityErr", .credentials), ("NoCredentialProviders", .credentials), ("ExpiredToken", .credentials),
    ("InvalidClientTokenId", .credentials), ("SignatureDoesNotMatch", .credentials),
    ("UnrecognizedClientException", .credentials), ("InvalidAuthenticationToken", .credentials),
    ("AuthenticationFailed", .credentials), ("AuthFailure", .credentials), ("EC2RoleRequestError", .credentials),
    ("SharedCredsLoad", .credentials), ("Authentication failed", .credentials), ("(unauthorized", .credentials),
    ("the server has asked for the client to provide credentials", .credentials),
    ("AccessDeniedException", .iam), ("AccessDenied", .iam), ("UnauthorizedOperation", .iam),
    ("AuthorizationFailed", .iam), ("PERMISSIONS_ERROR", .iam), ("NotAuthorizedOrNotFound", .iam),
    ("Forbidden.RAM", .iam), ("Request forbidden", .iam), ("(forbidden", .iam),
    ("ThrottlingException", .throttling), ("Throttling", .throttling), ("RequestLimitExceeded", .throttling),
    ("TooManyRequests", .throttling), ("Too Many Requests", .throttling), ("EC2ThrottledException", .throttling),
    ("rateLimitExceeded", .throttling), ("RateLimitExceeded", .throttling), ("rate_limit_exceeded", .throttling),
    ("rate limiter Wait returned", .throttling),
    ("InsufficientInstanceCapacity", .capacity), ("placeholder-cannot-be-fulfilled", .capacity),
    ("ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS", .capacity), ("ZONE_RESOURCE_POOL_EXHAUSTED", .capacity),
    ("RESOURCE_POOL_EXHAUSTED", .capacity), ("INSUFFICIENT_CAPACITY", .capacity),
    ("SkuNotAvailable", .capacity), ("ZonalAllocationFailed", .capacity), ("AllocationFailed", .capacity),
    ("OverconstrainedZonalAllocationRequest", .capacity), ("OverconstrainedAllocationRequest", .capacity),
    ("resource_unavailable", .capacity),
    ("QUOTA_EXCEEDED", .quota), ("QuotaExceeded", .quota), ("OperationNotAllowed", .quota),
    ("VcpuLimitExceeded", .quota), ("InstanceLimitExceeded", .quota), ("resource_limit_exceeded", .quota),
    ("server_limit_exceeded", .quota),
    ("IP_SPACE_EXHAUSTED", .cloudProvider),
    ("ValidationError", .validation), ("ValidationException", .validation), ("InvalidParameterValue", .validation),
    ("InvalidParameterCombination", .validation), ("InvalidParameter", .validation), ("MissingParameter", .validation),
    ("invalid_input", .validation), ("Bad request with", .validation),
  ]

  /// Classifies `message`; `fallbackGroup` names the group when the message does not.
  static func classify(_ message: String, fallbackGroup: String? = nil) -> Result {
    let bytes = Array(message.utf8)
    return bytes.withUnsafeBufferPointer { text in
      func has(_ needle: [UInt8]) -> Bool { ByteSearch.contains(text, needle) }
      var result = Result(failureClass: .other)
      if let index = firstCode(in: text) {
        let entry = codes[index]
        // Hetzner's codes are found with their parenthesis (`(forbidden)`), reported without.
        result.code = entry.code.first == "(" ? String(entry.code.dropFirst()) : entry.code
        result.failureClass = entry.failureClass
      }
      if has(apiErrorMarker), let apiCode = word(after: "api error ", in: message) {
        // SDK v2 chains name the code explicitly; a credential chain still counts as credentials.
        let wrappedCredentials = has(getCredentialsMarker) || has(assumeRoleMarker)
        if !wrappedCredentials || result.code == nil { result.code = apiCode }
        if wrappedCredentials {
          result.failureClass = .credentials
        } else if let entry = codes.first(where: { $0.code == apiCode }) {
          result.failureClass = entry.failureClass
        }
      }
      if result.code == nil, has(notAuthorizedMarker) { result.failureClass = .iam }
      if has(authorizedMarker) {
        result.action =
          word(after: "is not authorized to perform: ", in: message)
          ?? word(after: "Not authorized to perform ", in: message)
          ?? word(after: "does not have authorization to perform action '", in: message)
      }
      if has(userMarker) {
        result.principal = word(after: "User: ", in: message).flatMap { $0.hasPrefix("arn:") ? $0 : nil }
      }
      result.nodeGroup =
        (has(groupMarker) ? word(after: "autoScalingGroupName/", in: message) : nil)
        ?? (has(deleteFromGroupMarker) ? word(after: "delete nodes from group ", in: message) : nil)
        ?? fallbackGroup
      if result.code == nil, let shaped = providerError(text) {
        // A provider's own code (`Code="X"`, `ERROR CODE: X`, `(x)`) or only its HTTP status.
        result.code = shaped.code
        result.failureClass = shaped.failureClass
      }
      if result.code == nil {
        let lower = message.lowercased()
        result.failureClass = fallbackClass(lower)
        if result.failureClass == .kubernetesApi {
          result.code =
            ByteSearch.contains(lower, "forbidden")
            ? "forbidden" : ByteSearch.contains(lower, "\" not found") ? "notFound" : "conflict"
          // RBAC names the refused identity: `User "system:serviceaccount:kube-system:cluster-autoscaler" cannot list …`
          // (its quotes escaped inside a structured record's `err="…"`).
          result.principal = (word(after: "User \"", in: message) ?? word(after: "User \\\"", in: message)).map {
            String($0.prefix { $0 != "\"" && $0 != "\\" })
          }
        }
      }
      // A token that could not be refreshed is a credential failure, whatever broke the refresh.
      if has(tokenRefreshMarker) { result.failureClass = .credentials }
      return result
    }
  }

  /// The class of an error without a known code, from its wording.
  private static func fallbackClass(_ lower: String) -> FailureClass {
    // RBAC refusals, and conflicts (`Operation cannot be fulfilled on nodes "x": the object has been modified`).
    if ByteSearch.contains(lower, "forbidden") || ByteSearch.contains(lower, "cannot be fulfilled")
      || ByteSearch.contains(lower, "the object has been modified") || ByteSearch.contains(lower, "\" not found")
    {
      return .kubernetesApi
    }
    if ByteSearch.contains(lower, "rate exceeded") { return .throttling }
    if ByteSearch.contains(lower, "max size") || ByteSearch.contains(lower, "size increase too large")
      || ByteSearch.contains(lower, "max node total count")
    {
      return .maxSize
    }
    if ByteSearch.contains(lower, "quota") { return .quota }
    if ByteSearch.contains(lower, "cannot provision any more") { return .capacity }
    if ByteSearch.contains(lower, "outofresource") || ByteSearch.contains(lower, "capacity") { return .capacity }
    if ByteSearch.contains(lower, "timed out") || ByteSearch.contains(lower, "timeout") { return .timeout }
    return .other
  }

  /// The codes in prefilters of 64 (code `n` is group `n % 64` of prefilter `n / 64`): every code
  /// found in one pass over the message instead of a search per code.
  private static let codePrefilters: [LiteralPrefilter] = stride(from: 0, to: codes.count, by: 64).map { start in
    LiteralPrefilter(groups: codes[start..<min(start + 64, codes.count)].map { [$0.code] })
  }

  /// The index in ``codes`` of the first code, in the list's order, that occurs in `text`.
  static func firstCode(in text: UnsafeBufferPointer<UInt8>) -> Int? {
    for (number, prefilter) in codePrefilters.enumerated() {
      let found = prefilter.groups(in: text)
      if found != 0 { return number * 64 + found.trailingZeroBitCount }
    }
    return nil
  }
  private static let apiErrorMarker = Array("api error ".utf8)
  private static let tokenRefreshMarker = Array("Failed to refresh the Token".utf8)
  private static let getCredentialsMarker = Array("get credentials".utf8)
  private static let assumeRoleMarker = Array("AssumeRoleWithWebIdentity".utf8)
  private static let notAuthorizedMarker = Array("is not authorized to perform".utf8)
  private static let authorizedMarker = Array("uthoriz".utf8)
  private static let userMarker = Array("User: ".utf8)
  private static let groupMarker = Array("autoScalingGroupName/".utf8)
  private static let deleteFromGroupMarker = Array("delete nodes from group ".utf8)

  /// The class a backoff's `errorClass`/`errorCode` stands for, and its code.
  static func classifyBackoff(errorClass: String, errorCode: String) -> FailureClass {
    if errorCode == "timeout" { return .timeout }
    if let entry = codes.first(where: { ByteSearch.contains(errorCode, $0.code) }) { return entry.failureClass }
    if errorClass == "OutOfResource" || errorClass == "1" { return .capacity }
    switch errorCode {
    case "cloudProviderError": return .cloudProvider
    case "apiCallError": return .kubernetesApi
    case "internalError": return .internal
    default: return .other
    }
  }

  /// The word after `marker` (up to a space, comma, quote or end of line), trailing punctuation
  /// dropped, cut to ``FieldLimit/maximumBytes``.
  static func word(after marker: String, in text: String) -> String? {
    var text = text
    let markerBytes = Array(marker.utf8)
    return text.withUTF8 { bytes -> String? in
      guard let found = ByteSearch.offset(of: markerBytes, in: bytes) else { return nil }
      let start = found + markerBytes.count
      var end = start
      while end < bytes.count, !isWordStop(bytes[end]) { end += 1 }
      while end > start, isTrailingPunctuation(bytes[end - 1]) { end -= 1 }
      guard end > start else { return nil }
      // A name read out of a message: cut like every name kept.
      let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
      let length = FieldLimit.cutLength(word, limit: FieldLimit.maximumBytes)
      let kept = String(decoding: UnsafeBufferPointer(rebasing: word[0..<length]), as: UTF8.self)
      return length < word.count ? kept + FieldLimit.marker : kept
    }
  }

  /// The text between `start` and the next `end` after it, or nil.
  static func section(after start: String, until end: Character, in text: String) -> String? {
    guard let range = text.firstRange(of: start) else { return nil }
    let rest = text[range.upperBound...]
    guard let close = rest.firstIndex(of: end) else { return nil }
    let section = String(rest[..<close])
    return section.isEmpty ? nil : section
  }

  /// Whether `byte` ends a word: a blank, a line break, a comma or a quote.
  @inline(__always)
  private static func isWordStop(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x22, 0x27: return true
    default: return false
    }
  }

  /// Whether `byte` is punctuation dropped from a word's end: `.`, `;`, `)` or `:`.
  @inline(__always)
  private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2E, 0x3B, 0x29, 0x3A: return true
    default: return false
    }
  }
}
