/// The stages for a run of utilization lines (``UtilizationRun``).
extension Analyzer {
  /// Takes `line`, followed in the chunk by `following`, into the open run; returns false when it
  /// does not join it, having changed nothing but, for a line read whose reading may not be applied
  /// as it came, the run's handoff (the usual way then reads the line, without reading its message
  /// again).
  ///
  /// Not inlined: in the line loop's closure it would keep ``acceptSingleLine`` out of line.
  @inline(never)
  static func continueRun<Receiver: EventReceiver>(
    _ line: UnsafeBufferPointer<UInt8>, _ following: UnsafeBufferPointer<UInt8>, _ source: Int,
    _ run: inout UtilizationRun, _ nextHeader: inout NextHeader, _ lineNumber: inout Int,
    _ assembler: inout RecordAssembler, _ records: inout RecordHandler, _ events: inout Receiver
  ) -> Bool {
    guard lineNumber == run.lastLine, source == run.source, run.count < run.room, nextHeader.repeatsHeader(of: line)
    else { return false }
    // The kept header is the line's: it is read in place, field by field.
    let messageStart = nextHeader.kept.messageStart
    let message = assembler.singleLineMessage(line, header: nextHeader.kept)
    guard let reading = UtilizationLine.read(message),
      holdsOneRecord(line, messageStart: messageStart, readingEnd: reading.end)
    else { return false }
    // The year of the line before: the header repeats its date.
    let time = LogTime(
      month: nextHeader.kept.month, day: nextHeader.kept.day, microsecondOfDay: nextHeader.kept.microsecondOfDay,
      yearOffset: Int(run.yearOffset), fractionDigits: nextHeader.kept.fractionDigits)
    let bytes = UnsafeBufferPointer(rebasing: message[reading.name])
    // The name's hash is made only when a step needs it (``LineName``).
    var name = LineName(bytes)
    guard !(time < run.lastTime), events.mayApplyInRun(name: &name) else {
      if let base = line.baseAddress { run.handoff = (base, reading, name.hash()) }
      return false
    }
    let file = UnsafeBufferPointer(rebasing: line[nextHeader.kept.fileRange])
    // The line is a whole record (the next one opens with a header); its header is used up.
    guard nextHeader.opensRecordRepeatingKept(following, after: line) else { return false }
    lineNumber += 1
    let context = EventContext(
      time: time, source: source, lines: lineNumber...lineNumber, severity: run.severity, loop: run.loop, stream: 0,
      hasTime: true)
    // The node by its name's bytes: a string is made only for a node not yet a candidate.
    events.applyInRun(name: &name, utilization: reading.utilization, context: context) { hash in
      records.extractor.nodeName(interning: bytes, hash: hash)
    }
    records.noteRunLine(file: file, message: message, time: time)
    run.take(line: lineNumber, time: time, length: line.count)
    return true
  }

  /// Whether `line`, whose message starts at `messageStart`, holds no merged record; `readingEnd`
  /// is where its message's utilization reading ends, when it reads as one.
  ///
  /// A reading that takes the line to its end leaves no room for a merged record: a merged header
  /// has a blank five bytes after its severity letter, and of the line's words only the name,
  /// which has no blank, may start with one. Any other line is searched
  /// (``KlogHeaderParser/embeddedHeaderStart(_:messageStart:)``).
  @inline(__always)
  static func holdsOneRecord(_ line: UnsafeBufferPointer<UInt8>, messageStart: Int, readingEnd: Int?) -> Bool {
    if let readingEnd, messageStart + readingEnd == line.count { return true }
    return KlogHeaderParser.embeddedHeaderStart(line, messageStart: messageStart) == nil
  }

  /// Opens a run after a utilization line handled the usual way at `time`, when its reading was
  /// applied as it came and the next ones may be (``EventReceiver/readingRunRoom()``).
  @inline(__always)
  static func openRun<Receiver: EventReceiver>(
    _ run: inout UtilizationRun, source: Int, line: Int, time: LogTime, severity: Severity,
    _ records: inout RecordHandler, _ events: inout Receiver
  ) {
    let room = events.readingRunRoom()
    let loop = records.statistics.loops.current
    // A reading of a loop named by an `iterationId` does not go ahead: such a loop opens no run.
    guard room > 0, loop?.isStructured != true else { return }
    run.open(source: source, line: line, time: time, severity: severity, loop: loop, room: room)
  }

  /// Counts the lines of the open run in every stage, as the usual way would have counted each,
  /// and closes it.
  @inline(never)
  static func closeRun<Receiver: EventReceiver>(
    _ run: inout UtilizationRun, _ singleLineRecords: inout Int, _ stripper: inout EnvelopeStripper,
    _ assembler: inout RecordAssembler, _ records: inout RecordHandler, _ events: inout Receiver
  ) {
    guard run.isOpen else { return }
    if run.count > 0 {
      singleLineRecords += run.count
      assembler.noteRunOfLines(run.count, lastTime: run.lastTime, lastLength: run.lastLength)
      stripper.notePlainLine(run.lastLine)
      records.noteRunOfUtilizationLines(run.count, lastTime: run.lastTime)
      events.endRun(count: run.count, ascents: run.ascents, lastTime: run.lastTime)
    }
    run.close()
  }
}
