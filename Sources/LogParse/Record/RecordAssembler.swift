import Glibc

/// Turns unwrapped lines into records: parses klog headers and joins continuation lines.
///
/// A line with a header starts a record. A line without one continues the previous record when it
/// looks like a continuation (indented, `caused by:`, a closing bracket, inside an open `{…}` struct,
/// or anything after a fatal record); otherwise it is held as a possible wrap of the record's line
/// (the handler joins the pieces the catalogue recognises joined), and each piece left over is
/// offered as a record without a header, which stays a malformed line when the handler does not
/// take it. Blank lines, `...` elisions and shell prompts are skipped and end the record. The
/// record is delivered when the next record starts, on a skipped line, or on ``flush(_:)``.
///
/// `emit` returns, for a record with a header, how many held pieces it joined; for a record
/// without one (``Record/isHeaderless``), 1 when it was taken as a record and 0 when not.
struct RecordAssembler {
  /// Line counts.
  var accounting = LineAccounting()
  /// Kubernetes events pasted as kubectl prints them, and times before texts.
  var eventLines = KubernetesEventLines()
  /// Whether any klog text header or paste damage was seen.
  private(set) var sawKlogText = false
  private(set) var sawPasted = false
  /// The kinds of prefix the header search stepped over (``LinePrefix``).
  var prefixFormats: Set<InputFormat> = []
  /// The time of a line that held only a time, the envelope time of the line after it.
  var heldLineTime: FullTime?
  /// Whether the input has shown lines that hold only a time (``acceptTimeLine(_:_:)``).
  var sawTimeLines = false
  /// The form of the last header's prefix (``LinePrefix/shape(_:into:)``): a line without a header
  /// that starts with one of that form loses it too (an editor's `Line 13: ` before a continuation).
  private var prefixShape: [UInt8] = []
  /// Whether the last header's prefix held a box border, so a right border closes the lines too.
  private var prefixHasBorder = false
  /// The year tracker, fed every record's time.
  var years = YearTracker()

  var hasPending = false
  private var pendingSource = 0
  private var pendingFirstLine = 0
  var pendingLineCount = 0
  private var pendingSeverity: Severity = .info
  private var pendingTime = LogTime(month: 1, day: 1, microsecondOfDay: 0)
  private var pendingHasTime = true
  /// The base year the pending record's full time proves, if it has one.
  var pendingEnvelopeBaseYear: Int?
  /// The time of the last record with a readable time: where a record without one stands in time
  /// order (its place in the line order), never reported as its time.
  private var lastKnownTime = LogTime(month: 1, day: 1, microsecondOfDay: 0)
  private var pendingFile = RecordBytes()
  private var pendingSourceLine = 0
  private var pendingVerbosity: Int?
  private var pendingJSONIteration: IterationId?
  private var pendingJSONHasFields = false
  private var pendingStream: UInt16 = 0
  /// The stream of the line being accepted (a kubectl `--prefix` pod), set by the analyzer per line.
  var currentStream: UInt16 = 0
  var pendingIsRewritten = false
  var pendingNeedsRecognition = false
  private var pendingMessage = RecordBytes()
  private var pendingBraceDepth = 0
  /// Extra physical lines of the line being accepted (joined partials), added to a record it starts.
  var pendingExtraLines = 0
  /// Lines that may continue the pending record's header line after a hard wrap, and how many.
  private var pendingWrap: [UInt8] = []
  private var pendingWrapLines = 0
  /// Each held piece's first line number and physical line count.
  private var pendingWrapSpans: [(first: Int, count: Int)] = []
  /// How many of the first held pieces look cut at one width (60 to 200 columns, no longer than
  /// the line before): the only ones a record the catalogue recognises alone may take.
  private var pendingWidthWrapLines = 0
  private var pendingFirstLineLength = 0
  private var pendingFirstLinePrefixLength = 0
  private var pendingFirstLinePrefixIndent = 0
  /// Which continuation lines (bit i: the line i + 1 after the first) look like pieces of a wrap.
  private var pendingWrapLikeLines: UInt64 = 0
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
    _ line: UnwrappedLine, source: Int, lineNumber: Int, physicalLines: Int = 1, _ emit: (Record) -> Int
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
  mutating func releaseHeld(_ emit: (Record) -> Int, reversed: Bool = false) {
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
  mutating func flushAll(_ emit: (Record) -> Int) {
    releaseHeld(emit)
    flush(emit)
  }

  private mutating func acceptNow(
    _ line: UnwrappedLine, source: Int, lineNumber: Int, physicalLines: Int, _ emit: (Record) -> Int
  ) {
    pendingExtraLines = max(-1, physicalLines - 1)
    switch line {
    case .structured(let structured, let envelopeTime):
      flush(emit)
      let fullTime = structured.time ?? envelopeTime
      let time = years.stamp(fullTime, fallback: nil)
      lastKnownTime = time
      structured.file.withUnsafeBufferPointer { file in
        start(
          source: source, lineNumber: lineNumber, severity: structured.severity, time: time, file: file,
          sourceLine: structured.sourceLine, verbosity: structured.verbosity, message: structured.message)
      }
      pendingEnvelopeBaseYear = years.baseYear(provenBy: fullTime)
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
    _ emit: (Record) -> Int
  ) {
    // A time on the line before stands for an envelope time this line lacks.
    let lineTime = heldLineTime
    heldLineTime = nil
    let envelopeTime = envelopeTime ?? lineTime
    if envelopeTime == nil, acceptTimeLine(text, emit) { return }
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
    _ emit: (Record) -> Int
  ) {
    if let header {
      flush(emit)
      sawKlogText = true
      var envelopeTime = envelopeTime
      var text = text
      if header.pastedPrefixLength > 0 {
        let prefixBytes = UnsafeBufferPointer(rebasing: text[..<header.pastedPrefixLength])
        LinePrefix.shape(prefixBytes, into: &prefixShape)
        if header.foundBySearch {
          let prefix = LinePrefix(prefixBytes)
          prefixFormats.formUnion(prefix.formats)
          if envelopeTime == nil { envelopeTime = prefix.time }
          prefixHasBorder = prefix.formats.contains(.boxBorderPrefix)
          if prefixHasBorder { text = LinePrefix.withoutRightBorder(text) }
        } else {
          sawPasted = true
          prefixHasBorder = false
        }
      } else if !prefixShape.isEmpty {
        prefixShape.removeAll()
        prefixHasBorder = false
      }
      let time: LogTime
      if header.hasTime || envelopeTime != nil {
        let klogTime = LogTime(
          month: header.month, day: header.day, microsecondOfDay: header.microsecondOfDay,
          fractionDigits: header.fractionDigits)
        time = years.stamp(envelopeTime, fallback: header.hasTime ? klogTime : nil)
        lastKnownTime = time
      } else {
        time = lastKnownTime
      }
      start(
        source: source, lineNumber: lineNumber, severity: header.severity ?? .info, time: time,
        file: UnsafeBufferPointer(rebasing: text[header.fileRange]), sourceLine: header.sourceLine,
        verbosity: nil, message: UnsafeBufferPointer(rebasing: text[header.messageStart...]))
      pendingEnvelopeBaseYear = years.baseYear(provenBy: envelopeTime)
      pendingHasTime = header.hasTime || envelopeTime != nil
      // Lengths of the text as the writer saw it, without the prefix of the paste.
      pendingFirstLineLength = text.count - header.pastedPrefixLength
      pendingFirstLinePrefixLength = header.pastedPrefixLength
      pendingFirstLinePrefixIndent = 0
      while pendingFirstLinePrefixIndent < header.pastedPrefixLength,
        text[header.pastedPrefixLength - 1 - pendingFirstLinePrefixIndent] == 0x20
      {
        pendingFirstLinePrefixIndent += 1
      }
      lastPhysicalLength = pendingFirstLineLength
      return
    }
    var text = text
    if let length = LinePrefix.matchLength(text, shape: prefixShape) {
      text = UnsafeBufferPointer(rebasing: text[length...])
      if prefixHasBorder { text = LinePrefix.withoutRightBorder(text) }
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
    case .headerlessFragment(let fragment):
      flush(emit)
      offerHeaderless(
        text, fragment: fragment, source: source, lineNumber: lineNumber, lines: 1 + pendingExtraLines, emit)
    case .other(let startsIndented):
      if hasPending && pendingWrapLines == 0 && (startsIndented || continues(text)) {
        appendContinuation(text)
      } else if hasPending && mayBeWrapped(text) {
        if !pendingWrap.isEmpty { pendingWrap.append(0x0A) }
        pendingWrap.append(contentsOf: text)
        if pendingWrapLines == pendingWidthWrapLines, looksWrapped(text) { pendingWidthWrapLines += 1 }
        pendingWrapLines += 1
        pendingWrapSpans.append((lineNumber, 1 + pendingExtraLines))
        lastPhysicalLength = text.count
      } else {
        flush(emit)
        offerHeaderless(text, fragment: nil, source: source, lineNumber: lineNumber, lines: 1 + pendingExtraLines, emit)
      }
    }
  }

  /// Whether a line with a standard header may be taken by ``stampSingleLine(_:header:_:)``:
  /// no time line or pasted event row waits to be joined to it.
  var takesSingleLines: Bool { heldLineTime == nil && !eventLines.isHolding }

  /// Takes a line the caller knows to be a whole record: held lines and the pending record go to
  /// `emit`, the line is stamped and counted; returns its time.
  ///
  /// The line has a standard header (``StandardHeader``) and the next line starts with one too.
  /// Everything is as ``accept(_:source:lineNumber:physicalLines:_:)`` would do with the line and
  /// the next one; the record that would have been assembled is
  /// ``singleLineRecord(_:header:time:source:lineNumber:)``, which views `text` (nothing is copied
  /// into the pending buffers), and a caller that reads the line's meaning without a ``Record`` (a
  /// utilization line, ``RecordHandler/handleUtilizationLine(_:file:time:severity:source:lineNumber:known:_:)``)
  /// reads its message, ``singleLineMessage(_:header:)``. `header` must have no record merged after
  /// it (``KlogHeaderParser/embeddedHeaderStart(_:messageStart:)``).
  @inline(__always)
  mutating func stampSingleLine(_ text: UnsafeBufferPointer<UInt8>, header: KlogHeader, _ emit: (Record) -> Int)
    -> LogTime
  {
    // Tested here first: the usual line has nothing held and nothing pending after the last.
    if !newestFirst.lines.isEmpty { releaseHeld(emit) }
    pendingExtraLines = 0
    if hasPending || eventLines.isHolding { flush(emit) }
    sawKlogText = true
    if !prefixShape.isEmpty {
      prefixShape.removeAll()
      prefixHasBorder = false
    }
    let klogTime = LogTime(
      month: header.month, day: header.day, microsecondOfDay: header.microsecondOfDay,
      fractionDigits: header.fractionDigits)
    let time = years.stamp(nil, fallback: klogTime)
    lastKnownTime = time
    accounting.records += 1
    lastPhysicalLength = text.count
    return time
  }

  /// Counts `count` more lines taken whole, each as ``stampSingleLine(_:header:_:)`` counts one,
  /// the last at `lastTime` and `lastLength` bytes long (``UtilizationRun``).
  ///
  /// Only for lines that followed one ``stampSingleLine(_:header:_:)`` took, with nothing in
  /// between, and repeated its header's date: nothing was held or pending, and each line's time
  /// kept the year of the one before.
  @inline(__always)
  mutating func noteRunOfLines(_ count: Int, lastTime: LogTime, lastLength: Int) {
    accounting.lines += count
    accounting.records += count
    lastKnownTime = lastTime
    lastPhysicalLength = lastLength
  }

  /// The message of a line taken whole (``stampSingleLine(_:header:_:)``): from the header's end,
  /// cut at the longest record.
  @inline(__always)
  func singleLineMessage(_ text: UnsafeBufferPointer<UInt8>, header: KlogHeader) -> UnsafeBufferPointer<UInt8> {
    let messageStart = min(header.messageStart, text.count)
    let messageLength = min(text.count - messageStart, maximumRecordLength)
    return UnsafeBufferPointer(rebasing: text[messageStart..<(messageStart + messageLength)])
  }

  /// The one-line record of a line ``stampSingleLine(_:header:_:)`` stamped with `time`.
  @inline(__always)
  func singleLineRecord(
    _ text: UnsafeBufferPointer<UInt8>, header: KlogHeader, time: LogTime, source: Int, lineNumber: Int
  ) -> Record {
    var record = Record(
      source: source, firstLine: lineNumber, lineCount: 1, severity: header.severity ?? .info, time: time,
      file: UnsafeBufferPointer(rebasing: text[header.fileRange]), sourceLine: header.sourceLine,
      message: singleLineMessage(text, header: header), verbosity: nil, stream: currentStream)
    record.hasTime = time.isKnown
    record.firstLineLength = text.count
    return record
  }

  /// Offers a line without a header as a record of its own, with no time.
  ///
  /// People paste a message without its header, or the text from `file.go:123] ` on. The handler
  /// takes it as a record when the catalogue recognises it (or it reads as an error); otherwise it
  /// stays a malformed line.
  private mutating func offerHeaderless(
    _ text: UnsafeBufferPointer<UInt8>, fragment: HeaderlessFragment?, source: Int, lineNumber: Int, lines: Int,
    _ emit: (Record) -> Int
  ) {
    let message = UnsafeBufferPointer(rebasing: text[(fragment?.messageStart ?? 0)...])
    let file =
      fragment.map { UnsafeBufferPointer(rebasing: text[$0.fileRange]) } ?? UnsafeBufferPointer(start: nil, count: 0)
    var record = Record(
      source: source, firstLine: lineNumber, lineCount: lines, severity: .info, time: lastKnownTime, file: file,
      sourceLine: fragment?.sourceLine ?? 0,
      message: UnsafeBufferPointer(rebasing: message[0..<min(message.count, maximumRecordLength)]),
      verbosity: nil)
    record.hasTime = false
    record.isHeaderless = true
    record.followsRecords = accounting.records > 0
    if emit(record) > 0 {
      accounting.records += 1
      accounting.untimedRecords += 1
      accounting.continuationLines += lines - 1
    } else {
      accounting.malformed += lines
    }
  }

  /// Delivers the record being assembled, if any.
  mutating func flush(_ emit: (Record) -> Int) {
    if eventLines.isHolding { startHeldEventRow() }
    guard hasPending else { return }
    hasPending = false
    accounting.records += 1
    if !pendingHasTime { accounting.untimedRecords += 1 }
    accounting.continuationLines += pendingLineCount - 1
    let joinedPieces = pendingFile.withUnsafeBufferPointer { file in
      pendingMessage.withUnsafeBufferPointer { message in
        pendingWrap.withUnsafeBufferPointer { wrap in
          var record = Record(
            source: pendingSource, firstLine: pendingFirstLine, lineCount: pendingLineCount,
            severity: pendingSeverity, time: pendingTime, file: file, sourceLine: pendingSourceLine,
            message: message, verbosity: pendingVerbosity, wrapped: wrap, wrappedLines: pendingWrapLines,
            envelopeBaseYear: pendingEnvelopeBaseYear, jsonIteration: pendingJSONIteration,
            jsonHasFields: pendingJSONHasFields, stream: pendingStream, isRewritten: pendingIsRewritten,
            needsRecognition: pendingNeedsRecognition)
          // An event row's age or a time of day gives no time at all (``LogTime/unknown``).
          record.hasTime = pendingHasTime && pendingTime.isKnown
          record.widthWrappedLines = pendingWidthWrapLines
          record.wrapLikeContinuationLines = pendingWrapLikeLines
          record.firstLineLength = pendingFirstLineLength
          record.firstLinePrefixLength = pendingFirstLinePrefixLength
          record.firstLinePrefixIndent = pendingFirstLinePrefixIndent
          return emit(record)
        }
      }
    }
    // The usual record held no pieces: nothing to offer, and no copy of the empty buffers (a copy
    // would make `removeAll(keepingCapacity:)` allocate new ones, twice a record).
    guard !pendingWrapSpans.isEmpty || !pendingWrap.isEmpty else {
      pendingWrapLines = 0
      pendingWidthWrapLines = 0
      return
    }
    // The pieces the record took are its continuation lines; each piece after them is offered as
    // a record of its own, and stays a malformed line when it is none.
    var pieceStart = 0
    let spans = pendingWrapSpans
    let wrap = pendingWrap
    pendingWrap.removeAll(keepingCapacity: true)
    pendingWrapSpans.removeAll(keepingCapacity: true)
    pendingWrapLines = 0
    pendingWidthWrapLines = 0
    wrap.withUnsafeBufferPointer { bytes in
      for (index, span) in spans.enumerated() {
        let end =
          memchrIndex(UnsafeBufferPointer(rebasing: bytes[pieceStart...]), 0x0A).map { pieceStart + $0 } ?? bytes.count
        let piece = UnsafeBufferPointer(rebasing: bytes[pieceStart..<end])
        pieceStart = end + 1
        if index < joinedPieces {
          accounting.continuationLines += span.count
          continue
        }
        let fragment: HeaderlessFragment?
        if case .headerlessFragment(let found) = LineShape.classify(piece) { fragment = found } else { fragment = nil }
        offerHeaderless(
          piece, fragment: fragment, source: pendingSource, lineNumber: span.first, lines: span.count, emit)
      }
    }
  }

  /// The most pieces and bytes a record holds as possible wraps of its header line.
  static let maximumWrapPieces = 64
  static let maximumWrapBytes = 4096

  /// Whether a headerless line may be a piece of the previous record's line, cut by a wrap.
  ///
  /// Mail clients and narrow terminals wrap at spaces or at one width, sometimes indenting the
  /// pieces; the handler keeps the pieces only while the joined text is what the catalogue
  /// recognises. Bounded: at most ``maximumWrapPieces`` pieces and ``maximumWrapBytes`` bytes.
  private func mayBeWrapped(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    pendingWrapLines < RecordAssembler.maximumWrapPieces
      && pendingWrap.count + text.count < RecordAssembler.maximumWrapBytes
  }

  /// Whether `text`, after the pending record's last line, looks like a piece a wrap cut from it.
  ///
  /// Mail clients and terminals wrap at a common width W (72, 76, 78, 80, 100, 120, 132, 160 or
  /// 200 columns): the line before is W long (a cut mid-token), or its next word would not have
  /// fit in W (a wrap at a space). The line before is measured as written, with its prefix, or
  /// inside a box border with some of the indentation before the header. A line a CAS record
  /// continues itself with is no piece.
  private func looksWrapped(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard lastPhysicalLength >= 40, !RecordAssembler.isOwnLine(text[...]) else { return false }
    var word = 0
    while word < text.count, text[word] == 0x20 { word += 1 }
    let indentation = word
    while word < text.count, text[word] != 0x20 { word += 1 }
    let firstWord = word - indentation
    func fits(_ length: Int) -> Bool {
      RecordAssembler.wrapWidths.contains { width in
        width == length || (length < width && width < length + 1 + firstWord)
      }
    }
    if fits(lastPhysicalLength) || fits(lastPhysicalLength + pendingFirstLinePrefixLength) { return true }
    return (1...max(1, pendingFirstLinePrefixIndent)).contains { fits(lastPhysicalLength + $0) }
  }

  /// The widths mail clients and terminals wrap at.
  static let wrapWidths = [72, 76, 78, 80, 100, 120, 132, 160, 200]

  /// Whether `line` is one a record continues itself with, never a piece of a wrap: tab-indented,
  /// `caused by:`, `status code:`, or the ` >` that closes a multi-line value of klog's structured form.
  static func isOwnLine(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    if line.first == 0x09 { return true }
    let rest = UnsafeBufferPointer(rebasing: line.drop { $0 == 0x20 })
    if line.first == 0x20, rest.first == UInt8(ascii: ">") { return true }
    return startsWith(rest, "caused by:") || startsWith(rest, "status code:")
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
    pendingEnvelopeBaseYear = nil
    pendingMessage.removeAll(keepingCapacity: pendingMessage.capacity <= 1 << 16)
    pendingBraceDepth = 0
    pendingWrapLikeLines = 0
    appendMessage(message)
  }

  private mutating func appendContinuation(_ text: UnsafeBufferPointer<UInt8>) {
    let index = pendingLineCount - 1
    if index < 64, looksWrapped(text) { pendingWrapLikeLines |= 1 << UInt64(index) }
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
