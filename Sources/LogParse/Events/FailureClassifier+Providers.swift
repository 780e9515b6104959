extension FailureClassifier {
  /// Where providers' SDKs write a service error code: the marker, and the bytes a code may hold.
  static let codeMarkers: [(marker: [UInt8], dotted: Bool)] = [
    (Array("Code=\"".utf8), false), (Array("ERROR CODE: ".utf8), false), (Array("\"code\":\"".utf8), false),
    (Array("\\\"code\\\":\\\"".utf8), false), (Array("ErrorCode: ".utf8), true), (Array("Error Code: ".utf8), true),
  ]

  /// Where providers' SDKs write an HTTP status, before its digits.
  static let statusMarkers: [[UInt8]] = [
    "StatusCode=", "HTTPStatusCode: ", "StatusCode: ", "googleapi: Error ", "got HTTP response code ", "RESPONSE ",
    "Http Status Code: ", "status code: ", "but got ",
  ].map { Array($0.utf8) }

  /// The code and class of a provider error that names no code of ``codes``: its own code (Azure
  /// `Code="X"`, `ERROR CODE: X`, Alibaba `ErrorCode: X`, OCI `Error Code: X`), else its HTTP
  /// status as the code (`403`), classed by the status.
  static func providerError(_ text: UnsafeBufferPointer<UInt8>) -> (code: String, failureClass: FailureClass)? {
    let status = httpStatus(text)
    let statusClass = status.map(statusClass) ?? .cloudProvider
    for (marker, dotted) in codeMarkers {
      guard let found = ByteSearch.offset(of: marker, in: text) else { continue }
      var end = found + marker.count
      while end < text.count, isCodeByte(text[end], dotted: dotted) { end += 1 }
      guard end > found + marker.count else { continue }
      let code = String(decoding: UnsafeBufferPointer(rebasing: text[(found + marker.count)..<end]), as: UTF8.self)
      let known = codes.first { ByteSearch.contains(code, $0.code) }?.failureClass
      return (code, known ?? statusClass)
    }
    guard let status else { return nil }
    return (String(status), statusClass)
  }

  /// The first HTTP status a provider error states (0 when the request was never answered), or nil.
  static func httpStatus(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    for marker in statusMarkers {
      guard let found = ByteSearch.offset(of: marker, in: text) else { continue }
      var end = found + marker.count
      var value = 0
      while end < text.count, end - found - marker.count < 3, text[end] >= 0x30, text[end] <= 0x39 {
        value = value * 10 + Int(text[end] - 0x30)
        end += 1
      }
      let digits = end - found - marker.count
      // `StatusCode: 0` (the AWS SDK v2 never got an answer) or a three-digit status.
      if digits == 3 || (digits == 1 && value == 0) { return value }
    }
    // DigitalOcean `PUT https://…: 422 (request "…")`, Linode `[401] Invalid Token`: the status before a marker.
    for (marker, closing) in [(Array(" (request \"".utf8), UInt8(0x20)), (Array("] ".utf8), UInt8(0x5B))] {
      if let found = ByteSearch.offset(of: marker, in: text), found >= 4, text[found - 4] == closing {
        let digits = text[(found - 3)..<found]
        if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
      }
    }
    return nil
  }

  /// The class an HTTP status stands for.
  static func statusClass(_ status: Int) -> FailureClass {
    switch status {
    case 0: return .network
    case 400, 422: return .validation
    case 401: return .credentials
    case 403: return .iam
    case 429: return .throttling
    default: return .cloudProvider
    }
  }

  private static func isCodeByte(_ byte: UInt8, dotted: Bool) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == 0x5F || (dotted && byte == 0x2E)
  }
}
