/// Counts year boundaries crossed by a log.
///
/// klog headers have no year: a record in January after one in December starts a new year.
/// A full time from an envelope (kubectl `--timestamps`, CRI, Docker, JSON `ts`) dates the
/// record it wraps: ``baseYear(provenBy:)`` is what it proves, which the record carries to
/// ``ParseStatistics/envelopeBaseYear``, the one place that evidence is kept.
struct YearTracker {
  /// The month of the first and of the latest record stamped (0 before any).
  private(set) var firstMonth: UInt8 = 0
  private(set) var lastMonth: UInt8 = 0
  /// The New Years crossed so far, at most ``maximumOffset``.
  private(set) var offset = 0
  /// The most New Years counted: the span of the supported years, so that some base year puts
  /// every record in them (a log cannot really cross more; further rollovers are not counted).
  static let maximumOffset = FullTime.supportedYears.upperBound - FullTime.supportedYears.lowerBound

  /// The record's time with its year offset; `fullTime` (from an envelope) wins over `fallback`.
  ///
  /// The usual record, a klog time in the month of the one before, only takes the offset; the rest
  /// is ``stampInFull(_:fallback:)``, which gives the same for it.
  @inline(__always)
  mutating func stamp(_ fullTime: FullTime?, fallback: LogTime?) -> LogTime {
    if fullTime == nil, var time = fallback, time.month == lastMonth {
      time.yearOffset = Int16(clamping: offset)
      return time
    }
    return stampInFull(fullTime, fallback: fallback)
  }

  /// ``stamp(_:fallback:)`` for every record: the envelope's time or klog's, a New Year counted.
  @inline(never)
  mutating func stampInFull(_ fullTime: FullTime?, fallback: LogTime?) -> LogTime {
    var time: LogTime
    if let fullTime {
      time = fullTime.logTime
      if let fallback, fallback.month == time.month || fallback.day == time.day {
        // Prefer klog's own time: it is when CAS wrote the message, the envelope when it was collected.
        time = fallback
      }
    } else if let fallback {
      time = fallback
    } else {
      time = LogTime(month: 1, day: 1, microsecondOfDay: 0)
    }
    if lastMonth != 0, time.month < lastMonth, Int(lastMonth) - Int(time.month) >= 6 {
      offset = min(offset + 1, YearTracker.maximumOffset)
    }
    if firstMonth == 0 { firstMonth = time.month }
    lastMonth = time.month
    time.yearOffset = Int16(clamping: offset)
    return time
  }

  /// The base year (the year of offset 0) that `fullTime`, the full time just stamped, proves: its
  /// year less the New Years crossed before it; nil without one.
  func baseYear(provenBy fullTime: FullTime?) -> Int? {
    fullTime.map { $0.date.year - offset }
  }

  /// Continues the count over a stretch of the log another tracker stamped from a fresh start.
  ///
  /// Returns the offset to add to that stretch's year offsets (the sum capped at
  /// ``maximumOffset``). The result is what stamping the stretch's records here, one by one,
  /// would have given.
  mutating func absorb(_ stretch: YearTracker) -> Int {
    guard stretch.firstMonth != 0 else { return offset }
    var base = offset
    if lastMonth != 0, stretch.firstMonth < lastMonth, Int(lastMonth) - Int(stretch.firstMonth) >= 6 {
      base += 1
    }
    if firstMonth == 0 { firstMonth = stretch.firstMonth }
    lastMonth = stretch.lastMonth
    base = min(base, YearTracker.maximumOffset)
    offset = min(base + stretch.offset, YearTracker.maximumOffset)
    return base
  }
}
