import Foundation
import Glibc
import Testing

/// How long the command after `--` lives, and whose its exit status is: a command that closes its
/// output is waited for, one that exits while a background process holds the pipe is not, and none
/// outlives a cas-logs killed with SIGKILL.
struct CommandLifetimeTests {
  private func log() throws -> String { try SampleLogs.path(SampleLogs.blogScaleUp) }

  @Test("a command that closes its output and fails later is an input error, not a pass", arguments: ["1", "0"])
  func closedOutputThenExit(status: String) throws {
    let script = "cat '\(try log())'; exec 1>&-; sleep 3; exit \(status)"
    let result = try CLIRunner.run(
      ["assert", "--forbid", "failure", "--", "sh", "-c", script], timeLimit: .seconds(30))
    if status == "0" {
      #expect(result.exitCode == 0 && result.stdout.contains("PASS"), "\(result.summary)")
    } else {
      #expect(result.exitCode == 2, "\(result.summary)")
      #expect(result.stderr.contains("exited with status 1"), "\(result.summary)")
      #expect(!result.stdout.contains("PASS"), "\(result.summary)")
      let report = try CLIRunner.run(["report", "--", "sh", "-c", script], timeLimit: .seconds(30))
      #expect(report.exitCode == 2 && report.stderr.contains("exited with status 1"), "\(report.summary)")
    }
  }

  @Test("--timeout bounds the wait for a command that closed its output: the timeout's verdict, its status ignored")
  func closedOutputTimeout() throws {
    let script = "cat '\(try log())'; exec 1>&-; sleep 30; exit 1"
    let started = ContinuousClock.now
    let result = try CLIRunner.run(
      ["assert", "--forbid", "failure", "--timeout", "2s", "--", "sh", "-c", script], timeLimit: .seconds(30))
    #expect(result.exitCode == 1 && result.stdout.contains("timeout"), "\(result.summary)")
    #expect(ContinuousClock.now - started < .seconds(10))
  }

  @Test("a command that exits while a background process holds its output: reading stops, the group is ended")
  func lingeringOutput() throws {
    let directory = try TemporaryDirectory()
    let pidFile = directory.path("pid")
    let script = "cat '\(try log())'; sleep 100 & echo $! > '\(pidFile)'; exit 0"
    let started = ContinuousClock.now
    let result = try CLIRunner.run(["report", "--", "sh", "-c", script], timeLimit: .seconds(30))
    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(result.exitCode == 0, "\(result.summary)")
    #expect(result.stdout.contains("Scale-ups: 1"), "\(result.summary)")
    #expect(result.stderr.contains("its output stayed open"), "\(result.summary)")
    let pids = CommandInputTests.pids(in: pidFile)
    #expect(pids.count == 1)
    for pid in pids { #expect(CommandInputTests.hasEnded(pid), "the background process \(pid) still runs") }
    let failing = try CLIRunner.run(
      ["report", "--", "sh", "-c", "cat '\(try log())'; sleep 100 & exit 4"], timeLimit: .seconds(30))
    #expect(failing.exitCode == 2 && failing.stderr.contains("exited with status 4"), "\(failing.summary)")
  }

  @Test("cas-logs killed with SIGKILL: its command is gone within a second")
  func parentDeath() throws {
    let directory = try TemporaryDirectory()
    let pidFile = directory.path("pid")
    let process = try CLIProcess(
      arguments: ["follow", "--", "sh", "-c", "echo $$ > '\(pidFile)'; cat '\(try log())'; exec sleep 104"],
      stdinPipe: false)
    var child: Int32?
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    while child == nil, ContinuousClock.now < deadline {
      child = CommandInputTests.pids(in: pidFile).first
      Thread.sleep(forTimeInterval: 0.02)
    }
    let pid = try #require(child, "the command did not start")
    defer { kill(pid, SIGKILL) }
    Thread.sleep(forTimeInterval: 0.3)
    process.send(SIGKILL)
    let gone = ContinuousClock.now.advanced(by: .seconds(1))
    var ended = false
    while !ended, ContinuousClock.now < gone {
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      ended = (kill(pid, 0) != 0 && errno == ESRCH) || stat.split(separator: ")").last?.hasPrefix(" Z") == true
      if !ended { Thread.sleep(forTimeInterval: 0.02) }
    }
    #expect(ended, "the command \(pid) outlived cas-logs")
    _ = process.waitForExit(timeout: .seconds(5))
  }

  @Test("--timeout with nothing read: insufficient evidence (exit 3) with a NOTE, no PASS")
  func timeoutWithoutInput() throws {
    let result = try CLIRunner.run(
      ["assert", "--forbid", "failure", "--timeout", "2s", "--", "sleep", "30"], timeLimit: .seconds(30))
    #expect(result.exitCode == 3, "\(result.summary)")
    #expect(!result.stdout.contains("PASS") && result.stdout.contains("NOTE"), "\(result.summary)")
    #expect(!result.stdout.contains("marked FAIL"), "\(result.summary)")
    #expect(result.stderr.contains("0 lines read before --timeout passed"), "\(result.summary)")
  }

  @Test("an input error (exit 2) is no PASS, and the summary line says the error")
  func inputErrorIsNoPass() throws {
    let directory = try TemporaryDirectory()
    let result = try CLIRunner.run(
      ["assert", "--forbid", "failure", "--", "sh", "-c", "cat '\(try log())'; kill -9 $$"],
      environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": directory.path("summary.md")],
      timeLimit: .seconds(30))
    #expect(result.exitCode == 2, "\(result.summary)")
    #expect(!result.stdout.contains("PASS"), "\(result.summary)")
    let counts = result.stdoutLines.first { $0.hasPrefix("0 passed, 1 failed") }
    #expect(counts?.contains("input error") == true, "\(result.summary)")
    let summary = directory.read("summary.md") ?? ""
    #expect(summary.hasPrefix("## cas-logs assert: input error"), "\(summary)")
    #expect(summary.contains("was killed by signal 9"), "\(summary)")
  }
}
