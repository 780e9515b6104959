/// Shortens a scheduler predicate error to what a person needs: the reason, not the debug info.
enum PredicateText {
  /// `Insufficient cpu` from `Insufficient cpu; predicateName=…`, or the `predicateReasons=[…]` of 1.32+.
  static func reason(_ text: String) -> String {
    if let reasons = FailureClassifier.section(after: "predicateReasons=[", until: "]", in: text) { return reasons }
    let first = text.split(separator: ";", maxSplits: 1).first.map { String($0.trimmingSpaces) } ?? text
    return first.isEmpty ? text : first
  }
}
