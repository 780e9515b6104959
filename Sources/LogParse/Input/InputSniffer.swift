/// What the first bytes of an input that held no Cluster Autoscaler record look like, in words.
///
/// Only ever run on a bounded prefix (``ParseStatistics/sampleBytes``) once the line counts say nothing
/// was read, so it may spend a few passes over it: gzip data, binary data, a Kubernetes object
/// (the `cluster-autoscaler-status` ConfigMap named as such), the status text itself, Karpenter's
/// controller log, JSON of another shape (its first keys), or plain text (its first line).
enum InputSniffer {
  /// The name of the status ConfigMap CAS writes (`--status-config-map-name` default).
  static let statusConfigMap = "cluster-autoscaler-status"
  /// How much of a first line or a value is quoted.
  static let quotedBytes = 60

  /// The description of `sample`, the first bytes of the input.
  static func describe(_ sample: [UInt8]) -> String {
    var bytes = ArraySlice(sample)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if bytes.starts(with: [0x1F, 0x8B]) { return "gzip-compressed data that could not be decompressed" }
    if let utf16 = utf16Text(bytes) { return utf16 }
    if let binary = binaryShare(bytes) { return binary }
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
      $0.trimmingSuffix(while: { $0 == "\r" })
    }
    let content = lines.filter { !$0.allSatisfy(\.isWhitespace) }
    if let object = kubernetesObject(text, lines: content) { return object }
    if text.contains("autoscalerStatus:") || text.contains("Cluster-autoscaler status at ") {
      return "the status text of the \(statusConfigMap) ConfigMap (its data.status), not the autoscaler's log; "
        + "read the log with kubectl logs"
    }
    if let karpenter = karpenter(content) { return karpenter }
    let first = content.first.map { String($0.drop(while: \.isWhitespace)) } ?? ""
    if first.hasPrefix("{") || first.hasPrefix("[") {
      let keys = JSONKeys.firstObjectKeys(Array(text.utf8), limit: 5)
      let shown = keys.isEmpty ? "" : " (keys " + keys.map { quoted($0) }.joined(separator: ", ") + ")"
      return "JSON of an unknown shape\(shown), not a Cluster Autoscaler log or a known envelope around one"
    }
    return "plain text, not a Cluster Autoscaler log (no klog header such as `I0102 15:04:05.000000 1 file.go:12] `); "
      + "first line " + quoted(first)
  }

  /// A description when `bytes` look like UTF-16 text without a byte order mark (one with a mark
  /// is turned into UTF-8 by ``InputDecoder``): most code units of ASCII, their other byte NUL.
  private static func utf16Text(_ bytes: ArraySlice<UInt8>) -> String? {
    guard bytes.count >= 4 else { return nil }
    var zeros = (even: 0, odd: 0)
    for (offset, byte) in bytes.enumerated() where byte == 0 {
      if offset % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
    }
    let pairs = bytes.count / 2
    let endian: String
    if zeros.odd * 10 >= pairs * 8 && zeros.even * 10 < pairs {
      endian = "LE"
    } else if zeros.even * 10 >= pairs * 8 && zeros.odd * 10 < pairs {
      endian = "BE"
    } else {
      return nil
    }
    return "UTF-16\(endian) text without a byte order mark, not UTF-8; "
      + "convert it first (iconv -f UTF-16\(endian) -t UTF-8), or save it with its mark"
  }

  /// A description when more than a twentieth of `bytes` are control bytes (or any is NUL).
  private static func binaryShare(_ bytes: ArraySlice<UInt8>) -> String? {
    guard !bytes.isEmpty else { return nil }
    var control = 0
    var nul = false
    for byte in bytes where byte < 0x20 || byte == 0x7F {
      // Tab, line endings, escape (terminal colours) and form feed are text.
      if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x1B || byte == 0x0C { continue }
      if byte == 0 { nul = true }
      control += 1
    }
    guard nul || control * 20 > bytes.count else { return nil }
    return "binary data, not text (\(control) of the first \(bytes.count) bytes are control bytes)"
  }

  /// A Kubernetes object in YAML (`kubectl get -o yaml`), JSON (`-o json`) or `kubectl describe` form.
  private static func kubernetesObject(_ text: String, lines: [Substring]) -> String? {
    let trimmed = lines.map { $0.drop(while: { $0 == " " || $0 == "-" }) }
    var kind: String?
    var name: String?
    var form = ""
    if trimmed.contains(where: { $0.hasPrefix("apiVersion:") }),
      let kindLine = trimmed.first(where: { $0.hasPrefix("kind:") })
    {
      form = "YAML"
      kind = value(afterColon: kindLine)
      if let metadata = trimmed.firstIndex(where: { $0.hasPrefix("metadata:") }),
        let nameLine = trimmed[metadata...].first(where: { $0.hasPrefix("name:") })
      {
        name = value(afterColon: nameLine)
      }
    } else if text.contains("\"apiVersion\""), let found = jsonString(after: "\"kind\"", in: text) {
      form = "JSON"
      kind = found
      if let metadata = text.firstRange(of: "\"metadata\"") {
        name = jsonString(after: "\"name\"", in: String(text[metadata.upperBound...]))
      }
    } else if let nameLine = trimmed.first(where: { $0.hasPrefix("Name:") }),
      trimmed.contains(where: { $0.hasPrefix("Namespace:") }),
      trimmed.contains(where: { $0 == "Data" || $0.hasPrefix("Labels:") })
    {
      form = "kubectl describe"
      name = value(afterColon: nameLine)
      kind = trimmed.contains(where: { $0 == "Data" }) ? "ConfigMap" : nil
    } else {
      return nil
    }
    if kind == "ConfigMap" && (name == statusConfigMap || text.contains(statusConfigMap)) {
      return "the \(statusConfigMap) ConfigMap (\(form)), the autoscaler's status object, not its log; "
        + "read the log with kubectl logs (its container in kube-system)"
    }
    let what = kind.map { "a Kubernetes \(quoted($0)) object" } ?? "a Kubernetes object"
    return what + (name.map { " named \(quoted($0))" } ?? "") + " (\(form)), not a log"
  }

  /// Karpenter's controller log: zap JSON (`level`, `message`, `commit`) or its older console form.
  private static func karpenter(_ lines: [Substring]) -> String? {
    let json = lines.contains { line in
      line.contains("\"message\"") && line.contains("\"level\"")
        && (line.contains("\"commit\"") || line.contains("\"logger\":\"controller") || line.contains("karpenter"))
    }
    let console = lines.contains { line in
      ["\tINFO\t", "\tERROR\t", "\tDEBUG\t", "\tWARN\t"].contains(where: { line.contains($0) })
        && line.contains("controller") && (line.contains("\"commit\"") || line.contains("karpenter"))
    }
    guard json || console else { return nil }
    return "Karpenter's controller log (\(json ? "JSON" : "console") lines), another autoscaler: "
      + "cas-logs reads the Cluster Autoscaler's log"
  }

  /// The value after the first `:` of a YAML line, without quotes.
  private static func value(afterColon line: Substring) -> String? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let value = line[line.index(after: colon)...].trimmingCharacters(in: " \"'")
    return value.isEmpty ? nil : String(value.prefix(quotedBytes))
  }

  /// The JSON string value after the first `key` in `text`, as in `"kind": "ConfigMap"`.
  private static func jsonString(after key: String, in text: String) -> String? {
    guard let found = text.firstRange(of: key) else { return nil }
    var rest = text[found.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    guard rest.first == "\"" else { return nil }
    rest = rest.dropFirst()
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end].prefix(quotedBytes))
  }

  /// `text` in double quotes, cut at ``quotedBytes`` characters.
  static func quoted(_ text: String) -> String {
    let cut = text.count > quotedBytes ? text.prefix(quotedBytes) + "…" : Substring(text)
    return "\"" + cut + "\""
  }
}

extension Substring {
  /// The substring without the characters at its end that satisfy `predicate`.
  fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
    var end = endIndex
    while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
    return self[..<end]
  }

  /// The substring without the characters of `set` at either end.
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    let start = firstIndex(where: { !set.contains($0) }) ?? endIndex
    let rest = self[start...]
    return rest.trimmingSuffix(while: { set.contains($0) })
  }
}
