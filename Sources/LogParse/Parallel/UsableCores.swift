import Glibc

/// How many CPUs this process can actually use, for sizing worker threads.
///
/// The online CPU count (`_SC_NPROCESSORS_ONLN`) ignores both the affinity mask (`taskset`, a
/// cgroup cpuset) and a container's CPU quota: the count here is the CPUs in the affinity mask,
/// lowered to a CPU quota (cgroup v2 `cpu.max`, v1 `cpu.cfs_quota_us`) rounded up, and at least 1.
public enum UsableCores {
  /// The usable CPUs now (at least 1).
  public static func count() -> Int {
    var cores = affinityCount() ?? sysconf(Int32(_SC_NPROCESSORS_ONLN))
    if let quota = quotaCount() { cores = min(cores, quota) }
    return max(1, cores)
  }

  /// `sched_getaffinity(2)`, which Glibc's Swift overlay does not import (it needs `_GNU_SOURCE`).
  private typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer?) -> Int32

  /// The CPUs in this thread's affinity mask (`CPU_COUNT`, which Swift does not import), or nil.
  static func affinityCount() -> Int? {
    // RTLD_DEFAULT is the null handle in glibc.
    guard let symbol = dlsym(nil, "sched_getaffinity") else { return nil }
    let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
    var set = cpu_set_t()
    let size = MemoryLayout<cpu_set_t>.size
    let count = withUnsafeMutableBytes(of: &set) { bytes -> Int? in
      guard getAffinity(0, size, bytes.baseAddress) == 0 else { return nil }
      return bytes.reduce(0) { $0 + $1.nonzeroBitCount }
    }
    return count.flatMap { $0 > 0 ? $0 : nil }
  }

  /// The CPU quota of the process's container, in whole CPUs rounded up, or nil when unlimited.
  static func quotaCount() -> Int? {
    // cgroup v2: "max 100000" or "200000 100000".
    if let text = contents(of: "/sys/fs/cgroup/cpu.max") {
      let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
      guard fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]) else { return nil }
      return cpus(quota: quota, period: period)
    }
    // cgroup v1: a quota of -1 is unlimited.
    if let quota = contents(of: "/sys/fs/cgroup/cpu/cpu.cfs_quota_us").flatMap(number),
      let period = contents(of: "/sys/fs/cgroup/cpu/cpu.cfs_period_us").flatMap(number)
    {
      return cpus(quota: quota, period: period)
    }
    return nil
  }

  private static func cpus(quota: Int, period: Int) -> Int? {
    guard quota > 0, period > 0 else { return nil }
    return max(1, (quota + period - 1) / period)
  }

  private static func number(_ text: String) -> Int? {
    Int(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first ?? "")
  }

  /// The first few hundred bytes of a small control file, or nil when it cannot be read.
  private static func contents(of path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(fd, &buffer, buffer.count)
    guard count > 0 else { return nil }
    return String(decoding: buffer[..<count], as: UTF8.self)
  }
}
