extension Catalog {
  /// The catalogue entry a log line matches and the event it means, or nil.
  ///
  /// The line is read as a log of that one line: through the analyzer's own stages (envelope,
  /// record assembly, ``EventExtractor`` as ``RecordHandler`` calls it), so a JSON logging record
  /// is unwrapped and a klog line's continuation lines (after `\n` in the text) join its record
  /// exactly as in a file. Nil also when the text makes more than one recognised record.
  /// For tools and tests: the per-entry example tests use it.
  static func identify(_ line: String) -> (id: String, event: Event)? {
    var analyzer = Analyzer(options: AnalyzerOptions(now: .example("2026-12-31T23:59:59Z")))
    var found: [(id: String, event: Event)] = []
    analyzer.records.onEntry = { entry, event in found.append((entries[entry].id, event)) }
    analyzer.feed(Array((line + "\n").utf8))
    analyzer.finish()
    return found.count == 1 ? found[0] : nil
  }
}
