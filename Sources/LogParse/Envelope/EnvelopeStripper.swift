/// Removes the envelopes that collectors and kubectl wrap around klog lines.
///
/// Recognised, in this order: JSON documents over several lines (``JSONDocumentAssembler``),
/// `kubectl logs --prefix`, stern's prefix, Logs Insights CSV rows, Docker json-file and the other
/// collectors' JSON records (``CollectorRecord``), CRI node files (with `P` partial lines joined),
/// `kubectl logs --timestamps` and the text of `aws logs tail` and `logcli`, and CAS's own JSON
/// logging. Paste damage is handled later, by the header parser. Each format seen is recorded in
/// ``formats``.
struct EnvelopeStripper {
  /// The envelopes seen so far.
  var formats: Set<InputFormat> = []
  /// The longest joined partial line kept; longer joins are cut.
  let maximumLineLength: Int
  private var nested = JSONLineScanner()
  private var inner = JSONLineScanner()
  private var partial: [UInt8] = []
  var partialTime: FullTime?
  /// What the collectors' envelopes (stern, Fluent Bit, CloudWatch, Cloud Logging, Loki) keep between lines.
  var collectors: CollectorState
  /// Physical lines held in ``partial`` and the line number of the first.
  private(set) var partialLines = 0
  private var partialFirstLine = 0
  /// The physical lines the line being delivered spans: its first line number and count.
  var deliveredSpan = (first: 0, count: 1)
  var currentLine = 0
  private var messageBuffer: [UInt8] = []
  /// Envelope times outside the supported years and JSON numbers out of range, made null.
  var outOfRangeValues = 0
  private var fileBuffer: [UInt8] = []

  /// The pods of a kubectl `--prefix` log (`pod/NAME/CONTAINER`), in the order seen: stream `n` is
  /// `streamNames[n - 1]`; stream 0 is a line without a prefix.
  private(set) var streamNames: [String] = []
  /// The most streams told apart; lines of further pods share the last stream.
  static let maximumStreams = 256

  /// The stream of `line`: its kubectl `--prefix` pod's number (1, 2, …), or 0 without a prefix.
  mutating func stream(of line: UnsafeBufferPointer<UInt8>) -> UInt16 {
    guard let end = kubectlPrefixEnd(line) else { return 0 }
    let name = UnsafeBufferPointer(rebasing: line[1..<(end - 2)])
    if let index = streamNames.firstIndex(where: { $0.utf8.elementsEqual(name) }) { return UInt16(index + 1) }
    guard streamNames.count < EnvelopeStripper.maximumStreams else { return UInt16(streamNames.count) }
    streamNames.append(String(decoding: name, as: UTF8.self))
    return UInt16(streamNames.count)
  }

  init(maximumLineLength: Int) {
    self.maximumLineLength = maximumLineLength
    collectors = CollectorState(maximumLineLength: maximumLineLength)
  }

  /// Whether a partial line (CRI `P`, Docker without newline) is waiting to be completed.
  var hasPartialLine: Bool {
    !partial.isEmpty || collectors.documents.isActive || collectors.insightsRow.isActive
  }

  /// Whether a line that opens with a klog severity letter would pass through as it is: text with
  /// no envelope time, because no partial line, JSON document or Logs Insights layout is in progress.
  ///
  /// The analyzer then hands such a line to the assembler itself (``notePlainLine(_:)``).
  var passesPlainLines: Bool {
    partial.isEmpty && !collectors.documents.isActive && !collectors.insightsRow.isActive
      && collectors.insightsColumns == nil
  }

  /// Notes that line `lineNumber` passed through without an envelope (``passesPlainLines``).
  mutating func notePlainLine(_ lineNumber: Int) {
    currentLine = lineNumber
    deliveredSpan = (lineNumber, 1)
  }

  /// Unwraps `line` and passes the result to `body`; `body` is not called while a partial line waits.
  mutating func unwrap(
    _ line: UnsafeBufferPointer<UInt8>, lineNumber: Int,
    _ body: (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void
  ) {
    currentLine = lineNumber
    deliveredSpan = (lineNumber, 1)
    // The next line of a Logs Insights CSV field that holds line breaks, whatever it looks like.
    if collectors.insightsRow.isActive, unwrapInsightsCSV(line, body) { return }
    var line = line
    if let first = line.first,
      first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || collectors.documents.isActive,
      unwrapDocument(line, body)
    {
      return
    }
    if let prefixEnd = kubectlPrefixEnd(line) {
      formats.insert(.kubectlPrefix)
      line = UnsafeBufferPointer(rebasing: line[prefixEnd...])
    }
    if let first = line.first,
      first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") || first == 0x1B || first == UInt8(ascii: "+")
        || first == UInt8(ascii: "-"),
      unwrapStern(line, body)
    {
      return
    }
    if collectors.insightsColumns != nil || line.first == UInt8(ascii: "@")
      || (line.count > 1 && line[0] == UInt8(ascii: "\"") && line[1] == UInt8(ascii: "@")),
      unwrapInsightsCSV(line, body)
    {
      return
    }
    if line.first == UInt8(ascii: "{"), unwrapCollectorJSON(line, nesting: 0, body) { return }
    unwrapTimed(line, afterStern: false, body)
  }

  /// Unwraps a line that may open with an envelope time: CRI, `kubectl --timestamps`, `aws logs tail`, `logcli`.
  mutating func unwrapTimed(
    _ line: UnsafeBufferPointer<UInt8>, afterStern: Bool,
    _ body: (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void
  ) {
    if let first = line.first, isDigit(first),
      let (parsedTime, length) = TimeText.parse(line, dateTimeSeparators: [0x54, 0x74]),
      length < line.count, line[length] == 0x20
    {
      let time = supported(parsedTime)
      let rest = UnsafeBufferPointer(rebasing: line[(length + 1)...])
      if let (isPartial, contentStart) = criStream(rest) {
        formats.insert(.cri)
        let content = UnsafeBufferPointer(rebasing: rest[contentStart...])
        if isPartial {
          if partial.isEmpty { partialTime = time }
          appendPartial(content)
          return
        }
        emitJoined(content, time: time, body)
        return
      }
      flushPartialAlone(body)
      if !afterStern, unwrapTimedCollector(rest, time: time, body) { return }
      formats.insert(afterStern ? .stern : .kubectlTimestamps)
      unwrapPayload(rest, envelopeTime: time, body)
      return
    }
    flushPartialAlone(body)
    unwrapPayload(line, envelopeTime: nil, body)
  }

  /// Delivers a partial line whose end never came (the next line is not its continuation).
  mutating func flushPartialAlone(_ body: (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void) {
    guard !partial.isEmpty else { return }
    let joined = partial
    let span = (partialFirstLine, partialLines)
    partial = []
    partialLines = 0
    let current = deliveredSpan
    deliveredSpan = span
    joined.withUnsafeBufferPointer { unwrapPayload($0, envelopeTime: partialTime, body) }
    deliveredSpan = current
  }

  /// Delivers a partial line left at the end of the input.
  mutating func finish(_ body: (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void) {
    finishDocument(body)
    finishInsightsRow(body)
    flushPartialAlone(body)
  }

  mutating func emitJoined(
    _ content: UnsafeBufferPointer<UInt8>, time: FullTime?, nesting: Int = 0,
    _ body: (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void
  ) {
    if partial.isEmpty {
      unwrapPayload(content, envelopeTime: time, nesting: nesting, body)
      return
    }
    appendPartial(content)
    let joined = partial
    let joinedTime = partialTime ?? time
    deliveredSpan = (partialFirstLine, partialLines)
    partial = []
    partialLines = 0
    joined.withUnsafeBufferPointer { unwrapPayload($0, envelopeTime: joinedTime, nesting: nesting, body) }
  }

  mutating func appendPartial(_ content: UnsafeBufferPointer<UInt8>) {
    if partialLines == 0 { partialFirstLine = currentLine }
    partialLines += collectors.lineWeight
    let room = maximumLineLength - partial.count
    guard room > 0 else { return }
    partial.append(contentsOf: UnsafeBufferPointer(rebasing: content[0..<min(room, content.count)]))
  }

  /// Unwraps CAS JSON logging when `payload` is such a record, else passes it on as text.
  mutating func unwrapPayload(
    _ payload: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?, nesting: Int = 0,
    _ body: (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void
  ) {
    if payload.first == UInt8(ascii: "{"), let structured = klogJSON(payload) {
      formats.insert(.klogJSON)
      let span = deliveredSpan
      messageBuffer.withUnsafeBufferPointer { message in
        var record = structured
        record.message = message
        body(.structured(record, envelopeTime: envelopeTime), span)
      }
      return
    }
    // A collector's record inside another's (Fluent Bit's inside a CloudWatch event), at most three deep.
    if payload.first == UInt8(ascii: "{"), nesting < 3,
      unwrapCollectorJSON(payload, nesting: nesting + 1, outerTime: envelopeTime, body)
    {
      return
    }
    if payload.first == UInt8(ascii: "{"), unwrapJSONField(payload, envelopeTime: envelopeTime, body) { return }
    body(.text(payload, envelopeTime: envelopeTime), deliveredSpan)
  }

  /// Keys under which log exports keep the original line, quoted, as bytes.
  private static let logFieldKeys = ["log", "log_s", "message", "Message", "msg_s"].map { Array("\"\($0)\"".utf8) }
  /// Keys under which they keep its time, quoted, as bytes.
  private static let timeFieldKeys = ["TimeGenerated", "time", "timestamp", "@timestamp"].map {
    Array("\"\($0)\"".utf8)
  }

  /// Handles a JSON record that carries a klog line in one of its fields; false when it does not.
  private mutating func unwrapJSONField(
    _ line: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?,
    _ body: (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void
  ) -> Bool {
    nested.reset()
    for key in EnvelopeStripper.logFieldKeys {
      guard let range = nested.findString(quotedKey: key, in: line) else { continue }
      var content = Array(nested.bytes(range))
      while content.last == 0x0A || content.last == 0x0D { content.removeLast() }
      let isKlog = content.withUnsafeBufferPointer { KlogHeaderParser.parse($0) != nil }
      guard isKlog else { continue }
      var time = envelopeTime
      for timeKey in EnvelopeStripper.timeFieldKeys where time == nil {
        if let timeRange = nested.findString(quotedKey: timeKey, in: line) {
          time = self.envelopeTime(nested.bytes(timeRange))
        }
      }
      formats.insert(.jsonField)
      let span = deliveredSpan
      content.withUnsafeBufferPointer { body(.text($0, envelopeTime: time), span) }
      return true
    }
    return false
  }

  /// Parses a CAS JSON log record into ``messageBuffer``; nil when `line` is not one.
  private mutating func klogJSON(_ line: UnsafeBufferPointer<UInt8>) -> StructuredLine? {
    var time: FullTime?
    var verbosity: Int?
    var sawMessage = false
    var sawTimestamp = false
    var sourceLine = 0
    var extras: [([UInt8], JSONScalar)] = []
    var message: [UInt8] = []
    var file: [UInt8] = []
    var errorText: [UInt8]?
    var outOfRange = 0
    var sawLevel = false
    var timeText: [UInt8]?
    var iteration: IterationId?
    let valid = inner.scan(line) { key, value, scanner in
      switch (String(decoding: key, as: UTF8.self), value) {
      case ("ts", .number(let milliseconds, _)):
        sawTimestamp = true
        time = FullTime(epochMilliseconds: milliseconds)
        if time == nil { outOfRange += 1 }
      case ("ts", .string(let range)):
        sawTimestamp = true
        timeText = Array(scanner.bytes(range))
      case ("caller", .string(let range)):
        let caller = scanner.bytes(range)
        let base = caller.lastIndex(of: UInt8(ascii: "/")).map { caller.index(after: $0) } ?? caller.startIndex
        let colon = caller[base...].lastIndex(of: UInt8(ascii: ":")) ?? caller.endIndex
        file = Array(caller[base..<colon])
        if colon < caller.endIndex {
          let digits = caller[caller.index(after: colon)...]
          sourceLine = digits.count < 19 ? Int(String(decoding: digits, as: UTF8.self)) ?? 0 : 0
        }
      case ("msg", .string(let range)):
        sawMessage = true
        message = Array(scanner.bytes(range))
        while message.last == 0x0A { message.removeLast() }
      case ("v", .number(let level, _)):
        sawLevel = true
        // klog levels are small; anything else (1e300, 2^63, -1, 1.5) is no level.
        if level >= 0, level <= 1000, level == level.rounded() {
          verbosity = Int(level)
        } else {
          outOfRange += 1
        }
      case ("err", .string(let range)):
        errorText = Array(scanner.bytes(range))
      case ("logger", _), ("level", _):
        break
      case (_, .string(let range)):
        if key.count == 11, key.elementsEqual("iterationId".utf8) {
          iteration = IterationId.parse(scanner.bytes(range))
        }
        extras.append((key, .string(range)))
      case (_, let other):
        extras.append((key, other))
      }
    }
    guard valid, sawMessage, sawTimestamp else { return nil }
    outOfRangeValues += outOfRange
    if let timeText { time = envelopeTime(timeText) }
    // A record with fields beyond the envelope's is a structured one: rebuild klog's text
    // serialisation of it (the message Go-quoted, `err` first, then each field as `key=value`),
    // so that it reaches the catalogue as a structured text record does. Without such fields
    // the message is the printf text as it was logged.
    messageBuffer.removeAll(keepingCapacity: true)
    guard !extras.isEmpty || errorText != nil else {
      messageBuffer.append(contentsOf: message)
      fileBuffer = file
      return StructuredLine(
        severity: sawLevel ? .info : .error, time: time, file: fileBuffer, sourceLine: sourceLine,
        verbosity: verbosity, message: UnsafeBufferPointer(start: nil, count: 0))
    }
    GoQuote.append(message, to: &messageBuffer)
    if let errorText {
      messageBuffer.append(contentsOf: " err=".utf8)
      GoQuote.append(errorText, to: &messageBuffer)
    }
    for (key, value) in extras {
      messageBuffer.append(0x20)
      messageBuffer.append(contentsOf: key)
      messageBuffer.append(UInt8(ascii: "="))
      switch value {
      case .string(let range):
        GoQuote.append(inner.bytes(range), to: &messageBuffer)
      case .number(_, let textRange), .other(let textRange):
        messageBuffer.append(contentsOf: UnsafeBufferPointer(rebasing: line[textRange]))
      }
    }
    fileBuffer = file
    return StructuredLine(
      severity: sawLevel ? .info : .error, time: time, file: fileBuffer, sourceLine: sourceLine,
      verbosity: verbosity, message: UnsafeBufferPointer(start: nil, count: 0), iteration: iteration,
      hasFields: !extras.isEmpty)
  }

  /// `time` when it lies in the supported years; otherwise nil, counted.
  mutating func supported(_ time: FullTime) -> FullTime? {
    guard time.isSupported else {
      outOfRangeValues += 1
      return nil
    }
    return time
  }

  /// An envelope's RFC 3339 time, nil when it is not one or lies outside the supported years (counted).
  mutating func envelopeTime(_ bytes: some Collection<UInt8>) -> FullTime? {
    guard let (time, _) = TimeText.parse(Array(bytes), dateTimeSeparators: [0x54, 0x74]) else { return nil }
    return supported(time)
  }

  /// The end of a `[pod/NAME/CONTAINER] ` prefix, or nil.
  private func kubectlPrefixEnd(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
    guard line.count > 8, line[0] == UInt8(ascii: "["), line[1] == UInt8(ascii: "p"), line[2] == UInt8(ascii: "o"),
      line[3] == UInt8(ascii: "d"), line[4] == UInt8(ascii: "/")
    else { return nil }
    var i = 5
    var slashes = 0
    while i < line.count, i < 512 {
      let b = line[i]
      if b == UInt8(ascii: "/") { slashes += 1 }
      if b == UInt8(ascii: "]") {
        guard slashes == 1, i + 1 < line.count, line[i + 1] == 0x20 else { return nil }
        return i + 2
      }
      if b == 0x20 { return nil }
      i += 1
    }
    return nil
  }

  /// For `stderr F …` / `stdout P …`: whether the line is partial and where its content starts.
  private func criStream(_ rest: UnsafeBufferPointer<UInt8>) -> (Bool, Int)? {
    guard rest.count >= 8 else { return nil }
    let isStream =
      rest[0] == UInt8(ascii: "s") && rest[1] == UInt8(ascii: "t") && rest[2] == UInt8(ascii: "d")
      && ((rest[3] == UInt8(ascii: "e") && rest[4] == UInt8(ascii: "r") && rest[5] == UInt8(ascii: "r"))
        || (rest[3] == UInt8(ascii: "o") && rest[4] == UInt8(ascii: "u") && rest[5] == UInt8(ascii: "t")))
    guard isStream, rest[6] == 0x20, rest[7] == UInt8(ascii: "F") || rest[7] == UInt8(ascii: "P") else { return nil }
    if rest.count == 8 { return (rest[7] == UInt8(ascii: "P"), 8) }
    guard rest[8] == 0x20 else { return nil }
    return (rest[7] == UInt8(ascii: "P"), 9)
  }
}

@available(*, unavailable)
extension EnvelopeStripper: Sendable {}
