/// Logs Insights CSV exports: a header naming the columns, then one row per event, where a quoted
/// field may hold line breaks (RFC 4180), as a `@message` or Container Insights `log` often does.
extension EnvelopeStripper {
  /// The names a message column goes by, the preferred first.
  static let insightsMessageColumns = ["@message", "log", "message"]

  /// Reads a Logs Insights CSV header or row; false when the line is neither.
  ///
  /// A row whose quoted field is still open at the end of the line is held, with the lines that
  /// follow, until the field closes; one longer than the maximum line length, or still open at the
  /// end of the input, is delivered as the text it is (so counted, never silently dropped).
  mutating func unwrapInsightsCSV(_ line: UnsafeBufferPointer<UInt8>, _ body: Deliver) -> Bool {
    if collectors.insightsRow.isActive {
      collectors.insightsRow.append(line, limit: maximumLineLength)
      guard !collectors.insightsRow.isOpen else { return true }
      deliverInsightsRow(body)
      return true
    }
    if insightsRow(line, body) { return true }
    // A row whose quoted field goes on past this line.
    guard collectors.insightsColumns != nil, InsightsRow.quoteCount(line) % 2 == 1 else { return false }
    flushPartialAlone(body)
    collectors.insightsRow.start(line, lineNumber: currentLine, limit: maximumLineLength)
    return true
  }

  /// Delivers a row held at the end of the input.
  mutating func finishInsightsRow(_ body: Deliver) {
    guard collectors.insightsRow.isActive else { return }
    deliverInsightsRow(body)
  }

  /// Delivers the held row: as a row when it is whole, else as its text.
  private mutating func deliverInsightsRow(_ body: Deliver) {
    let row = collectors.insightsRow
    collectors.insightsRow = InsightsRow()
    let current = deliveredSpan
    deliveredSpan = (row.firstLine, row.lines)
    defer { deliveredSpan = current }
    row.bytes.withUnsafeBufferPointer { bytes in
      if row.isCut || row.isOpen || !insightsRow(bytes, body) {
        body(.text(bytes, envelopeTime: nil), deliveredSpan)
      }
    }
  }

  /// Reads one whole header or row; false when it is neither.
  private mutating func insightsRow(_ line: UnsafeBufferPointer<UInt8>, _ body: Deliver) -> Bool {
    var fields = collectors.cleaned
    collectors.cleaned = []
    defer { collectors.cleaned = fields }
    fields.removeAll(keepingCapacity: true)
    guard let ranges = CSVRow.fields(line, into: &fields) else { return false }
    if line.first == UInt8(ascii: "@") || line.first == UInt8(ascii: "\""),
      let column = Self.insightsMessageColumn(ranges.map { fields[$0] })
    {
      let time = ranges.firstIndex(where: { fields[$0].elementsEqual("@timestamp".utf8) })
      collectors.insightsColumns = (time, column, ranges.count)
      formats.insert(.logsInsightsCSV)
      flushPartialAlone(body)
      body(.text(UnsafeBufferPointer(start: nil, count: 0), envelopeTime: nil), deliveredSpan)
      return true
    }
    guard let columns = collectors.insightsColumns, ranges.count == columns.count else { return false }
    var time: FullTime?
    if let column = columns.time { time = collectorTime(Array(fields[ranges[column]])) }
    flushPartialAlone(body)
    let message = ranges[columns.message]
    fields.withUnsafeBufferPointer { buffer in
      var content = UnsafeBufferPointer(rebasing: buffer[message])
      while let last = content.last, last == 0x0A || last == 0x0D {
        content = UnsafeBufferPointer(rebasing: content[0..<(content.count - 1)])
      }
      unwrapPayload(content, envelopeTime: time, body)
    }
    return true
  }

  /// The message column of a header: `@message`, else `log`, else `message`, with at least one
  /// field named like a Logs Insights field (`@…`); nil when `names` is no such header.
  static func insightsMessageColumn(_ names: [ArraySlice<UInt8>]) -> Int? {
    guard names.contains(where: { $0.first == UInt8(ascii: "@") }) else { return nil }
    for name in insightsMessageColumns {
      if let column = names.firstIndex(where: { $0.elementsEqual(name.utf8) }) { return column }
    }
    return nil
  }
}

/// A Logs Insights CSV row held over several lines while a quoted field is open.
struct InsightsRow {
  /// The row's bytes, its lines joined by `\n`, at most the maximum line length.
  var bytes: [UInt8] = []
  /// The line number of its first line, and how many lines it spans.
  private(set) var firstLine = 0
  private(set) var lines = 0
  /// Whether a quoted field is open at the end of what was read.
  private(set) var isOpen = false
  /// Whether the row grew past the maximum line length (the rest of it was not kept).
  private(set) var isCut = false

  /// Whether a row is held.
  var isActive: Bool { lines > 0 }

  /// Starts a row with its first line, whose quoted field is open at its end.
  mutating func start(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, limit: Int) {
    firstLine = lineNumber
    lines = 1
    isOpen = true
    isCut = false
    bytes.removeAll(keepingCapacity: true)
    keep(line, limit: limit)
  }

  /// Adds the next line of the row.
  mutating func append(_ line: UnsafeBufferPointer<UInt8>, limit: Int) {
    lines += 1
    if Self.quoteCount(line) % 2 == 1 { isOpen.toggle() }
    keep([0x0A], limit: limit)
    keep(line, limit: limit)
  }

  private mutating func keep(_ part: some Collection<UInt8>, limit: Int) {
    guard !isCut else { return }
    guard bytes.count + part.count <= limit else {
      isCut = true
      return
    }
    bytes.append(contentsOf: part)
  }

  /// The number of `"` in `line` (a quoted field is open at its end when the count so far is odd).
  static func quoteCount(_ line: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in line where byte == UInt8(ascii: "\"") { count += 1 }
    return count
  }
}
