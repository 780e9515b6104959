/// Reads the utilization of a drain line: `{0.69 0.68 0 cpu 0.69}` (last number) or `0.5`.
enum UtilizationText {
  /// The utilization (0…1), or nil when the text holds no number.
  static func value(_ text: String) -> Double? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "}" })
    return words.reversed().lazy.compactMap { Double($0) }.first
  }
}
