/// A full date read inside a message, and the time of the record that holds it.
struct MessageDate: Hashable, Sendable {
  var date: FullTime
  var recordTime: LogTime

  /// The log's base year this date proves: the record's year, taken as the date's, corrected
  /// across New Year when their months lie six or more apart.
  var baseYear: Int {
    let (year, month, _) = date.date
    var recordYear = year
    let recordMonth = Int(recordTime.month)
    if month - recordMonth >= 6 { recordYear += 1 }
    if recordMonth - month >= 6 { recordYear -= 1 }
    return recordYear - Int(recordTime.yearOffset)
  }
}
