/// The envelopes of log collectors and the tools that read them back: stern, Fluent Bit and
/// CloudWatch Container Insights, `aws logs`, Logs Insights exports, `gcloud logging read`, `logcli`.
extension EnvelopeStripper {
  typealias Deliver = (UnwrappedLine, _ span: (first: Int, count: Int)) -> Void

  /// Feeds a line to the JSON document assembler; false when the line is no part of a document.
  mutating func unwrapDocument(_ line: UnsafeBufferPointer<UInt8>, _ body: Deliver) -> Bool {
    var documents = collectors.documents
    collectors.documents = JSONDocumentAssembler(maximumRecordLength: 0)
    let consumed = documents.feed(line, lineNumber: currentLine) { piece in
      deliverDocumentPiece(piece, body)
    }
    collectors.documents = documents
    deliveredSpan = (currentLine, 1)
    return consumed
  }

  /// Passes on what an unterminated JSON document held, at the end of the input.
  mutating func finishDocument(_ body: Deliver) {
    var documents = collectors.documents
    collectors.documents = JSONDocumentAssembler(maximumRecordLength: 0)
    documents.finish(lastLine: currentLine) { piece in deliverDocumentPiece(piece, body) }
    collectors.documents = documents
  }

  /// Records cut at the maximum length in JSON documents.
  var oversizedJSONRecords: Int { collectors.documents.oversizedRecords }

  /// Lines held by an open JSON document.
  var documentHeldLines: Int { collectors.documents.heldLines(currentLine: currentLine) }

  private mutating func deliverDocumentPiece(_ piece: JSONDocumentAssembler.Piece, _ body: Deliver) {
    switch piece {
    case .record(let bytes, let span):
      deliveredSpan = span
      collectors.lineWeight = span.count
      unwrapPayload(Self.trimmed(bytes), envelopeTime: nil, body)
      collectors.lineWeight = 1
    case .structure(let span):
      body(.text(UnsafeBufferPointer(start: nil, count: 0), envelopeTime: nil), span)
    case .abandoned(let bytes, let span):
      body(.text(Self.trimmed(bytes), envelopeTime: nil), span)
    }
  }

  private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    return UnsafeBufferPointer(rebasing: bytes[start...])
  }

  /// Handles a collector's JSON record; false when `line` is none (or not JSON).
  mutating func unwrapCollectorJSON(
    _ line: UnsafeBufferPointer<UInt8>, nesting: Int, outerTime: FullTime? = nil, _ body: Deliver
  ) -> Bool {
    guard let record = CollectorRecord.read(line, scanner: &collectors.scanner) else { return false }
    formats.insert(record.format)
    if record.format == .cloudLogging || record.format == .lokiJSONL { collectors.newestFirstByDefault = true }
    var time: FullTime?
    if let text = record.timeText {
      time = collectorTime(text)
    } else if let milliseconds = record.timeMilliseconds {
      time = FullTime(epochMilliseconds: milliseconds).flatMap { supported($0) }
      if time == nil { outOfRangeValues += 1 }
    }
    time = time ?? outerTime
    var content = record.message
    if record.format == .sternJSON { stripSternMessageTime(&content, time: &time) }
    if record.messageIsJSON {
      content.withUnsafeBufferPointer { unwrapPayload($0, envelopeTime: time, nesting: nesting, body) }
      return true
    }
    let endsLine = content.last == 0x0A
    while content.last == 0x0A || content.last == 0x0D { content.removeLast() }
    // Docker tells a partial line by its missing newline; the others by their `_p`/`logtag` marker.
    let isPartial = record.format == .dockerJSON ? !endsLine : record.partial == true
    content.withUnsafeBufferPointer { buffer in
      if isPartial {
        if partialLines == 0 { partialTime = time }
        appendPartial(buffer)
      } else {
        emitJoined(buffer, time: time, nesting: nesting, body)
      }
    }
    return true
  }

  /// A collector's time: RFC 3339, or Logs Insights' `2024-03-13 12:34:56.123` (UTC); nil when neither.
  mutating func collectorTime(_ text: [UInt8]) -> FullTime? {
    guard let (time, _) = TimeText.parse(text, dateTimeSeparators: [0x54, 0x74, 0x20]) else { return nil }
    return supported(time)
  }

  /// Drops the time stern (before 1.34, #372) put at the start of a JSON record's `message` with
  /// `--timestamps` (RFC 3339, or `01-02 15:04:05` with `=short`); an RFC 3339 one is the record's
  /// time when it has no `timestamp` of its own.
  private mutating func stripSternMessageTime(_ content: inout [UInt8], time: inout FullTime?) {
    guard let first = content.first, isDigit(first) else { return }
    var cut: Int?
    content.withUnsafeBufferPointer { message in
      if let (parsed, length) = TimeText.parse(message, dateTimeSeparators: [0x54, 0x74]),
        length == message.count || message[length] == 0x20
      {
        if time == nil { time = supported(parsed) }
        cut = min(length + 1, message.count)
      } else if let short = SternPrefixes.shortTimeLength(message) {
        cut = short
      }
    }
    if let cut { content.removeFirst(cut) }
  }

  /// Strips stern's `POD CONTAINER ` prefix (and colour escapes); false when the line has none.
  mutating func unwrapStern(_ line: UnsafeBufferPointer<UInt8>, _ body: Deliver) -> Bool {
    guard line.first == 0x1B else { return unwrapSternPlain(line, body) }
    var cleaned = collectors.cleaned
    collectors.cleaned = []
    cleaned.removeAll(keepingCapacity: true)
    TerminalEscapes.remove(from: line, into: &cleaned)
    let handled = cleaned.withUnsafeBufferPointer { unwrapSternPlain($0, body) }
    collectors.cleaned = cleaned
    return handled
  }

  private mutating func unwrapSternPlain(_ line: UnsafeBufferPointer<UInt8>, _ body: Deliver) -> Bool {
    if SternPrefixes.isNotice(line) {
      // `+ POD › CONTAINER` when stern starts tailing a container, `-` when it stops (its stderr).
      formats.insert(.stern)
      flushPartialAlone(body)
      body(.text(UnsafeBufferPointer(start: nil, count: 0), envelopeTime: nil), deliveredSpan)
      return true
    }
    guard let length = collectors.stern.prefixLength(line) else { return false }
    formats.insert(.stern)
    var rest = UnsafeBufferPointer(rebasing: line[length...])
    if let short = SternPrefixes.shortTimeLength(rest) {
      rest = UnsafeBufferPointer(rebasing: rest[short...])
    } else if let first = rest.first, isDigit(first),
      let (_, length) = TimeText.parse(rest, dateTimeSeparators: [0x54, 0x74]), length == rest.count
    {
      // The time of an empty message, its trailing space trimmed: an empty line, no text.
      rest = UnsafeBufferPointer(rebasing: rest[length...])
    }
    unwrapTimed(rest, afterStern: true, body)
    return true
  }

  /// After an envelope time: `logcli`'s `{labels}` or `aws logs tail`'s log stream name; false when neither.
  mutating func unwrapTimedCollector(
    _ rest: UnsafeBufferPointer<UInt8>, time: FullTime?, _ body: Deliver
  ) -> Bool {
    if let end = Self.lokiLabelsEnd(rest) {
      formats.insert(.loki)
      collectors.newestFirstByDefault = true
      var start = end
      while start < rest.count, rest[start] == 0x20 { start += 1 }
      unwrapPayload(UnsafeBufferPointer(rebasing: rest[start...]), envelopeTime: time, body)
      return true
    }
    if let header = KlogHeaderParser.parse(rest), header.pastedPrefixLength == 0 { return false }
    guard let space = Self.logStreamEnd(rest) else { return false }
    let after = UnsafeBufferPointer(rebasing: rest[(space + 1)...])
    let recordFollows =
      after.first == UInt8(ascii: "{")
      || KlogHeaderParser.parse(after) != nil
    guard recordFollows || collectors.sawCloudWatchTail else { return false }
    collectors.sawCloudWatchTail = true
    formats.insert(.cloudWatchTail)
    unwrapPayload(after, envelopeTime: time, body)
    return true
  }

  /// The end of a `{name="value", …}` label set at the start of `rest`, or nil.
  private static func lokiLabelsEnd(_ rest: UnsafeBufferPointer<UInt8>) -> Int? {
    guard rest.count >= 2, rest[0] == UInt8(ascii: "{") else { return nil }
    let next = rest[1]
    if next == UInt8(ascii: "}") { return 2 }
    guard
      (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
        || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z"))
        || next == UInt8(ascii: "_")
    else { return nil }
    var i = 1
    var inQuotes = false
    while i < rest.count {
      let b = rest[i]
      if inQuotes {
        if b == UInt8(ascii: "\\") {
          i += 1
        } else if b == UInt8(ascii: "\"") {
          inQuotes = false
        }
      } else if b == UInt8(ascii: "\"") {
        inQuotes = true
      } else if b == UInt8(ascii: "}") {
        return i + 1
      } else if b == UInt8(ascii: "=") && (i + 1 >= rest.count || rest[i + 1] != UInt8(ascii: "\"")) {
        return nil
      }
      i += 1
    }
    return nil
  }

  /// The offset of the space after a CloudWatch log stream name at the start of `rest` (no `:` or `*`), or nil.
  private static func logStreamEnd(_ rest: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    while i < rest.count, i < 512 {
      let b = rest[i]
      if b == 0x20 { return i > 0 ? i : nil }
      guard b > 0x20, b != UInt8(ascii: ":"), b != UInt8(ascii: "*"), b != 0x7F else { return nil }
      i += 1
    }
    return nil
  }
}
