/// Collects the records of one autoscaler loop, with what each meant: `--iteration`.
///
/// Install it on an analyzer (``install(on:)``); it watches every record as it is mapped and keeps
/// those of the loops `selector` may name, one line each, in read order. A loop number alone
/// (`42`) may name a loop of several processes; ``outcome`` then says so rather than guessing.
public final class IterationFilter {
  /// One record of the loop.
  struct Line: Sendable {
    var source: Int
    var line: Int
    var time: LogTime
    /// The event kind (`scaleUpRequested`), `noted`, or `unrecognised`.
    var meaning: String
    /// The record's first line.
    var text: String
    /// The record's continuation lines.
    var extraLines: Int
  }

  /// What the input held of the selected loop.
  enum Outcome: Sendable {
    /// One loop, its records in order, and how many were left out past ``maximumLines``.
    case found(LoopId, [Line], omitted: Int)
    /// No loop has that id.
    case unknown
    /// Loops of several processes have that number.
    case ambiguous([LoopId])
  }

  /// Most records kept per loop; more are counted.
  static let maximumLines = 100_000
  /// Most bytes of a record's first line kept.
  static let maximumTextBytes = 4096

  /// The loop asked for.
  let selector: IterationSelector
  private var order: [LoopId] = []
  private var lines: [LoopId: [Line]] = [:]
  private var omitted: [LoopId: Int] = [:]

  /// A filter for the loop `selector` names.
  public init(selector: IterationSelector) { self.selector = selector }

  /// Makes `analyzer` pass every record to this filter (which makes it read sequentially).
  public func install(on analyzer: inout Analyzer) {
    analyzer.onRecordMeaning = { [self] record, loop, event in observe(record, loop, event) }
  }

  /// Keeps `record` when it belongs to a selected loop.
  func observe(_ record: Record, _ loop: LoopId?, _ event: Event?) {
    guard let loop, selector.matches(loop) else { return }
    if lines[loop] == nil {
      order.append(loop)
      lines[loop] = []
    }
    guard lines[loop, default: []].count < Self.maximumLines else {
      omitted[loop, default: 0] += 1
      return
    }
    let headline = record.headline
    let kept = UnsafeBufferPointer(rebasing: headline[0..<min(headline.count, Self.maximumTextBytes)])
    lines[loop, default: []].append(
      Line(
        source: record.source, line: record.firstLine, time: record.time, meaning: Self.meaning(of: event),
        text: String(decoding: kept, as: UTF8.self), extraLines: record.lineCount - 1))
  }

  /// What a record meant: its event's kind, `noted` for a loop step kept for context, or `unrecognised`.
  static func meaning(of event: Event?) -> String {
    guard let event else { return "unrecognised" }
    if case .noted = event { return "noted" }
    return event.kindName
  }

  /// The loop found, or why none was.
  var outcome: Outcome {
    guard let first = order.first else { return .unknown }
    guard order.count == 1 else { return .ambiguous(order) }
    return .found(first, lines[first] ?? [], omitted: omitted[first] ?? 0)
  }

  /// The one-line error for an outcome that found no single loop, or nil.
  public var error: String? {
    switch outcome {
    case .found: return nil
    case .unknown: return "--iteration \(selector): no such loop in the input"
    case .ambiguous(let loops):
      let ids = loops.prefix(5).map(\.description).joined(separator: ", ") + (loops.count > 5 ? ", …" : "")
      return "--iteration \(selector): loops of several processes have this number (\(ids)): give the full id"
    }
  }

  /// The loop's records, one terminal-safe line each: `SOURCE:LINE  TIME  MEANING  TEXT`.
  ///
  /// Sources are named and times dated by `report` (``Report/sourceName(_:)``, ``Report/rfc3339(_:)``).
  public func render(in report: Report) -> String {
    guard case .found(_, let found, let omitted) = outcome else { return "" }
    var out = ""
    for line in found {
      var text =
        "\(report.sourceName(line.source)):\(line.line)  \(report.rfc3339(line.time))  \(line.meaning)  \(line.text)"
      if line.extraLines > 0 { text += "  (+\(line.extraLines) lines)" }
      out += TerminalText.sanitize(text) + "\n"
    }
    if omitted > 0 { out += "… \(omitted) more records of this loop not shown\n" }
    return out
  }
}

@available(*, unavailable)
extension IterationFilter: Sendable {}
