/// The damage a klog log suffers on its way to cas-logs, applied programmatically to any log.
///
/// Each kind does one thing people's tools do to a log: prefixes (editors, terminal UIs,
/// aggregators, quoting), damaged headers, lines without a header, wraps, and the damage handled
/// before (merged records, elisions, reverse order, lost pid or severity). ``apply(_:to:year:)``
/// applies a list of kinds in order, so kinds combine.
enum Damage: String, CaseIterable, Sendable {
  // Prefixes, on every physical line.
  case editorLineNumbers, catNumbers, grepNumbers, boxBorder, quoteMarks, podName, aggregator, indentation
  case indentedTimestamps
  // Damaged headers, on every header.
  case redactedTime, noSpaceBeforeTime, lostSeverity, lostPid, singleSpaces
  // Lines without a header: every third one-line record.
  case messageOnly, fromFileLine
  // Wraps of every line longer than the width.
  case wrapAtSpaces, wrapFixedWidth, wrapIndented, wrapFixedIndented, wrapNarrow
  // Handled before.
  case merged, elisions, reversed

  /// Whether the kind removes times (records keep their place but may report null times).
  var removesTimes: Bool { [.redactedTime, .messageOnly, .fromFileLine].contains(self) }

  /// Whether the kind removes the severity letter (a fatal record then is no longer marked fatal).
  var removesSeverity: Bool { self == .lostSeverity }

  /// Whether the kind moves records to other line numbers (so only what they say is compared).
  var movesLines: Bool {
    [.wrapAtSpaces, .wrapFixedWidth, .wrapIndented, .wrapFixedIndented, .wrapNarrow, .merged, .elisions, .reversed]
      .contains(self)
  }

  /// The damage kinds applied together, in order, that the equivalence tests also run.
  static let combinations: [[Damage]] = [
    [.indentation, .indentedTimestamps], [.editorLineNumbers, .lostPid], [.boxBorder, .singleSpaces],
    [.podName, .noSpaceBeforeTime], [.aggregator, .redactedTime], [.quoteMarks, .messageOnly],
    [.wrapAtSpaces, .editorLineNumbers], [.wrapFixedWidth, .boxBorder], [.wrapIndented, .podName],
    [.lostPid, .singleSpaces, .noSpaceBeforeTime], [.reversed, .lostPid], [.merged, .catNumbers],
    [.elisions, .fromFileLine], [.wrapAtSpaces, .lostPid, .indentation],
  ]

  /// `text` with every kind of `damages` applied in order; `year` dates indented timestamps.
  static func apply(_ damages: [Damage], to text: String, year: Int) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    for damage in damages { lines = damage.apply(lines, year: year) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Whether `line` starts with a klog header (`I0927 11:50:35.158391 `).
  static func isHeader(_ line: String) -> Bool {
    let bytes = Array(line.utf8.prefix(22))
    guard bytes.count == 22, [73, 87, 69, 70].contains(bytes[0]) else { return false }
    return bytes[1...4].allSatisfy { $0 >= 48 && $0 <= 57 } && bytes[5] == 32 && bytes[8] == 58 && bytes[14] == 46
  }

  /// Where a klog header starts in `line` (behind a prefix the log already had), or nil.
  static func headerStart(_ line: String) -> Int? {
    let bytes = Array(line.utf8.prefix(80))
    return (0..<max(0, bytes.count - 22)).first { isHeader(String(decoding: bytes[$0...], as: UTF8.self)) }
  }

  /// The lines grouped into records: a header line and the lines after it up to the next one.
  static func records(_ lines: [String]) -> [[String]] {
    var groups: [[String]] = []
    for line in lines {
      if isHeader(line) || groups.isEmpty {
        groups.append([line])
      } else {
        groups[groups.count - 1].append(line)
      }
    }
    return groups
  }

  private func apply(_ lines: [String], year: Int) -> [String] {
    switch self {
    case .editorLineNumbers: return lines.enumerated().map { "Line \($0.offset + 1): \($0.element)" }
    case .catNumbers: return lines.enumerated().map { pad("\($0.offset + 1)", 6) + "\t" + $0.element }
    case .grepNumbers: return lines.enumerated().map { "\($0.offset + 1):" + $0.element }
    case .boxBorder: return lines.map { "│ " + $0 + " │" }
    case .quoteMarks: return lines.map { "\"" + $0 }
    case .podName: return lines.map { "cluster-autoscaler-6d7c9b-x2k4p cluster-autoscaler " + $0 }
    case .aggregator: return lines.map { "kube-system/cluster-autoscaler-6d7c9b-x2k4p[cluster-autoscaler]: " + $0 }
    case .indentation: return lines.map { "    " + $0 }
    case .indentedTimestamps:
      // kubectl --timestamps stamps every line with the time it read it; a paste indents them.
      var stamp = "\(year)-01-01T00:00:00.000000000Z"
      return lines.map { line in
        if let start = Damage.headerStart(line) {
          let bytes = Array(line.utf8.dropFirst(start))
          let month = String(decoding: bytes[1...2], as: UTF8.self)
          let day = String(decoding: bytes[3...4], as: UTF8.self)
          let time = String(decoding: bytes[6...20], as: UTF8.self)
          stamp = "\(year)-\(month)-\(day)T\(time)123Z"
        }
        return "  " + stamp + " " + line
      }
    case .redactedTime:
      return mapHeaders(lines) { bytes in
        var bytes = bytes
        for i in 6...20 where bytes[i] >= 48 && bytes[i] <= 57 { bytes[i] = UInt8(ascii: "X") }
        return bytes
      }
    case .noSpaceBeforeTime: return mapHeaders(lines) { Array($0[0...4] + $0[6...]) }
    case .lostSeverity: return mapHeaders(lines) { Array($0.dropFirst()) }
    case .lostPid:
      return mapHeaders(lines) { bytes in
        // `I0927 11:50:35.158391       1 file.go` → `I0927 11:50:35.158391 file.go`.
        var i = 21
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        var j = i
        while j < bytes.count, bytes[j] >= 48 && bytes[j] <= 57 { j += 1 }
        guard j > i, j < bytes.count, bytes[j] == 32 else { return bytes }
        return Array(bytes[0..<21]) + Array(bytes[j...])
      }
    case .singleSpaces:
      return mapHeaders(lines) { bytes in
        guard let bracket = bytes.firstIndex(of: UInt8(ascii: "]")) else { return bytes }
        var head: [UInt8] = []
        for byte in bytes[..<bracket] where !(byte == 32 && head.last == 32) { head.append(byte) }
        return head + bytes[bracket...]
      }
    case .messageOnly, .fromFileLine:
      var out: [String] = []
      for (index, record) in Damage.records(lines).enumerated() {
        guard index % 3 == 1, record.count == 1, Damage.isHeader(record[0]),
          let bracket = record[0].range(of: "] ")
        else {
          out += record
          continue
        }
        if self == .messageOnly {
          out.append(String(record[0][bracket.upperBound...]))
        } else {
          let head = record[0][..<bracket.lowerBound]
          let file = head.split(separator: " ").last ?? ""
          out.append(file + "] " + record[0][bracket.upperBound...])
        }
      }
      return out
    case .wrapAtSpaces: return lines.flatMap { wrapAtSpaces($0, width: 72, indent: "") }
    case .wrapIndented: return lines.flatMap { wrapAtSpaces($0, width: 72, indent: "    ") }
    case .wrapNarrow: return lines.flatMap { wrapAtSpaces($0, width: 28, indent: "") }
    case .wrapFixedWidth: return lines.flatMap { wrapFixed($0, width: 80, indent: "") }
    case .wrapFixedIndented: return lines.flatMap { wrapFixed($0, width: 80, indent: "  ") }
    case .merged:
      // Every other pair of one-line records lost the line break between them (padded, as pasted).
      var out: [String] = []
      let groups = Damage.records(lines)
      var index = 0
      while index < groups.count {
        let group = groups[index]
        if index % 4 == 0, index + 1 < groups.count, group.count == 1, groups[index + 1].count == 1,
          Damage.isHeader(group[0]), Damage.isHeader(groups[index + 1][0])
        {
          out.append(group[0] + "        " + groups[index + 1][0])
          index += 2
          continue
        }
        out += group
        index += 1
      }
      return out
    case .elisions:
      var out: [String] = []
      for (index, record) in Damage.records(lines).enumerated() {
        if index % 5 == 4 { out.append(index % 2 == 0 ? "..." : "[...]") }
        out += record
      }
      return out
    case .reversed: return Damage.records(lines).reversed().flatMap { $0 }
    }
  }

  /// `lines` with `body` applied to the bytes of each header line.
  private func mapHeaders(_ lines: [String], _ body: ([UInt8]) -> [UInt8]) -> [String] {
    lines.map { Damage.isHeader($0) ? String(decoding: body(Array($0.utf8)), as: UTF8.self) : $0 }
  }

  /// A line broken at single spaces into pieces of at most `width` characters (a mail client,
  /// a narrow terminal); the break eats the space; later pieces start with `indent`.
  private func wrapAtSpaces(_ line: String, width: Int, indent: String) -> [String] {
    let characters = Array(line)
    guard characters.count > width else { return [line] }
    var pieces: [String] = []
    var start = 0
    while characters.count - start > width {
      // The last single space (no blank beside it) within the width, after the header.
      var cut = -1
      // The first line keeps at least its header (a narrow terminal breaks after it).
      var i = min(characters.count - 1, start + (start == 0 ? max(width, 60) : width))
      while i > start + 1 {
        if characters[i] == " ", characters[i - 1] != " ", i + 1 < characters.count, characters[i + 1] != " ",
          start > 0 || i > 46
        {
          cut = i
          break
        }
        i -= 1
      }
      guard cut > 0 else { break }
      pieces.append((start == 0 ? "" : indent) + String(characters[start..<cut]))
      start = cut + 1
    }
    pieces.append((start == 0 ? "" : indent) + String(characters[start...]))
    return pieces
  }

  /// A line cut every `width` characters, mid-token (a terminal); later pieces start with `indent`.
  private func wrapFixed(_ line: String, width: Int, indent: String) -> [String] {
    let characters = Array(line)
    guard characters.count > width else { return [line] }
    return stride(from: 0, to: characters.count, by: width).map { start in
      (start == 0 ? "" : indent) + String(characters[start..<min(characters.count, start + width)])
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
