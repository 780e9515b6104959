import Glibc

extension FullTime {
  /// The present moment from the system clock (used only to assume a year and for timeouts).
  public static func now() -> FullTime {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return FullTime(epochMicroseconds: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec / 1000))
  }
}
