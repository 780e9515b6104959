/// One Kubernetes event as a row of `kubectl get events` or of a `kubectl describe` Events section.
///
/// Rows are read by the shape of their whitespace-separated columns, not by column positions, so a
/// row read without its header, or with columns padded differently, reads the same:
///
/// - describe: `TYPE REASON AGE FROM MESSAGE` (AGE may be `12m (x3 over 1h)`);
/// - `get events`: `[NAMESPACE] LAST-SEEN TYPE REASON OBJECT MESSAGE` (OBJECT `pod/web-1`, or a
///   bare kind before kubectl 1.16), with `-o wide` adding `[SUBOBJECT] SOURCE` before MESSAGE and
///   `FIRST-SEEN COUNT NAME` after it;
/// - old `get events` (kubectl 1.10 and before): `[NAMESPACE] LASTSEEN FIRSTSEEN COUNT NAME KIND
///   [SUBOBJECT] TYPE REASON SOURCE MESSAGE`.
///
/// An age (`89s`, `3h12m`, `<unknown>`) says when relative to a moment the paste does not give: the
/// row has no time. An RFC 3339 time in the age column is kept.
struct KubectlEventRow {
  /// Which layout the row has.
  enum Layout { case describe, table, oldTable }
  var layout: Layout
  /// `Normal` or `Warning`.
  var type: Range<Int>
  var reason: Range<Int>
  /// The involved object: `Pod`, `ConfigMap` (from `configmap/…` or the KIND column), when shown.
  var kind: [UInt8] = []
  var namespace: Range<Int>?
  var name: Range<Int>?
  /// The SOURCE or FROM column (`cluster-autoscaler`), when shown.
  var source: Range<Int>?
  var message: Range<Int>
  /// The time the age column gives, when it is an absolute time.
  var time: FullTime?

  /// Reads `line` as an event row; nil when it does not have a row's shape.
  ///
  /// `namespaced` says the table's header has a NAMESPACE column.
  static func parse(_ line: UnsafeBufferPointer<UInt8>, namespaced: Bool) -> KubectlEventRow? {
    var tokens = Tokens(line)
    guard let first = tokens.next() else { return nil }
    if isType(line, first) {
      // A describe row; else a table row whose RFC 3339 LAST SEEN was read as an envelope's time.
      let mark = tokens
      if let row = parseDescribe(line, type: first, &tokens) { return row }
      tokens = mark
      return parseTable(line, type: first, &tokens)
    }
    var token = first
    var namespace: Range<Int>?
    if !isAge(line, token), !isTime(line, token) {
      // A NAMESPACE column (`kubectl get events -A`): a name, then an age.
      guard namespaced || isName(line, token), let next = tokens.next(), isAge(line, next) || isTime(line, next)
      else { return nil }
      namespace = token
      token = next
    }
    let time = isTime(line, token) ? TimeText.rfc3339(UnsafeBufferPointer(rebasing: line[token])) : nil
    skipRepeatCount(line, &tokens)
    guard let next = tokens.next() else { return nil }
    if isType(line, next) {
      var row = parseTable(line, type: next, &tokens)
      row?.namespace = namespace
      row?.time = time
      return row
    }
    // Old layout: FIRSTSEEN COUNT NAME KIND [SUBOBJECT] TYPE.
    guard isAge(line, next) || isTime(line, next), let count = tokens.next(), isCount(line, count),
      let eventName = tokens.next(), let kind = tokens.next()
    else { return nil }
    guard var type = tokens.next() else { return nil }
    if !isType(line, type) {
      guard let after = tokens.next(), isType(line, after) else { return nil }
      type = after
    }
    guard let reason = tokens.next(), isReason(line, reason) else { return nil }
    guard let source = sourceColumn(line, &tokens) else { return nil }
    let message = tokens.rest()
    return KubectlEventRow(
      layout: .oldTable, type: type, reason: reason, kind: Array(line[kind]), namespace: namespace,
      name: objectName(line, eventName: eventName), source: source, message: message, time: time)
  }

  /// `TYPE REASON AGE FROM MESSAGE`, the type read.
  private static func parseDescribe(
    _ line: UnsafeBufferPointer<UInt8>, type: Range<Int>, _ tokens: inout Tokens
  ) -> KubectlEventRow? {
    guard let reason = tokens.next(), isReason(line, reason), let age = tokens.next(),
      isAge(line, age) || isTime(line, age)
    else { return nil }
    skipRepeatCount(line, &tokens)
    let time = isTime(line, age) ? TimeText.rfc3339(UnsafeBufferPointer(rebasing: line[age])) : nil
    guard let source = sourceColumn(line, &tokens) else { return nil }
    return KubectlEventRow(
      layout: .describe, type: type, reason: reason, source: source, message: tokens.rest(), time: time)
  }

  /// `TYPE REASON OBJECT MESSAGE`, or the wide `TYPE REASON OBJECT [SUBOBJECT] SOURCE MESSAGE
  /// FIRST-SEEN COUNT NAME`, the type read.
  private static func parseTable(
    _ line: UnsafeBufferPointer<UInt8>, type: Range<Int>, _ tokens: inout Tokens
  ) -> KubectlEventRow? {
    guard let reason = tokens.next(), isReason(line, reason), let object = tokens.next() else { return nil }
    var row = KubectlEventRow(layout: .table, type: type, reason: reason, message: tokens.rest())
    if let slash = line[object].firstIndex(of: UInt8(ascii: "/")) {
      row.kind = kindName(resource: line[object.lowerBound..<slash])
      row.name = (slash + 1)..<object.upperBound
    } else {
      row.kind = Array(line[object])
    }
    // `-o wide`: the row ends with FIRST-SEEN COUNT NAME.
    guard let (tailStart, eventName) = wideTail(line, after: object.upperBound) else { return row }
    var wide = Tokens(UnsafeBufferPointer(rebasing: line[..<tailStart]), from: object.upperBound)
    let mark = wide.position
    if let subobject = wide.next(), !isSubobject(line, subobject) { wide.position = mark }
    guard let source = sourceColumn(line, &wide) else { return row }
    row.source = source
    row.message = wide.rest()
    if row.name == nil { row.name = objectName(line, eventName: eventName) }
    return row
  }

  /// The SOURCE/FROM column: one token, or `kubelet, node-1` (a component and a host).
  private static func sourceColumn(_ line: UnsafeBufferPointer<UInt8>, _ tokens: inout Tokens) -> Range<Int>? {
    guard let source = tokens.next() else { return nil }
    guard line[source.upperBound - 1] == UInt8(ascii: ","), let host = tokens.next() else { return source }
    return source.lowerBound..<host.upperBound
  }

  /// After an age, a describe or `get events` `(x3 over 1h)`: skipped when it is there.
  private static func skipRepeatCount(_ line: UnsafeBufferPointer<UInt8>, _ tokens: inout Tokens) {
    let mark = tokens.position
    guard let open = tokens.peekStart(), line[open] == UInt8(ascii: "(") else { return }
    guard let times = tokens.next(), times.count >= 3, line[times.lowerBound + 1] == UInt8(ascii: "x"),
      let over = tokens.next(), line[over].elementsEqual("over".utf8), let age = tokens.next(),
      line[age.upperBound - 1] == UInt8(ascii: ")")
    else {
      tokens.position = mark
      return
    }
  }

  /// The start of a wide row's `FIRST-SEEN COUNT NAME` tail and the NAME token, when the row ends so.
  private static func wideTail(_ line: UnsafeBufferPointer<UInt8>, after start: Int) -> (Int, Range<Int>)? {
    var backward = BackwardTokens(line, floor: start)
    guard let name = backward.previous(), isEventName(line, name), let count = backward.previous(),
      isCount(line, count), let seen = backward.previous(), isAge(line, seen) || isTime(line, seen)
    else { return nil }
    return (seen.lowerBound, name)
  }

  /// The involved object's name from an event's name, `OBJECT.<hex>`.
  private static func objectName(_ line: UnsafeBufferPointer<UInt8>, eventName: Range<Int>) -> Range<Int> {
    guard let dot = line[eventName].lastIndex(of: UInt8(ascii: ".")), dot > eventName.lowerBound,
      line[(dot + 1)..<eventName.upperBound].allSatisfy(isHexDigit), dot + 1 < eventName.upperBound
    else { return eventName }
    return eventName.lowerBound..<dot
  }

  /// The kind a resource name stands for (`configmap` → `ConfigMap`).
  static func kindName(resource: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
    let lower = resource.map { $0 | 0x20 }
    for kind in knownKinds where kind.utf8.count == lower.count && kind.utf8.map({ $0 | 0x20 }) == lower {
      return Array(kind.utf8)
    }
    var kind = Array(resource)
    if let first = kind.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { kind[0] = first - 0x20 }
    return kind
  }

  private static let knownKinds = [
    "Pod", "Node", "ConfigMap", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "Service",
    "PersistentVolumeClaim", "HorizontalPodAutoscaler", "MachineDeployment", "MachineSet", "Machine", "NodePool",
  ]

  static func isType(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    line[token].elementsEqual("Normal".utf8) || line[token].elementsEqual("Warning".utf8)
  }

  /// An event reason: a CamelCase word (`TriggeredScaleUp`).
  static func isReason(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    guard (3...80).contains(token.count), isUpper(line[token.lowerBound]) else { return false }
    return line[token].allSatisfy { isUpper($0) || isLower($0) || isDigit($0) }
  }

  /// A kubectl age: `89s`, `5m`, `3h12m`, `2d`, `<unknown>`, `<invalid>`.
  static func isAge(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    let bytes = line[token]
    if bytes.elementsEqual("<unknown>".utf8) || bytes.elementsEqual("<invalid>".utf8) { return true }
    var digits = 0
    var groups = 0
    for byte in bytes {
      if isDigit(byte) {
        digits += 1
        guard digits <= 6 else { return false }
      } else if digits > 0, "smhdy".utf8.contains(byte) {
        digits = 0
        groups += 1
      } else {
        return false
      }
    }
    return digits == 0 && groups > 0
  }

  /// An RFC 3339 time token.
  static func isTime(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    token.count >= 20 && isDigit(line[token.lowerBound]) && line[token.lowerBound + 4] == UInt8(ascii: "-")
      && TimeText.rfc3339(UnsafeBufferPointer(rebasing: line[token])) != nil
  }

  /// A COUNT column: a number of up to nine digits.
  private static func isCount(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    token.count <= 9 && line[token].allSatisfy(isDigit)
  }

  /// A Kubernetes name or namespace: lower-case letters, digits, `-` and `.`.
  private static func isName(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    token.count <= 253 && line[token].allSatisfy { isLower($0) || isDigit($0) || $0 == 0x2D || $0 == 0x2E }
  }

  /// An event's name, `OBJECT.<hex>`.
  private static func isEventName(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    guard let dot = line[token].lastIndex(of: UInt8(ascii: ".")), dot + 1 < token.upperBound else { return false }
    return line[(dot + 1)..<token.upperBound].allSatisfy(isHexDigit)
  }

  /// A SUBOBJECT column: a field path such as `spec.containers{app}`.
  private static func isSubobject(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
    line[token].starts(with: "spec.".utf8) || line[token].starts(with: "status.".utf8)
      || line[token].contains(UInt8(ascii: "{"))
  }
}

private func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
private func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
private func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 0x61 < 6 }

/// Whitespace-separated tokens of a line, read forwards.
struct Tokens {
  let line: UnsafeBufferPointer<UInt8>
  var position: Int

  init(_ line: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
    self.line = line
    self.position = position
  }

  /// Where the next token starts, if there is one.
  func peekStart() -> Int? {
    var start = position
    while start < line.count, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
    return start < line.count ? start : nil
  }

  mutating func next() -> Range<Int>? {
    guard let start = peekStart() else {
      position = line.count
      return nil
    }
    var end = start
    while end < line.count, line[end] != 0x20, line[end] != 0x09 { end += 1 }
    position = end
    return start..<end
  }

  /// The rest of the line after the spaces that follow the last token read, trailing spaces cut.
  func rest() -> Range<Int> {
    let start = peekStart() ?? line.count
    var end = line.count
    while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
    return start..<end
  }
}

/// Whitespace-separated tokens of a line, read backwards down to a floor.
struct BackwardTokens {
  let line: UnsafeBufferPointer<UInt8>
  let floor: Int
  var position: Int

  init(_ line: UnsafeBufferPointer<UInt8>, floor: Int) {
    self.line = line
    self.floor = floor
    position = line.count
  }

  mutating func previous() -> Range<Int>? {
    var end = position
    while end > floor, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
    guard end > floor else { return nil }
    var start = end
    while start > floor, line[start - 1] != 0x20, line[start - 1] != 0x09 { start -= 1 }
    position = start
    return start..<end
  }
}
