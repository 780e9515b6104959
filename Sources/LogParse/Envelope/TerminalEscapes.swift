/// Removes the colour escapes a terminal tool writes (stern `--color always`, `logcli` on a terminal).
enum TerminalEscapes {
  /// Appends `line` to `out` without its CSI sequences (`ESC [ … final byte`) and other `ESC x` pairs.
  static func remove(from line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    var i = 0
    let n = line.count
    while i < n {
      let b = line[i]
      guard b == 0x1B else {
        out.append(b)
        i += 1
        continue
      }
      i += 1
      guard i < n else { break }
      if line[i] == UInt8(ascii: "[") {
        i += 1
        while i < n, !(0x40...0x7E).contains(line[i]) { i += 1 }
      }
      i += 1
    }
  }
}
