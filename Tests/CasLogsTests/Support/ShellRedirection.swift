import Foundation

/// Runs `cas-logs` through `/bin/sh` with standard streams the test runner cannot set up itself: a
/// closed descriptor (`<&-`, `>&-`) or a device such as `/dev/full`.
enum ShellRedirection {
  /// Runs `cas-logs` with `arguments` and the shell `redirections` (such as `>/dev/full` or `<&-`).
  ///
  /// What it writes to streams not redirected is captured.
  static func run(_ arguments: [String], redirections: String, timeLimit: Duration = .seconds(60)) throws
    -> CLIResult
  {
    let binary = try CLIRunner.binaryURL().path
    let script = "exec \"$0\" \"$@\" \(redirections)"
    let process = try CLIProcess(
      arguments: ["-c", script, binary] + arguments, stdinPipe: false, executable: URL(fileURLWithPath: "/bin/sh"))
    guard process.waitForExit(timeout: timeLimit) else {
      process.kill()
      let partial = process.result()
      throw CLIError.timedOut(arguments: arguments, limit: timeLimit, stdout: partial.stdout, stderr: partial.stderr)
    }
    return process.result()
  }
}
