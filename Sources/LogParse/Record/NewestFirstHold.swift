/// Puts a record's continuation lines back after it when a tool printed the log newest first.
///
/// `gcloud logging read` and `logcli query` print newest first, and a collector makes a record of
/// each continuation line (`\tstatus code: 403`), so those lines arrive before their record's
/// header. A headerless line with an envelope time is held until the next line: a header whose
/// time is earlier (or the same, in input known or defaulting to run newest first) takes the
/// held lines after it, in reverse; anything else gets them first, in the order they came. Once
/// the envelope times show the input runs oldest first, nothing is held. At most ``capacity``
/// lines wait.
struct NewestFirstHold {
  /// One held line.
  struct Line {
    var text: [UInt8]
    var time: FullTime
    var source: Int
    var lineNumber: Int
    var physicalLines: Int
  }

  static let capacity = 64
  /// The held lines, in arrival order.
  private(set) var lines: [Line] = []
  /// Whether equal times mean newest first (the tool prints newest first by default).
  var newestFirstByDefault = false
  private var lastTime: FullTime?
  private var descending = 0
  private var ascending = 0

  /// Physical lines held.
  var heldLines: Int { lines.reduce(0) { $0 + $1.physicalLines } }

  /// What to do with a timed text line.
  enum Decision {
    /// Hold it (it was copied).
    case held
    /// Pass it on; first release the held lines: after it, reversed (true), or before it (false).
    case pass(heldAfterReversed: Bool)
  }

  /// Decides for a text line with envelope time `time`; `isHeader` when it starts a record.
  mutating func decide(
    _ text: UnsafeBufferPointer<UInt8>, time: FullTime, isHeader: Bool, source: Int, lineNumber: Int,
    physicalLines: Int
  ) -> Decision {
    if let lastTime {
      if time < lastTime {
        descending += 1
      } else if lastTime < time {
        ascending += 1
      }
    }
    lastTime = time
    if !isHeader {
      let blank = text.allSatisfy { $0 == 0x20 || $0 == 0x09 }
      if !blank, ascending <= descending, lines.count < Self.capacity, lines.first?.source ?? source == source {
        lines.append(
          Line(text: Array(text), time: time, source: source, lineNumber: lineNumber, physicalLines: physicalLines))
        return .held
      }
      return .pass(heldAfterReversed: false)
    }
    guard let first = lines.first else { return .pass(heldAfterReversed: false) }
    let earlier = time < first.time
    let same = !earlier && !(first.time < time)
    let reversed = earlier || (same && (descending > ascending || (descending == ascending && newestFirstByDefault)))
    return .pass(heldAfterReversed: reversed)
  }

  /// Takes the held lines (in arrival order) and forgets them.
  mutating func take() -> [Line] {
    let taken = lines
    lines.removeAll(keepingCapacity: true)
    return taken
  }
}
