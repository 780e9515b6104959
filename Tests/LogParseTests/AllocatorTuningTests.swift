import LogParse
import Testing

/// The allocator settings take: glibc accepts both thresholds.
struct AllocatorTuningTests {
  @Test func glibcTakesTheThresholds() {
    #expect(AllocatorTuning.install())
  }
}
