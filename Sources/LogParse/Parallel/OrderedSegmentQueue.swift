/// Hands numbered pieces of work (segments to parse) to worker threads and their results back to
/// the reader, in order.
final class OrderedSegmentQueue<Work: Sendable>: @unchecked Sendable {
  /// What the reader should do next.
  enum Next {
    /// The segment it waits for is parsed (or failed).
    case ready(Result<ParsedSegment, SegmentReadError>)
    /// It is not: parse this one meanwhile.
    case work(Int, Work)
  }

  private let monitor = Monitor()
  private var pending: [(Int, Work)] = []
  private var pendingHead = 0
  private var results: [Int: Result<ParsedSegment, SegmentReadError>] = [:]
  private var closed = false

  /// Adds a piece of work, number `index`.
  func submit(_ work: Work, at index: Int) {
    monitor.locked {
      pending.append((index, work))
      monitor.broadcast()
    }
  }

  /// No more work will come; idle workers stop, and work not yet taken is dropped.
  func close() {
    monitor.locked {
      closed = true
      pending.removeAll()
      pendingHead = 0
      monitor.broadcast()
    }
  }

  /// The next piece of work, waiting for one; nil once the queue is closed.
  func next() -> (Int, Work)? {
    monitor.locked {
      while pendingHead == pending.count, !closed { monitor.wait() }
      return closed ? nil : popPending()
    }
  }

  /// Hands in the result of piece `index`.
  func deliver(_ result: Result<ParsedSegment, SegmentReadError>, at index: Int) {
    monitor.locked {
      results[index] = result
      monitor.broadcast()
    }
  }

  /// The result of piece `index` (submitted) when it is done, else a piece to do meanwhile;
  /// waits only when there is neither.
  func take(_ index: Int) -> Next {
    monitor.locked {
      while true {
        if let result = results.removeValue(forKey: index) { return .ready(result) }
        if let work = popPending() { return .work(work.0, work.1) }
        monitor.wait()
      }
    }
  }

  /// Takes the oldest pending piece; call with the lock held.
  private func popPending() -> (Int, Work)? {
    guard pendingHead < pending.count else { return nil }
    let item = pending[pendingHead]
    pendingHead += 1
    if pendingHead == pending.count {
      pending.removeAll(keepingCapacity: true)
      pendingHead = 0
    }
    return item
  }
}

/// Why a segment could not be read.
struct SegmentReadError: Error, Sendable {
  var text: String
}
