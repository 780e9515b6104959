import ArgumentParser
import Glibc
import LogParse

/// The inputs shared by every subcommand: files (or stdin) and how to date them.
struct InputOptions: ParsableArguments {
  @Argument(
    help: """
      Log files, read in order (the files of one rotated log, such as 0.log, 0.log.DATE and 0.log.DATE.gz, \
      oldest first); gzip is inflated; none or '-' reads standard input. Or -- COMMAND [ARGS...]: run the \
      command and read its standard output (e.g. -- kubectl logs -f -n kube-system deploy/cluster-autoscaler); \
      cas-logs ends it (SIGTERM to its process group, SIGKILL 2s later) when done, and a command that cannot \
      start or exits non-zero first is an input error (exit 2).
      """)
  var files: [String] = []

  @Option(help: "The year of the log's first record (1970-9999), when neither envelopes nor messages show it.")
  var year: Int?

  @Option(help: ArgumentHelp("Cut lines longer than this many bytes (they are counted).", visibility: .hidden))
  var maxLineLength: Int = 1 << 20

  @Option(
    help: ArgumentHelp(
      "Threads that parse a large file (default and most: one per core; 1 reads sequentially).",
      visibility: .hidden))
  var threads: Int?

  @Option(help: ArgumentHelp("Seconds to wait for a writer on a named pipe given as a file.", visibility: .hidden))
  var pipeWait: Double = 10

  /// The years `--year` accepts.
  static let years = 1970...9999
  /// The line lengths `--max-line-length` accepts: 16 bytes to 64 MiB.
  static let lineLengths = 16...(64 << 20)
  /// The longest `--pipe-wait`: a day.
  static let longestPipeWait = 86_400.0

  func validate() throws {
    if let year, !Self.years.contains(year) {
      throw ValidationError("--year \(year): expected a year from \(Self.years.lowerBound) to \(Self.years.upperBound)")
    }
    if !Self.lineLengths.contains(maxLineLength) {
      throw ValidationError(
        "--max-line-length \(maxLineLength): expected \(Self.lineLengths.lowerBound) to \(Self.lineLengths.upperBound) bytes"
      )
    }
    if let threads, threads < 1 {
      throw ValidationError("--threads \(threads): expected at least 1")
    }
    guard pipeWait.isFinite, pipeWait >= 0, pipeWait <= Self.longestPipeWait else {
      throw ValidationError("--pipe-wait \(pipeWait): expected 0 to \(Int(Self.longestPipeWait)) seconds")
    }
  }

  /// Whether the input is standard input only.
  var readsStandardInput: Bool { files.isEmpty || files == ["-"] }

  /// Analyzer options for these inputs; `--threads` is capped at the cores this process may use (its
  /// affinity mask and CPU quota, not every online core).
  func analyzerOptions(reorderWindow: Int) -> AnalyzerOptions {
    var options = AnalyzerOptions(now: FullTime.now(), year: year)
    options.maximumLineLength = maxLineLength
    options.reorderWindow = reorderWindow
    if let threads { options.parseThreads = min(max(1, threads), UsableCores.count()) }
    return options
  }

  /// What reading the inputs gave.
  struct ReadResult {
    /// Whether every input could be read.
    var allRead = true
    /// Whether at least one input could be read.
    var anyRead = false
    /// Whether an input could not be read to its end because its gzip data is corrupt or
    /// truncated (an input error for `report`, insufficient evidence for `assert`).
    var undecodable = false
    /// The signal that stopped a read loop early, or nil when every input was read to its end (a
    /// signal that arrives only afterwards, while the report is rendered, leaves the report complete).
    var interruptedBy: Int32?
    /// The input error a verdict names (a failed read of standard input, a failed command after
    /// `--`), when the reading says which.
    var inputError: String?
  }

  /// Whether reading should stop: a signal arrived, or the command after `--` exited while a process
  /// it left behind keeps its output open (``CommandInput/outputAbandoned()``).
  static func interrupted() -> Bool { Signals.pending != nil || CommandInput.outputAbandoned() }

  /// Reports that standard input cannot be read because it is closed; false then.
  static func standardInputIsOpen() -> Bool {
    guard StandardStreams.inputClosed else { return true }
    Diagnostics.error("standard input is closed: give log files, or pipe a log in")
    return false
  }

  /// Reads the inputs into `analyzer`, then finishes it: the one place where a command's input ends.
  ///
  /// Standard input alone is read by `live` when one is given (`follow` and `assert` read it as it
  /// arrives, with their own stop conditions); otherwise every file, or standard input to its end,
  /// is read (``readAll(into:)``).
  func read(
    into analyzer: inout Analyzer, live: ((inout Analyzer) throws -> ReadResult)? = nil
  ) throws -> ReadResult {
    let result: ReadResult
    if readsStandardInput, let live {
      result = try live(&analyzer)
    } else {
      result = readAll(into: &analyzer)
    }
    analyzer.finish()
    return result
  }

  /// Reads every file (or stdin to its end) into `analyzer`; unreadable files are reported and
  /// skipped, and a signal stops the reading (``ReadResult/interruptedBy`` then says which).
  private func readAll(into analyzer: inout Analyzer) -> ReadResult {
    var result = ReadResult()
    let others = files.count > 1 ? " (the other files are still read)" : ""
    // The files of one rotated log are read oldest first, whatever order the shell gave them in.
    for file in files.isEmpty ? ["-"] : RotatedSet.readingOrder(files) {
      if let signal = Signals.pending {
        // The inputs not yet read are left unread: what follows is partial.
        result.interruptedBy = signal
        break
      }
      if file == "-" {
        guard Self.standardInputIsOpen() else {
          result.allRead = false
          continue
        }
        let end = InputReader.readStream(
          fd: STDIN_FILENO, name: "-", into: &analyzer, idleMilliseconds: 1000, shouldStop: { Self.interrupted() })
        if case .failed(let reason) = end {
          Diagnostics.error("cannot read standard input: \(reason)" + others)
          result.allRead = false
        }
        if case .undecodable(let reason) = end {
          Diagnostics.error("cannot read standard input to its end: \(reason)" + others)
          result.undecodable = true
        }
        if end == .stopped { result.interruptedBy = Signals.pending }
        if CommandInput.end().failed { result.allRead = false }
        result.anyRead = true
        continue
      }
      do {
        let wait = Int32((pipeWait * 1000).rounded())
        let end = try InputReader.readFile(
          file, into: &analyzer, pipeWaitMilliseconds: wait, shouldStop: { Self.interrupted() })
        if end == .stopped { result.interruptedBy = Signals.pending }
        result.anyRead = true
      } catch {
        Diagnostics.error(error.description + others)
        if case .undecodable = error {
          result.undecodable = true
          result.anyRead = true
        } else {
          result.allRead = false
        }
      }
    }
    return result
  }
}
