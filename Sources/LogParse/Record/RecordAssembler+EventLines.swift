/// Header-less lines that are Kubernetes events (kubectl tables, describe sections, event streams)
/// or a time before a text: records of the klog event recorder's text, or of the text.
extension RecordAssembler {
  /// Accepts a line with no klog header if it is one of these; returns whether it was.
  mutating func acceptEventLine(
    _ text: UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?, source: Int, lineNumber: Int,
    _ emit: (Record) -> Int
  ) -> Bool {
    if eventLines.isHolding {
      let place = eventLines.heldPlace
      if case .event(let severity, let time) = eventLines.joinHeld(text) {
        startRewritten(severity: severity, time: time, source: place.source, lineNumber: place.lineNumber)
        pendingLineCount += 1
        return true
      }
      flush(emit)
    }
    switch eventLines.read(text, envelopeTime: envelopeTime) {
    case .none:
      return false
    case .skip:
      flush(emit)
      accounting.skipped += 1 + pendingExtraLines
    case .event(let severity, let time):
      flush(emit)
      startRewritten(severity: severity, time: time, source: source, lineNumber: lineNumber)
    case .text(let time):
      // After a klog record, a time and a text is more likely a piece of its wrap (a message that
      // quotes a date, cut before it) than a record of another layout: the wrap rules decide.
      if hasPending && !pendingIsRewritten { return false }
      flush(emit)
      startRewritten(severity: .info, time: time, source: source, lineNumber: lineNumber)
      pendingNeedsRecognition = true
    case .incomplete:
      flush(emit)
      eventLines.hold(text, source: source, lineNumber: lineNumber)
    }
    lastPhysicalLength = text.count
    return true
  }

  /// Starts the record of a held row no line completed (its message empty); else counts it malformed.
  mutating func startHeldEventRow() {
    let place = eventLines.heldPlace
    if case .event(let severity, let time) = eventLines.releaseHeld() {
      startRewritten(severity: severity, time: time, source: place.source, lineNumber: place.lineNumber)
    } else {
      accounting.malformed += 1
    }
  }

  /// Starts a record of ``KubernetesEventLines/message``; with no time, its time is unknown.
  private mutating func startRewritten(severity: Severity, time: FullTime?, source: Int, lineNumber: Int) {
    var stamped = LogTime.unknown
    if let time {
      stamped = years.stamp(time, fallback: nil)
    } else {
      stamped.yearOffset = Int16(clamping: years.offset)
    }
    let message = eventLines.message
    message.withUnsafeBufferPointer { message in
      start(
        source: source, lineNumber: lineNumber, severity: severity, time: stamped,
        file: UnsafeBufferPointer(start: nil, count: 0), sourceLine: 0, verbosity: nil, message: message)
    }
    pendingEnvelopeBaseYear = years.baseYear(provenBy: time)
    pendingIsRewritten = true
  }
}
