import Glibc

/// Turns unwrapped lines into records: parses klog headers and joins continuation lines.
///
/// A line with a header starts a record. A line without one continues the previous record when it
/// looks like a continuation (indented, `caused by:`, a closing bracket, inside an open `{…}` struct,
/// or anything after a fatal record); otherwise it is malformed. Blank lines, `...` elisions and
/// shell prompts are skipped and end the record. The record is delivered when the next record
/// starts, on a skipped line, or on ``flush(_:)``.
struct RecordAssembler {
  /// Line counts.
  var accounting = LineAccounting()
  /// Kubernetes events pasted as kubectl prints them, and times before texts.
  var eventLines = KubernetesEventLines()
  /// Whether any klog text header or paste damage was seen.
  private(set) var sawKlogText = false
  private(set) var sawPasted = false
  /// The year tracker, fed every record's time.
  var years = YearTracker()

  private var hasPending = false
  private var pendingSource = 0
  private var pendingFirstLine = 0
  var pendingLineCount = 0
  private var pendingSeverity: Severity = .info
  private var pendingTime = LogTime(month: 1, day: 1, microsecondOfDay: 0)
  private var pendingFile: [UInt8] = []
  private var pendingSourceLine = 0
  private var pendingVerbosity: Int?
  private var pendingJSONIteration: IterationId?
  private var pendingJSONHasFields = false
  private var pendingStream: UInt16 = 0
  /// The stream of the line being accepted (a kubectl `--prefix` pod), set by the analyzer per line.
  var currentStream: UInt16 = 0
  var pendingIsRewritten = false
  var pendingNeedsRecognition = false
  private var pendingMessage: [UInt8] = []
  private var pendingBraceDepth = 0
  /// Extra physical lines of the line being accepted (joined partials), added to a record it starts.
  var pendingExtraLines = 0
  /// Lines that may continue the pending record's header line after a hard wrap, and how many.
  private var pendingWrap: [UInt8] = []
  private var pendingWrapLines = 0
  /// The length of the pending record's last physical line (a hard wrap cuts lines to one width).
  var lastPhysicalLength = 0
  private let maximumRecordLength: Int
  /// Continuation lines of newest-first input, held until their record's header.
  var newestFirst = NewestFirstHold()

  init(maximumRecordLength: Int) {
    self.maximumRecordLength = maximumRecordLength
  }

  /// Counts a line that was cut at the maximum length.
  mutating func noteTruncated(_ count: Int) { accounting.truncated = count }

  /// Counts one physical line read.
  mutating func noteLine() { accounting.lines += 1 }

  /// Accepts one unwrapped line and delivers any record it completes.
  ///
  /// `physicalLines` is how many input lines the runtime split it into (CRI and Docker partials);
  /// the extra ones count as continuation lines of whatever the line becomes. Zero means the line
  /// shares a physical line already counted (one of several JSON records on one line): a record
  /// it starts counts as merged.
  mutating func accept(
    _ line: UnwrappedLine, source: Int, lineNumber: Int, physicalLines: Int = 1, _ emit: (Record) -> Bool
  ) {
    guard case .text(let text, let time?) = line else {
      releaseHeld(emit)
      acceptNow(line, source: source, lineNumber: lineNumber, physicalLines: physicalLines, emit)
      return
    }
    let isHeader = KlogHeaderParser.parse(text) != nil
    switch newestFirst.decide(
      text, time: time, isHeader: isHeader, source: source, lineNumber: lineNumber, physicalLines: physicalLines)
    {
    case .held:
      return
    case .pass(let reversed):
      if !reversed { releaseHeld(emit) }
      acceptNow(line, source: source, lineNumber: lineNumber, physicalLines: physicalLines, emit)
      if reversed { releaseHeld(emit, reversed: true) }
    }
  }

  /// Accepts the held lines of newest-first input, in arrival order or reversed.
  mutating func releaseHeld(_ emit: (Record) -> Bool, reversed: Bool = false) {
    guard !newestFirst.lines.isEmpty else { return }
    var held = newestFirst.take()
    if reversed { held.reverse() }
    for line in held {
      line.text.withUnsafeBufferPointer { text in
        acceptNow(
          .text(text, envelopeTime: line.time), source: line.source, lineNumber: line.lineNumber,
          physicalLines: line.physicalLines, emit)
      }
    }
  }

  /// Delivers everything held: newest-first lines, then the record being assembled.
  mutating func flushAll(_ emit: (Record) -> Bool) {
    releaseHeld(emit)
    flush(emit)
  }

  private mutating func acceptNow(
    _ line: UnwrappedLine, source: Int, lineNumber: Int, physicalLines: Int, _ emit: (Record) -> Bool
  ) {
    pendingExtraLines = max(-1, physicalLines - 1)
    switch line {
    case .structured(let structured, let envelopeTime):
      flush(emit)
      let time = years.stamp(structured.time ?? envelopeTime, fallback: nil)
      structured.file.withUnsafeBufferPointer { file in
        start(
          source: source, lineNumber: lineNumber, severity: structured.severity, time: time, file: file,
          sourceLine: structured.sourceLine, verbosity: structured.verbosity, message: structured.message)
      }
      pendingJSONIteration = structured.iteration
      pendingJSONHasFields = structured.hasFields
    case .text(let text, let envelopeTime):
      acceptText(text, envelopeTime: envelopeTime, source: source, lineNumber: lineNumber, emit)
    }
  }

  /// Accepts a text line: a record's header line, a continuation line, or a line to skip or count.
  ///
  /// Records merged on one line (a paste that lost line breaks) are split at each embedded header
  /// and accepted in order, the first with the line's extra physical lines. The split runs in a
  /// loop over a stack of pieces, so a line of any number of headers takes no stack depth.
  private mutating func acceptText(
    _ text: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?, source: Int, lineNumber: Int,
    _ emit: (Record) -> Bool
  ) {
    let header = KlogHeaderParser.parse(text)
    guard let header, let split = KlogHeaderParser.embeddedHeaderStart(text, messageStart: header.messageStart) else {
      acceptPiece(text, header: header, envelopeTime: envelopeTime, source: source, lineNumber: lineNumber, emit)
      return
    }
    let extra = pendingExtraLines
    // Pieces still to accept, the next on top; each is a range of `text`.
    var pieces: [Range<Int>] = []
    var next = (range: 0..<text.count, header: header, split: split)
    while true {
      // Two records merged on one line: the second header starts a record of its own.
      let (range, pieceHeader, pieceSplit) = next
      var end = range.lowerBound + pieceSplit
      while end > range.lowerBound + pieceHeader.messageStart, text[end - 1] == 0x20 || text[end - 1] == 0x09 {
        end -= 1
      }
      accounting.mergedRecords += 1
      pieces.append((range.lowerBound + pieceSplit)..<range.upperBound)
      pieces.append(range.lowerBound..<end)
      var splitAgain = false
      while !splitAgain, let piece = pieces.popLast() {
        let pieceText = UnsafeBufferPointer(rebasing: text[piece])
        let parsed = KlogHeaderParser.parse(pieceText)
        if let parsed, let split = KlogHeaderParser.embeddedHeaderStart(pieceText, messageStart: parsed.messageStart) {
          next = (piece, parsed, split)
          splitAgain = true
          continue
        }
        acceptPiece(
          pieceText, header: parsed, envelopeTime: envelopeTime, source: source, lineNumber: lineNumber, emit)
        pendingExtraLines = 0
      }
      if !splitAgain { break }
    }
    pendingExtraLines = extra
  }

  /// Accepts a line (or a piece of a merged one) that holds at most one header, `header` as parsed.
  private mutating func acceptPiece(
    _ text: UnsafeBufferPointer<UInt8>, header: KlogHeader?, envelopeTime: FullTime?, source: Int, lineNumber: Int,
    _ emit: (Record) -> Bool
  ) {
    if let header {
      flush(emit)
      sawKlogText = true
      if header.pastedPrefixLength > 0 { sawPasted = true }
      let klogTime = LogTime(
        month: header.month, day: header.day, microsecondOfDay: header.microsecondOfDay,
        fractionDigits: header.fractionDigits)
      let time = years.stamp(envelopeTime, fallback: klogTime)
      start(
        source: source, lineNumber: lineNumber, severity: header.severity ?? .info, time: time,
        file: UnsafeBufferPointer(rebasing: text[header.fileRange]), sourceLine: header.sourceLine,
        verbosity: nil, message: UnsafeBufferPointer(rebasing: text[header.messageStart...]))
      lastPhysicalLength = text.count
      return
    }
    if acceptEventLine(text, envelopeTime: envelopeTime, source: source, lineNumber: lineNumber, emit) { return }
    switch LineShape.classify(text) {
    case .blank:
      flush(emit)
      accounting.skipped += 1 + pendingExtraLines
    case .elision, .prompt:
      flush(emit)
      sawPasted = true
      accounting.skipped += 1 + pendingExtraLines
    case .headerlessFragment:
      flush(emit)
      accounting.malformed += 1 + pendingExtraLines
    case .other(let startsIndented):
      if hasPending && pendingWrapLines == 0 && (startsIndented || continues(text)) {
        appendContinuation(text)
      } else if hasPending && !startsIndented && mayBeHardWrapped(text) {
        if !pendingWrap.isEmpty { pendingWrap.append(0x0A) }
        pendingWrap.append(contentsOf: text)
        pendingWrapLines += 1 + pendingExtraLines
        lastPhysicalLength = text.count
      } else {
        flush(emit)
        accounting.malformed += 1 + pendingExtraLines
      }
    }
  }

  /// Delivers the record being assembled, if any.
  mutating func flush(_ emit: (Record) -> Bool) {
    if eventLines.isHolding { startHeldEventRow() }
    guard hasPending else { return }
    hasPending = false
    accounting.records += 1
    accounting.continuationLines += pendingLineCount - 1
    let joinedWrap = pendingFile.withUnsafeBufferPointer { file in
      pendingMessage.withUnsafeBufferPointer { message in
        pendingWrap.withUnsafeBufferPointer { wrap in
          emit(
            Record(
              source: pendingSource, firstLine: pendingFirstLine, lineCount: pendingLineCount,
              severity: pendingSeverity, time: pendingTime, file: file, sourceLine: pendingSourceLine,
              message: message, verbosity: pendingVerbosity, wrapped: wrap, wrappedLines: pendingWrapLines,
              envelopeBaseYear: years.envelopeBaseYear, jsonIteration: pendingJSONIteration,
              jsonHasFields: pendingJSONHasFields, stream: pendingStream, isRewritten: pendingIsRewritten,
              needsRecognition: pendingNeedsRecognition))
        }
      }
    }
    // Hard-wrapped pieces the record did not take stay what they looked like: malformed lines.
    if joinedWrap {
      accounting.continuationLines += pendingWrapLines
    } else {
      accounting.malformed += pendingWrapLines
    }
    pendingWrap.removeAll(keepingCapacity: true)
    pendingWrapLines = 0
  }

  /// Whether an unindented line may be the rest of the previous line, cut by a hard wrap.
  ///
  /// Terminals and mail clients wrap at one width (60 to 200 columns): the previous line is that
  /// long and this one is no longer. At most three pieces are held.
  private func mayBeHardWrapped(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    pendingWrapLines < 3 && (60...200).contains(lastPhysicalLength) && text.count <= lastPhysicalLength
  }

  /// Whether a record is waiting for possible continuation lines (or an event row for its rest).
  var isHoldingRecord: Bool { hasPending || eventLines.isHolding }

  mutating func start(
    source: Int, lineNumber: Int, severity: Severity, time: LogTime, file: UnsafeBufferPointer<UInt8>, sourceLine: Int,
    verbosity: Int?, message: UnsafeBufferPointer<UInt8>
  ) {
    hasPending = true
    pendingSource = source
    pendingStream = currentStream
    pendingFirstLine = lineNumber
    if pendingExtraLines < 0 {
      accounting.mergedRecords += 1
      pendingLineCount = 1
    } else {
      pendingLineCount = 1 + pendingExtraLines
    }
    pendingSeverity = severity
    pendingTime = time
    // Reuse the buffers: no allocation per record in the steady state.
    pendingFile.removeAll(keepingCapacity: true)
    pendingFile.append(contentsOf: file)
    pendingSourceLine = sourceLine
    pendingVerbosity = verbosity
    pendingJSONIteration = nil
    pendingJSONHasFields = false
    pendingIsRewritten = false
    pendingNeedsRecognition = false
    pendingMessage.removeAll(keepingCapacity: pendingMessage.capacity <= 1 << 16)
    pendingBraceDepth = 0
    appendMessage(message)
  }

  private mutating func appendContinuation(_ text: UnsafeBufferPointer<UInt8>) {
    lastPhysicalLength = text.count
    pendingLineCount += 1 + pendingExtraLines
    if pendingMessage.count < maximumRecordLength { pendingMessage.append(0x0A) }
    appendMessage(text)
  }

  private mutating func appendMessage(_ bytes: UnsafeBufferPointer<UInt8>) {
    let room = maximumRecordLength - pendingMessage.count
    guard room > 0 else { return }
    let kept = UnsafeBufferPointer(rebasing: bytes[0..<min(room, bytes.count)])
    pendingMessage.append(contentsOf: kept)
    // Most messages have no braces: two memchr scans rule them out faster than a byte loop.
    guard memchrIndex(kept, UInt8(ascii: "{")) != nil || memchrIndex(kept, UInt8(ascii: "}")) != nil else { return }
    for byte in kept {
      if byte == UInt8(ascii: "{") {
        pendingBraceDepth += 1
      } else if byte == UInt8(ascii: "}") {
        pendingBraceDepth -= 1
      }
    }
  }

  /// Whether an unindented, headerless line continues the pending record.
  private func continues(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    if pendingSeverity == .fatal || pendingBraceDepth > 0 { return true }
    guard let first = text.first else { return false }
    if first == UInt8(ascii: "}") || first == UInt8(ascii: "]") || first == UInt8(ascii: ")") { return true }
    return startsWith(text, "caused by:") || startsWith(text, "status code:") || continuesProviderError(text)
  }

  /// Whether `text` is a line of a provider SDK's multi-line error: Alibaba's `SDK.ServerError`
  /// (`ErrorCode: …`, `Recommend: …`, `RequestId: …`, `Message: …`) and the Azure SDK's
  /// `ResponseError` (`RESPONSE 409: …`, `ERROR CODE: …`, rules of dashes).
  private func continuesProviderError(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = text.first else { return false }
    switch first {
    case UInt8(ascii: "E"): return startsWith(text, "ErrorCode: ") || startsWith(text, "ERROR CODE: ")
    case UInt8(ascii: "R"):
      return startsWith(text, "Recommend: ") || startsWith(text, "RequestId: ") || startsWith(text, "RESPONSE ")
    case UInt8(ascii: "M"): return startsWith(text, "Message: ")
    case UInt8(ascii: "-"): return startsWith(text, "--------")
    default: return false
    }
  }
}

@available(*, unavailable)
extension RecordAssembler: Sendable {}

/// Whether `bytes` begins with the ASCII `prefix`.
func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
  let count = prefix.utf8CodeUnitCount
  guard bytes.count >= count, let base = bytes.baseAddress else { return false }
  return memcmp(base, prefix.utf8Start, count) == 0
}
