/// What dates the log's year so far: the few values of ``ParseStatistics`` the one year rule reads.
///
/// A plain value without references, so handing it on with every event costs nothing: live steps
/// are dated by the evidence read up to their event (``YearResolver/resolve(_:option:now:)``).
struct YearEvidence: Hashable, Sendable {
  /// The base year the first full time of an envelope, a JSON `ts` or an event row proves.
  var envelopeBaseYear: Int?
  /// The base year a date inside a recognised message proves.
  var messageBaseYear: Int?
  /// The latest record time, for the year assumed from "now".
  var lastTime: LogTime?
}

extension ParseStatistics {
  /// The year evidence of what was read so far.
  var yearEvidence: YearEvidence {
    YearEvidence(envelopeBaseYear: envelopeBaseYear, messageBaseYear: messageYears.baseYear, lastTime: lastTime)
  }
}
