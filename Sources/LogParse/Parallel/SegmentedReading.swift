/// Parses segments on several threads and applies them in order: what file and stream reading share.
enum SegmentedReading {
  /// Parses the work `produce` hands out on `threads` threads, this one included, in order.
  ///
  /// `produce` is asked until it returns nil, and `absorb` takes each parsed segment in order.
  /// Returns the first read error.
  ///
  /// This thread submits at most `threads + 1` segments ahead of the one it applies and, while
  /// that one is not ready, parses one itself: with one thread per core, no core waits and memory
  /// stays bounded.
  static func run<Work: Sendable>(
    threads: Int, parse: @escaping @Sendable (Work) -> Result<ParsedSegment, SegmentReadError>,
    produce: () -> Work?, absorb: (inout ParsedSegment) -> Void
  ) -> SegmentReadError? {
    let queue = OrderedSegmentQueue<Work>()
    let workers = (1..<max(2, threads)).map { _ in
      WorkerThread {
        while let (index, work) = queue.next() { queue.deliver(parse(work), at: index) }
      }
    }
    defer {
      queue.close()
      for worker in workers { worker.join() }
    }
    var submitted = 0
    var absorbed = 0
    var producing = true
    while true {
      while producing, submitted - absorbed <= threads {
        guard let work = produce() else {
          producing = false
          break
        }
        queue.submit(work, at: submitted)
        submitted += 1
      }
      guard absorbed < submitted else { return nil }
      switch queue.take(absorbed) {
      case .ready(.success(var segment)):
        absorb(&segment)
        absorbed += 1
      case .ready(.failure(let error)): return error
      case .work(let index, let work): queue.deliver(parse(work), at: index)
      }
    }
  }

  /// Parses one segment with a fresh parser; `feed` gives it the segment's bytes.
  static func parse(
    options: AnalyzerOptions, _ feed: (inout SegmentParser) -> SegmentReadError?
  ) -> Result<ParsedSegment, SegmentReadError> {
    var parser = SegmentParser(options: options)
    if let error = feed(&parser) { return .failure(error) }
    return .success(parser.finish())
  }
}
