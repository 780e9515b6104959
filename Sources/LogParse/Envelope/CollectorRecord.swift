/// The log line a collector's JSON record carries, and what the record says about it.
///
/// One scan of the record's top-level keys tells the collector from the keys it writes: `log`
/// (Docker json-file with only `log`/`stream`/`time`, else Fluent Bit, which may name it `message`
/// next to `logtag`), `textPayload`/`jsonPayload`
/// (Cloud Logging), `@message` (Logs Insights), `line` (logcli), `message` with `podName` or
/// `pod` (stern) or with `eventId`/`logStreamName`/`ingestionTime` (CloudWatch events).
struct CollectorRecord {
  /// The collector.
  var format: InputFormat
  /// The carried line, decoded (a trailing newline kept: Docker's partials are told by it).
  var message: [UInt8]
  /// Whether `message` holds raw JSON text to unwrap (Cloud Logging's `jsonPayload` without `message`).
  var messageIsJSON = false
  /// The record's time text (RFC 3339, or Logs Insights' `YYYY-MM-DD hh:mm:ss.sss`), when a string.
  var timeText: [UInt8]?
  /// The record's time in epoch milliseconds, when a number (CloudWatch `timestamp`, Fluent Bit `date`).
  var timeMilliseconds: Double?
  /// A partial marker: true for `P`, false for `F`, nil when the record has none.
  var partial: Bool?

  /// Reads `line` as a collector's record; nil when it is none of them.
  static func read(_ line: UnsafeBufferPointer<UInt8>, scanner: inout JSONLineScanner) -> CollectorRecord? {
    var keys = Keys()
    var ranges = Ranges()
    let valid = scanner.scan(line) { key, value, _ in
      keys.note(key, value, &ranges)
    }
    guard valid else { return nil }
    func text(_ range: Range<Int>?) -> [UInt8]? { range.map { Array(scanner.bytes($0)) } }
    // Fluent Bit's stock `cri` parser names the line `message`, next to its `logtag`.
    if let log = ranges.log ?? (keys.fluentBit ? ranges.message : nil) {
      let isDocker = keys.others == 0 && !keys.fluentBit
      var record = CollectorRecord(format: isDocker ? .dockerJSON : .fluentBit, message: Array(scanner.bytes(log)))
      record.timeText = text(ranges.time ?? ranges.atTimestamp ?? ranges.date)
      record.timeMilliseconds = ranges.dateSeconds.map { $0 * 1000 }
      if let marker = text(ranges.partialMarker), marker.count == 1 {
        record.partial = marker[0] == UInt8(ascii: "P")
      }
      return record
    }
    if keys.cloudLogging {
      var record: CollectorRecord
      if let payload = ranges.textPayload {
        record = CollectorRecord(format: .cloudLogging, message: Array(scanner.bytes(payload)))
      } else if let payload = ranges.jsonPayload {
        let object = UnsafeBufferPointer(rebasing: line[payload])
        var inner = JSONLineScanner()
        var message: [UInt8]?
        _ = inner.scan(object) { key, value, scanner in
          guard message == nil, case .string(let range) = value else { return }
          if key.elementsEqual("message".utf8) || key.elementsEqual("log".utf8) {
            message = Array(scanner.bytes(range))
          }
        }
        record = CollectorRecord(format: .cloudLogging, message: message ?? Array(object))
        record.messageIsJSON = message == nil
      } else {
        return nil
      }
      record.timeText = text(ranges.timestamp)
      return record
    }
    if let message = ranges.atMessage {
      var record = CollectorRecord(format: .logsInsightsJSON, message: Array(scanner.bytes(message)))
      record.timeText = text(ranges.atTimestamp)
      return record
    }
    if let line = ranges.line, keys.loki {
      var record = CollectorRecord(format: .lokiJSONL, message: Array(scanner.bytes(line)))
      record.timeText = text(ranges.timestamp)
      return record
    }
    if let message = ranges.message, keys.stern {
      var record = CollectorRecord(format: .sternJSON, message: Array(scanner.bytes(message)))
      record.timeText = text(ranges.timestamp)
      return record
    }
    if let message = ranges.message, keys.cloudWatch {
      var record = CollectorRecord(format: .cloudWatchEvents, message: Array(scanner.bytes(message)))
      record.timeMilliseconds = ranges.timestampNumber
      return record
    }
    return nil
  }

  /// Which collectors' keys a record has.
  private struct Keys {
    var others = 0
    var fluentBit = false
    var cloudLogging = false
    var loki = false
    var stern = false
    var cloudWatch = false

    mutating func note(_ key: [UInt8], _ value: JSONScalar, _ ranges: inout Ranges) {
      var string: Range<Int>?
      if case .string(let range) = value { string = range }
      switch String(decoding: key, as: UTF8.self) {
      case "log": ranges.log = string
      case "stream", "attrs": break
      case "time":
        ranges.time = string
      case "_p", "logtag":
        fluentBit = true
        ranges.partialMarker = string
      case "date":
        fluentBit = true
        ranges.date = string
        if case .number(let seconds, _) = value { ranges.dateSeconds = seconds }
      case "@timestamp":
        others += 1
        ranges.atTimestamp = string
      case "kubernetes", "kubernetes_namespace", "docker_id", "container_id", "container_name":
        fluentBit = true
      case "textPayload":
        cloudLogging = true
        ranges.textPayload = string
      case "jsonPayload":
        if case .other(let range) = value, key.count == 11 {
          cloudLogging = true
          ranges.jsonPayload = range
        }
      case "@message":
        others += 1
        ranges.atMessage = string
      case "line":
        others += 1
        ranges.line = string
      case "labels":
        others += 1
        loki = true
      case "timestamp":
        others += 1
        ranges.timestamp = string
        if case .number(let milliseconds, _) = value { ranges.timestampNumber = milliseconds }
      case "message":
        others += 1
        ranges.message = string
      case "podName", "pod", "containerName", "container", "nodeName":
        others += 1
        stern = true
      case "eventId", "logStreamName", "ingestionTime":
        others += 1
        cloudWatch = true
      default:
        others += 1
      }
    }
  }

  /// Where the values that matter were decoded.
  private struct Ranges {
    var log: Range<Int>?
    var time: Range<Int>?
    var date: Range<Int>?
    var dateSeconds: Double?
    var atTimestamp: Range<Int>?
    var partialMarker: Range<Int>?
    var textPayload: Range<Int>?
    var jsonPayload: Range<Int>?
    var atMessage: Range<Int>?
    var line: Range<Int>?
    var timestamp: Range<Int>?
    var timestampNumber: Double?
    var message: Range<Int>?
  }
}
