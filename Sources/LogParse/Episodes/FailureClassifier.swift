/// Classifies an error message into a ``FailureClass`` and extracts code, action, principal and group.
///
/// Where one error wraps another (`WebIdentityErr … caused by: AccessDenied … sts:AssumeRoleWithWebIdentity`),
/// the class is what a person must fix: the identity cannot be assumed, so `credentials`.
public enum FailureClassifier {
  /// The classification of `message`.
  public struct Result: Hashable, Sendable {
    public var failureClass: FailureClass
    public var code: String?
    public var action: String?
    public var principal: String?
    public var nodeGroup: String?
  }

  /// Codes in the order they are tried; the first one present decides the class.
  static let codes: [(code: String, failureClass: FailureClass)] = [
    ("WebIdentityErr", .credentials), ("NoCredentialProviders", .credentials), ("ExpiredToken", .credentials),
    ("InvalidClientTokenId", .credentials), ("SignatureDoesNotMatch", .credentials),
    ("AccessDeniedException", .iam), ("AccessDenied", .iam), ("UnauthorizedOperation", .iam),
    ("AuthorizationFailed", .iam), ("PERMISSIONS_ERROR", .iam),
    ("ThrottlingException", .throttling), ("Throttling", .throttling), ("RequestLimitExceeded", .throttling),
    ("TooManyRequests", .throttling),
    ("InsufficientInstanceCapacity", .capacity), ("placeholder-cannot-be-fulfilled", .capacity),
    ("ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS", .capacity), ("ZONE_RESOURCE_POOL_EXHAUSTED", .capacity),
    ("RESOURCE_POOL_EXHAUSTED", .capacity), ("INSUFFICIENT_CAPACITY", .capacity),
    ("SkuNotAvailable", .capacity), ("AllocationFailed", .capacity), ("OverconstrainedAllocationRequest", .capacity),
    ("QUOTA_EXCEEDED", .quota), ("QuotaExceeded", .quota), ("OperationNotAllowed", .quota),
    ("IP_SPACE_EXHAUSTED", .cloudProvider),
    ("ValidationError", .validation), ("InvalidParameterValue", .validation), ("InvalidParameter", .validation),
  ]

  /// Classifies `message`; `fallbackGroup` names the group when the message does not.
  public static func classify(_ message: String, fallbackGroup: String? = nil) -> Result {
    var result = Result(failureClass: .other)
    result.code = codes.first { message.contains($0.code) }?.code
    if let code = result.code, let entry = codes.first(where: { $0.code == code }) {
      result.failureClass = entry.failureClass
    }
    if let apiCode = word(after: "api error ", in: message) {
      // SDK v2 chains name the code explicitly; a credential chain still counts as credentials.
      let wrappedCredentials = message.contains("get credentials") || message.contains("AssumeRoleWithWebIdentity")
      if !wrappedCredentials || result.code == nil { result.code = apiCode }
      if let entry = codes.first(where: { $0.code == apiCode }), !wrappedCredentials {
        result.failureClass = entry.failureClass
      } else if wrappedCredentials {
        result.failureClass = .credentials
      }
    }
    if result.code == nil, message.contains("is not authorized to perform") {
      result.failureClass = .iam
    }
    result.action =
      word(after: "is not authorized to perform: ", in: message)
      ?? word(after: "Not authorized to perform ", in: message)
      ?? word(after: "does not have authorization to perform action '", in: message)
    result.principal = word(after: "User: ", in: message).flatMap { $0.hasPrefix("arn:") ? $0 : nil }
    result.nodeGroup = word(after: "autoScalingGroupName/", in: message) ?? fallbackGroup
    if result.code == nil {
      let lower = message.lowercased()
      if lower.contains("forbidden") {
        result.failureClass = .kubernetesApi
        result.code = "forbidden"
      } else if lower.contains("rate exceeded") {
        result.failureClass = .throttling
      } else if lower.contains("max size") || lower.contains("size increase too large")
        || lower.contains("max node total count")
      {
        result.failureClass = .maxSize
      } else if lower.contains("quota") {
        result.failureClass = .quota
      } else if lower.contains("outofresource") || lower.contains("capacity") {
        result.failureClass = .capacity
      } else if lower.contains("timed out") || lower.contains("timeout") {
        result.failureClass = .timeout
      }
    }
    return result
  }

  /// The class a backoff's `errorClass`/`errorCode` stands for, and its code.
  public static func classifyBackoff(errorClass: String, errorCode: String) -> FailureClass {
    if errorCode == "timeout" { return .timeout }
    if let entry = codes.first(where: { errorCode.contains($0.code) }) { return entry.failureClass }
    if errorClass == "OutOfResource" || errorClass == "1" { return .capacity }
    switch errorCode {
    case "cloudProviderError": return .cloudProvider
    case "apiCallError": return .kubernetesApi
    case "internalError": return .internal
    default: return .other
    }
  }

  /// The word after `marker` (up to a space, comma, quote or end of line), trailing dots dropped.
  static func word(after marker: String, in text: String) -> String? {
    guard let range = text.firstRange(of: marker) else { return nil }
    var word = text[range.upperBound...].prefix { !" \t\n,\"'".contains($0) }
    while word.last == "." || word.last == ";" || word.last == ")" || word.last == ":" { word = word.dropLast() }
    return word.isEmpty ? nil : String(word)
  }
}
