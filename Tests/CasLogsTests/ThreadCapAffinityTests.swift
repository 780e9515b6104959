import Foundation
import Glibc
import Testing

/// `--threads` is capped at the CPUs the process may run on (its affinity mask), not the online CPUs.
struct ThreadCapAffinityTests {
  @Test(
    "under taskset -c 0 a large stream is parsed on one thread whatever --threads says",
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") && sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1))
  func affinityCapsThreads() throws {
    let binary = try CLIRunner.binaryURL().path
    let process = try CLIProcess(
      arguments: ["-c", "0", binary, "report", "--threads", "64"], stdinPipe: true,
      executable: URL(fileURLWithPath: "/usr/bin/taskset"))
    let most = try ThreadSampling.mostThreadsWhileParsing(process)
    // One usable core: the stream is read sequentially, on the main thread alone.
    #expect(most == 1, "\(most) threads with one usable core")
    #expect(process.result().exitCode == 0, "\(process.result().summary)")
  }
}
