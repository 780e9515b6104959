import Foundation

/// Counts the threads of a running `cas-logs` while it parses a large stream.
enum ThreadSampling {
  /// Feeds `process` 24 MB of the blog's scale-up log on stdin, samples its thread count every few
  /// milliseconds until it exits (a single sample could come before the workers exist), and returns
  /// the most threads seen.
  static func mostThreadsWhileParsing(_ process: CLIProcess) throws -> Int {
    let sample = try SampleLogs.data(SampleLogs.blogScaleUp)
    var input = Data()
    while input.count < 24 << 20 { input.append(sample) }
    process.feedInBackgroundAndClose(input)
    var most = 0
    let deadline = ContinuousClock.now.advanced(by: .seconds(60))
    while !process.hasExited, ContinuousClock.now < deadline {
      if let threads = process.threadCount { most = max(most, threads) }
      Thread.sleep(forTimeInterval: 0.002)
    }
    _ = process.waitForExit(timeout: .seconds(60))
    return most
  }
}
