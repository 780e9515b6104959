/// Assembles JSON documents printed over several lines into one compact record per log event.
///
/// `aws logs filter-log-events` prints an object whose `events` array holds the records, `gcloud
/// logging read --format=json` and Logs Insights exports print an array of records, stern
/// `-o ppextjson` prints one object over several lines. Records are passed on as they complete, so
/// memory holds one record, never the document; a record longer than the cap is cut and counted in
/// ``oversizedRecords``. A line that cannot continue JSON ends the document: what it held is passed
/// on as text, so no line vanishes.
struct JSONDocumentAssembler {
  /// What the assembler passes on.
  enum Piece {
    /// A complete record (compact: line breaks became spaces) and the lines it is counted for.
    case record(UnsafeBufferPointer<UInt8>, span: (first: Int, count: Int))
    /// Lines of the document that belong to no record (brackets, other keys): counted as skipped.
    case structure(span: (first: Int, count: Int))
    /// Lines of a document that ended early or a record past the cap: passed on as text.
    case abandoned(UnsafeBufferPointer<UInt8>, span: (first: Int, count: Int))
  }

  /// The longest record kept; longer ones are cut and counted.
  let maximumRecordLength: Int
  /// Whether a document is open.
  private(set) var isActive = false
  /// Records cut at ``maximumRecordLength``.
  private(set) var oversizedRecords = 0
  private var firstHeldLine = 0
  private var depth = 0
  private var topIsArray = false
  /// The depth inside the array whose objects are the records (1 in a top-level array, 2 in `events`),
  /// 0 while none was seen (the top-level object is the record), -1 after `events` closed.
  private var recordDepth = 0
  private var inRecord = false
  private var record: [UInt8] = []
  private var recordCut = false
  private var lastKeyWasEvents = false
  private var valueIsEvents = false

  init(maximumRecordLength: Int) {
    self.maximumRecordLength = maximumRecordLength
  }

  /// Lines the open document holds that were not passed on yet.
  func heldLines(currentLine: Int) -> Int { isActive ? max(0, currentLine - firstHeldLine + 1) : 0 }

  /// Whether `line` may open a document.
  ///
  /// It opens one when it is `[` or `{` alone (a document printed over several lines), a whole
  /// array, or a whole object with an `"events"` key (many records on one line). A line cut in
  /// the middle of a record never opens one.
  static func opensDocument(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
    guard i < line.count else { return false }
    var end = line.count
    while end > i, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
    let first = line[i]
    if end == i + 1 { return first == UInt8(ascii: "[") || first == UInt8(ascii: "{") }
    if first == UInt8(ascii: "[") {
      // `[{…}, …]` or `[]`: an array of records (not `[pod/…]`, `[2024-…]` or other brackets).
      var j = i + 1
      while j < end, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
      return line[end - 1] == UInt8(ascii: "]") && (line[j] == UInt8(ascii: "{") || line[j] == UInt8(ascii: "]"))
    }
    guard first == UInt8(ascii: "{"), line[end - 1] == UInt8(ascii: "}") else { return false }
    return ByteSearch.offset(of: eventsKey, in: line) != nil
  }

  private static let eventsKey = Array("\"events\"".utf8)

  /// Feeds one line; false when it is no part of a document (the caller reads it as usual).
  mutating func feed(
    _ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, _ body: (Piece) -> Void
  ) -> Bool {
    if !isActive {
      guard Self.opensDocument(line) else { return false }
      begin(lineNumber)
    } else if !mayContinue(line) {
      abandon(before: lineNumber, body)
      return false
    }
    let delivered = scan(line, lineNumber: lineNumber, body)
    switch delivered {
    case .invalid:
      if firstHeldLine == lineNumber && !inRecordBefore {
        // A single line that only looked like a document: read it as usual.
        reset()
        return false
      }
      abandon(before: lineNumber + 1, body)
    case .open:
      break
    case .closed(let recordsSeen):
      if recordsSeen == 0 && firstHeldLine == lineNumber && lineOpenedDocument && !topIsArray {
        // One object on one line: an ordinary JSON record, read as usual.
        reset()
        return false
      }
      if firstHeldLine <= lineNumber {
        body(.structure(span: (firstHeldLine, lineNumber - firstHeldLine + 1)))
      }
      reset()
    }
    return true
  }

  /// Passes on what an unterminated document held at the end of the input.
  mutating func finish(lastLine: Int, _ body: (Piece) -> Void) {
    guard isActive else { return }
    abandon(before: lastLine + 1, body)
  }

  private var inRecordBefore = false
  private var lineOpenedDocument = false

  private mutating func begin(_ lineNumber: Int) {
    isActive = true
    firstHeldLine = lineNumber
    depth = 0
    topIsArray = false
    recordDepth = 0
    inRecord = false
    record.removeAll(keepingCapacity: record.capacity <= 1 << 16)
    recordCut = false
    lastKeyWasEvents = false
    valueIsEvents = false
  }

  private mutating func reset() {
    isActive = false
    inRecord = false
    record.removeAll(keepingCapacity: record.capacity <= 1 << 16)
  }

  /// Passes on the held lines before `line` as text (the record so far, if any) and closes the document.
  private mutating func abandon(before line: Int, _ body: (Piece) -> Void) {
    let count = line - firstHeldLine
    if count > 0 {
      if inRecord && !record.isEmpty {
        record.withUnsafeBufferPointer { body(.abandoned($0, span: (firstHeldLine, count))) }
      } else {
        body(.structure(span: (firstHeldLine, count)))
      }
    }
    reset()
  }

  /// Whether a line may continue an open document: it starts with what JSON text can start with.
  private func mayContinue(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
    guard i < line.count else { return true }
    switch line[i] {
    case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""),
      UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "t"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return false
    }
  }

  private enum ScanResult {
    case open
    case closed(records: Int)
    case invalid
  }

  /// Runs the JSON structure of one line, passing on each record that closes on it.
  private mutating func scan(
    _ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, _ body: (Piece) -> Void
  ) -> ScanResult {
    inRecordBefore = inRecord
    lineOpenedDocument = depth == 0
    var i = 0
    let n = line.count
    var recordStart = inRecord ? 0 : -1
    var records = 0
    if inRecord && !recordCut { record.append(0x20) }
    func appendRecordBytes(_ end: Int) {
      guard recordStart >= 0, !recordCut else { return }
      let piece = UnsafeBufferPointer(rebasing: line[recordStart..<end])
      if record.count + piece.count > maximumRecordLength {
        recordCut = true
        record.append(contentsOf: UnsafeBufferPointer(rebasing: piece[0..<max(0, maximumRecordLength - record.count)]))
      } else {
        record.append(contentsOf: piece)
      }
    }
    while i < n {
      let b = line[i]
      switch b {
      case 0x20, 0x09, 0x0D:
        i += 1
      case UInt8(ascii: "\""):
        let start = i
        i += 1
        while i < n, line[i] != UInt8(ascii: "\"") {
          i += line[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard i < n else { return .invalid }
        i += 1
        if depth == 1 && !topIsArray {
          lastKeyWasEvents = i - start == 8 && ByteSearch.offset(of: Self.eventsKey, in: line, from: start) == start
        }
      case UInt8(ascii: ":"):
        if depth == 1 { valueIsEvents = lastKeyWasEvents }
        i += 1
      case UInt8(ascii: ","):
        if depth == 0 {
          // A record of a pasted array without its brackets ends with `},`.
          guard isActive else { return .invalid }
        }
        valueIsEvents = false
        i += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if depth == 0 {
          guard !lineOpenedDocument || i == firstNonBlank(line) || records > 0 else { return .invalid }
          topIsArray = b == UInt8(ascii: "[")
          if !topIsArray {
            // An object is its own record unless its `events` array holds them.
            inRecord = true
            recordStart = i
            record.removeAll(keepingCapacity: true)
            recordCut = false
          } else {
            recordDepth = 1
          }
        } else if depth == 1 && !topIsArray && b == UInt8(ascii: "[") && valueIsEvents && recordDepth <= 0 {
          recordDepth = 2
          inRecord = false
          recordStart = -1
          record.removeAll(keepingCapacity: true)
        } else if depth == recordDepth && b == UInt8(ascii: "{") && !inRecord {
          inRecord = true
          recordStart = i
          record.removeAll(keepingCapacity: true)
          recordCut = false
        }
        depth += 1
        i += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard depth > 0 else { return .invalid }
        depth -= 1
        i += 1
        let closesRecord = inRecord && (depth == recordDepth || (depth == 0 && recordDepth == 0))
        if closesRecord {
          appendRecordBytes(i)
          inRecord = false
          recordStart = -1
          records += 1
          deliverRecord(lineNumber: lineNumber, body)
        }
        if depth == 0 { return finishTop(line, from: i, records: records) }
        if depth == 1 {
          valueIsEvents = false
          // The `events` array ended: objects in the other arrays (`searchedLogStreams`) are no records.
          if recordDepth == 2 { recordDepth = -1 }
        }
      case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "E"):
        guard depth > 0 else { return .invalid }
        i += 1
      default:
        return .invalid
      }
    }
    appendRecordBytes(n)
    return .open
  }

  /// After the top-level value closed: only a `,` (a pasted array's element) and blanks may follow.
  private func finishTop(_ line: UnsafeBufferPointer<UInt8>, from start: Int, records: Int) -> ScanResult {
    var i = start
    while i < line.count {
      let b = line[i]
      guard b == 0x20 || b == 0x09 || b == 0x0D || b == UInt8(ascii: ",") else { return .invalid }
      i += 1
    }
    return .closed(records: records)
  }

  private func firstNonBlank(_ line: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
    return i
  }

  /// Passes on the record just closed, counted for the lines since the last one (none when it shares a line).
  private mutating func deliverRecord(lineNumber: Int, _ body: (Piece) -> Void) {
    let count = max(0, lineNumber - firstHeldLine + 1)
    let first = count > 0 ? firstHeldLine : lineNumber
    firstHeldLine = lineNumber + 1
    if recordCut {
      oversizedRecords += 1
      record.withUnsafeBufferPointer { body(.abandoned($0, span: (first, count))) }
    } else {
      record.withUnsafeBufferPointer { body(.record($0, span: (first, count))) }
    }
    record.removeAll(keepingCapacity: record.capacity <= 1 << 16)
    recordCut = false
  }
}

@available(*, unavailable)
extension JSONDocumentAssembler: Sendable {}
