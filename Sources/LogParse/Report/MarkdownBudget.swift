/// Appends Markdown tables row by row within a size budget (GitHub's comment or step-summary limit),
/// so that every table cut ends with "N more" and what follows the tables always fits.
struct MarkdownBudget {
  /// Room kept for each table's closing "N more" line.
  static let closingRoom = 120
  /// What may still be written, in UTF-8 bytes (never fewer than GitHub's characters).
  private(set) var remaining: Int
  /// The text written so far.
  private(set) var text = ""
  /// Whether a row has been left out for want of room (every later row is left out too).
  private(set) var exhausted = false

  /// A budget of `limit` bytes that keeps `reserve` bytes for what follows, and room for the closing
  /// line of each of `tables` tables.
  init(limit: Int, reserve: Int, tables: Int) {
    remaining = limit - reserve - tables * Self.closingRoom
  }

  /// Appends `piece` when it fits and nothing was left out before it; returns whether it was appended.
  @discardableResult
  mutating func append(_ piece: String) -> Bool {
    let size = piece.utf8.count
    guard !exhausted, size <= remaining else {
      exhausted = true
      return false
    }
    remaining -= size
    text += piece
    return true
  }

  /// Appends one of the reserved tables: its heading and header, as many of the `shown` rows (made on
  /// demand) as fit, and `_N more NOUN (…)._` for the rest of the `count`.
  mutating func table(heading: String, header: String, noun: String, count: Int, shown: Int, row: (Int) -> String) {
    var written = 0
    let started = count > 0 && append(heading + "\n\n" + header)
    if started {
      for index in 0..<shown {
        guard append(row(index)) else { break }
        written += 1
      }
    }
    remaining += Self.closingRoom
    guard count > 0 else { return }
    let hidden = count - written
    guard hidden > 0 else { return force("\n") }
    let why = written < shown || exhausted ? "cut to stay within GitHub's size limit" : "--limit 0 lists all"
    force((started ? "\n" : "") + "_\(hidden) more \(noun) (\(why))._\n\n")
  }

  /// Appends `piece` even after a cut (a closing line, within its reserved room).
  mutating func force(_ piece: String) {
    remaining -= piece.utf8.count
    text += piece
  }
}
