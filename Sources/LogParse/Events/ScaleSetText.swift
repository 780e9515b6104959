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
