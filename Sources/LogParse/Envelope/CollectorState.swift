/// What the collectors' envelopes keep from one line to the next.
struct CollectorState {
  /// JSON documents printed over several lines.
  var documents: JSONDocumentAssembler
  /// The stern prefixes seen.
  var stern = SternPrefixes()
  /// The Logs Insights CSV columns of `@timestamp` and `@message`, once a header named them.
  var insightsColumns: (time: Int?, message: Int, count: Int)?
  /// A Logs Insights CSV row whose quoted field goes on over more lines (RFC 4180), as read so far.
  var insightsRow = InsightsRow()
  /// Whether `aws logs tail` lines were seen: then a log stream name before a headerless line is stripped too.
  var sawCloudWatchTail = false
  /// Decodes collectors' JSON records.
  var scanner = JSONLineScanner()
  /// A line with its colour escapes removed.
  var cleaned: [UInt8] = []
  /// Whether a tool that prints newest first by default (gcloud, logcli) was seen.
  var newestFirstByDefault = false
  /// Physical lines the piece being unwrapped stands for (a JSON record over several lines), for partials.
  var lineWeight = 1

  init(maximumLineLength: Int) {
    documents = JSONDocumentAssembler(maximumRecordLength: maximumLineLength)
  }
}

@available(*, unavailable)
extension CollectorState: Sendable {}
