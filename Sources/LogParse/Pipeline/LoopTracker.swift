/// Assigns each record to its autoscaler loop, and counts printf and structured records.
///
/// A record with an `iterationId` belongs to that loop. In a log without ids, a
/// `Starting main loop` record starts the next ordinal loop. Any other record belongs to the loop
/// its source is in (printf lines the structured core still writes carry no id). The ordinal
/// count runs over the whole input, so every ordinal names one loop.
///
/// A parser of one segment starts in the loop the input will be in when it is absorbed, written
/// `.ordinal(0)`: ``Analyzer/absorb(_:)`` resolves it, and the segment's ordinals, in the whole
/// input (``resolve(_:)``).
struct LoopTracker: Sendable {
  /// The loop the current source is in, if any is known.
  private(set) var current: LoopId?
  /// How many ordinal loops have started.
  private(set) var ordinals = 0
  /// The source of the last record, to forget the loop when the source changes.
  private var source: Int?

  /// A tracker for a whole input, or (`inheritsLoop`) for a segment that continues one.
  init(inheritsLoop: Bool = false) {
    current = inheritsLoop ? .ordinal(0) : nil
  }
  /// The id of the note an unrecognised record whose `iterationId` starts a loop gives the builder.
  static let loopStartNote = "iterationStarted"
  /// Whether the last record's `iterationId` started a loop (its id differs from the loop before).
  private(set) var startedLoop = false
  /// Records in the structured form and in the printf form.
  var structuredRecords = 0
  var printfRecords = 0

  /// What a record's event does to the ordinal loops: starts the next, ends the current, or neither.
  enum Boundary {
    case none, starts, ends
  }

  /// The boundary `event` marks, read from its case alone (so the event is not copied).
  ///
  /// A `Starting main loop` starts a loop; a start-up banner or leader-election attempt ends it
  /// (the lines of a new process before its first loop belong to none).
  static func boundary(of event: Event) -> Boundary {
    switch event {
    case .mainLoopStarted: return .starts
    case .processStarted, .leaseAcquiring: return .ends
    default: return .none
    }
  }

  /// The loop `record` belongs to; `boundary` is what its event, if any, does to the loops
  /// (``boundary(of:)``).
  ///
  /// The usual record, a printf one of the last record's source that marks no boundary, stays in
  /// the current loop at once; ``loopInFull(of:boundary:)`` gives the same for it.
  @inline(__always)
  mutating func loop(of record: Record, boundary: Boundary) -> LoopId? {
    if boundary == .none, let known = source, known == record.source, record.jsonIteration == nil,
      !record.jsonHasFields, record.message.first != UInt8(ascii: "\"")
    {
      // Not structured, and no `iterationId`: a printf record.
      return loopOfPrintfRecord()
    }
    return loopInFull(of: record, boundary: boundary)
  }

  /// Whether the last record came from `source`: a printf record of it that marks no boundary
  /// belongs to the current loop (``loopOfPrintfRecord()``).
  @inline(__always)
  func continues(source: Int) -> Bool { self.source == source }

  /// The loop of a printf record that marks no boundary, from the source of the last record
  /// (``continues(source:)``): the current one, as ``loop(of:boundary:)`` gives.
  @inline(__always)
  mutating func loopOfPrintfRecord() -> LoopId? {
    printfRecords += 1
    startedLoop = false
    return current
  }

  /// Counts `count` more printf records after one ``loopOfPrintfRecord()`` placed: they are in
  /// the same loop.
  @inline(__always)
  mutating func noteMorePrintfRecords(_ count: Int) {
    printfRecords += count
  }

  /// ``loop(of:boundary:)`` for every record.
  @inline(never)
  mutating func loopInFull(of record: Record, boundary: Boundary) -> LoopId? {
    if let known = source, known != record.source { current = nil }
    source = record.source
    if record.isStructured { structuredRecords += 1 } else { printfRecords += 1 }
    if let id = record.iteration {
      startedLoop = current != .structured(id)
      current = .structured(id)
      return current
    }
    startedLoop = false
    switch boundary {
    case .starts:
      ordinals += 1
      current = .ordinal(ordinals)
    case .ends:
      current = nil
    case .none: break
    }
    return current
  }

  /// Notes that records of `source` follow: a loop of another source is forgotten.
  mutating func enter(source: Int) {
    guard self.source != source else { return }
    self.source = source
    current = nil
  }

  /// What the records so far say about the log's form.
  var logFormat: LogFormat {
    if structuredRecords == 0 { return .printf }
    return printfRecords == 0 ? .structured : .mixed
  }

  /// A segment's loop placed in the whole input: ordinals after the ones already counted, and
  /// `.ordinal(0)` (the segment's records before its first loop) the loop the input is in.
  func resolve(_ loop: LoopId?) -> LoopId? {
    switch loop {
    case .ordinal(0): return current
    case .ordinal(let n): return .ordinal(ordinals + n)
    case nil, .structured: return loop
    }
  }

  /// Takes in the state a segment ended in, after its events were resolved.
  mutating func absorb(_ segment: LoopTracker, source: Int) {
    enter(source: source)
    current = resolve(segment.current)
    ordinals += segment.ordinals
    structuredRecords += segment.structuredRecords
    printfRecords += segment.printfRecords
  }
}

/// Whether a log is written in klog's printf form, the structured form of CAS 1.38, or both.
public enum LogFormat: String, Sendable, CaseIterable {
  case printf, structured, mixed

  /// The CAS versions the form implies, when it implies any: only 1.38 and later log structured records.
  public var impliedVersions: String? { self == .printf ? nil : "1.38+" }
}
