import Foundation

/// Reads the GitHub-flavoured Markdown tables `cas-logs` writes, the way a Markdown renderer splits them.
enum MarkdownTables {
  /// One table: the heading above it, its header row, and its body rows, as written.
  struct Table: CustomStringConvertible {
    /// The nearest `#` heading line above the table, if any.
    let heading: String?
    /// The header row.
    let header: String
    /// The delimiter row (`|---|---|`).
    let delimiter: String
    /// The body rows.
    let rows: [String]

    /// The table as it appeared, for failure messages.
    var description: String { ([heading ?? "(no heading)", header, delimiter] + rows).joined(separator: "\n") }

    /// The header's cells, unescaped.
    var columns: [String] { MarkdownTables.cells(header).map(MarkdownTables.unescape) }

    /// The cell of `row` under the column named `column`, unescaped; nil when there is no such column or cell.
    func cell(_ row: String, _ column: String) -> String? {
      guard let index = columns.firstIndex(of: column) else { return nil }
      let cells = MarkdownTables.cells(row)
      return cells.indices.contains(index) ? MarkdownTables.unescape(cells[index]) : nil
    }
  }

  /// Every table in `text`, in order.
  static func tables(in text: String) -> [Table] {
    let lines = text.components(separatedBy: "\n")
    var tables: [Table] = []
    var heading: String?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.hasPrefix("#") { heading = line }
      if line.hasPrefix("|"), index + 1 < lines.count, isDelimiter(lines[index + 1]) {
        var rows: [String] = []
        var next = index + 2
        while next < lines.count, lines[next].hasPrefix("|") {
          rows.append(lines[next])
          next += 1
        }
        tables.append(Table(heading: heading, header: line, delimiter: lines[index + 1], rows: rows))
        index = next
        continue
      }
      index += 1
    }
    return tables
  }

  /// The table under the heading `heading` (the whole heading line, like `### Failures`), if there is one.
  static func table(_ heading: String, in text: String) -> Table? {
    tables(in: text).first { $0.heading == heading }
  }

  /// Whether `line` is a table's delimiter row, like `|---|:--:|`.
  static func isDelimiter(_ line: String) -> Bool {
    let cells = self.cells(line)
    return line.hasPrefix("|") && !cells.isEmpty
      && cells.allSatisfy { cell in
        !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" } && cell.contains("-")
      }
  }

  /// How many `|` in `line` separate cells: those not escaped by a backslash.
  static func separatorCount(_ line: String) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        count += 1
      }
    }
    return count
  }

  /// The cells of a row, still escaped and trimmed of the spaces around them.
  static func cells(_ row: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in row {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        current.append(character)
        escaped = true
      } else if character == "|" {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    cells.append(current)
    // A row starts and ends with a pipe: drop the empty pieces outside them.
    if row.hasPrefix("|") { cells.removeFirst() }
    if cells.last?.allSatisfy(\.isWhitespace) == true, separatorCount(row) > 0 { cells.removeLast() }
    return cells.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// What a renderer shows for a cell: backslash escapes of ASCII punctuation, the entities
  /// `&lt;`, `&gt;`, `&amp;` and the zero-width spaces (`&#8203;`) that break autolinks undone,
  /// and `<span>$</span>` shown as `$`.
  static func unescape(_ cell: String) -> String {
    var result = ""
    var escaped = false
    for character in cell.replacing("&#8203;", with: "").replacing("<span>$</span>", with: "$") {
      if escaped {
        if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) {
          result.append("\\")
        }
        result.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    if escaped { result.append("\\") }
    return result.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
  }
}
