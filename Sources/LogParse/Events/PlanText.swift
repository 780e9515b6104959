/// Parses the `[{GROUP 4->5 (max: 8)} …]` list of a scale-up plan or a `TriggeredScaleUp` event.
///
/// The text is read as bytes: the items between `{`, each up to its `}`, and in each the words
/// between blanks (`PlanTextTests` holds it to the reading by `String` it replaced).
enum PlanText {
  /// The resizes in `text` (the part inside the brackets, or the whole bracketed list).
  ///
  /// A resize whose numbers are out of range (negative, or above ``CountValue/maximum``) is left
  /// out, and `outOfRange` called.
  static func resizes(
    _ text: String, name: (Substring) -> String = FieldLimit.capped, outOfRange: () -> Void = {}
  ) -> [PlannedResize] {
    var text = text
    return text.withUTF8 { bytes in
      var result: [PlannedResize] = []
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "{") { end += 1 }
        if end > start, let resize = resize(UnsafeBufferPointer(rebasing: bytes[start..<end]), name, outOfRange) {
          result.append(resize)
        }
        start = end + 1
      }
      return result
    }
  }

  /// The resize an item states up to its `}`: `GROUP FROM->TO (max: MAX)`, or nil.
  private static func resize(
    _ item: UnsafeBufferPointer<UInt8>, _ name: (Substring) -> String, _ outOfRange: () -> Void
  ) -> PlannedResize? {
    guard let close = item.firstIndex(of: UInt8(ascii: "}")) else { return nil }
    // The first four words between blanks; a fifth or more may follow.
    var words: [Range<Int>] = []
    var i = 0
    while i < close, words.count < 4 {
      while i < close, item[i] == 0x20 { i += 1 }
      let wordStart = i
      while i < close, item[i] != 0x20 { i += 1 }
      if i > wordStart { words.append(wordStart..<i) }
    }
    guard words.count == 4, let arrow = arrow(in: item, words[1]),
      item[words[2]].elementsEqual("(max:".utf8)
    else { return nil }
    let from = item[words[1].lowerBound..<arrow]
    let to = item[(arrow + 2)..<words[1].upperBound]
    let max = item[words[3]].filter { $0 != UInt8(ascii: ")") }
    guard let fromCount = CountValue.parse(digits: from), let toCount = CountValue.parse(digits: to),
      let maxCount = CountValue.parse(digits: max)
    else {
      if CountValue.isOutOfRange(bytes: from) || CountValue.isOutOfRange(bytes: to)
        || CountValue.isOutOfRange(bytes: max)
      {
        outOfRange()
      }
      return nil
    }
    let group = String(decoding: UnsafeBufferPointer(rebasing: item[words[0]]), as: UTF8.self)
    return PlannedResize(group: name(group[...]), from: fromCount, to: toCount, max: maxCount)
  }

  /// Where the first `->` in `word` of `item` starts.
  private static func arrow(in item: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int? {
    var i = word.lowerBound
    while i + 1 < word.upperBound {
      if item[i] == UInt8(ascii: "-"), item[i + 1] == UInt8(ascii: ">") { return i }
      i += 1
    }
    return nil
  }
}
