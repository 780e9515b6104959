/// Reads what a failure's message says around its error: the operation CAS was doing, and the
/// node group and node it names.
///
/// Used when no catalogue entry states them (a failure found by its shape, an entry that leaves
/// the operation open). Only failure messages are read, so the text is a `String`.
enum FailureWords {
  /// A failure of `message` with the operation, node group and node its words name.
  static func detail(_ message: String, fatal: Bool) -> FailureDetail {
    var text = message
    let creation = text.withUTF8(isProviderCreation)
    return FailureDetail(
      operation: operation(in: message), nodeGroup: nodeGroup(in: message), node: node(in: message),
      fatal: fatal || creation, message: message)
  }

  /// Whether the message is a provider's `Failed to create NAME manager: …` or `… cloud provider: …`,
  /// which every provider writes with `klog.Fatalf`: fatal even where the line lost its severity letter.
  static func isProviderCreation(_ message: UnsafeBufferPointer<UInt8>) -> Bool {
    guard ByteSearch.hasPrefix(message, creationPrefix) || ByteSearch.hasPrefix(message, creationPrefixLower) else {
      return false
    }
    let window = UnsafeBufferPointer(rebasing: message[0..<min(message.count, 64)])
    guard let colon = memchrIndex(window, UInt8(ascii: ":")) else { return false }
    let name = UnsafeBufferPointer(rebasing: window[0..<colon])
    return ByteSearch.contains(name, creationManager) || ByteSearch.contains(name, creationProvider)
  }

  private static let creationPrefix = Array("Failed to create ".utf8)
  private static let creationPrefixLower = Array("failed to create ".utf8)
  private static let creationManager = Array("anager".utf8)
  private static let creationProvider = Array("provider".utf8)

  /// The words that tell each operation; the one found first in the message decides.
  static let operationWords: [(String, FailureOperation)] = [
    ("regenerat", .refresh), ("Regenerat", .refresh), ("refresh", .refresh), ("Refresh", .refresh),
    ("escribe", .refresh), ("escribing", .refresh), ("looking up", .refresh), ("Looking up", .refresh),
    ("fetch", .refresh), ("Fetch", .refresh), ("listing", .refresh), ("Listing", .refresh),
    ("cannot list managed instance groups", .refresh), ("autodiscover", .refresh),
    ("increas", .scaleUp), ("Increas", .scaleUp), ("desired capacity", .scaleUp), ("SetDesiredCapacity", .scaleUp),
    ("size to ", .scaleUp),
    ("set size", .scaleUp), ("etting size", .scaleUp), ("resize", .scaleUp), ("Resize", .scaleUp),
    ("scale up", .scaleUp), ("scale-up", .scaleUp), ("Scale-up", .scaleUp), ("Scale up", .scaleUp),
    ("scaleup", .scaleUp), ("ScaleUp", .scaleUp), ("CreateOrUpdate", .scaleUp), ("create server", .scaleUp),
    ("creating server", .scaleUp), ("RunInstances", .scaleUp), ("CreateFleet", .scaleUp),
    ("delet", .scaleDown), ("Delet", .scaleDown), ("terminat", .scaleDown), ("Terminat", .scaleDown),
    ("drain", .scaleDown), ("Drain", .scaleDown), ("evict", .scaleDown), ("Evict", .scaleDown),
    ("scale down", .scaleDown), ("scale-down", .scaleDown), ("Scale-down", .scaleDown), ("Scale down", .scaleDown),
    ("DecreaseTargetSize", .scaleDown), ("removing node", .scaleDown), ("remove node", .scaleDown),
  ]

  /// The words that name the thing a start-up creates, after `create`/`creating`/`initializ`.
  static let startupObjects = ["anager", "provider", "Provider", "cloud config", "config"]
  /// The words that open a start-up step.
  static let startupVerbs = ["to create ", "reating ", "to initialize ", "to build cloud", "open cloud provider"]

  /// The operation the words around the error tell, or nil.
  static func operation(in message: String) -> FailureOperation? {
    var text = message
    return text.withUTF8 { bytes -> FailureOperation? in
      var best: (offset: Int, operation: FailureOperation)?
      if let startup = startupOffset(bytes) { best = (startup, .startup) }
      for (word, operation) in operationWordBytes {
        guard let offset = ByteSearch.offset(of: word, in: bytes) else { continue }
        if best == nil || offset < best!.offset { best = (offset, operation) }
      }
      return best?.operation
    }
  }

  private static let operationWordBytes = operationWords.map { (Array($0.0.utf8), $0.1) }

  /// Where a start-up step (`Failed to create GCE Manager`, `creating cloud provider`) is named, or nil.
  private static func startupOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    for verb in startupVerbs {
      guard let offset = ByteSearch.offset(of: Array(verb.utf8), in: bytes) else { continue }
      let end = min(bytes.count, offset + verb.utf8.count + 40)
      let window = UnsafeBufferPointer(rebasing: bytes[offset..<end])
      if verb == "open cloud provider"
        || startupObjects.contains(where: { ByteSearch.contains(window, Array($0.utf8)) })
      {
        return offset
      }
    }
    return nil
  }

  /// Markers followed by a node group's name.
  static let groupMarkers = [
    "autoScalingGroupName/", "virtualMachineScaleSets/", "delete nodes from group ", "for group ", "from group ",
    "to group ", "node group ", "nodegroup ", "NodeGroup ", "node pool ", "nodepool ", "scale set ", "vmss ", "ASG ",
    "asg ", "instance group ", "Instance group ", "VMSS: ", "vmss: ",
  ]
  /// Words after a marker that are not names (`node group sizes`, `ASG cache`).
  static let notNames: Set<String> = [
    "size", "sizes", "is", "was", "for", "with", "the", "a", "an", "and", "that", "not", "set", "id", "name", "of",
    "in", "to", "from", "because", "due", "cache", "list", "names", "tags", "config", "configuration", "template",
    "capacity", "info", "information", "%s", "%v", "has", "have", "does", "cannot", "can't", "failed", "size:",
  ]

  /// The node group the message names, or nil.
  static func nodeGroup(in message: String) -> String? {
    if let url = token(containing: "/instanceGroups/", in: message)
      ?? token(containing: "/instanceGroupManagers/", in: message)
    {
      return url
    }
    var text = message
    return text.withUTF8 { bytes -> String? in
      for marker in groupMarkerBytes {
        var from = 0
        while let found = ByteSearch.offset(of: marker, in: bytes, from: from) {
          from = found + marker.count
          // A quoted name (`scale set "aks-pool-vmss"`) is read inside its quotes.
          var start = from
          while start < bytes.count, bytes[start] == 0x22 || bytes[start] == 0x60 || bytes[start] == 0x27 { start += 1 }
          guard var name = word(bytes, from: start, stopAtSlash: true) else { continue }
          name = name.trimmingCharacters("\"")
          if looksLikeName(name) { return name }
        }
      }
      return nil
    }
  }

  private static let groupMarkerBytes = groupMarkers.map { Array($0.utf8) }

  /// The word of `bytes` from `start` (up to a space, comma, quote, or a `/` when `stopAtSlash`),
  /// trailing punctuation dropped, cut to ``FieldLimit/maximumBytes``.
  static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopAtSlash: Bool = false) -> String? {
    var end = start
    while end < bytes.count, !isWordStop(bytes[end]), !(stopAtSlash && bytes[end] == 0x2F) { end += 1 }
    while end > start,
      bytes[end - 1] == 0x2E || bytes[end - 1] == 0x3B || bytes[end - 1] == 0x29 || bytes[end - 1] == 0x3A
    {
      end -= 1
    }
    guard end > start else { return nil }
    return cappedString(UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }

  private static func isWordStop(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2C || byte == 0x22 || byte == 0x27
  }

  /// `bytes` as a string, cut to ``FieldLimit/maximumBytes`` with the marker.
  private static func cappedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let length = FieldLimit.cutLength(bytes, limit: FieldLimit.maximumBytes)
    let kept = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
    return length < bytes.count ? kept + FieldLimit.marker : kept
  }

  /// Whether a word after a marker is a name: not a common word, and marked as one by a digit,
  /// `-`, `_` or `.` (`eks-ng-a`, `mig_1`, `pool.a`), as generated and chosen names are.
  private static func looksLikeName(_ word: String) -> Bool {
    guard !word.isEmpty, !notNames.contains(word), !word.hasPrefix("%") else { return false }
    return word.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
  }

  /// Markers followed by a node's name.
  static let nodeMarkers = [
    "failed to delete ", "delete node ", "deleting node ", "drain node ", "draining node ", "removing node ",
  ]

  /// Provider id schemes a node may be named by.
  static let providerIdSchemes = [
    "aws:///", "gce://", "azure:///", "hcloud://", "digitalocean://", "openstack:///", "linode://", "vultr://",
    "scaleway://", "civo://", "exoscale://", "ionos://", "equinixmetal://", "packet://", "brightbox://", "oci://",
    "alicloud://", "kwok://", "clusterapi://",
  ]

  /// The node the message names, or nil: `node "NAME"`, an `ip-…` or `aks-…-vmss…` name, a provider id.
  static func node(in message: String) -> String? {
    for marker in ["nodes \"", "node \"", "node/"] {
      if let name = FailureClassifier.word(after: marker, in: message)?.trimmingCharacters("\""), !name.isEmpty,
        !notNames.contains(name)
      {
        return name
      }
    }
    // `failed to delete NODE: …` (CAS up to 1.24), `draining node NODE`: a name-like word after the verb.
    for marker in nodeMarkers {
      if let name = FailureClassifier.word(after: marker, in: message)?.trimmingCharacters("\""), looksLikeName(name),
        !name.hasPrefix("i-"), !name.contains("://")
      {
        return name
      }
    }
    if let name = token(
      startingWith: "ip-", in: message, where: { $0.count > 4 && $0.dropFirst(3).first?.isNumber == true })
    {
      return name
    }
    if let name = token(startingWith: "aks-", in: message, where: isScaleSetNode) { return name }
    // Every scheme holds `://`: a message without it names no provider id.
    guard ByteSearch.contains(message, "://") else { return nil }
    for scheme in providerIdSchemes {
      if let id = token(startingWith: scheme, in: message, where: { $0.count > scheme.count }) { return id }
    }
    return nil
  }

  /// Whether `name` is an AKS node (`aks-pool-12345678-vmss00000a`), not its scale set (`…-vmss`).
  private static func isScaleSetNode(_ name: String) -> Bool {
    guard let range = name.firstRange(of: "-vmss") else { return false }
    return name[range.upperBound...].count >= 6
  }

  /// The whitespace- or quote-delimited token that contains `marker`, cut to ``FieldLimit/maximumBytes``.
  static func token(containing marker: String, in message: String) -> String? {
    var text = message
    let needle = Array(marker.utf8)
    return text.withUTF8 { bytes -> String? in
      guard let found = ByteSearch.offset(of: needle, in: bytes) else { return nil }
      var start = found
      while start > 0, !isStop(bytes[start - 1]) { start -= 1 }
      return tokenString(bytes, from: start, searchFrom: found + needle.count)
    }
  }

  /// The first token that starts with `prefix` at a word start and satisfies `accept`.
  static func token(startingWith prefix: String, in message: String, where accept: (String) -> Bool) -> String? {
    var text = message
    let needle = Array(prefix.utf8)
    return text.withUTF8 { bytes -> String? in
      var from = 0
      while let found = ByteSearch.offset(of: needle, in: bytes, from: from) {
        from = found + needle.count
        if found > 0 {
          let before = bytes[found - 1]
          if isAlphanumeric(before) || before == 0x2D || before == 0x2E { continue }
        }
        if let token = tokenString(bytes, from: found, searchFrom: from), accept(token) { return token }
      }
      return nil
    }
  }

  /// The token from `start` to the next stop at or after `searchFrom`, trailing `.`, `:`, `;` dropped.
  private static func tokenString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, searchFrom: Int) -> String? {
    var end = searchFrom
    while end < bytes.count, !isStop(bytes[end]) { end += 1 }
    while end > start, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x3A || bytes[end - 1] == 0x3B { end -= 1 }
    guard end > start else { return nil }
    return cappedString(UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static func isStop(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x22, 0x27, 0x2C, 0x5B, 0x5D, 0x28, 0x29, 0x7B, 0x7D, 0x5C: return true
    default: return false
    }
  }
}
