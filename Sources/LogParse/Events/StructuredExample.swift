/// A value of a structured catalogue example, as klog's text and JSON serialisations write it.
enum StructuredValue {
  /// A string, error or Stringer (a duration, a time, an object reference): quoted in both.
  case string(String)
  /// A number or boolean: bare in both.
  case bare(String)
  /// A struct or slice: `%+v` in text, its JSON in JSON logging.
  case value(text: String, json: String)
}

extension CatalogExample {
  /// The context every example record of the structured core carries.
  static let exampleIterationId = "1f0c9a7e-42"

  /// The examples of a structured form: the record in text logging (`1.38+`) and in JSON logging (`1.38+ (JSON)`).
  ///
  /// `header` is the klog header up to and including `] ` (its severity letter and time; the
  /// JSON record's `ts` is the same time in 2026), `caller` the JSON `caller` (`dir/file.go:line`).
  /// `error` is the `err` of a `logger.Error` call (right after the message); `iterationId`
  /// comes next, then `pairs` in the call's order; `event` is what both records mean, unless
  /// the JSON record means `json` (a value JSON logging writes in another form).
  static func structured(
    _ header: String, caller: String, v: Int, _ message: String, error: String? = nil,
    _ pairs: [(String, StructuredValue)], _ event: Event, json jsonEvent: Event? = nil
  ) -> [CatalogExample] {
    var text = header + quoted(message)
    if let error { text += " err=" + quoted(error) }
    text += " iterationId=" + quoted(exampleIterationId)
    var json = "{\"ts\":\(epochMilliseconds(header)),\"caller\":\(jsonString(caller)),\"msg\":\(jsonString(message))"
    if let error {
      json += ",\"err\":" + jsonString(error)
    } else {
      json += ",\"v\":\(v)"
    }
    json += ",\"iterationId\":" + jsonString(exampleIterationId)
    for (key, value) in pairs {
      switch value {
      case .string(let string):
        text += " \(key)=" + quoted(string)
        json += ",\(jsonString(key)):" + jsonString(string)
      case .bare(let bare):
        text += " \(key)=\(bare)"
        json += ",\(jsonString(key)):\(bare)"
      case .value(let textForm, let jsonForm):
        text += " \(key)=\(textForm)"
        json += ",\(jsonString(key)):\(jsonForm)"
      }
    }
    json += "}"
    return [CatalogExample("1.38+", text, event), CatalogExample("1.38+ (JSON)", json, jsonEvent ?? event)]
  }

  /// `text` Go-quoted.
  private static func quoted(_ text: String) -> String {
    var bytes: [UInt8] = []
    GoQuote.append(text.utf8, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `text` as a JSON string.
  private static func jsonString(_ text: String) -> String {
    "\"" + JSONWriter.escape(text) + "\""
  }

  /// The klog header's time (`I0313 12:34:34.470823 …`) in 2026, as epoch milliseconds.
  private static func epochMilliseconds(_ header: String) -> String {
    let digits = Array(header.utf8)
    func number(_ range: Range<Int>) -> Int {
      range.reduce(0) { $0 * 10 + Int(digits[$1] &- 0x30) }
    }
    let month = number(1..<3)
    let day = number(3..<5)
    let seconds = number(6..<8) * 3600 + number(9..<11) * 60 + number(12..<14)
    let micros = number(15..<21)
    // Days from 1970-01-01 to the first of each month of 2026 (not a leap year).
    let monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    let days = 20454 + monthStarts[max(0, min(11, month - 1))] + day - 1
    let milliseconds = (days * 86400 + seconds) * 1000 + micros / 1000
    return "\(milliseconds).\(String(micros % 1000 + 1000).dropFirst())"
  }
}
