/// Puts the files of a rotated log, given together in any order, in time order: oldest rotation
/// first, the live file last.
///
/// The rule, from the names alone (a trailing `.gz` is ignored for it):
/// - `NAME.<date>` or `NAME-<date>` is a rotation of `NAME` made at that date; a date is a run of
///   digits and `-`, `_`, `T`, `:` that starts with a digit and holds at least 8 digits (kubelet's
///   `0.log.20240101-000000`, logrotate's `dateext` `app.log-20240101` and `dateformat -%Y-%m-%d`
///   `app.log-2024-01-01`, all one date). Older dates come first.
/// - `NAME.<N>`, N of 1 to 4 digits, is the Nth rotation of `NAME` (`app.log.1`, `app.log.2.gz`):
///   the higher N, the older, so the highest comes first.
/// - `NAME` itself is the live file, read last.
///
/// Files that share a `NAME` (the same directory as written) form a set when there are at least two
/// of them and one is a rotation; each set's files take the places its files held among the
/// arguments, in time order. Every other file keeps its place, and so does a set that mixes dated
/// and numbered rotations (their relative age is unknown). `-` (standard input) is never moved.
public enum RotatedSet {
  /// Where a file stands in its set.
  enum Rank: Comparable {
    /// A rotation made at a date (its digits, compared left to right).
    case dated([UInt8])
    /// The Nth rotation (ordered so that a higher N, older, comes first).
    case numbered(Int)
    /// The live file.
    case live

    static func < (lhs: Rank, rhs: Rank) -> Bool {
      switch (lhs, rhs) {
      case (.dated(let left), .dated(let right)): return left.lexicographicallyPrecedes(right)
      case (.numbered(let left), .numbered(let right)): return left > right
      case (.live, _): return false
      case (_, .live): return true
      // Mixed sets are never sorted; any consistent answer will do.
      case (.dated, .numbered): return true
      case (.numbered, .dated): return false
      }
    }
  }

  /// The most digits a rotation number has.
  static let maximumNumberDigits = 4
  /// The fewest digits a date has.
  static let minimumDateDigits = 8

  /// `files` in reading order: each rotated set in time order, in the places its files held.
  public static func readingOrder(_ files: [String]) -> [String] {
    var groups: [String: [Int]] = [:]
    var ranks: [Rank?] = []
    ranks.reserveCapacity(files.count)
    for (index, file) in files.enumerated() {
      guard file != "-", let (base, rank) = rotation(of: file) else {
        ranks.append(nil)
        continue
      }
      ranks.append(rank)
      groups[base, default: []].append(index)
    }
    var ordered = files
    for slots in groups.values where slots.count > 1 {
      let members = slots.map { ranks[$0]! }
      guard members.contains(where: { $0 != .live }) else { continue }
      let dated = members.contains { if case .dated = $0 { return true } else { return false } }
      let numbered = members.contains { if case .numbered = $0 { return true } else { return false } }
      if dated && numbered { continue }
      // Stable: equal ranks keep the order they were given in.
      let sorted = slots.enumerated().sorted { left, right in
        let (a, b) = (members[left.offset], members[right.offset])
        return a < b || (a == b && left.offset < right.offset)
      }
      for (slot, member) in zip(slots, sorted) { ordered[slot] = files[member.element] }
    }
    return ordered
  }

  /// The live file's path a file belongs to, and its rank; nil for a name with nothing before a suffix.
  static func rotation(of path: String) -> (base: String, rank: Rank)? {
    var name = Array(path.utf8)
    if name.count > 3, name.suffix(3).elementsEqual(".gz".utf8) { name.removeLast(3) }
    guard !name.isEmpty else { return nil }
    // The file name starts after the last slash: a suffix is never looked for in a directory.
    let nameStart = (name.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
    if let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > nameStart {
      let suffix = name[(dot + 1)...]
      if let rank = rank(suffix) { return (String(decoding: name[..<dot], as: UTF8.self), rank) }
    }
    if let dash = dateDash(in: name, after: nameStart) {
      let digits = name[(dash + 1)...].filter(isDigit)
      if digits.count >= minimumDateDigits {
        return (String(decoding: name[..<dash], as: UTF8.self), .dated(digits))
      }
    }
    return (String(decoding: name, as: UTF8.self), .live)
  }

  /// The `-` that starts a trailing date (`-20240101`, `-2024-01-01`, `-2024-01-01-1200`): the first
  /// `-` followed by a digit in the run of date bytes that ends the name; nil when there is none
  /// after `nameStart`.
  private static func dateDash(in name: [UInt8], after nameStart: Int) -> Int? {
    var start = name.count
    while start > nameStart, isDateByte(name[start - 1]) { start -= 1 }
    var index = start
    while index < name.count - 1 {
      if name[index] == UInt8(ascii: "-"), index > nameStart, isDigit(name[index + 1]) { return index }
      index += 1
    }
    return nil
  }

  /// Whether a byte may be part of a date: a digit or one of `-`, `_`, `T`, `:`.
  private static func isDateByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "T")
      || byte == UInt8(ascii: ":")
  }

  /// The rank a suffix after a `.` gives, or nil when it is no rotation suffix.
  private static func rank(_ suffix: ArraySlice<UInt8>) -> Rank? {
    guard let first = suffix.first, isDigit(first) else { return nil }
    if suffix.count <= maximumNumberDigits, suffix.allSatisfy(isDigit) {
      var value = 0
      for digit in suffix { value = value * 10 + Int(digit - UInt8(ascii: "0")) }
      return .numbered(value)
    }
    let separators: [UInt8] = Array("-_T:".utf8)
    guard suffix.allSatisfy({ isDigit($0) || separators.contains($0) }) else { return nil }
    let digits = suffix.filter(isDigit)
    return digits.count >= minimumDateDigits ? .dated(digits) : nil
  }
}
