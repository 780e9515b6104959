import Foundation

@testable import LogParse

/// Turns a plain log into what each log collector (and the tool that reads it back) prints.
///
/// Every physical line becomes one collector record, as a collector makes one record of each
/// line a container writes: a record's continuation lines become records of their own. A line's
/// time is its klog header's (in `year`), a headerless line's the previous line's plus a
/// microsecond. The shapes follow each tool's documented output; see `CollectorTests`.
struct CollectorShapes {
  /// The shapes, each named as its `input.formats` entry names it (with a variant where one tool has several).
  enum Shape: String, CaseIterable, CustomStringConvertible, Sendable {
    case stern, sternTimestamps, sternNamespace, sternColour, sternJSON, sternPPExtJSON
    case fluentBit, fluentBitCRI, containerInsights
    case cloudWatchEventsPretty, cloudWatchEventsCompact, cloudWatchTail, insightsCSV, insightsJSON
    case cloudLoggingArray, cloudLoggingNDJSON, cloudLoggingJSONPayload
    case lokiText, lokiJSONL

    var description: String { rawValue }

    /// The `input.formats` name the shape must be reported under.
    var format: InputFormat {
      switch self {
      case .stern, .sternTimestamps, .sternNamespace, .sternColour: .stern
      case .sternJSON, .sternPPExtJSON: .sternJSON
      case .fluentBit, .fluentBitCRI: .fluentBit
      case .containerInsights, .cloudWatchEventsPretty, .cloudWatchEventsCompact: .cloudWatchEvents
      case .cloudWatchTail: .cloudWatchTail
      case .insightsCSV: .logsInsightsCSV
      case .insightsJSON: .logsInsightsJSON
      case .cloudLoggingArray, .cloudLoggingNDJSON, .cloudLoggingJSONPayload: .cloudLogging
      case .lokiText: .loki
      case .lokiJSONL: .lokiJSONL
      }
    }

    /// Whether the tool prints newest first by default (gcloud, logcli).
    var newestFirst: Bool {
      switch self {
      case .cloudLoggingArray, .cloudLoggingNDJSON, .cloudLoggingJSONPayload, .lokiText, .lokiJSONL: true
      default: false
      }
    }
  }

  /// The year of the log's times.
  var year: Int
  static let pod = "cluster-autoscaler-7d9f8c6b5-x2x4q"
  static let container = "cluster-autoscaler"

  /// Each physical line of `text` with the time a collector would have stamped it.
  func stampedLines(_ text: String) -> [(time: FullTime, line: String)] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var last = FullTime(
      epochMicroseconds: LogTime(month: 1, day: 1, microsecondOfDay: 0).epochMicroseconds(baseYear: year))
    var offset = 0
    var lastMonth = 0
    var stamped: [(FullTime, String)] = []
    for line in lines {
      let header = Array(line.utf8).withUnsafeBufferPointer { KlogHeaderParser.parse($0) }
      if let header {
        if lastMonth != 0, header.month + 6 <= lastMonth { offset += 1 }
        lastMonth = header.month
        let time = LogTime(month: header.month, day: header.day, microsecondOfDay: header.microsecondOfDay)
        last = FullTime(epochMicroseconds: time.epochMicroseconds(baseYear: year + offset), fractionDigits: 9)
      } else {
        last.epochMicroseconds += 1
      }
      stamped.append((last, line))
    }
    return stamped
  }

  /// `text` as `shape` prints it.
  func convert(_ text: String, to shape: Shape) throws -> String {
    var stamped = stampedLines(text)
    if shape.newestFirst { stamped.reverse() }
    var out: [String] = []
    switch shape {
    case .cloudWatchEventsPretty:
      out.append("{")
      out.append("    \"events\": [")
      for (index, (time, line)) in stamped.enumerated() {
        out.append("        {")
        out.append("            \"logStreamName\": \"\(Self.pod)\",")
        out.append("            \"timestamp\": \(time.epochMicroseconds / 1000),")
        out.append("            \"message\": \(try Self.quote(line)),")
        out.append("            \"ingestionTime\": \(time.epochMicroseconds / 1000 + 812),")
        out.append("            \"eventId\": \"3788\(index)\"")
        out.append(index == stamped.count - 1 ? "        }" : "        },")
      }
      out.append("    ],")
      out.append("    \"searchedLogStreams\": [")
      out.append("        {")
      out.append("            \"logStreamName\": \"\(Self.pod)\",")
      out.append("            \"searchedCompletely\": true")
      out.append("        }")
      out.append("    ]")
      out.append("}")
    case .cloudWatchEventsCompact:
      let events = try stamped.enumerated().map { index, entry in
        "{\"logStreamName\":\"\(Self.pod)\",\"timestamp\":\(entry.time.epochMicroseconds / 1000),"
          + "\"message\":\(try Self.quote(entry.line)),\"ingestionTime\":\(entry.time.epochMicroseconds / 1000 + 812),"
          + "\"eventId\":\"3788\(index)\"}"
      }
      // Pages of a hundred events, one compact document each (as `--output json --no-paginate` per page).
      for page in stride(from: 0, to: events.count, by: 100) {
        out.append(
          "{\"events\":[" + events[page..<min(events.count, page + 100)].joined(separator: ",")
            + "],\"searchedLogStreams\":[],\"nextToken\":\"Bxkq6kVGFtq2y\"}")
      }
    case .insightsJSON:
      out.append("[")
      for (index, (time, line)) in stamped.enumerated() {
        out.append("  {")
        out.append("    \"@timestamp\": \"\(Self.insightsTime(time))\",")
        out.append("    \"@message\": \(try Self.quote(line))")
        out.append(index == stamped.count - 1 ? "  }" : "  },")
      }
      out.append("]")
    case .cloudLoggingArray:
      out.append("[")
      for (index, (time, line)) in stamped.enumerated() {
        out.append("{")
        out.append("  \"insertId\": \"k2pgx6f9x1y\(index)\",")
        out.append("  \"labels\": {")
        out.append("    \"compute.googleapis.com/resource_name\": \"gke-pool-1-abc\",")
        out.append("    \"k8s-pod/app\": \"cluster-autoscaler\"")
        out.append("  },")
        out.append("  \"logName\": \"projects/my-project/logs/stderr\",")
        out.append("  \"receiveTimestamp\": \"\(time.rfc3339)\",")
        out.append("  \"resource\": {")
        out.append("    \"labels\": {")
        out.append("      \"container_name\": \"\(Self.container)\",")
        out.append("      \"pod_name\": \"\(Self.pod)\"")
        out.append("    },")
        out.append("    \"type\": \"k8s_container\"")
        out.append("  },")
        out.append("  \"severity\": \"ERROR\",")
        out.append("  \"textPayload\": \(try Self.quote(line)),")
        out.append("  \"timestamp\": \"\(time.rfc3339)\"")
        out.append(index == stamped.count - 1 ? "}" : "},")
      }
      out.append("]")
    default:
      for (index, (time, line)) in stamped.enumerated() {
        out.append(contentsOf: try record(line, time: time, index: index, shape: shape))
      }
    }
    if shape == .insightsCSV { out.insert("@timestamp,@message", at: 0) }
    return out.joined(separator: "\n") + "\n"
  }

  /// One line's record(s) in a line-per-record shape.
  private func record(_ line: String, time: FullTime, index: Int, shape: Shape) throws -> [String] {
    let quoted = try Self.quote(line)
    let kubernetes =
      "\"kubernetes\":{\"pod_name\":\"\(Self.pod)\",\"namespace_name\":\"kube-system\","
      + "\"container_name\":\"\(Self.container)\",\"labels\":{\"app\":\"cluster-autoscaler\"}}"
    switch shape {
    case .stern: return ["\(Self.pod) \(Self.container) \(line)"]
    case .sternTimestamps: return ["\(Self.pod) \(Self.container) \(Self.nanoTime(time)) \(line)"]
    case .sternNamespace: return ["kube-system \(Self.pod) \(Self.container) \(line)"]
    case .sternColour:
      return ["\u{1B}[32m\(Self.pod)\u{1B}[0m \u{1B}[32m\(Self.container)\u{1B}[0m \(line)"]
    case .sternJSON:
      return [
        "{\"message\":\(quoted),\"nodeName\":\"ip-10-0-1-23.ec2.internal\",\"namespace\":\"kube-system\","
          + "\"podName\":\"\(Self.pod)\",\"containerName\":\"\(Self.container)\",\"labels\":{\"app\":\"ca\"},"
          + "\"annotations\":{}}"
      ]
    case .sternPPExtJSON:
      return [
        "{", "  \"pod\": \"\(Self.pod)\",", "  \"container\": \"\(Self.container)\",", "  \"message\": \(quoted)", "}",
      ]
    case .fluentBit:
      // The docker parser keeps the newline and Fluent Bit's kubernetes filter adds the pod's metadata.
      return [
        "{\"log\":\(try Self.quote(line + "\n")),\"stream\":\"stderr\",\"time\":\"\(time.rfc3339)\",\(kubernetes)}"
      ]
    case .fluentBitCRI:
      // The CRI parser leaves no newline and marks the kubelet's partial lines with `_p`.
      let bytes = Array(line.utf8)
      guard bytes.count > 60 else {
        return [
          "{\"date\":\(Self.seconds(time)),\"time\":\"\(time.rfc3339)\",\"stream\":\"stderr\",\"_p\":\"F\",\"log\":\(quoted),\(kubernetes)}"
        ]
      }
      let cut = bytes.firstIndex { $0 == 0x20 }.map { max($0 + 1, 50) } ?? 50
      let head = String(decoding: bytes[0..<cut], as: UTF8.self)
      let tail = String(decoding: bytes[cut...], as: UTF8.self)
      return [
        "{\"date\":\(Self.seconds(time)),\"time\":\"\(time.rfc3339)\",\"stream\":\"stderr\",\"_p\":\"P\",\"log\":\(try Self.quote(head)),\(kubernetes)}",
        "{\"date\":\(Self.seconds(time)),\"time\":\"\(time.rfc3339)\",\"stream\":\"stderr\",\"logtag\":\"F\",\"log\":\(try Self.quote(tail)),\(kubernetes)}",
      ]
    case .containerInsights:
      // Fluent Bit's record, as CloudWatch keeps it, read back with `aws logs filter-log-events`.
      let inner =
        "{\"time\":\"\(time.rfc3339)\",\"stream\":\"stderr\",\"_p\":\"F\",\"log\":\(quoted),\(kubernetes)}"
      return [
        "{\"events\":[{\"logStreamName\":\"\(Self.pod)_kube-system_\(Self.container)\",\"timestamp\":"
          + "\(time.epochMicroseconds / 1000),\"message\":\(try Self.quote(inner)),\"ingestionTime\":1,\"eventId\":\"\(index)\"}]}"
      ]
    case .cloudWatchTail:
      return ["\(Self.tailTime(time)) \(Self.pod) \(line)"]
    case .insightsCSV:
      return ["\(Self.insightsTime(time)),\"\(line.replacingOccurrences(of: "\"", with: "\"\""))\""]
    case .cloudLoggingNDJSON:
      return [
        "{\"insertId\":\"x\(index)\",\"logName\":\"projects/p/logs/stderr\",\"resource\":{\"type\":\"k8s_container\","
          + "\"labels\":{\"pod_name\":\"\(Self.pod)\"}},\"textPayload\":\(quoted),\"timestamp\":\"\(time.rfc3339)\"}"
      ]
    case .cloudLoggingJSONPayload:
      return [
        "{\"insertId\":\"x\(index)\",\"jsonPayload\":{\"message\":\(quoted),\"pid\":\"1\"},"
          + "\"logName\":\"projects/p/logs/stderr\",\"timestamp\":\"\(time.rfc3339)\"}"
      ]
    case .lokiText:
      // logcli prints the time in seconds and trims the line.
      return [
        "\(Self.secondTime(time)) {app=\"cluster-autoscaler\", pod=\"\(Self.pod)\"} \(line.trimmingCharacters(in: .whitespaces))"
      ]
    case .lokiJSONL:
      return [
        "{\"labels\":{\"app\":\"cluster-autoscaler\",\"pod\":\"\(Self.pod)\"},\"line\":\(quoted),"
          + "\"timestamp\":\"\(time.rfc3339)\"}"
      ]
    default:
      return []
    }
  }

  /// A JSON string literal.
  static func quote(_ text: String) throws -> String {
    String(
      decoding: try JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]), as: UTF8.self
    )
    .dropFirst().dropLast().description
  }

  /// `2024-03-13T12:34:56.123456000Z`, stern's default timestamp.
  static func nanoTime(_ time: FullTime) -> String {
    var fine = time
    fine.fractionDigits = 9
    return fine.rfc3339
  }

  /// `2024-03-13T12:34:56.123000+00:00`, as `aws logs tail` prints an event's time (milliseconds).
  static func tailTime(_ time: FullTime) -> String {
    var coarse = time
    coarse.epochMicroseconds -= coarse.epochMicroseconds % 1000
    coarse.fractionDigits = 6
    return String(coarse.rfc3339.dropLast()) + "+00:00"
  }

  /// `2024-03-13 12:34:56.123`, Logs Insights' `@timestamp`.
  static func insightsTime(_ time: FullTime) -> String {
    var coarse = time
    coarse.fractionDigits = 3
    return coarse.rfc3339.dropLast().replacingOccurrences(of: "T", with: " ")
  }

  /// `2024-03-13T12:34:56Z`, logcli's RFC 3339 time.
  static func secondTime(_ time: FullTime) -> String {
    var coarse = time
    coarse.epochMicroseconds -= coarse.epochMicroseconds % 1_000_000
    coarse.fractionDigits = 0
    return coarse.rfc3339
  }

  /// Seconds since the epoch with microseconds, as Fluent Bit's `date` key.
  static func seconds(_ time: FullTime) -> String {
    let whole = time.epochMicroseconds / 1_000_000
    let micros = time.epochMicroseconds % 1_000_000
    return "\(whole).\(String(repeating: "0", count: 6 - String(micros).count))\(micros)"
  }
}
