extension FailureDetail {
  /// The error a 1.29+ backoff status repeats (`{true {CLASS CODE MESSAGE}}`), classified: a failure
  /// of the group's scale-up, its code and class taken from the status where the message names none.
  static func backoffStatus(group: String, errorCode: String?, message: String) -> FailureDetail {
    var failure = FailureDetail(operation: .scaleUp, nodeGroup: group, fatal: false, message: message)
    if failure.reading.code == nil { failure.reading.code = errorCode }
    if failure.reading.failureClass == .other, let errorCode {
      failure.reading.failureClass = FailureClassifier.classifyBackoff(errorClass: "", errorCode: errorCode)
    }
    return failure
  }
}
