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

  /// Evidence starting at `lines` of `source`.
  public init(source: Int, lines: ClosedRange<Int>) {
    self.source = source
    add(lines)
  }

  /// Adds the lines of one more record.
  public mutating func add(_ range: ClosedRange<Int>) {
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

  /// Adds the lines of `other` not already held (two views of one loop share its first line).
  public mutating func merge(_ other: Evidence) {
    for line in other.lines where !lines.contains(line) { add(line...line) }
    omittedLines += other.omittedLines
  }
}

/// Where an event came from: its time and evidence, passed with every event to the episode builder.
public struct EventContext: Hashable, Sendable {
  /// When the record was written.
  public var time: LogTime
  /// The record's source index.
  public var source: Int
  /// The record's physical lines.
  public var lines: ClosedRange<Int>
  /// The record's severity.
  public var severity: Severity

  /// Creates a context.
  public init(time: LogTime, source: Int, lines: ClosedRange<Int>, severity: Severity = .info) {
    self.time = time
    self.source = source
    self.lines = lines
    self.severity = severity
  }

  /// Evidence holding just this record.
  var evidence: Evidence { Evidence(source: source, lines: lines) }
}
