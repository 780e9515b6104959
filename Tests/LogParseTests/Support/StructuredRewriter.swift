import Foundation

@testable import LogParse

/// Rewrites a printf-era CAS log as the structured-logging core (1.38+) writes it, record by record.
///
/// Every message the core reworded (the old → new table of the 1.35–1.38 reference, §1.6) becomes
/// its structured record: the new message Go-quoted, `err` right after it on errors, the loop's
/// `iterationId`, then the call's own values (strings quoted, numbers bare, structs as `%+v`,
/// multi-line values as `key=<` … `>`); former warnings are written at INFO. Lines the core did
/// not migrate (klogx pod lines, the event echo, cloud providers) and lines that are not klog
/// records are kept as they are. In JSON mode every klog record becomes a CAS JSON logging
/// record, with the values as fields.
struct StructuredRewriter {
  /// How a value is written.
  enum Kind {
    /// A string, error or Stringer: quoted.
    case quoted
    /// A number or boolean: bare.
    case bare
    /// A struct or slice, as `%+v`, with its JSON form.
    case raw((String) -> (text: String, json: String))
  }

  /// One reworded message: the printf pattern, the new message, and where each value comes from.
  struct Rule {
    let pattern: NSRegularExpression
    let message: String
    let caller: String
    let v: Int
    /// Whether it is a `logger.Error` call: `E`, with the last group as its `err` right after the message.
    let isError: Bool
    /// (key, capture group or a fixed value, kind).
    let keys: [(String, Source, Kind)]
  }

  /// Where a value comes from.
  enum Source {
    case group(Int)
    case fixed(String)
  }

  /// Whether to write CAS JSON logging instead of klog text.
  var json = false
  /// The year of the JSON records' `ts`.
  var year = 2026
  /// The process's iteration hash.
  var hash = "1f0c9a7e"
  /// How many records were rewritten.
  private(set) var rewritten = 0

  private static let header =
    (try? NSRegularExpression(
      pattern:
        #"^((?:# |> |\d+:| +)?)([IWEF])(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6})(\s+\d+ )([^\s:\]]+):(\d+)\] (.*)$"#))!

  /// Rewrites `text`.
  mutating func rewrite(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var out: [String] = []
    var iteration = 0
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      let range = NSRange(line.startIndex..., in: line)
      guard let match = StructuredRewriter.header.firstMatch(in: line, range: range) else {
        out.append(line)
        continue
      }
      var continuation: [String] = []
      // Indented lines continue the record, except `...` elisions and other records' headers.
      while index < lines.count, let first = lines[index].first, first == " " || first == "\t",
        lines[index].trimmingCharacters(in: .whitespaces) != "...",
        StructuredRewriter.header.firstMatch(
          in: lines[index], range: NSRange(lines[index].startIndex..., in: lines[index])) == nil
      {
        continuation.append(lines[index])
        index += 1
      }
      // Paste damage before the header (`# `, `> `, grep's `15214:`, indentation) is kept.
      func group(_ n: Int) -> String { String(line[Range(match.range(at: n + 1), in: line)!]) }
      // (A JSON record is written whole: JSON logs are not pasted with such damage.)
      let damage = json ? "" : String(line[Range(match.range(at: 1), in: line)!])
      let message = group(11)
      if message.hasPrefix("Starting main loop") { iteration += 1 }
      let head = Head(
        severity: group(1), month: Int(group(2))!, day: Int(group(3))!, hour: Int(group(4))!,
        minute: Int(group(5))!, second: Int(group(6))!, micros: Int(group(7))!, pid: group(8),
        file: group(9), line: group(10))
      let iterationId = "\(hash)-\(iteration)"
      if let record = structured(message, continuation: continuation, head: head, iterationId: iterationId) {
        rewritten += 1
        out += record.enumerated().map { $0.offset == 0 ? damage + $0.element : $0.element }
      } else if json {
        out.append(damage + jsonRecord(head, message: ([message] + continuation).joined(separator: "\n")))
      } else {
        out.append(line)
        out += continuation
      }
    }
    return out.joined(separator: "\n")
  }

  /// A klog header's parts.
  struct Head {
    let severity: String
    let month: Int, day: Int, hour: Int, minute: Int, second: Int, micros: Int
    let pid: String
    let file: String
    let line: String

    /// The header as klog writes it, with another severity and caller.
    func text(severity: String, caller: String) -> String {
      let base = caller.split(separator: "/").last.map(String.init) ?? caller
      return severity + String(format: "%02d%02d %02d:%02d:%02d.%06d", month, day, hour, minute, second, micros) + pid
        + base + "] "
    }

    /// Epoch milliseconds in `year`.
    func milliseconds(year: Int) -> String {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC")!
      let date = calendar.date(
        from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
      let whole = Int64(date.timeIntervalSince1970) * 1000 + Int64(micros / 1000)
      return "\(whole).\(String(format: "%03d", micros % 1000))"
    }
  }

  /// The structured record of a reworded message, as lines, or nil when the message was not reworded.
  private func structured(_ message: String, continuation: [String], head: Head, iterationId: String) -> [String]? {
    let range = NSRange(message.startIndex..., in: message)
    for rule in StructuredRewriter.rules {
      guard let match = rule.pattern.firstMatch(in: message, range: range) else { continue }
      var captures: [String] = []
      for n in 0..<match.numberOfRanges {
        captures.append(Range(match.range(at: n), in: message).map { String(message[$0]) } ?? "")
      }
      // Continuation lines belong to the last value (an error's further lines, a status printed over lines).
      if !continuation.isEmpty, captures.count > 1 {
        captures[captures.count - 1] += "\n" + continuation.joined(separator: "\n")
      }
      var values: [(String, String, Kind)] = []
      var error: String?
      for (index, (key, source, kind)) in rule.keys.enumerated() {
        let value: String
        switch source {
        case .group(let n): value = captures[n]
        case .fixed(let fixed): value = fixed
        }
        if rule.isError, index == rule.keys.count - 1, key == "err" {
          error = value
        } else {
          values.append((key, value, kind))
        }
      }
      if json { return [jsonStructured(rule, head: head, error: error, values: values, iterationId: iterationId)] }
      var text = head.text(severity: rule.isError ? "E" : "I", caller: rule.caller) + quote(rule.message)
      var lines: [String] = []
      func add(_ key: String, _ value: String, quoted: Bool) {
        if value.contains("\n") {
          lines.append(text + " \(key)=<")
          lines += value.split(separator: "\n", omittingEmptySubsequences: false).map { "\t" + $0 }
          text = " >"
        } else {
          text += " \(key)=" + (quoted ? quote(value) : value)
        }
      }
      if let error { add("err", error, quoted: true) }
      add("iterationId", iterationId, quoted: true)
      for (key, value, kind) in values {
        switch kind {
        case .quoted: add(key, value, quoted: true)
        case .bare: add(key, value, quoted: false)
        case .raw(let convert): add(key, convert(value).text, quoted: false)
        }
      }
      return lines + [text]
    }
    return nil
  }

  /// A printf record in CAS JSON logging.
  private func jsonRecord(_ head: Head, message: String) -> String {
    let level = head.severity == "E" || head.severity == "F" ? "" : ",\"v\":0"
    return "{\"ts\":\(head.milliseconds(year: year)),\"caller\":\(jsonString(head.file + ":" + head.line)),"
      + "\"msg\":\(jsonString(message))\(level)}"
  }

  /// A structured record in CAS JSON logging.
  private func jsonStructured(
    _ rule: Rule, head: Head, error: String?, values: [(String, String, Kind)], iterationId: String
  ) -> String {
    var record = "{\"ts\":\(head.milliseconds(year: year)),\"caller\":\(jsonString(rule.caller)),"
    record += "\"msg\":\(jsonString(rule.message))"
    if let error { record += ",\"err\":\(jsonString(error))" } else { record += ",\"v\":\(rule.v)" }
    record += ",\"iterationId\":\(jsonString(iterationId))"
    for (key, value, kind) in values {
      switch kind {
      case .quoted: record += ",\(jsonString(key)):\(jsonString(value))"
      case .bare: record += ",\(jsonString(key)):\(value)"
      case .raw(let convert): record += ",\(jsonString(key)):\(convert(value).json)"
      }
    }
    return record + "}"
  }

  /// `text` Go-quoted, as klog quotes a structured record's message and string values.
  private func quote(_ text: String) -> String {
    var bytes: [UInt8] = []
    GoQuote.append(text.utf8, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private func jsonString(_ text: String) -> String {
    String(decoding: (try? JSONSerialization.data(withJSONObject: [text])) ?? Data(), as: UTF8.self).dropFirst()
      .dropLast()
      .description
  }
}
