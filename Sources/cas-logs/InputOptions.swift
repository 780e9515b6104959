import ArgumentParser
import Glibc
import LogParse

/// The inputs shared by every subcommand: files (or stdin) and how to date them.
struct InputOptions: ParsableArguments {
  @Argument(help: "Log files, read in order; none or '-' reads standard input.")
  var files: [String] = []

  @Option(help: "The year of the log's first record, when neither envelopes nor messages show it.")
  var year: Int?

  @Option(help: ArgumentHelp("Cut lines longer than this many bytes (they are counted).", visibility: .hidden))
  var maxLineLength: Int = 1 << 20

  @Option(
    help: ArgumentHelp(
      "Threads that parse a large file (default: one per core; 1 reads sequentially).", visibility: .hidden))
  var threads: Int?

  @Option(help: ArgumentHelp("Seconds to wait for a writer on a named pipe given as a file.", visibility: .hidden))
  var pipeWait: Double = 10

  /// Whether the input is standard input only.
  var readsStandardInput: Bool { files.isEmpty || files == ["-"] }

  /// Analyzer options for these inputs.
  func analyzerOptions(reorderWindow: Int) -> AnalyzerOptions {
    var options = AnalyzerOptions(now: FullTime.now(), year: year)
    options.maximumLineLength = maxLineLength
    options.reorderWindow = reorderWindow
    if let threads { options.parseThreads = max(1, threads) }
    return options
  }

  /// What reading the inputs gave.
  struct ReadResult {
    /// Whether every input could be read.
    var allRead = true
    /// Whether at least one input could be read.
    var anyRead = false
  }

  /// Reads every file (or stdin to its end) into `analyzer`; unreadable files are reported and skipped.
  func readAll(into analyzer: inout Analyzer) -> ReadResult {
    var result = ReadResult()
    for file in files.isEmpty ? ["-"] : files {
      if file == "-" {
        _ = InputReader.readStream(fd: STDIN_FILENO, name: "-", into: &analyzer, idleMilliseconds: 1000) {
          Signals.pending != nil
        }
        result.anyRead = true
        continue
      }
      do {
        let wait = Int32(clamping: Int((max(0, pipeWait) * 1000).rounded()))
        try InputReader.readFile(file, into: &analyzer, pipeWaitMilliseconds: wait)
        result.anyRead = true
      } catch {
        Diagnostics.error(error.description + (files.count > 1 ? " (the other files are still read)" : ""))
        result.allRead = false
      }
    }
    analyzer.finish()
    return result
  }
}
