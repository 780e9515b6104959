import Testing

@testable import LogParse

/// The algebra of ``ParseStatistics/merge(_:source:lineOffset:)``: merging the statistics of
/// segments in order gives the statistics of the sequential read.
struct ParseStatisticsTests {
  /// A first stretch: a loop, a weak cloud clue, an unrecognised record, a date in a message, a
  /// `--v=4` line, all in December.
  static let december = [
    "I1231 23:58:00.000000       1 static_autoscaler.go:280] Starting main loop",
    "I1231 23:58:01.000000       1 scale_up.go:300] Upcoming 2 nodes for aks-pool-1-vmss",
    "I1231 23:58:02.000000       1 someplace.go:12] nothing any entry knows 17",
    "W1231 23:58:03.000000       1 clusterstate.go:281] Disabling scale-up for node group ng-a until "
      + "2024-12-31 23:59:00.0 +0000 UTC m=+60.0; errorClass=Other; errorCode=cloudProviderError",
    "I1231 23:58:04.000000       1 someplace.go:12] nothing any entry knows 18",
    "I1231 23:58:05.000000       1 scale_up.go:300] Upcoming 0 nodes",
  ]

  /// A second stretch: New Year, a stronger cloud clue (a provider's file), another loop, an envelope time.
  static let january = [
    "I0101 00:00:01.000000       1 static_autoscaler.go:280] Starting main loop",
    "I0101 00:00:02.000000       1 gce_manager.go:40] nothing any entry knows 19",
    "I0101 00:00:03.000000       1 another.go:9] a shape of its own",
    "2025-01-01T00:00:04.000000000Z I0101 00:00:04.000000       1 scale_up.go:300] Upcoming 1 nodes",
    "I0101 00:00:05.000000       1 scale_up.go:300] Upcoming 3 nodes",
  ]

  /// What a comparison of two statistics looks at: every field, in comparable form.
  struct Summary: Equatable {
    var accounting: LineAccounting
    var formats: Set<InputFormat>
    var recognized, unrecognized, patternErrors: Int
    var verbosity: Int?
    var firstTime, lastTime: LogTime?
    var newYears: Int
    var envelopeYear: Int?
    var messageYears: MessageYears
    var cloud: CloudProviderClue
    var shapes: [String]
    var shapeTotals: UnrecognizedShapes.Totals
    var loop: LoopId?
    var ordinals: Int
    var logFormat: LogFormat
    var sample: [UInt8]

    init(_ statistics: ParseStatistics) {
      accounting = statistics.accounting
      formats = statistics.formats
      recognized = statistics.recognized
      unrecognized = statistics.unrecognized
      patternErrors = statistics.patternErrors
      verbosity = statistics.verbosity
      firstTime = statistics.firstTime
      lastTime = statistics.lastTime
      newYears = statistics.years.offset
      envelopeYear = statistics.envelopeBaseYear
      messageYears = statistics.messageYears
      cloud = statistics.cloudClue
      shapes = statistics.unrecognizedShapes.top(100).map {
        "\($0.count) \($0.overcount) \($0.shape) | \($0.sample) @\($0.source):\($0.line)"
      }
      shapeTotals = statistics.unrecognizedShapes.totals
      loop = statistics.loops.current
      ordinals = statistics.loops.ordinals
      logFormat = statistics.loops.logFormat
      sample = statistics.sample
    }
  }

  static func bytes(_ lines: [String]) -> [UInt8] { Array(lines.map { $0 + "\n" }.joined().utf8) }

  /// Whether a cut may fall next to `line` (``SegmentBoundary``: between two plain records).
  static func isPlainRecord(_ line: String) -> Bool {
    Array(line.utf8).withUnsafeBufferPointer { SegmentBoundary.startsPlainRecord($0) }
  }

  /// The statistics of one parser reading `bytes` (one source, `-`).
  static func sequential(_ bytes: [UInt8]) -> ParseStatistics {
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    analyzer.beginSource("-")
    analyzer.feed(bytes)
    analyzer.finish()
    return analyzer.statistics
  }

  /// The statistics of a segment parser reading `bytes` from a fresh start.
  static func segment(_ bytes: [UInt8]) -> ParseStatistics {
    var parser = SegmentParser(options: AnalyzerOptions(now: Fixtures.now))
    parser.feed(bytes)
    return parser.finish().statistics
  }

  @Test func mergingSegmentsInOrderGivesTheSequentialStatistics() {
    let whole = Self.december + Self.january
    let expected = Summary(Self.sequential(Self.bytes(whole)))
    // Every cut between two lines that the segmented readers may choose.
    for cut in 1..<whole.count {
      let head = Self.bytes(Array(whole[..<cut]))
      let tail = Self.bytes(Array(whole[cut...]))
      guard Self.isPlainRecord(whole[cut - 1]), Self.isPlainRecord(whole[cut]) else { continue }
      var merged = ParseStatistics()
      merged.merge(Self.segment(head))
      merged.merge(Self.segment(tail), lineOffset: cut)
      #expect(Summary(merged) == expected, "cut after line \(cut)")
    }
    // The value is not trivial: each kind of evidence is there.
    #expect(expected.newYears == 1 && expected.envelopeYear == 2024)
    #expect(expected.cloud.provider == "gce" && expected.verbosity == 4)
    #expect(expected.messageYears.baseYear == 2024 && expected.messageYears.firstNote != nil && expected.ordinals == 2)
    #expect(expected.unrecognized == 4 && expected.shapes.count == 2)
    #expect(expected.lastTime?.yearOffset == 1 && expected.firstTime?.yearOffset == 0)
  }

  @Test func threeSegmentsMergeLikeOne() {
    let parts = [Array(Self.december[..<3]), Array(Self.december[3...]), Self.january]
    var merged = ParseStatistics()
    var lines = 0
    for part in parts {
      merged.merge(Self.segment(Self.bytes(part)), lineOffset: lines)
      lines += part.count
    }
    #expect(Summary(merged) == Summary(Self.sequential(Self.bytes(parts.flatMap { $0 }))))
  }

  @Test func emptyStatisticsAreTheIdentity() {
    for lines in [Self.december, Self.january] {
      var merged = ParseStatistics()
      merged.merge(Self.segment(Self.bytes(lines)))
      #expect(Summary(merged) == Summary(Self.sequential(Self.bytes(lines))))
    }
    var merged = ParseStatistics()
    merged.merge(ParseStatistics.segment(maximumUnrecognizedShapes: 10))
    #expect(Summary(merged) == Summary(ParseStatistics()))
  }

  @Test func theLaterStretchIsPlacedInTheWholeInput() {
    var merged = ParseStatistics()
    merged.merge(Self.segment(Self.bytes(Self.december)))
    let placement = merged.merge(Self.segment(Self.bytes(Self.january)), source: 0, lineOffset: 6)
    #expect(placement.yearBase == 1 && placement.lineOffset == 6)
    // The stretch's records before its first loop are in the loop the input was in.
    #expect(placement.loops.resolve(.ordinal(0)) == .ordinal(1))
    #expect(placement.loops.resolve(.ordinal(1)) == .ordinal(2))
    let context = EventContext(
      time: LogTime(month: 1, day: 1, microsecondOfDay: 0), source: 0, lines: 2...3, loop: .ordinal(0))
    let placed = placement.place(context)
    #expect(placed.lines == 8...9 && placed.time.yearOffset == 1 && placed.loop == .ordinal(1))
    // The first evidence stays the earlier stretch's.
    #expect(merged.messageYears.firstDate?.recordTime.month == 12 && merged.sample.starts(with: Array("I1231".utf8)))
  }

  @Test func countsAddAndVerbosityIsTheMaximum() {
    var earlier = ParseStatistics()
    earlier.recognized = 2
    earlier.patternErrors = 1
    earlier.verbosity = 4
    earlier.accounting.lines = 5
    earlier.formats = [.klogText]
    var later = ParseStatistics()
    later.recognized = 3
    later.unrecognized = 7
    later.verbosity = 2
    later.accounting.lines = 4
    later.formats = [.pasted]
    earlier.merge(later)
    #expect(earlier.recognized == 5 && earlier.unrecognized == 7 && earlier.patternErrors == 1)
    #expect(earlier.verbosity == 4 && earlier.accounting.lines == 9 && earlier.formats == [.klogText, .pasted])
  }

  @Test func eachSourcesMessageYearIsKeptAtItsSource() {
    let june = [
      "W0602 08:00:00.000000       1 clusterstate.go:281] Disabling scale-up for node group ng-b until "
        + "2026-06-02 08:05:00.0 +0000 UTC m=+60.0; errorClass=Other; errorCode=cloudProviderError",
      "I0602 08:00:01.000000       1 scale_up.go:300] Upcoming 0 nodes",
    ]
    var analyzer = Analyzer(options: AnalyzerOptions(now: Fixtures.now))
    for (name, lines) in [("december.log", Self.december), ("june.log", june)] {
      analyzer.beginSource(name)
      analyzer.feed(Self.bytes(lines))
    }
    analyzer.finish()
    var merged = ParseStatistics()
    merged.merge(Self.segment(Self.bytes(Self.december)), source: 0)
    merged.merge(Self.segment(Self.bytes(june)), source: 1)
    #expect(merged.messageYears == analyzer.statistics.messageYears)
    // June after December is a New Year: the second file's date proves its own base year.
    #expect(merged.messageYears.baseYearBySource == [0: 2024, 1: 2025] && merged.messageYears.baseYear == 2024)
  }

  @Test func anEventOnlyOneProviderLogsOutweighsAnotherProvidersFile() {
    let lines = [
      "I0313 12:00:00.000000       1 gce_manager.go:10] nothing any entry knows 1",
      "I0313 12:00:01.000000       1 scale_set.go:290] Target size set done !!",
      "I0313 12:00:02.000000       1 aws_manager.go:10] nothing any entry knows 2",
    ]
    for cut in 1..<lines.count {
      var merged = ParseStatistics()
      merged.merge(Self.segment(Self.bytes(Array(lines[..<cut]))))
      merged.merge(Self.segment(Self.bytes(Array(lines[cut...]))), lineOffset: cut)
      #expect(merged.cloudClue.provider == "azure" && merged.cloudClue.strength == 4, "cut after line \(cut)")
    }
    #expect(Self.sequential(Self.bytes(lines)).cloudClue.provider == "azure")
  }
}
