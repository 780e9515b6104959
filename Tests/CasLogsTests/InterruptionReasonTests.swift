import ArgumentParser
import Foundation
import Glibc
import LogParse
import Testing

@testable import cas_logs

/// A report is partial only when a read actually stopped early because of a signal: one that comes
/// after every input was read, while the report is rendered or written, leaves it complete.
@Suite(.serialized)
struct InterruptionReasonTests {
  /// What a command run on another thread gave.
  final class Run: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: String?

    func finished(_ text: String) { lock.withLock { outcome = text } }
    var result: String? { lock.withLock { outcome } }
  }

  /// Whether some thread of this process waits in open(2) for a FIFO's other end.
  static func someThreadWaitsForAFIFO() -> Bool {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.contains { task in
      let wchan = (try? String(contentsOfFile: "/proc/self/task/\(task)/wchan", encoding: .utf8)) ?? ""
      return wchan.contains("wait_for_partner") || wchan.contains("fifo_open")
    }
  }

  /// Waits until `condition` holds, polling every 10 ms for at most 10 s.
  static func wait(_ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    while ContinuousClock.now < deadline {
      if condition() { return true }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }

  /// Everything a FIFO's writer writes, to its end.
  static func readAll(_ path: String) -> String {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(fd, &chunk, chunk.count)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += chunk[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test("a signal while the report is written leaves it complete and the exit 0")
  func signalWhileWriting() throws {
    let directory = try TemporaryDirectory()
    let output = directory.path("out")
    try #require(mkfifo(output, 0o600) == 0)
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    let run = Run()
    let thread = Thread {
      do {
        let command = try CasLogs.Report.parse(["--output", output, log])
        try command.run()
        run.finished("ok")
      } catch {
        run.finished("\(error)")
      }
    }
    thread.start()
    // Every input is read and the report made: the command waits in open(2) for the FIFO's reader.
    let waiting = Self.wait { Self.someThreadWaitsForAFIFO() }
    try #require(waiting, "the command never waited for the output's reader")
    Signals.received.store(SIGTERM, ordering: .relaxed)
    defer { Signals.received.store(0, ordering: .relaxed) }
    let text = Self.readAll(output)
    try #require(Self.wait { run.result != nil })
    #expect(run.result == "ok", "the command ended with \(run.result ?? "nothing")")
    #expect(text.contains("ASG_NAME"), "\(text)")
    #expect(!text.contains("partial"), "a complete report was marked partial:\n\(text)")
  }

  @Test("a signal before any input is read gives an empty report marked partial and 128+signal, not exit 2")
  func signalBeforeAnyInput() throws {
    let directory = try TemporaryDirectory()
    let output = directory.path("report.txt")
    Signals.received.store(SIGTERM, ordering: .relaxed)
    defer { Signals.received.store(0, ordering: .relaxed) }
    let command = try CasLogs.Report.parse(["--output", output, try SampleLogs.path(SampleLogs.blogScaleUp)])
    var code: Int32?
    do { try command.run() } catch let exit as ExitCode { code = exit.rawValue }
    #expect(code == 128 + SIGTERM)
    #expect(directory.read("report.txt")?.contains("partial: interrupted by SIGTERM") == true)
  }

  @Test("a signal before the inputs are read stops the read and says which")
  func signalBeforeReading() throws {
    Signals.received.store(SIGINT, ordering: .relaxed)
    defer { Signals.received.store(0, ordering: .relaxed) }
    let options = try InputOptions.parse([try SampleLogs.path(SampleLogs.blogScaleUp)])
    var analyzer = Analyzer(options: options.analyzerOptions(reorderWindow: 0))
    let read = try options.read(into: &analyzer)
    #expect(read.interruptedBy == SIGINT)
  }
}
