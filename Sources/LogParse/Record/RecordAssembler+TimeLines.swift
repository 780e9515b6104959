/// Lines that hold only a time: an export that prints each record's collection time on a line of
/// its own before the record (a log viewer's copy, some Grafana and Kibana exports).
extension RecordAssembler {
  /// The time `text` holds when it holds nothing else, else nil.
  ///
  /// `2026-01-11 19:21:27.430 `, `2024-03-13T12:34:56Z`; a cheap test first: a digit, 19 to 48 bytes.
  static func onlyTime(_ text: UnsafeBufferPointer<UInt8>) -> FullTime? {
    // A klog line fails on its first byte (a severity letter), before any scan.
    guard text.count >= 19, text[0] >= 0x30, text[0] <= 0x39 else { return nil }
    var end = text.count
    while end > 0, text[end - 1] == 0x20 || text[end - 1] == 0x09 || text[end - 1] == 0x0D { end -= 1 }
    guard end >= 19, end <= 48 else { return nil }
    let trimmed = UnsafeBufferPointer(rebasing: text[0..<end])
    guard let parsed = TimeText.parse(trimmed, dateTimeSeparators: [UInt8(ascii: " "), UInt8(ascii: "T")]),
      parsed.length == end, parsed.time.isSupported
    else { return nil }
    return parsed.time
  }

  /// Takes a line that holds only a time as the envelope time of the next line; returns whether it did.
  ///
  /// After a klog record such a line may be a piece of that record's wrap (a message quoting a
  /// date, cut around it), so there it is taken only once the input has shown the layout: a first
  /// time line before any record of its own.
  mutating func acceptTimeLine(_ text: UnsafeBufferPointer<UInt8>, _ emit: (Record) -> Int) -> Bool {
    guard let time = Self.onlyTime(text), !hasPending || sawTimeLines else { return false }
    flush(emit)
    sawTimeLines = true
    heldLineTime = time
    prefixFormats.insert(.timePrefix)
    accounting.skipped += 1 + pendingExtraLines
    return true
  }
}
