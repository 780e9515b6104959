/// Where something was seen: a source and the physical line numbers, bounded in size.
public struct Evidence: Hashable, Sendable {
  /// The most line numbers kept; later ones are counted in ``omittedLines``.
  public static let maximumLines = 64
  /// Index of the source (file) of the first evidence.
  public var source: Int
  /// Physical line numbers, in the order seen.
  public private(set) var lines: [Int] = []
  /// Lines seen beyond ``maximumLines``.
  public private(set) var omittedLines = 0
  /// The loops of the first and the last record, when the log shows loops.
  public internal(set) var iterations: LoopSpan?

  /// Evidence starting at `lines` of `source`.
  public init(source: Int, lines: ClosedRange<Int>) {
    self.source = source
    add(lines)
  }

  /// Adds the lines of one more record.
  @inline(__always)
  public mutating func add(_ range: ClosedRange<Int>) {
    // The common case without a call: the lines are full (a node seen in every loop).
    if lines.count >= Evidence.maximumLines {
      omittedLines += range.upperBound - range.lowerBound + 1
      return
    }
    addKept(range)
  }

  /// ``add(_:)`` while there is room for lines.
  private mutating func addKept(_ range: ClosedRange<Int>) {
    // Without a loop: one line after the last.
    if range.lowerBound == range.upperBound, lines.last.map({ $0 < range.lowerBound }) ?? true {
      lines.append(range.lowerBound)
      return
    }
    for line in range {
      if lines.count < Evidence.maximumLines {
        // In-order input only appends; a line at or before the last may already be held.
        if let last = lines.last, line <= last, lines.contains(line) { continue }
        lines.append(line)
      } else {
        omittedLines += 1
      }
    }
  }

  /// Adds the lines of one more record and notes its loop.
  @inline(__always)
  mutating func add(_ context: EventContext) {
    add(context.lines)
    guard let loop = context.loop else { return }
    iterations = LoopSpan(first: iterations?.first ?? loop, last: loop)
  }

  /// Adds the lines of `other` not already held (two views of one loop share its first line).
  public mutating func merge(_ other: Evidence) {
    if let span = other.iterations {
      iterations = LoopSpan(first: iterations?.first ?? span.first, last: span.last)
    }
    for line in other.lines where !lines.contains(line) { add(line...line) }
    omittedLines += other.omittedLines
  }
}

/// Where an event came from: its time and evidence, passed with every event to the episode builder.
struct EventContext: Hashable, Sendable {
  /// When the record was written.
  var time: LogTime
  /// The record's source index.
  var source: Int
  /// The record's physical lines.
  var lines: ClosedRange<Int>
  /// The record's severity.
  var severity: Severity
  /// The autoscaler loop the record belongs to, when the log shows loops.
  var loop: LoopId?
  /// The stream of an interleaved log (a kubectl `--prefix` pod) within the source, 0 when none.
  var stream: UInt16
  /// Whether the record's time was readable; when not, ``time`` only places it in time order
  /// (``Record/hasTime``) and ``knownTime`` is nil.
  var hasTime: Bool

  /// Creates a context.
  init(
    time: LogTime, source: Int, lines: ClosedRange<Int>, severity: Severity = .info, loop: LoopId? = nil,
    stream: UInt16 = 0, hasTime: Bool = true
  ) {
    self.time = time
    self.source = source
    self.lines = lines
    self.severity = severity
    self.loop = loop
    self.stream = stream
    self.hasTime = hasTime
  }

  /// The process the record came from: its source and, in an interleaved log, its stream.
  var replica: Int { source << 16 | Int(stream) }

  /// The record's time when it was readable, else nil: what a finding may report.
  var knownTime: LogTime? { hasTime ? time : nil }

  /// Evidence holding just this record.
  var evidence: Evidence {
    var evidence = Evidence(source: source, lines: lines)
    evidence.iterations = loop.map { LoopSpan(first: $0, last: $0) }
    return evidence
  }
}

/// The first and the last loop an episode's evidence comes from.
public struct LoopSpan: Hashable, Sendable {
  public var first: LoopId
  public var last: LoopId

  /// A span from `first` to `last`.
  public init(first: LoopId, last: LoopId) {
    self.first = first
    self.last = last
  }
}
