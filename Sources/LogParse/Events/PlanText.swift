/// Parses the `[{GROUP 4->5 (max: 8)} …]` list of a scale-up plan or a `TriggeredScaleUp` event.
enum PlanText {
  /// The resizes in `text` (the part inside the brackets, or the whole bracketed list).
  ///
  /// A resize whose numbers are out of range (negative, or above ``CountValue/maximum``) is left
  /// out, and `outOfRange` called.
  static func resizes(
    _ text: String, name: (Substring) -> String = FieldLimit.capped, outOfRange: () -> Void = {}
  ) -> [PlannedResize] {
    var result: [PlannedResize] = []
    for item in text.split(separator: "{").dropFirst(0) {
      guard let close = item.firstIndex(of: "}") else { continue }
      let body = item[..<close].split(separator: " ", omittingEmptySubsequences: true)
      // GROUP FROM->TO (max: MAX)
      guard body.count >= 4, let arrow = body[1].firstRange(of: "->"), body[2] == "(max:" else { continue }
      let numbers = [body[1][..<arrow.lowerBound], body[1][arrow.upperBound...], body[3].filter { $0 != ")" }[...]]
      guard let from = CountValue.parse(numbers[0]), let to = CountValue.parse(numbers[1]),
        let max = CountValue.parse(numbers[2])
      else {
        if numbers.contains(where: CountValue.isOutOfRange) { outOfRange() }
        continue
      }
      result.append(PlannedResize(group: name(body[0]), from: from, to: to, max: max))
    }
    return result
  }
}
