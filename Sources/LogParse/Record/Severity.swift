/// A klog severity: the header's first letter.
enum Severity: UInt8, Hashable, Sendable, CaseIterable {
  /// `I`: information, including every `V(n)` line.
  case info = 73
  /// `W`: warning.
  case warning = 87
  /// `E`: error.
  case error = 69
  /// `F`: fatal; the process exits after it.
  case fatal = 70

  /// The letter klog writes.
  var letter: Character { Character(Unicode.Scalar(rawValue)) }
}
