import Glibc

/// One klog record: a header line and its continuation lines, viewed without copying.
///
/// The buffers are valid only during the callback that receives the record.
struct Record {
  /// Index of the input source (file) in the analysis's source list.
  var source: Int
  /// The 1-based physical line number of the header line.
  var firstLine: Int
  /// How many physical lines the record spans (1 + continuation lines).
  var lineCount: Int
  /// The severity; records that lost their letter count as info.
  var severity: Severity
  /// When the record was written.
  var time: LogTime
  /// The `file.go` part of the header.
  var file: UnsafeBufferPointer<UInt8>
  /// The `:line` part of the header.
  var sourceLine: Int
  /// The message: the header line's text, then each continuation line after a `\n`.
  var message: UnsafeBufferPointer<UInt8>
  /// The `v` level, when the format states it (klog JSON).
  var verbosity: Int?
  /// Lines that may be the rest of the header line, cut by a hard wrap (a terminal or a mail client).
  ///
  /// They are joined by `\n`, and empty when there are none; the analyzer decides whether they
  /// belong to the record.
  var wrapped = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  /// How many physical lines ``wrapped`` holds.
  var wrappedLines = 0
  /// How many of the first lines of ``wrapped`` look cut at one width (60 to 200 columns).
  var widthWrappedLines = 0
  /// Which continuation lines look like pieces of a wrap of the line before (bit i: the i + 1th
  /// line after the first).
  var wrapLikeContinuationLines: UInt64 = 0
  /// The length of the record's first physical line (after its envelope), for telling wraps apart.
  var firstLineLength = 0
  /// The length of the prefix of a paste before it (``firstLineLength`` does not count it).
  var firstLinePrefixLength = 0
  /// The blanks that end that prefix (a paste's indentation inside a box border).
  var firstLinePrefixIndent = 0
  /// The base year this record's own full time (an envelope's, a JSON `ts`, an event row's) proves,
  /// if it has one (``YearTracker/baseYear(provenBy:)``); the first one handled is the log's.
  var envelopeBaseYear: Int?
  /// The `iterationId` field of a CAS JSON logging record, if it has a valid one.
  var jsonIteration: IterationId?
  /// Whether the record came from CAS JSON logging with fields besides `ts`, `caller`, `msg`, `v`, `err`.
  var jsonHasFields = false
  /// The stream of an interleaved log the record came from (a kubectl `--prefix` pod), 0 when none.
  var stream: UInt16 = 0
  /// Whether the record's message was rebuilt from another layout (a kubectl event row), so that
  /// its severity says nothing about the `--v` level CAS ran at.
  var isRewritten = false
  /// Whether the line is a record only if the catalogue recognises its message (a time and a
  /// text, with no klog header); otherwise it counts as malformed.
  var needsRecognition = false
  /// Whether the record's time was readable.
  ///
  /// When it was not (a redacted time, a line without a header), ``time`` is only where the
  /// record stands in time order: the time of the last record before it that had one. It is never
  /// reported as the record's time.
  var hasTime = true
  /// Whether the record is a line without a header (a message pasted alone, or the text from
  /// `file.go:123] ` on); the handler takes it only when it is recognised or reads as an error.
  var isHeaderless = false
  /// Whether records came before it in its source, so that a line without a header reading as an
  /// error is one of the log's (a lone `error:` line of another tool is no CAS record).
  var followsRecords = false

  /// The physical line numbers the record spans.
  var lines: ClosedRange<Int> { firstLine...(firstLine + lineCount - 1) }

  /// Whether the record is in the structured form: a Go-quoted message (klog text), or a CAS JSON
  /// record with key=value fields.
  var isStructured: Bool { jsonHasFields || message.first == UInt8(ascii: "\"") }

  /// The record's `iterationId`: the JSON field, or the first key after a quoted text message.
  var iteration: IterationId? { jsonIteration ?? IterationId.scan(message: message) }

  /// Whether the record is one line of the usual kind, whose meaning depends on its severity and
  /// message alone: not rebuilt, not structured, not waiting to be recognised, no wrap pieces.
  var isPlainLine: Bool {
    lineCount == 1 && wrappedLines == 0 && !isHeaderless && !needsRecognition && !isRewritten && jsonIteration == nil
      && !jsonHasFields && message.first != UInt8(ascii: "\"")
  }

  /// The message's first line (up to the first `\n`).
  var headline: UnsafeBufferPointer<UInt8> {
    guard let base = message.baseAddress, let newline = memchrIndex(message, 0x0A) else { return message }
    return UnsafeBufferPointer(start: base, count: newline)
  }
}
