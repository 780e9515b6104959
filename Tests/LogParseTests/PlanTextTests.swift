import LogGen
import Testing

@testable import LogParse

/// The plan list read as bytes gives the resizes, and the out-of-range notes, that reading it by
/// `String` gave: on plans of the usual shape and on variants with their bytes changed.
struct PlanTextTests {
  /// The reading by `String` the byte reader replaced: the reference it is held to.
  static func byString(_ text: String, outOfRange: () -> Void) -> [PlannedResize] {
    var result: [PlannedResize] = []
    for item in text.split(separator: "{") {
      guard let close = item.firstIndex(of: "}") else { continue }
      let body = item[..<close].split(separator: " ", omittingEmptySubsequences: true)
      guard body.count >= 4, let arrow = body[1].firstRange(of: "->"), body[2] == "(max:" else { continue }
      let numbers = [body[1][..<arrow.lowerBound], body[1][arrow.upperBound...], body[3].filter { $0 != ")" }[...]]
      guard let from = CountValue.parse(numbers[0]), let to = CountValue.parse(numbers[1]),
        let max = CountValue.parse(numbers[2])
      else {
        if numbers.contains(where: CountValue.isOutOfRange) { outOfRange() }
        continue
      }
      result.append(PlannedResize(group: FieldLimit.capped(body[0]), from: from, to: to, max: max))
    }
    return result
  }

  @Test func readsTheUsualPlan() {
    let plan = PlanText.resizes("[{eks-ng-a 2->3 (max: 10)} {eks-ng-b 0->4 (max: 4)}]")
    #expect(
      plan == [
        PlannedResize(group: "eks-ng-a", from: 2, to: 3, max: 10),
        PlannedResize(group: "eks-ng-b", from: 0, to: 4, max: 4),
      ])
    var notes = 0
    #expect(
      PlanText.resizes("[{g -1->3 (max: 10)} {h 1->2 (max: 99999999999999)}]", outOfRange: { notes += 1 }).isEmpty)
    #expect(notes == 2)
  }

  /// Variants: plans of one to three items whose bytes are replaced, inserted and removed at
  /// random from an alphabet of the list's own bytes, digits, signs and a few UTF-8 letters that
  /// combine with nothing (a combining mark after a blank or brace would make `String` see one
  /// character where the bytes are two).
  @Test func readsAsTheStringReaderDidOnVariants() {
    var random = SplitMix64(seed: 61)
    let alphabet = [
      "{", "}", " ", "-", ">", "(", ")", "max:", "0", "7", "12", "9999999999999999", "ng", "é", "ß", "[", "]",
    ]
    var resizes = 0
    for _ in 0..<5_000 {
      var text = "["
      for item in 0..<(1 + Int(random.next() % 3)) {
        text +=
          "\(item == 0 ? "" : " "){eks-ng-\(item) \(random.next() % 20)->\(random.next() % 20) (max: \(random.next() % 30))}"
      }
      text += "]"
      var characters = Array(text)
      for _ in 0..<Int(random.next() % 4) {
        let at = Int(random.next() % UInt64(characters.count))
        let piece = Array(alphabet[Int(random.next() % UInt64(alphabet.count))])
        switch random.next() % 3 {
        case 0: characters.replaceSubrange(at...at, with: piece)
        case 1: characters.insert(contentsOf: piece, at: at)
        default: characters.remove(at: at)
        }
      }
      let variant = String(characters)
      var notes = (bytes: 0, string: 0)
      let read = PlanText.resizes(variant, outOfRange: { notes.bytes += 1 })
      #expect(read == Self.byString(variant, outOfRange: { notes.string += 1 }), "\(variant)")
      #expect(notes.bytes == notes.string, "\(variant)")
      resizes += read.count
    }
    #expect(resizes > 4_000)
  }
}
