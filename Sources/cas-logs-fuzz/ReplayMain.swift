#if !CASLOGS_FUZZING
  import Glibc

  /// Without libFuzzer: replays the files given as arguments through the fuzz entry point.
  ///
  /// `swift run cas-logs-fuzz SampleLogs/*.log` checks a corpus (or a crash reproducer) in a
  /// normal build; `make fuzz` builds the same entry point with libFuzzer and searches for inputs.
  @main
  struct ReplayMain {
    static func main() {
      var failed = false
      for path in CommandLine.arguments.dropFirst() {
        guard let file = fopen(path, "rb") else {
          let message = Array("cas-logs-fuzz: cannot open '\(path)'\n".utf8)
          _ = write(STDERR_FILENO, message, message.count)
          failed = true
          continue
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
          let count = fread(&buffer, 1, buffer.count, file)
          if count <= 0 { break }
          bytes += buffer[0..<count]
        }
        fclose(file)
        bytes.append(0)  // never empty, so the buffer has an address; the extra byte is not passed
        _ = bytes.withUnsafeBufferPointer { buffer in
          buffer.baseAddress.map { fuzzOneInput($0, buffer.count - 1) }
        }
      }
      exit(failed ? 2 : 0)
    }
  }
#endif
