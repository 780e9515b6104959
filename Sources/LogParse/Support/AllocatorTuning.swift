import CAllocatorTuning

/// The allocator settings of a process that reads large logs on several threads.
public enum AllocatorTuning {
  /// Keeps blocks of up to 32 MiB on the heap and lets 64 MiB of freed memory stay there.
  ///
  /// A segment of a file parsed on another thread hands its events over in a list of about a
  /// megabyte; with glibc's defaults each such list is mapped and unmapped anew (a page fault per
  /// page, twice per segment). Kept on the heap, the memory is reused by the next segment (the
  /// system time of a two-thread read shows it: `/usr/bin/time cas-logs report --format json
  /// bench-data/1GB.log` before and after). Memory stays bounded: the heap only keeps what the
  /// bounded stages freed.
  @discardableResult
  public static func install() -> Bool {
    cas_allocator_tune(32 << 20, 64 << 20) == 1
  }
}
