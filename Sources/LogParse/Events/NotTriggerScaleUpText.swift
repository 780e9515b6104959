/// Reads the reasons of a `NotTriggerScaleUp` event message.
///
/// 1.19+: `pod didn't trigger scale-up: 3 max node group size reached, 1 node(s) didn't match …`;
/// ≤1.18: `pod didn't trigger scale-up (it wouldn't fit if a new node is added): …`. Each reason
/// is `COUNT TEXT`, the count being the node groups that gave it; some (`max total nodes in
/// cluster reached`) come alone and without a count.
enum NotTriggerScaleUpText {
  /// One reason: its text without the count, and the node groups that gave it.
  struct Reason: Hashable, Sendable {
    /// The reason's text (`max node group size reached`).
    var text: String
    /// How many node groups gave it, when the event counts them.
    var nodeGroups: Int?
  }

  /// The reasons of `message`, in order.
  static func reasons(_ message: String) -> [Reason] {
    var body = Substring(message)
    for marker in ["scale-up: ", "is added): "] {
      if let range = body.firstRange(of: marker) {
        body = body[range.upperBound...]
        break
      }
    }
    // Split at `, ` only where the next reason starts with its count: reason texts may hold commas.
    var parts: [Substring] = []
    var start = body.startIndex
    var index = body.startIndex
    while index < body.endIndex {
      let next = body.index(after: index)
      if body[index] == ",", next < body.endIndex, body[next] == " ", startsWithCount(body[body.index(after: next)...])
      {
        parts.append(body[start..<index])
        start = body.index(after: next)
        index = start
        continue
      }
      index = next
    }
    parts.append(body[start...])
    return parts.compactMap { part in
      let trimmed = part.trimmingSpaces
      guard !trimmed.isEmpty else { return nil }
      if startsWithCount(trimmed), let space = trimmed.firstIndex(of: " ") {
        return Reason(
          text: FieldLimit.capped(trimmed[trimmed.index(after: space)...]),
          nodeGroups: CountValue.parse(trimmed[..<space]))
      }
      return Reason(text: FieldLimit.capped(trimmed), nodeGroups: nil)
    }
  }

  /// Whether `text` starts with digits followed by a space.
  private static func startsWithCount(_ text: Substring) -> Bool {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    return !digits.isEmpty && text.dropFirst(digits.count).first == " "
  }
}
