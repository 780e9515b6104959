/// How every physical line of the input was accounted for.
public struct LineAccounting: Hashable, Sendable {
  /// Physical lines read.
  public var lines = 0
  /// Records (header lines, with their continuation lines joined).
  public var records = 0
  /// Lines joined to the record before them.
  public var continuationLines = 0
  /// Lines that were neither a record nor attachable to one.
  public var malformed = 0
  /// Lines with no log content: blank lines, `...` elisions, shell prompts.
  public var skipped = 0
  /// Lines cut at the maximum line length.
  public var truncated = 0
  /// Records found merged into the line of another (a paste that lost a line break); each is
  /// counted in ``records`` too, so `records - mergedRecords` records started their own line.
  public var mergedRecords = 0
  /// Names and fields cut at ``FieldLimit/maximumBytes`` before being kept.
  public var truncatedFields = 0
  /// Numbers and times out of range (durations clamped; sizes, counts, times and levels made null).
  public var outOfRangeValues = 0
  /// Records whose time could not be read (redacted, or no header at all): their times are null.
  public var untimedRecords = 0
  /// Lines still held (a partial CRI line or a record waiting for continuation lines).
  public var held = 0

  /// Creates empty counts.
  public init() {}

  /// Adds the counts of another stretch of input.
  mutating func add(_ other: LineAccounting) {
    lines += other.lines
    records += other.records
    continuationLines += other.continuationLines
    malformed += other.malformed
    skipped += other.skipped
    truncated += other.truncated
    mergedRecords += other.mergedRecords
    held += other.held
    truncatedFields += other.truncatedFields
    outOfRangeValues += other.outOfRangeValues
    untimedRecords += other.untimedRecords
  }
}
