/// Hand-written matchers for the catalogue patterns of lines CAS writes for every node in every
/// loop (`Node … unremovable: …`, `… is unneeded since …`), and the per-node utilization pattern
/// those lines are tried against first: what PCRE2 would answer, without running it.
///
/// Each matcher implements one pattern, stated byte for byte in ``pattern``: an entry whose pattern
/// is another keeps PCRE2 (``ExtractorTables`` pairs them by the text). A matcher answers a match
/// with its groups' offsets as PCRE2 sets them, no match when none is possible, or unsure, and
/// then PCRE2 decides: for long subjects (where PCRE2's limits could decide instead) and for shapes
/// a matcher does not follow. The patterns are compiled in byte mode with `PCRE2_DOTALL`: `\S` is
/// any byte but the six ASCII blanks, `\w` an ASCII letter, digit or `_`. `HandPatternTests`
/// holds each matcher to PCRE2 on generated variants.
enum HandPattern: CaseIterable, Sendable {
  /// `scaleDown.utilization`: only its certain misses (the `Node … unremovable` lines it is tried on).
  case utilization
  /// `scaleDown.utilizationTooBig`: `Node N is not suitable for removal - … utilization too big (X)`
  /// and `Node N unremovable: R requested (X% of allocatable) is above …`.
  case utilizationTooBig
  /// `scaleDown.unneededSince`: `N is unneeded since T duration D`.
  case unneededSince

  /// What a matcher says of a subject.
  enum Verdict: Equatable {
    /// A match; `groupsSet` is PCRE2's result (one more than the highest group set).
    case matched(groupsSet: Int)
    /// No match is possible.
    case noMatch
    /// PCRE2 decides.
    case unsure
  }

  /// The pattern the matcher implements, as the catalogue states it.
  var pattern: String {
    switch self {
    case .utilization:
      #"^Node (\S+) - (?:([\w./-]+) )?(?:utilization ([0-9.eE+-]+)|requested is ([0-9.eE+-]+)% of allocatable)"#
    case .utilizationTooBig:
      #"^Node (\S+) (?:is not suitable for removal - (?:[\w./-]+ )?utilization too big \(([0-9.]+)\)|unremovable: [\w./-]+ requested \(([0-9.eE+-]+)% of allocatable\) is above)"#
    case .unneededSince:
      #"^(\S+) is unneeded since (.+?) duration (\S+)"#
    }
  }

  /// The matcher of `pattern`, if one is written for it.
  static func of(_ pattern: String) -> HandPattern? { allCases.first { $0.pattern == pattern } }

  /// How many groups the pattern has, group 0 (the whole match) included.
  var groupCount: Int {
    switch self {
    case .utilization: 5
    case .utilizationTooBig, .unneededSince: 4
    }
  }

  /// The longest subject a matcher answers for; longer ones are left to PCRE2 and its limits.
  static let maximumSubjectLength = 4096

  /// Matches `subject` as PCRE2 matches ``pattern``; on a match, `offsets` (room for
  /// ``groupCount`` pairs) holds each group's start and end, -1 for a group that took no part.
  func match(_ subject: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeMutableBufferPointer<Int>) -> Verdict {
    guard subject.count <= Self.maximumSubjectLength, offsets.count >= 2 * groupCount else { return .unsure }
    let text = HandText(subject)
    switch self {
    case .utilization:
      // `Node (\S+) - `: the name is the whole run of non-blanks (a shorter one is followed by
      // another non-blank, never by ` - `), so anything else after it is a certain miss.
      guard text.has(0, "Node "), case let end = text.nonBlankEnd(from: 5), end > 5, text.has(end, " - ") else {
        return .noMatch
      }
      return .unsure
    case .utilizationTooBig:
      return matchTooBig(text, offsets)
    case .unneededSince:
      return matchUnneeded(text, offsets)
    }
  }

  private func matchTooBig(_ text: HandText, _ offsets: UnsafeMutableBufferPointer<Int>) -> Verdict {
    guard text.has(0, "Node "), case let nameEnd = text.nonBlankEnd(from: 5), nameEnd > 5, text.has(nameEnd, " ")
    else { return .noMatch }
    let rest = nameEnd + 1
    if text.has(rest, "is not suitable for removal - ") {
      let word = rest + HandText.length("is not suitable for removal - ")
      // `(?:[\w./-]+ )?utilization too big \(`: with the word when it is there (the two readings
      // exclude each other: the word would be `utilization`, followed by `too big`).
      let wordEnd = text.runEnd(from: word, where: isResourceNameByte)
      let value: Int
      if wordEnd > word, text.has(wordEnd, " utilization too big (") {
        value = wordEnd + HandText.length(" utilization too big (")
      } else if text.has(word, "utilization too big (") {
        value = word + HandText.length("utilization too big (")
      } else {
        return .noMatch
      }
      // `([0-9.]+)\)`: the whole run, then `)`.
      let valueEnd = text.runEnd(from: value) { isDigit($0) || $0 == UInt8(ascii: ".") }
      guard valueEnd > value, text.has(valueEnd, ")") else { return .noMatch }
      offsets.setPairs(0, valueEnd + 1, 5, nameEnd, value, valueEnd, -1, -1)
      return .matched(groupsSet: 3)
    }
    guard text.has(rest, "unremovable: ") else { return .noMatch }
    let word = rest + HandText.length("unremovable: ")
    let wordEnd = text.runEnd(from: word, where: isResourceNameByte)
    guard wordEnd > word, text.has(wordEnd, " requested (") else { return .noMatch }
    let value = wordEnd + HandText.length(" requested (")
    let valueEnd = text.runEnd(from: value, where: HandText.isNumberByte)
    guard valueEnd > value, text.has(valueEnd, "% of allocatable) is above") else { return .noMatch }
    offsets.setPairs(
      0, valueEnd + HandText.length("% of allocatable) is above"), 5, nameEnd, -1, -1, value, valueEnd)
    return .matched(groupsSet: 4)
  }

  private func matchUnneeded(_ text: HandText, _ offsets: UnsafeMutableBufferPointer<Int>) -> Verdict {
    let nameEnd = text.nonBlankEnd(from: 0)
    guard nameEnd > 0, text.has(nameEnd, " is unneeded since ") else { return .noMatch }
    let since = nameEnd + HandText.length(" is unneeded since ")
    // `(.+?) duration (\S+)`: the first ` duration ` at least one byte on that has a non-blank after it.
    var from = since + 1
    while let found = text.find(" duration ", from: from) {
      let duration = found + HandText.length(" duration ")
      if duration < text.count, !HandText.isBlank(text[duration]) {
        let end = text.nonBlankEnd(from: duration)
        offsets.setPairs(0, end, 0, nameEnd, since, found, duration, end)
        return .matched(groupsSet: 4)
      }
      from = found + 1
    }
    return .noMatch
  }
}

/// The offsets a hand-written matcher writes, as PCRE2's output vector is written: one buffer per
/// extractor, room for every ``HandPattern``'s groups.
final class HandOffsets {
  let buffer: UnsafeMutableBufferPointer<Int>

  init() {
    buffer = .allocate(capacity: 2 * (HandPattern.allCases.map(\.groupCount).max() ?? 1))
    buffer.initialize(repeating: -1)
  }

  deinit { buffer.deallocate() }
}

@available(*, unavailable)
extension HandOffsets: Sendable {}

/// The subject of a hand-written matcher, read byte by byte.
struct HandText {
  let bytes: UnsafeBufferPointer<UInt8>

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var count: Int { bytes.count }

  subscript(index: Int) -> UInt8 { bytes[index] }

  /// The length of an ASCII literal.
  static func length(_ literal: StaticString) -> Int { literal.utf8CodeUnitCount }

  /// Whether `literal` is at `offset`.
  @inline(__always)
  func has(_ offset: Int, _ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard offset >= 0, offset + length <= bytes.count, let base = bytes.baseAddress else { return false }
    return WordScan.equal(base + offset, literal.utf8Start, count: length)
  }

  /// Where the run of bytes `belongs` takes from `start` ends.
  @inline(__always)
  func runEnd(from start: Int, where belongs: (UInt8) -> Bool) -> Int {
    var index = start
    while index < bytes.count, belongs(bytes[index]) { index += 1 }
    return index
  }

  /// Where the run of `\S` from `start` ends.
  @inline(__always)
  func nonBlankEnd(from start: Int) -> Int { runEnd(from: start) { !Self.isBlank($0) } }

  /// The offset of the first `literal` at or after `start`, if any.
  func find(_ literal: StaticString, from start: Int) -> Int? {
    guard start <= bytes.count else { return nil }
    let needle = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    return ByteSearch.offset(of: needle, in: bytes, from: start)
  }

  /// PCRE2's `\s` in byte mode: tab, line feed, vertical tab, form feed, carriage return, blank.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

  /// A byte of `[0-9.eE+-]`.
  @inline(__always)
  static func isNumberByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
  }
}

extension UnsafeMutableBufferPointer<Int> {
  /// Writes four groups' start and end offsets from the start.
  fileprivate func setPairs(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ e: Int, _ f: Int, _ g: Int, _ h: Int) {
    self[0] = a
    self[1] = b
    self[2] = c
    self[3] = d
    self[4] = e
    self[5] = f
    self[6] = g
    self[7] = h
  }
}
