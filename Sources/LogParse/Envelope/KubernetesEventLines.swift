/// Reads lines with no klog header that are Kubernetes events as people paste them, into the klog
/// event recorder's text, so that the catalogue gives the same event records for them.
///
/// Recognised: `kubectl get events` tables and `kubectl describe` Events sections
/// (``KubectlEventRow``; a header row, `Events:` and the dashes under a header are skipped), an
/// event stream's `[Normal] message` after a time, and, generally, a time and a separator before
/// a text, which becomes a record only if the catalogue recognises the text. A row without a
/// header is taken only with one of the autoscaler's reasons or sources. A row cut by a column
/// wrap (its message on the next line) is held until the next line shows whether they join.
struct KubernetesEventLines {
  /// What a line is.
  enum Reading: Equatable {
    /// Not an event line.
    case none
    /// A heading: a table's header row, `Events:`, a describe header or its dashes.
    case skip
    /// An event; ``message`` holds its klog event recorder text.
    case event(Severity, FullTime?)
    /// A time and a text: a record if the catalogue recognises ``message``.
    case text(FullTime?)
    /// A row cut before its message: hold it (``hold(_:)``) and try ``joinHeld(_:)`` with the next line.
    case incomplete
  }

  /// The layouts seen.
  private(set) var formats: Set<InputFormat> = []
  /// The text of the record last read.
  private(set) var message: [UInt8] = []
  /// The row held by ``hold(_:)``.
  private(set) var held: [UInt8] = []
  /// The source and line number of the held row.
  private(set) var heldPlace = (source: 0, lineNumber: 0)
  private var sawTableHeader = false
  private var namespaced = false
  private var inDescribe = false
  /// The object a `kubectl describe` output describes: its `Name:`, `Namespace:`, and the kind its
  /// sections show (`Containers:` for a pod, `Taints:` for a node, `Data` for a ConfigMap).
  private var describedName: [UInt8] = []
  private var describedNamespace: [UInt8] = []
  private var describedKind: [UInt8] = []

  /// Whether a row waits for the line that may complete it.
  var isHolding: Bool { !held.isEmpty }

  /// Reads a line that has no klog header; `envelopeTime` is the time an envelope gave it.
  mutating func read(_ line: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?) -> Reading {
    guard let start = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return .none }
    let first = line[start]
    if start == 0 { noteDescribeContext(line) }
    if first == UInt8(ascii: "[") || isDigit(first) || first == UInt8(ascii: "<") || first == UInt8(ascii: "N")
      || first == UInt8(ascii: "W") || first == UInt8(ascii: "E") || first == UInt8(ascii: "T")
      || first == UInt8(ascii: "L") || first == UInt8(ascii: "-") || first &- 0x61 < 26 || sawTableHeader
    {
      if let heading = readHeading(line) { return heading }
      if let row = KubectlEventRow.parse(line, namespaced: namespaced && sawTableHeader) {
        if let reading = accept(row, line, envelopeTime: envelopeTime) { return reading }
      } else if mayBeCutRow(line, start: start) {
        return .incomplete
      }
    }
    // A time and a text start the line; an indented one may be the continuation of a record.
    guard start == 0 || first == UInt8(ascii: "[") else { return .none }
    return readTimedText(UnsafeBufferPointer(rebasing: line[start...]), envelopeTime: envelopeTime)
  }

  /// Keeps a row that ``read(_:envelopeTime:)`` found cut before its message, and where it was.
  mutating func hold(_ line: UnsafeBufferPointer<UInt8>, source: Int, lineNumber: Int) {
    held.removeAll(keepingCapacity: true)
    held.append(contentsOf: line)
    heldPlace = (source, lineNumber)
  }

  /// Joins the held row with `line`, the rest of a wrapped row; the event when the join is a row.
  ///
  /// The join is tried directly (a terminal cuts mid-token), then with a space. A successful join
  /// lets the held row go; otherwise it stays held for ``releaseHeld()``.
  mutating func joinHeld(_ line: UnsafeBufferPointer<UInt8>) -> Reading? {
    for separator: [UInt8] in [[], [0x20]] {
      let joined = held + separator + line
      let reading = joined.withUnsafeBufferPointer { joined -> Reading? in
        guard let row = KubectlEventRow.parse(joined, namespaced: namespaced && sawTableHeader),
          !row.message.isEmpty
        else { return nil }
        return accept(row, joined, envelopeTime: nil)
      }
      if let reading, reading != .incomplete {
        held.removeAll(keepingCapacity: true)
        return reading
      }
    }
    return nil
  }

  /// The held row as it is (its message empty), when no line completed it.
  mutating func releaseHeld() -> Reading? {
    defer { held.removeAll(keepingCapacity: true) }
    let line = held
    return line.withUnsafeBufferPointer { line -> Reading? in
      guard let row = KubectlEventRow.parse(line, namespaced: namespaced && sawTableHeader) else { return nil }
      return build(row, line, envelopeTime: nil)
    }
  }

  /// Whether a line that is no row may be the first piece of one a terminal wrapped: long, not
  /// indented unless in a describe section, and opening with an age (or a type, in a describe section).
  private func mayBeCutRow(_ line: UnsafeBufferPointer<UInt8>, start: Int) -> Bool {
    guard line.count >= 60, start == 0 || inDescribe else { return false }
    var tokens = Tokens(line)
    guard let first = tokens.next(), tokens.next() != nil else { return false }
    return KubectlEventRow.isAge(line, first) || (inDescribe && KubectlEventRow.isType(line, first))
  }

  /// The reading of a parsed row: an event, a row to hold, or nil when a row without a header is
  /// not the autoscaler's.
  private mutating func accept(
    _ row: KubectlEventRow, _ line: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?
  ) -> Reading? {
    let headed = row.layout == .describe ? inDescribe : sawTableHeader
    if !headed {
      let isAutoscaler =
        KubernetesEventText.autoscalerReasons.contains(Array(line[row.reason]))
        || row.source.map { line[$0].elementsEqual(KubernetesEventText.autoscalerSource) } == true
      guard isAutoscaler else { return nil }
    }
    if row.message.isEmpty { return .incomplete }
    return build(row, line, envelopeTime: envelopeTime)
  }

  /// Writes the row's event in the recorder's text to ``message``.
  private mutating func build(
    _ row: KubectlEventRow, _ line: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?
  ) -> Reading {
    formats.insert(row.layout == .describe ? .kubectlDescribeEvents : .kubectlEvents)
    let messageText = UnsafeBufferPointer(rebasing: line[row.message])
    let reason = UnsafeBufferPointer(rebasing: line[row.reason])
    var kind = row.kind
    var name = row.name.map { Array(line[$0]) } ?? []
    var namespace = row.namespace.map { Array(line[$0]) } ?? []
    if row.layout == .describe {
      kind = describedKind
      name = describedName
      namespace = describedNamespace
      if kind.isEmpty {
        kind =
          name.elementsEqual("cluster-autoscaler-status".utf8)
          ? Array("ConfigMap".utf8) : Array(KubernetesEventText.kind(reason: reason, message: messageText).utf8)
      }
    }
    message.removeAll(keepingCapacity: true)
    KubernetesEventText.appendRecorderText(
      kind: kind, namespace: namespace, name: name, type: line[row.type], reason: reason, message: messageText,
      to: &message)
    let severity: Severity = line[row.type].elementsEqual("Warning".utf8) ? .warning : .info
    return .event(severity, row.time ?? envelopeTime)
  }

  /// A table header row, `Events:`, a describe header or the dashes under it, or nil.
  private mutating func readHeading(_ line: UnsafeBufferPointer<UInt8>) -> Reading? {
    var tokens = Tokens(line)
    guard let first = tokens.next() else { return nil }
    let firstWord = line[first]
    if firstWord.elementsEqual("Events:".utf8) {
      inDescribe = true
      formats.insert(.kubectlDescribeEvents)
      return .skip
    }
    if firstWord.allSatisfy({ $0 == UInt8(ascii: "-") }) {
      guard inDescribe || sawTableHeader else { return nil }
      while let token = tokens.next() {
        guard line[token].allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
      }
      return .skip
    }
    if firstWord.elementsEqual("Type".utf8) {
      let rest: [String] = ["Reason", "Age", "From", "Message"]
      for word in rest {
        guard let token = tokens.next(), line[token].elementsEqual(word.utf8) else { return nil }
      }
      inDescribe = true
      formats.insert(.kubectlDescribeEvents)
      return .skip
    }
    // A `get events` header: upper-case column names, TYPE, REASON and MESSAGE among them.
    var seen = 0
    var token: Range<Int>? = first
    var hasNamespace = false
    while let current = token {
      guard let column = Self.tableColumns.firstIndex(where: { line[current].elementsEqual($0.utf8) }) else {
        return nil
      }
      if column == 0 { hasNamespace = true }
      if Self.tableColumns[column] == "TYPE" || Self.tableColumns[column] == "REASON"
        || Self.tableColumns[column] == "MESSAGE"
      {
        seen += 1
      }
      token = tokens.next()
    }
    guard seen == 3 else { return nil }
    sawTableHeader = true
    namespaced = hasNamespace
    formats.insert(.kubectlEvents)
    return .skip
  }

  private static let tableColumns = [
    "NAMESPACE", "LAST", "SEEN", "LASTSEEN", "FIRST", "FIRSTSEEN", "COUNT", "NAME", "KIND", "SUBOBJECT", "TYPE",
    "REASON", "OBJECT", "SOURCE", "MESSAGE",
  ]

  /// Notes what a line of a `kubectl describe` output says about the object described.
  private mutating func noteDescribeContext(_ line: UnsafeBufferPointer<UInt8>) {
    func value(after key: String) -> [UInt8]? {
      guard line.starts(with: key.utf8) else { return nil }
      var tokens = Tokens(line, from: key.utf8.count)
      guard let token = tokens.next(), tokens.next() == nil else { return [] }
      return Array(line[token])
    }
    if let name = value(after: "Name:") {
      describedName = name
      describedNamespace = []
      describedKind = []
      inDescribe = false
    } else if let namespace = value(after: "Namespace:") {
      describedNamespace = namespace
    } else if describedKind.isEmpty, !describedName.isEmpty {
      for (landmark, kind) in Self.kindLandmarks where line.starts(with: landmark.utf8) {
        let rest = line[landmark.utf8.count...]
        if landmark.hasSuffix(":") || rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
          describedKind = Array(kind.utf8)
          break
        }
      }
    }
  }

  /// Lines that show which kind of object a `kubectl describe` output describes.
  private static let kindLandmarks = [
    ("Containers:", "Pod"), ("Start Time:", "Pod"), ("Roles:", "Node"), ("Taints:", "Node"), ("ProviderID:", "Node"),
    ("Data", "ConfigMap"), ("BinaryData", "ConfigMap"),
  ]

  /// An event stream's `[Normal] message`, or a time and a separator before a text.
  ///
  /// The time is an envelope's, an RFC 3339 or `YYYY-MM-DD hh:mm:ss` time (kept), or a time of day
  /// (`12:06:28.000`, not kept: it has no date); the separator is spaces, possibly around one of
  /// `-`, `|`, `:` or `>`.
  private mutating func readTimedText(_ line: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?) -> Reading {
    var time = envelopeTime
    var offset = 0
    var hasTime = envelopeTime != nil
    if let (parsed, length) = TimeText.parse(line, dateTimeSeparators: [0x54, 0x74, 0x20]) {
      time = parsed.isSupported ? parsed : nil
      offset = length
      hasTime = true
    } else if let length = Self.timeOfDayLength(line) {
      offset = length
      hasTime = true
    }
    guard hasTime || line.first == UInt8(ascii: "[") else { return .none }
    let textStart = Self.afterSeparator(line, from: offset, timed: offset > 0)
    guard let textStart, textStart < line.count else { return .none }
    let text = UnsafeBufferPointer(rebasing: line[textStart...])
    if let reading = readStreamEvent(text, time: time) { return reading }
    guard offset > 0 else { return .none }
    formats.insert(.timeAndText)
    message.removeAll(keepingCapacity: true)
    message.append(contentsOf: text)
    return .text(time)
  }

  /// `[Normal] message` or `[Warning] message`: an event with the reason its message shows, else a
  /// text to recognise.
  private mutating func readStreamEvent(_ text: UnsafeBufferPointer<UInt8>, time: FullTime?) -> Reading? {
    let type: String
    if text.starts(with: "[Normal] ".utf8) {
      type = "Normal"
    } else if text.starts(with: "[Warning] ".utf8) {
      type = "Warning"
    } else {
      return nil
    }
    let body = UnsafeBufferPointer(rebasing: text[(type.utf8.count + 3)...])
    formats.insert(.eventStream)
    message.removeAll(keepingCapacity: true)
    guard let (reason, kind) = KubernetesEventText.inferred(message: body) else {
      message.append(contentsOf: body)
      return .text(time)
    }
    KubernetesEventText.appendRecorderText(
      kind: kind.utf8, namespace: EmptyCollection(), name: EmptyCollection(), type: type.utf8, reason: reason.utf8,
      message: body, to: &message)
    return .event(type == "Warning" ? .warning : .info, time)
  }

  /// The length of a leading `hh:mm:ss`, with an optional `.fff` or `,fff` fraction, or nil.
  static func timeOfDayLength(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
    func number(_ offset: Int) -> Int? {
      guard offset + 2 <= line.count, isDigit(line[offset]), isDigit(line[offset + 1]) else { return nil }
      return Int(line[offset] - 0x30) * 10 + Int(line[offset + 1] - 0x30)
    }
    guard let hour = number(0), hour < 24, line.count > 2, line[2] == UInt8(ascii: ":"), let minute = number(3),
      minute < 60, line.count > 5, line[5] == UInt8(ascii: ":"), let second = number(6), second < 61
    else { return nil }
    var length = 8
    if length < line.count, line[length] == UInt8(ascii: ".") || line[length] == UInt8(ascii: ","),
      length + 1 < line.count, isDigit(line[length + 1])
    {
      length += 1
      while length < line.count, isDigit(line[length]), length < 18 { length += 1 }
    }
    return length
  }

  /// Where the text after a time starts: past spaces, possibly around one separator character;
  /// nil when the time runs into the text.
  private static func afterSeparator(_ line: UnsafeBufferPointer<UInt8>, from start: Int, timed: Bool) -> Int? {
    var offset = start
    while offset < line.count, line[offset] == 0x20 || line[offset] == 0x09 { offset += 1 }
    if offset < line.count, "-|:>".utf8.contains(line[offset]), offset + 1 < line.count,
      line[offset + 1] == 0x20 || line[offset + 1] == 0x09
    {
      offset += 1
      while offset < line.count, line[offset] == 0x20 || line[offset] == 0x09 { offset += 1 }
    }
    return timed && offset == start ? nil : offset
  }
}
