extension Catalog {
  /// The catalogue entry a single klog line matches and the event it means, or nil.
  ///
  /// For tools and tests: `cas-logs catalog --explain` and the per-entry example tests use it.
  public static func identify(_ line: String) -> (id: String, event: Event)? {
    var extractor = EventExtractor()
    if line.hasPrefix("{") { return identifyJSON(line, &extractor) }
    var bytes = Array(line.utf8)
    return bytes.withUnsafeMutableBufferPointer { mutable -> (String, Event)? in
      let buffer = UnsafeBufferPointer(mutable)
      guard let header = KlogHeaderParser.parse(buffer) else { return nil }
      let file = UnsafeBufferPointer(rebasing: buffer[header.fileRange])
      var message = UnsafeBufferPointer(rebasing: buffer[header.messageStart...])
      // Continuation lines written as `\n` in the text are part of the record.
      let joined = Array(message).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      let joinedBytes = joined.joined(separator: [0x0A]).map { $0 }
      return joinedBytes.withUnsafeBufferPointer { joinedBuffer -> (String, Event)? in
        message = joinedBuffer
        let record = Record(
          source: 0, firstLine: 1, lineCount: 1, severity: header.severity ?? .info,
          time: LogTime(month: header.month, day: header.day, microsecondOfDay: header.microsecondOfDay), file: file,
          sourceLine: header.sourceLine, message: message, verbosity: nil)
        guard let (event, entry) = extractor.extract(record) else { return nil }
        return (entries[entry].id, event)
      }
    }
  }

  /// The entry a CAS JSON logging record matches, read as the envelope stage reads it.
  private static func identifyJSON(_ line: String, _ extractor: inout EventExtractor) -> (id: String, event: Event)? {
    var stripper = EnvelopeStripper(maximumLineLength: 1 << 20)
    var found: (String, Event)?
    Array(line.utf8).withUnsafeBufferPointer { buffer in
      stripper.unwrap(buffer, lineNumber: 1) { unwrapped, _ in
        guard case .structured(let structured, _) = unwrapped else { return }
        structured.file.withUnsafeBufferPointer { file in
          let time = structured.time?.logTime ?? LogTime(month: 1, day: 1, microsecondOfDay: 0)
          let record = Record(
            source: 0, firstLine: 1, lineCount: 1, severity: structured.severity, time: time, file: file,
            sourceLine: structured.sourceLine, message: structured.message, verbosity: structured.verbosity)
          if let (event, entry) = extractor.extract(record) { found = (entries[entry].id, event) }
        }
      }
    }
    return found
  }
}
