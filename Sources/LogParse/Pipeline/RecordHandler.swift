/// What the analyzer does with each record: maps it to an event and counts what it saw.
struct RecordHandler {
  /// Called with every record (for `--expect-line`).
  var onRecord: ((Record) -> Void)?
  /// Called with every record after it was mapped: its loop and the event it meant, if any.
  var onRecordMeaning: ((Record, LoopId?, Event?) -> Void)?
  /// Which loop each record belongs to, and the log's form.
  var loops = LoopTracker()
  var extractor = EventExtractor()
  /// Records mapped to an event, and well-formed records no catalogue entry matched.
  var recognized = 0
  var unrecognized = 0
  /// The lowest `--v` the log proves, if any line proves one.
  var verbosity: Int?
  /// The earliest and latest record times.
  var firstTime: LogTime?
  var lastTime: LogTime?
  /// The cloud provider the record's file names show, if any.
  var cloudProvider: String?
  /// The shapes of unrecognised records, with counts and a sample each.
  var unrecognizedShapes = UnrecognizedShapes()
  /// The base year an envelope time proved, as known from the records handled so far.
  var envelopeBaseYear: Int?

  /// Counts a record and passes its event, if it means one, to `events`.
  mutating func handle(_ record: Record, _ events: inout EventApplier) {
    onRecord?(record)
    if let year = record.envelopeBaseYear { envelopeBaseYear = year }
    if record.hasTime {
      if firstTime == nil || record.time < firstTime! { firstTime = record.time }
      if lastTime == nil || lastTime! < record.time { lastTime = record.time }
    }
    if cloudProvider == nil { cloudProvider = CloudProviderHint.provider(file: record.file) }
    if let level = record.verbosity { verbosity = max(verbosity ?? 0, level) }
    guard let (event, entry) = extractor.extract(record) else {
      let loop = loops.loop(of: record, event: nil)
      onRecordMeaning?(record, loop, nil)
      unrecognized += 1
      unrecognizedShapes.add(record)
      // A new iterationId on a record no entry knows still marks the loop boundary (and a
      // restart) at its time: the builder sees it as a note.
      if loops.startedLoop {
        let context = EventContext(
          time: record.time, source: record.source, lines: record.lines, severity: record.severity, loop: loop,
          hasTime: record.hasTime)
        events.push(
          PendingEvent(event: .noted(id: LoopTracker.loopStartNote), context: context), lastTime: lastTime,
          envelopeBaseYear: envelopeBaseYear)
      }
      return
    }
    let loop = loops.loop(of: record, event: event)
    onRecordMeaning?(record, loop, event)
    recognized += 1
    if record.severity == .info, record.verbosity == nil {
      verbosity = max(verbosity ?? 0, extractor.verbosity(of: entry))
    }
    let context = EventContext(
      time: record.time, source: record.source, lines: record.lines, severity: record.severity, loop: loop,
      hasTime: record.hasTime)
    events.push(PendingEvent(event: event, context: context), lastTime: lastTime, envelopeBaseYear: envelopeBaseYear)
  }
}

@available(*, unavailable)
extension RecordHandler: Sendable {}

/// Names the cloud provider from a record's source file.
enum CloudProviderHint {
  static let prefixes: [(String, String)] = [
    ("aws_", "aws"), ("auto_scaling", "aws"), ("azure_", "azure"), ("gce_", "gce"), ("autoscaling_gce", "gce"),
    ("clusterapi_", "clusterapi"), ("hetzner_", "hetzner"), ("alicloud_", "alicloud"), ("oci_", "oci"),
    ("digitalocean_", "digitalocean"), ("kwok_", "kwok"),
  ]

  /// The provider a file name belongs to, or nil.
  static func provider(file: UnsafeBufferPointer<UInt8>) -> String? {
    guard let first = file.first,
      first == UInt8(ascii: "a") || first == UInt8(ascii: "g") || first == UInt8(ascii: "c")
        || first == UInt8(ascii: "h") || first == UInt8(ascii: "o") || first == UInt8(ascii: "d")
        || first == UInt8(ascii: "k")
    else { return nil }
    for (prefix, provider) in prefixes where file.starts(with: prefix.utf8) { return provider }
    return nil
  }
}
