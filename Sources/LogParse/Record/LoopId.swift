/// Which autoscaler loop a record belongs to.
///
/// Structured logs name it (`iterationId`); in older logs loops are delimited by
/// `Starting main loop` and numbered in read order (1, 2, 3 … over the whole input).
public enum LoopId: Hashable, Sendable, CustomStringConvertible {
  /// A loop named by its `iterationId`.
  case structured(IterationId)
  /// The n-th loop started by `Starting main loop`, counting from 1.
  case ordinal(Int)

  /// Whether the loop is named by an `iterationId`.
  @inline(__always)
  var isStructured: Bool {
    if case .structured = self { return true }
    return false
  }

  /// The id as `--iteration` takes it and the JSON report writes it.
  public var description: String {
    switch self {
    case .structured(let id): return id.description
    case .ordinal(let number): return String(number)
    }
  }
}

/// What `--iteration` names: a full `iterationId`, or a number (a loop number within the only
/// process of a structured log, or the ordinal of a loop in an older log).
public enum IterationSelector: Hashable, Sendable, CustomStringConvertible {
  case full(IterationId)
  case number(Int)

  /// Parses `--iteration`'s value; nil when it is neither `<8 hex>-<n>` nor a number.
  public init?(_ text: String) {
    if let id = IterationId.parse(text.utf8) {
      self = .full(id)
    } else if !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(text) {
      self = .number(n)
    } else {
      return nil
    }
  }

  /// Whether `loop` is one this selector may name.
  func matches(_ loop: LoopId) -> Bool {
    switch (self, loop) {
    case (.full(let id), .structured(let other)): return id == other
    case (.number(let n), .structured(let other)): return other.number == n
    case (.number(let n), .ordinal(let other)): return other == n
    case (.full, .ordinal): return false
    }
  }

  public var description: String {
    switch self {
    case .full(let id): return id.description
    case .number(let n): return String(n)
    }
  }
}
