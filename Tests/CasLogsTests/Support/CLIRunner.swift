import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything one finished run of the `cas-logs` binary produced.
struct CLIResult: Sendable {
  /// The arguments the binary was started with (for failure messages).
  let arguments: [String]
  /// The exit status, or the signal number when `terminatedBySignal` is true.
  let exitCode: Int32
  /// Whether the process was ended by a signal rather than by exiting.
  let terminatedBySignal: Bool
  /// Everything written to standard output, decoded as UTF-8.
  let stdout: String
  /// Everything written to standard error, decoded as UTF-8.
  let stderr: String

  /// Standard output and standard error together, for "the output mentions …" checks.
  var output: String { stdout + "\n" + stderr }

  /// The lines of standard output, without the empty piece after a final newline.
  var stdoutLines: [String] { Self.lines(of: stdout) }

  /// The lines of standard error, without the empty piece after a final newline.
  var stderrLines: [String] { Self.lines(of: stderr) }

  /// The command, its exit code and everything it wrote, for `#expect` comments.
  var summary: String {
    "cas-logs \(arguments.joined(separator: " ")) -> exit \(exitCode)\n--- stdout:\n\(stdout)\n--- stderr:\n\(stderr)"
  }

  /// Splits text into lines, dropping only the empty remainder after a trailing newline.
  private static func lines(of text: String) -> [String] {
    var parts = text.components(separatedBy: "\n")
    if parts.last == "" { parts.removeLast() }
    return parts
  }
}

/// Why a run of `cas-logs` could not be completed.
enum CLIError: Error, CustomStringConvertible {
  /// No built `cas-logs` executable was found in any of the searched places.
  case binaryNotFound(searched: [String])
  /// The process was still running when its time limit passed, and was killed.
  case timedOut(arguments: [String], limit: Duration, stdout: String, stderr: String)
  /// A browser test ran without a browser.
  case missingBrowser

  /// A human-readable explanation.
  var description: String {
    switch self {
    case .missingBrowser:
      return "no headless browser is installed"
    case .binaryNotFound(let searched):
      return "cas-logs binary not found; run `swift build` first (or set CAS_LOGS_BINARY). Searched:\n"
        + searched.joined(separator: "\n")
    case .timedOut(let arguments, let limit, let stdout, let stderr):
      return "cas-logs \(arguments.joined(separator: " ")) did not exit within \(limit); killed it.\n"
        + "--- stdout:\n\(stdout)\n--- stderr:\n\(stderr)"
    }
  }
}

/// Runs the built `cas-logs` executable as a user would, and captures what it does.
enum CLIRunner {
  /// The default hard limit for one run; a hung process is killed and the test fails.
  static let defaultTimeLimit: Duration = .seconds(60)

  /// The executable's file name.
  static let executableName = "cas-logs"

  /// The package root, derived from this file's location (`Tests/CasLogsTests/Support/CLIRunner.swift`).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // CasLogsTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// Variables that change what `cas-logs` prints (`assert` annotates for GitHub Actions under
  /// `GITHUB_ACTIONS=true` and appends to `$GITHUB_STEP_SUMMARY`).
  ///
  /// They are removed from every child's environment unless a test sets them, so that the suite run inside
  /// GitHub Actions behaves as it does anywhere else.
  static let isolatedVariables = ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"]

  /// The environment a child runs with: `base` without ``isolatedVariables``, then `overrides` on top.
  static func childEnvironment(
    overriding overrides: [String: String],
    base: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String: String] {
    var environment = base
    for name in isolatedVariables { environment[name] = nil }
    environment.merge(overrides) { _, override in override }
    return environment
  }

  /// Finds the built `cas-logs` executable, or throws a clear error naming every place searched.
  ///
  /// Order: `$CAS_LOGS_BINARY` (exclusively, when set); a sibling of the running test bundle (walking up
  /// from the bundle and from `argv[0]`, so `swift test -c release` finds the release binary); then
  /// `.build/debug` and `.build/<triple>/debug` under the package root.
  static func binaryURL() throws -> URL {
    if let override = ProcessInfo.processInfo.environment["CAS_LOGS_BINARY"], !override.isEmpty {
      let url = URL(fileURLWithPath: override)
      guard isExecutableFile(url) else { throw CLIError.binaryNotFound(searched: ["$CAS_LOGS_BINARY=\(override)"]) }
      return url
    }
    var candidates: [URL] = []
    var starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
    starts += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
    for start in starts {
      var directory = start.standardizedFileURL
      for _ in 0..<4 {
        candidates.append(directory.appendingPathComponent(executableName))
        directory.deleteLastPathComponent()
      }
    }
    let build = packageRoot.appendingPathComponent(".build")
    candidates.append(build.appendingPathComponent("debug").appendingPathComponent(executableName))
    let triples = (try? FileManager.default.contentsOfDirectory(atPath: build.path)) ?? []
    for triple in triples.sorted() where triple.contains("-") {
      candidates.append(
        build.appendingPathComponent(triple).appendingPathComponent("debug").appendingPathComponent(executableName))
    }
    for candidate in candidates where isExecutableFile(candidate) {
      return candidate
    }
    throw CLIError.binaryNotFound(searched: candidates.map(\.path))
  }

  /// Runs `cas-logs` with `arguments` to completion and returns what it did.
  ///
  /// - Parameters:
  ///   - arguments: the command line after the program name.
  ///   - stdin: bytes to feed on standard input through a pipe, which is then closed; when nil, standard
  ///     input is `/dev/null`.
  ///   - environment: variables to set in the child, on top of this process's environment without
  ///     ``isolatedVariables`` (see ``childEnvironment(overriding:base:)``).
  ///   - timeLimit: a hard limit; past it the process is killed and `CLIError.timedOut` is thrown.
  static func run(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
    timeLimit: Duration = defaultTimeLimit
  ) throws -> CLIResult {
    let process = try CLIProcess(arguments: arguments, stdinPipe: stdin != nil, environment: environment)
    if let stdin {
      process.feedInBackgroundAndClose(stdin)
    }
    guard process.waitForExit(timeout: timeLimit) else {
      process.kill()
      let partial = process.result()
      throw CLIError.timedOut(
        arguments: arguments, limit: timeLimit, stdout: partial.stdout, stderr: partial.stderr)
    }
    return process.result()
  }

  /// Whether `url` names an existing regular file that this process may execute.
  private static func isExecutableFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return false }
    return !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
  }
}
