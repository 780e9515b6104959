/// One stretch of a file or stream, parsed on its own: its events and its statistics.
///
/// Line numbers, loops and year offsets are the stretch's own, counted from its start;
/// ``Analyzer/absorb(_:)`` places them in the whole input.
struct ParsedSegment: Sendable {
  var events: SegmentEvents
  var statistics: ParseStatistics
}

/// The parser alone (bytes → events and ``ParseStatistics``) over one segment of the input, from a
/// fresh start: nothing is applied to an episode builder.
struct SegmentParser {
  private var parser: Analyzer
  private var events: SegmentEvents

  init(options: AnalyzerOptions) {
    parser = Analyzer(options: options)
    // About one event per line of about 120 bytes: room for a segment's events without growing.
    events = SegmentEvents(capacity: min(options.segmentBytes / 100, 1 << 20))
    parser.records.statistics = .segment(maximumUnrecognizedShapes: options.maximumUnrecognizedShapes)
    parser.beginSource("-")
  }

  /// Parses the next bytes of the segment.
  mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
    parser.feed(chunk, to: &events)
  }

  mutating func feed(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { feed($0) }
  }

  /// Ends the segment and hands over what it parsed.
  mutating func finish() -> ParsedSegment {
    parser.endSource(to: &events)
    return ParsedSegment(events: events, statistics: parser.statistics)
  }
}

@available(*, unavailable)
extension SegmentParser: Sendable {}

extension Analyzer {
  /// Whether the input may be parsed in segments on several threads with the same result.
  ///
  /// Only when nobody watches records, events or steps as they happen: those must come in order.
  var canParseSegments: Bool {
    onRecord == nil && onRecordMeaning == nil && onEvent == nil && onStep == nil
  }

  /// Takes in a segment parsed elsewhere, the next stretch of the current source.
  ///
  /// The result is what feeding the segment's bytes here would have given, provided the segment
  /// starts where no record, partial line or hard wrap is open (see ``SegmentBoundary``): its
  /// statistics merge into the records' (``ParseStatistics/merge(_:source:lineOffset:)``) and its
  /// events, placed in the whole input, go to the episode builder in order.
  mutating func absorb(_ segment: inout ParsedSegment) {
    let source = max(0, sources.count - 1)
    let lineOffset = lineNumber
    lineNumber += segment.statistics.accounting.lines
    // The assembler stamps records with the year tracker; the merge continues its count.
    records.statistics.years = assembler.years
    let placement = records.statistics.merge(segment.statistics, source: source, lineOffset: lineOffset)
    assembler.years = records.statistics.years
    // Each event is moved out of the segment, never copied (a copy retains its strings), and a
    // payload-free event is left in its place for the array to destroy; the bits say which list
    // holds the next one.
    let years = records.statistics.yearEvidence
    let placeholder = PendingEvent(
      event: .mainLoopStarted,
      context: EventContext(time: LogTime(month: 1, day: 1, microsecondOfDay: 0), source: 0, lines: 0...0))
    let notePlaceholder = UtilizationNote(node: "", nameHash: 0, utilization: 0, context: placeholder.context)
    var order = segment.events.order
    segment.events.order = BitRing()
    segment.events.events.withUnsafeMutableBufferPointer { events in
      segment.events.notes.withUnsafeMutableBufferPointer { notes in
        var nextEvent = 0
        var nextNote = 0
        while order.count > 0 {
          if order.removeFirst() {
            var note = Self.moveOut(notes, &nextNote, leaving: notePlaceholder)
            note.context = placement.place(note.context)
            self.events.receive(consume note, years)
          } else {
            var item = Self.moveOut(events, &nextEvent, leaving: placeholder)
            item.context = placement.place(item.context)
            self.events.receive(consume item, years)
          }
        }
      }
    }
  }

  /// The element at `next` of `buffer`, moved out with `placeholder` left in its place for the
  /// array to destroy; `next` moves on.
  @inline(__always)
  private static func moveOut<Element>(
    _ buffer: UnsafeMutableBufferPointer<Element>, _ next: inout Int, leaving placeholder: Element
  ) -> Element {
    let slot = buffer.baseAddress! + next
    next += 1
    let element = slot.move()
    slot.initialize(to: placeholder)
    return element
  }
}
