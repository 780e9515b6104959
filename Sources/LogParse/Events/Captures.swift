/// The capture groups of one match, read as the types events keep.
struct Captures {
  /// The matched message.
  let subject: UnsafeBufferPointer<UInt8>
  /// PCRE2's output vector: the start and end offsets of each group, read in place.
  let offsets: UnsafeBufferPointer<Int>
  /// How many groups (from group 0) the match set; later ones did not take part.
  let groupsSet: Int
  /// Where cut fields and out-of-range numbers are counted (the extractor's counts), if anywhere.
  let counts: UnsafeMutablePointer<FieldCounts>?
  /// How much of `subject` is the message (a structured record's subject holds its values after it).
  let messageLength: Int
  /// Where names are interned (the parser's table), if anywhere.
  var names: UnsafeMutablePointer<NameTable>? = nil

  /// Captures of a match; `offsets` and `groupsSet` as PCRE2 left them.
  init(
    subject: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int>, groupsSet: Int,
    counts: UnsafeMutablePointer<FieldCounts>? = nil, messageLength: Int? = nil
  ) {
    self.subject = subject
    self.offsets = offsets
    self.groupsSet = groupsSet
    self.counts = counts
    self.messageLength = min(messageLength ?? subject.count, subject.count)
  }

  /// Captures of a message matched on its literal alone: no groups.
  init(subject: UnsafeBufferPointer<UInt8>, counts: UnsafeMutablePointer<FieldCounts>? = nil) {
    self.init(subject: subject, offsets: UnsafeBufferPointer(start: nil, count: 0), groupsSet: 0, counts: counts)
  }

  /// Counts a field cut at its limit.
  func noteTruncated() { counts?.pointee.truncated += 1 }

  /// Counts a number out of range.
  func noteOutOfRange() { counts?.pointee.outOfRange += 1 }

  /// `bytes` as a string of at most `limit` bytes (plus the marker), the cut counted.
  private func capped(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
    let length = FieldLimit.cutLength(bytes, limit: limit)
    guard length < bytes.count else { return String(decoding: bytes, as: UTF8.self) }
    noteTruncated()
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self) + FieldLimit.marker
  }

  /// A name found inside a longer field (a list item, a plan's group), cut to ``FieldLimit/maximumBytes``.
  func name(_ text: Substring) -> String {
    guard text.utf8.count > FieldLimit.maximumBytes else { return String(text) }
    var whole = String(text)
    return whole.withUTF8 { capped($0, limit: FieldLimit.maximumBytes) }
  }

  /// The byte range of group `group`, or nil when it did not take part.
  func range(_ group: Int) -> Range<Int>? {
    guard group >= 0, group < groupsSet, 2 * group + 1 < offsets.count else { return nil }
    let start = offsets[2 * group]
    let end = offsets[2 * group + 1]
    guard start >= 0, end >= start, end <= subject.count else { return nil }
    return start..<end
  }

  /// Group `group` as a string (invalid UTF-8 replaced, cut to ``FieldLimit/maximumBytes``), or nil
  /// when it did not take part.
  func string(_ group: Int) -> String? {
    guard let range = range(group) else { return nil }
    return capped(UnsafeBufferPointer(rebasing: subject[range]), limit: FieldLimit.maximumBytes)
  }

  /// Whether group `group` took part (``string(_:)`` is not nil), without making its string: a
  /// group longer than ``FieldLimit/maximumBytes`` is counted as cut, as ``string(_:)`` counts it.
  func takesPart(_ group: Int) -> Bool {
    guard let range = range(group) else { return false }
    let bytes = UnsafeBufferPointer(rebasing: subject[range])
    if FieldLimit.cutLength(bytes, limit: FieldLimit.maximumBytes) < bytes.count { noteTruncated() }
    return true
  }

  /// ``TimeText/goTime(_:)`` of ``text(_:)`` of group `group`, read from the bytes in place when
  /// they are ASCII and need no cut: the string would hold the same bytes then.
  func goTime(_ group: Int) -> FullTime? {
    guard let range = range(group) else { return TimeText.goTime(text(group)) }
    let bytes = UnsafeBufferPointer(rebasing: subject[range])
    guard FieldLimit.cutLength(bytes, limit: FieldLimit.maximumBytes) == bytes.count, bytes.allSatisfy({ $0 < 0x80 })
    else { return TimeText.goTime(text(group)) }
    return TimeText.goTime(bytes: bytes)
  }

  /// Group `group`, a list or message read further (split into names, kept as evidence), as a
  /// string cut to ``FieldLimit/maximumMessageBytes``; empty when it did not take part.
  func longText(_ group: Int) -> String {
    guard let range = range(group) else { return "" }
    return capped(UnsafeBufferPointer(rebasing: subject[range]), limit: FieldLimit.maximumMessageBytes)
  }

  /// Group `group`, a list separated by `separator`, as its trimmed, non-empty names, each cut to
  /// ``FieldLimit/maximumBytes``.
  func names(_ group: Int, separator: Character) -> [String] {
    longText(group).split(separator: separator).map { name($0.trimmingSpaces) }.filter { !$0.isEmpty }
  }

  /// Group `group` as a string, empty when it did not take part.
  func text(_ group: Int) -> String { string(group) ?? "" }

  /// Group `group` as an interned name (cut to ``FieldLimit/maximumBytes``), or nil when it did not
  /// take part: read from the bytes, so a name seen before costs no allocation.
  func optionalName(_ group: Int) -> NameId? {
    guard let range = range(group) else { return nil }
    let bytes = UnsafeBufferPointer(rebasing: subject[range])
    guard FieldLimit.cutLength(bytes, limit: FieldLimit.maximumBytes) == bytes.count else {
      return intern(capped(bytes, limit: FieldLimit.maximumBytes))
    }
    return names?.pointee.intern(bytes) ?? NameId(rawValue: 0)
  }

  /// Group `group` as an interned name, the empty name when it did not take part.
  func name(_ group: Int) -> NameId { optionalName(group) ?? intern("") }

  /// `name`, a name the builder put together or found inside a longer field, interned.
  func intern(_ name: String) -> NameId { names?.pointee.intern(name) ?? NameId(rawValue: 0) }

  /// Group `group`, a list separated by `separator`, as its trimmed, non-empty names, interned.
  func nameList(_ group: Int, separator: Character) -> [NameId] {
    names(group, separator: separator).map(intern)
  }

  /// Group `group` as a count (0 … ``CountValue/maximum``), or nil (counted when its digits exceed the range).
  func int(_ group: Int) -> Int? {
    guard let range = range(group), !range.isEmpty else { return nil }
    let digits = UnsafeBufferPointer(rebasing: subject[range])
    guard digits.allSatisfy(isDigit) else { return nil }
    guard let value = CountValue.parse(digits: digits) else {
      noteOutOfRange()
      return nil
    }
    return value
  }

  /// Group `group` as a finite floating-point number, or nil (counted when it is not finite).
  ///
  /// Plain decimals (`0.055000`, `31.25`) are read from the bytes (``PlainDecimal``); anything
  /// else goes through `Double(String)`.
  func double(_ group: Int) -> Double? {
    guard let range = range(group), !range.isEmpty else { return nil }
    return PlainDecimal.value(UnsafeBufferPointer(rebasing: subject[range])) ?? parsedDouble(range)
  }

  /// `value` when it is a utilization (0…1); nil otherwise, counted.
  func utilization(_ value: Double?) -> Double? {
    guard let value else { return nil }
    guard (0...1).contains(value) else {
      noteOutOfRange()
      return nil
    }
    return value
  }

  /// The bytes of `range` read by `Double(String)`: nil unless finite (counted when not).
  private func parsedDouble(_ range: Range<Int>) -> Double? {
    guard range.count <= 400,
      let value = Double(String(decoding: UnsafeBufferPointer(rebasing: subject[range]), as: UTF8.self))
    else { return nil }
    guard value.isFinite else {
      noteOutOfRange()
      return nil
    }
    return value
  }

  /// Group `group` as a Go duration in seconds (clamped to ``GoDuration/maximumSeconds``, counted), or nil.
  func duration(_ group: Int) -> Double? {
    guard let range = range(group), range.count <= 4096,
      let (seconds, clamped) = GoDuration.parse(bytes: UnsafeBufferPointer(rebasing: subject[range]))
    else { return nil }
    if clamped { noteOutOfRange() }
    return seconds
  }

  /// The whole message as a string, cut to ``FieldLimit/maximumMessageBytes``.
  var message: String {
    capped(UnsafeBufferPointer(rebasing: subject[0..<messageLength]), limit: FieldLimit.maximumMessageBytes)
  }
}
