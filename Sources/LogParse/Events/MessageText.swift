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

/// Reads the utilization of a drain line: `{0.69 0.68 0 cpu 0.69}` (last number) or `0.5`.
enum UtilizationText {
  /// The utilization (0…1), or nil when the text holds no number.
  static func value(_ text: String) -> Double? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "}" })
    return words.reversed().lazy.compactMap { Double($0) }.first
  }
}

/// Reads Azure scale-set instance ids: `azure:///…/virtualMachineScaleSets/NAME/virtualMachines/6`.
enum ScaleSetText {
  /// A deletion event for the instances listed, or nil when none is recognisable.
  static func deletion(_ list: String, name: (Substring) -> String = FieldLimit.capped) -> Event? {
    var scaleSet: String?
    var instances: [String] = []
    var ids: [String] = []
    for id in list.split(separator: " ") {
      let parts = id.split(separator: "/")
      guard let setIndex = parts.firstIndex(where: { $0.lowercased() == "virtualmachinescalesets" }),
        setIndex + 1 < parts.count
      else { continue }
      scaleSet = name(parts[setIndex + 1])
      if let last = parts.last, setIndex + 3 < parts.count {
        instances.append(name(last))
        ids.append(name(id))
      }
    }
    guard let scaleSet else { return nil }
    return .scaleSetInstancesDeleting(scaleSet: scaleSet, instances: instances, ids: ids)
  }

  /// The node name Azure gives an instance of a scale set: NAME + the id in base 36, six digits.
  static func nodeName(scaleSet: String, instance: String) -> String? {
    guard let number = Int(instance), number >= 0 else { return nil }
    let digits = String(number, radix: 36)
    return scaleSet + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }
}

/// Shortens a scheduler predicate error to what a person needs: the reason, not the debug info.
enum PredicateText {
  /// `Insufficient cpu` from `Insufficient cpu; predicateName=…`, or the `predicateReasons=[…]` of 1.32+.
  static func reason(_ text: String) -> String {
    if let reasons = FailureClassifier.section(after: "predicateReasons=[", until: "]", in: text) { return reasons }
    let first = text.split(separator: ";", maxSplits: 1).first.map { String($0.trimmingSpaces) } ?? text
    return first.isEmpty ? text : first
  }
}

/// The pattern of a Kubernetes event echoed into the log.
enum EventText {
  static let pattern =
    // An excerpt may elide the middle (`Name:"web-1" ... reason: 'R' …`): the type is then unknown.
    #"^Event\(v1\.ObjectReference\{Kind:"([^"]*)", Namespace:"([^"]*)", Name:"([^"]*)".*?(?:\}\): type: '(\w+)' |\s*\.\.\.\s*)reason: '(\w+)' (.*)"#
}
