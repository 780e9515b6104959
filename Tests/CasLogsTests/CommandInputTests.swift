import Foundation
import Glibc
import Testing

/// `-- COMMAND [ARGS…]`: cas-logs runs the writer itself, reads its output, ends it (its whole process
/// group) once done, and exits with the verdict; a writer that fails is an input error (exit 2).
struct CommandInputTests {
  /// A shell line that writes the blog's scale-up log and then never ends, noting its own pid and that of
  /// a background member of its group in `pidFile` first.
  static func endlessWriter(pidFile: String) throws -> String {
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    return "echo $$ > '\(pidFile)'; sleep 1000 & echo $! >> '\(pidFile)'; cat '\(log)'; wait"
  }

  /// The pids written by ``endlessWriter(pidFile:)``.
  static func pids(in pidFile: String) -> [Int32] {
    ((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
  }

  /// Whether `pid` has ended: no such process, or a zombie waiting for its reaper (init here, as its
  /// parent is gone), within a few seconds.
  static func hasEnded(_ pid: Int32) -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
    while ContinuousClock.now < deadline {
      if kill(pid, 0) != 0 && errno == ESRCH { return true }
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      if let close = stat.lastIndex(of: ")"), stat[close...].hasPrefix(") Z") { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }

  @Test("a writer that never ends: assert exits with its verdict and the writer's group is gone")
  func endlessWriterEnds() throws {
    let directory = try TemporaryDirectory()
    let pidFile = directory.path("pids")
    let started = ContinuousClock.now
    let result = try CLIRunner.run(
      ["assert", "--expect", "scale-up succeeded", "--", "sh", "-c", try Self.endlessWriter(pidFile: pidFile)],
      timeLimit: .seconds(30))
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdout.contains("PASS  --expect 'scale-up succeeded'"), "\(result.summary)")
    #expect(ContinuousClock.now - started < .seconds(10))
    let pids = Self.pids(in: pidFile)
    #expect(pids.count == 2, "pid file: \(pids)")
    for pid in pids { #expect(Self.hasEnded(pid), "process \(pid) of the writer's group still runs") }
  }

  @Test("a failed verdict is the exit code too, and the writer is ended")
  func failedVerdict() throws {
    let directory = try TemporaryDirectory()
    let pidFile = directory.path("pids")
    let result = try CLIRunner.run(
      ["assert", "--forbid-line", "Upcoming", "--", "sh", "-c", try Self.endlessWriter(pidFile: pidFile)],
      timeLimit: .seconds(30))
    #expect(result.exitCode == 1, "\(result.summary)")
    for pid in Self.pids(in: pidFile) { #expect(Self.hasEnded(pid)) }
  }

  /// Runs `script` with `bash -o pipefail`, `$0` being the cas-logs binary and `$1` the sample log, and
  /// SIGPIPE's default action restored (this test process ignores it, and children inherit that).
  static func pipefail(_ script: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "--default-signal=PIPE", "bash", "-o", "pipefail", "-c", script, try CLIRunner.binaryURL().path,
      try SampleLogs.path(SampleLogs.blogScaleUp),
    ]
    process.environment = CLIRunner.childEnvironment(overriding: [:])
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test("under bash -o pipefail the -- form exits with the verdict, where a pipe dies of SIGPIPE (141)")
  func noBrokenPipeUnderPipefail() throws {
    // The writer keeps writing after the verdict, as `kubectl logs -f` does.
    let writer = "cat \"$1\"; sleep 1; cat \"$1\"; sleep 1000"
    #expect(try Self.pipefail("\"$0\" assert --expect 'scale-up succeeded' -- sh -c '\(writer)' sh \"$1\"") == 0)
    let piped = "sh -c '\(writer.replacingOccurrences(of: "; sleep 1000", with: ""))' sh \"$1\""
    #expect(try Self.pipefail("\(piped) | \"$0\" assert --expect 'scale-up succeeded'") == 141)
  }

  @Test("a command that cannot start is one error line and exit 2")
  func cannotStart() throws {
    let result = try CLIRunner.run(["assert", "--expect", "scale-up", "--", "/nonexistent/kubectl", "logs"])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines == ["cas-logs: error: cannot run '/nonexistent/kubectl': No such file or directory"])
    #expect(result.stdout.isEmpty, "\(result.summary)")
  }

  @Test(
    "a command that exits non-zero before the verdict is an input error naming its last stderr line",
    arguments: ["assert", "report", "follow"])
  func exitsEarly(command: String) throws {
    let log = try SampleLogs.path(SampleLogs.blogScaleDown)
    let script = "cat '\(log)'; echo 'first complaint' >&2; echo 'error: connection refused' >&2; exit 3"
    let options = command == "assert" ? ["--expect", "scale-up succeeded"] : []
    let result = try CLIRunner.run([command] + options + ["--", "sh", "-c", script])
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    let line = try #require(result.stderrLines.first)
    #expect(line.hasPrefix("cas-logs: error: input command 'sh -c "), "\(line)")
    #expect(line.hasSuffix("exited with status 3: error: connection refused"), "\(line)")
  }

  @Test("a command that ends with status 0 is read like a file")
  func endsWell() throws {
    let log = try SampleLogs.path(SampleLogs.blogScaleUp)
    for command in ["report", "follow"] {
      let direct = try CLIRunner.run([command, log])
      let viaCommand = try CLIRunner.run([command, "--", "cat", log])
      #expect(viaCommand.exitCode == 0, "\(viaCommand.summary)")
      #expect(viaCommand.stdout == direct.stdout.replacingOccurrences(of: log, with: "-"), "\(viaCommand.summary)")
    }
  }

  @Test("--timeout ends the writer and fails, listing what is unmet")
  func timeout() throws {
    let directory = try TemporaryDirectory()
    let pidFile = directory.path("pids")
    let started = ContinuousClock.now
    let result = try CLIRunner.run(
      [
        "assert", "--expect", "scale-down succeeded", "--timeout", "1s", "--", "sh", "-c",
        try Self.endlessWriter(pidFile: pidFile),
      ],
      timeLimit: .seconds(30))
    let elapsed = ContinuousClock.now - started
    #expect(result.exitCode == 1, "\(result.summary)")
    #expect(result.stdout.contains("FAIL  timeout"), "\(result.summary)")
    #expect(elapsed >= .seconds(1) && elapsed < .seconds(8), "took \(elapsed)")
    for pid in Self.pids(in: pidFile) { #expect(Self.hasEnded(pid)) }
  }

  @Test("SIGTERM to cas-logs ends the writer too", arguments: [SIGTERM, SIGINT])
  func signalEndsTheWriter(signalNumber: Int32) throws {
    let directory = try TemporaryDirectory()
    let pidFile = directory.path("pids")
    let process = try CLIProcess(
      arguments: ["follow", "--", "sh", "-c", try Self.endlessWriter(pidFile: pidFile)], stdinPipe: false)
    let (result, _) = try InterruptTests.interrupt(process, with: signalNumber) { Self.pids(in: pidFile).count == 2 }
    #expect(result.exitCode == 128 + signalNumber, "\(result.summary)")
    let pids = Self.pids(in: pidFile)
    #expect(pids.count == 2)
    for pid in pids { #expect(Self.hasEnded(pid), "process \(pid) of the writer's group still runs") }
  }

  @Test(
    "files and a command, or -- alone, are usage errors",
    arguments: [["report", "x.log", "--", "cat"], ["assert", "--expect", "scale-up", "--"]])
  func usageErrors(arguments: [String]) throws {
    let result = try CLIRunner.run(arguments)
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(result.stderrLines.count == 1, "\(result.summary)")
    #expect(result.stderr.contains("--"), "\(result.summary)")
  }
}
