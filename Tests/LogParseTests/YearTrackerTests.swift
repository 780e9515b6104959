import LogGen
import Testing

@testable import LogParse

/// The year tracker's short path for a record in the last record's month gives what the full
/// stamping gives.
struct YearTrackerTests {
  @Test func shortPathStampsAsTheFullOne() {
    var random = SplitMix64(seed: 12)
    var short = YearTracker()
    var full = YearTracker()
    var month = 1
    var sameMonth = 0
    for _ in 0..<20_000 {
      // Mostly the same month, sometimes the next or an earlier one (New Years among them), and
      // now and then an envelope's time or none at all.
      switch random.next() % 10 {
      case 0: month = month % 12 + 1
      case 1: month = Int(random.next() % 13)
      default: break
      }
      let klog = LogTime(
        month: month, day: Int(random.next() % 28) + 1, microsecondOfDay: Int64(random.next() % 86_400_000_000))
      let fullTime: FullTime? =
        random.next() % 20 == 0 ? FullTime(epochMicroseconds: Int64(random.next() % 4_000_000_000_000_000)) : nil
      let fallback: LogTime? = random.next() % 30 == 0 ? nil : klog
      if fullTime == nil, fallback?.month == short.lastMonth { sameMonth += 1 }
      let stamped = short.stamp(fullTime, fallback: fallback)
      #expect(stamped == full.stampInFull(fullTime, fallback: fallback))
      #expect(short.offset == full.offset && short.lastMonth == full.lastMonth && short.firstMonth == full.firstMonth)
    }
    #expect(sameMonth > 10_000)
    #expect(short.offset > 0)
  }
}
