/// How an ``Analyzer`` reads its input.
public struct AnalyzerOptions: Sendable {
  /// Lines longer than this many bytes are cut (and counted).
  public var maximumLineLength = 1 << 20
  /// The longest record kept (header line plus continuation lines); the rest is dropped.
  var maximumRecordLength = 1 << 20
  /// How many events may wait to be put in time order (0: apply each at once, for live streams).
  public var reorderWindow = 4096
  /// How many bytes the events waiting to be put in order may hold in memory; beyond it, input
  /// that runs newest first is written to a temporary file and merged back (see ``ReorderBuffer``).
  public var reorderMemoryLimit = 4 << 20
  /// Threads that parse a large regular file in segments (1 reads it sequentially; the result is the same).
  public var parseThreads = SegmentedFileReader.workerCount()
  /// The size of those segments.
  public var segmentBytes = SegmentedFileReader.defaultSegmentBytes
  /// Unrecognised shapes counted when there are too many to keep them all (see ``UnrecognizedShapes``).
  public var maximumUnrecognizedShapes = UnrecognizedShapes.maximumShapes
  /// The year given with `--year`, if any.
  var year: Int?
  /// The present moment, used only to assume a year when the log gives none.
  var now: FullTime

  /// Options with defaults, `now` being the present moment for year assumptions.
  public init(now: FullTime, year: Int? = nil) {
    self.now = now
    self.year = year
  }
}
