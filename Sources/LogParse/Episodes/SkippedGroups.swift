/// The node groups a loop skipped for scale-up and why (`max size reached`, `in backoff`, `unhealthy`).
///
/// Each group and reason is kept once, at most ``maximum`` of them, with the rest counted: a log of
/// millions of skip lines keeps a loop's state and its no-scale-up reasons small.
struct SkippedGroups: Hashable, Sendable {
  /// One skipped group and the reason.
  struct Skip: Hashable, Sendable {
    var group: String
    var reason: String
  }

  /// The most skips kept per loop.
  static let maximum = 50
  /// The skips kept, in the order they were logged.
  private(set) var skips: [Skip] = []
  /// Skips beyond ``maximum`` (distinct or not), counted.
  private(set) var omitted = 0

  /// Whether no group was skipped.
  var isEmpty: Bool { skips.isEmpty && omitted == 0 }

  /// Records that `group` was skipped for `reason`.
  mutating func add(_ group: String, reason: String) {
    let skip = Skip(group: group, reason: reason)
    guard !skips.contains(skip) else { return }
    guard skips.count < Self.maximum else {
      omitted += 1
      return
    }
    skips.append(skip)
  }

  /// `GROUP (REASON)` for each skip, then how many more there were.
  var descriptions: [String] {
    skips.map { "\($0.group) (\($0.reason))" } + (omitted > 0 ? ["\(omitted) more node groups skipped"] : [])
  }

  /// The group, when every skip named the same one.
  var onlyGroup: String? {
    guard omitted == 0, let first = skips.first?.group, skips.allSatisfy({ $0.group == first }) else { return nil }
    return first
  }
}
