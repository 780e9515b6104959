/// How renderers write the loops of an episode's evidence: `iter 1f0c9a7e-42…45`, `iter 3…5`.
enum IterationText {
  /// The loops of `evidence` as text, nil when the log shows no loops.
  ///
  /// `iter FIRST…LAST` (the last without its hash when both are of one process), `iter ID` for
  /// one loop. Unescaped: ids are hex digits, `-` and digits.
  static func span(_ evidence: Evidence) -> String? {
    guard let span = evidence.iterations else { return nil }
    if span.first == span.last { return "iter \(span.first)" }
    if case .structured(let first) = span.first, case .structured(let last) = span.last,
      first.process == last.process
    {
      return "iter \(first)…\(last.number)"
    }
    return "iter \(span.first)…\(span.last)"
  }
}
