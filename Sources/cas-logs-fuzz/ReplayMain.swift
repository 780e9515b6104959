#if !CASLOGS_FUZZING
  import Glibc
  import LogParse

  /// Without libFuzzer: replays the files given as arguments through the fuzz entry point.
  ///
  /// `swift run cas-logs-fuzz SampleLogs/*.log` checks a corpus (or a crash reproducer) in a
  /// normal build; `make fuzz` builds the same entry point with libFuzzer and searches for inputs.
  /// `--mutate N` also runs N structure-aware mutations of each file (seeds 1…N);
  /// `--write-catalogue DIR` writes every catalogue example, one file per entry, as seed corpus.
  @main
  struct ReplayMain {
    static func main() {
      var failed = false
      var arguments = Array(CommandLine.arguments.dropFirst())
      var mutations = 0
      if arguments.first == "--write-catalogue", arguments.count == 2 {
        exit(writeCatalogue(to: arguments[1]) ? 0 : 2)
      }
      if arguments.first == "--mutate", arguments.count >= 2, let count = Int(arguments[1]), count >= 0 {
        mutations = count
        arguments.removeFirst(2)
      }
      for path in arguments {
        guard var bytes = read(path) else {
          say("cas-logs-fuzz: cannot open '\(path)'\n")
          failed = true
          continue
        }
        run(bytes)
        for seed in 0..<UInt32(clamping: mutations) {
          guard let mutated = StructuredMutator.mutate(bytes, maxSize: 16_384, seed: seed + 1) else { continue }
          run(mutated)
          if seed % 8 == 7 { bytes = mutated }  // now and then mutate a mutation, as libFuzzer does
        }
      }
      exit(failed ? 2 : 0)
    }

    /// Passes `bytes` to the fuzz entry point.
    static func run(_ bytes: [UInt8]) {
      let padded = bytes + [0]  // never empty, so the buffer has an address; the extra byte is not passed
      _ = padded.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { fuzzOneInput($0, buffer.count - 1) }
      }
    }

    /// The bytes of the file at `path`, or nil.
    static func read(_ path: String) -> [UInt8]? {
      guard let file = fopen(path, "rb") else { return nil }
      defer { fclose(file) }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
      }
      return bytes
    }

    /// Writes `DIR/catalogue-ID.log` with the example lines of each catalogue entry.
    static func writeCatalogue(to directory: String) -> Bool {
      for entry in Catalog.entries {
        let text = entry.examples.map(\.line).joined(separator: "\n") + "\n"
        guard let file = fopen("\(directory)/catalogue-\(entry.id).log", "wb") else {
          say("cas-logs-fuzz: cannot write in '\(directory)'\n")
          return false
        }
        _ = Array(text.utf8).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
      }
      return true
    }

    static func say(_ text: String) {
      let message = Array(text.utf8)
      _ = write(STDERR_FILENO, message, message.count)
    }
  }
#endif
