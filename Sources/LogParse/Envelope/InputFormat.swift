/// A wrapping recognised around klog lines, reported in `input.formats`.
public enum InputFormat: String, CaseIterable, Hashable, Sendable, Comparable {
  /// Plain klog text lines.
  case klogText = "klog-text"
  /// CAS's own JSON logging (`--logging-format=json`).
  case klogJSON = "klog-json"
  /// `kubectl logs --timestamps` (an RFC 3339 time before each line).
  case kubectlTimestamps = "kubectl-timestamps"
  /// `kubectl logs --prefix` (`[pod/NAME/CONTAINER] `).
  case kubectlPrefix = "kubectl-prefix"
  /// CRI node log files (`<time> stderr F <line>`).
  case cri
  /// Docker json-file logs (`{"log":"…","stream":"stderr","time":"…"}`).
  case dockerJSON = "docker-json"
  /// A klog line inside another JSON record (`properties.log`, `log_s`, `message`): log exports.
  case jsonField = "json-field"
  /// stern's default output (`POD CONTAINER MESSAGE`, with `--timestamps` or a namespace first).
  case stern
  /// stern `-o json` (`{"message":…,"podName":…,"containerName":…}`) and `-o extjson`/`ppextjson`.
  case sternJSON = "stern-json"
  /// Fluent Bit and CloudWatch Container Insights records (`{"log":…,"kubernetes":{…}}`), `_p`/`logtag` partials joined.
  case fluentBit = "fluent-bit"
  /// `aws logs filter-log-events` / `get-log-events` JSON (`events[].message`, pretty or compact).
  case cloudWatchEvents = "cloudwatch-events"
  /// `aws logs tail` text (`TIME LOG-STREAM MESSAGE`).
  case cloudWatchTail = "cloudwatch-tail"
  /// A CloudWatch Logs Insights CSV export (`@timestamp,@message` columns).
  case logsInsightsCSV = "logs-insights-csv"
  /// A CloudWatch Logs Insights JSON export (objects with `@timestamp` and `@message`).
  case logsInsightsJSON = "logs-insights-json"
  /// `gcloud logging read --format=json` (`textPayload` or `jsonPayload.message`), an array or NDJSON.
  case cloudLogging = "cloud-logging"
  /// Grafana Loki `logcli query` default output (`TIME {labels} LINE`).
  case loki
  /// Grafana Loki `logcli query -o jsonl` (`{"labels":…,"line":…,"timestamp":…}`).
  case lokiJSONL = "loki-jsonl"
  /// Damage of pasted logs: prompts, indentation, quote marks, grep prefixes, elisions.
  case pasted
  /// `kubectl get events` rows (every layout, with or without the header row).
  case kubectlEvents = "kubectl-events"
  /// The Events section of `kubectl describe` (a pod, a node, the status ConfigMap).
  case kubectlDescribeEvents = "kubectl-describe-events"
  /// An event stream printing `[Normal] message` after a time (JupyterHub's spawner).
  case eventStream = "event-stream"
  /// A time and a text the catalogue recognises, with no klog header (`12:06:28.000 - text`).
  case timeAndText = "time-text"
  /// Line numbers before the header: an editor's search results (`Line 123: `), `cat -n`, `nl`.
  case lineNumberPrefix = "line-number-prefix"
  /// A terminal UI's box border (`│ `, `| `) before the header.
  case boxBorderPrefix = "box-border-prefix"
  /// Quote marks (`"`, `'`, a backtick) before the header: a log quoted in a string or a chat.
  case quotePrefix = "quote-prefix"
  /// A time before the header that no envelope explains (an indented `kubectl --timestamps`
  /// line, an aggregator's time); kept as the record's envelope time.
  case timePrefix = "time-prefix"
  /// A word before the header: a pod or container name, an aggregator's pod and container.
  case namePrefix = "name-prefix"

  public static func < (lhs: InputFormat, rhs: InputFormat) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A record that arrived already structured, from CAS's JSON logging.
struct StructuredLine {
  /// The severity: no `v` field means an error; `v` present means info (warnings are not told apart).
  var severity: Severity
  /// The `ts` field.
  var time: FullTime?
  /// The `caller` field's base file name (`executor.go`).
  var file: [UInt8]
  /// The `caller` field's line number.
  var sourceLine: Int
  /// The `v` field, when present.
  var verbosity: Int?
  /// The message: `msg`, then any other fields as ` key=value`.
  var message: UnsafeBufferPointer<UInt8>
  /// The `iterationId` field, when it holds a valid id.
  var iteration: IterationId? = nil
  /// Whether the record has fields besides `ts`, `caller`, `msg`, `v`, `err`, `logger` and `level`.
  var hasFields = false
}

/// One line with its envelope removed.
enum UnwrappedLine {
  /// A klog text line (or a damaged one), with the envelope's time when it had one.
  case text(UnsafeBufferPointer<UInt8>, envelopeTime: FullTime?)
  /// A structured record from klog JSON, with the envelope's time when it had one.
  case structured(StructuredLine, envelopeTime: FullTime?)
}
