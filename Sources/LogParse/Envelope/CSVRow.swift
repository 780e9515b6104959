/// One row of RFC 4180 CSV: fields separated by commas, quoted fields with `""` for a quote.
enum CSVRow {
  /// Decodes the fields of `line` into `out` and returns each field's range there; nil when a
  /// quoted field does not close on the line or a quote stands inside an unquoted field.
  static func fields(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> [Range<Int>]? {
    var ranges: [Range<Int>] = []
    var i = 0
    let n = line.count
    while true {
      let start = out.count
      if i < n, line[i] == UInt8(ascii: "\"") {
        i += 1
        var closed = false
        while i < n {
          let b = line[i]
          if b == UInt8(ascii: "\"") {
            if i + 1 < n, line[i + 1] == UInt8(ascii: "\"") {
              out.append(b)
              i += 2
              continue
            }
            i += 1
            closed = true
            break
          }
          out.append(b)
          i += 1
        }
        guard closed, i == n || line[i] == UInt8(ascii: ",") || line[i] == 0x0D else { return nil }
      } else {
        while i < n, line[i] != UInt8(ascii: ","), line[i] != 0x0D {
          guard line[i] != UInt8(ascii: "\"") else { return nil }
          out.append(line[i])
          i += 1
        }
      }
      ranges.append(start..<out.count)
      guard i < n, line[i] == UInt8(ascii: ",") else { return ranges }
      i += 1
    }
  }
}
