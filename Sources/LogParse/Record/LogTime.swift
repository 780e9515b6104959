/// A record's time as klog wrote it: month, day and time of day, with the year resolved later.
///
/// klog headers carry no year. ``yearOffset`` counts the New Years the log crossed before this
/// record (December followed by January); the base year comes from ``YearResolver`` once the whole
/// input has been seen, so a year learned late still dates every record.
public struct LogTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Month, 1...12.
  public var month: UInt8
  /// Day of the month, 1...31.
  public var day: UInt8
  /// Microseconds since midnight.
  public var microsecondOfDay: Int64
  /// How many year boundaries the log crossed before this record.
  public var yearOffset: Int16
  /// How many fractional digits the log gave (6 for klog), for printing with that precision.
  public var fractionDigits: UInt8

  /// Creates a time from its calendar parts.
  public init(month: Int, day: Int, microsecondOfDay: Int64, yearOffset: Int = 0, fractionDigits: Int = 6) {
    self.month = UInt8(clamping: month)
    self.day = UInt8(clamping: day)
    self.microsecondOfDay = microsecondOfDay
    self.yearOffset = Int16(clamping: yearOffset)
    self.fractionDigits = UInt8(clamping: fractionDigits)
  }

  public static func < (lhs: LogTime, rhs: LogTime) -> Bool {
    (lhs.yearOffset, lhs.month, lhs.day, lhs.microsecondOfDay)
      < (rhs.yearOffset, rhs.month, rhs.day, rhs.microsecondOfDay)
  }

  /// Microseconds since the Unix epoch, given the year of the log's first record.
  ///
  /// Total: a year outside the supported years (which ``YearResolver`` never gives) is clamped to
  /// them, and so are the other parts, so no input makes this trap.
  public func epochMicroseconds(baseYear: Int) -> Int64 {
    let bounds = FullTime.supportedYears
    let year = min(max(baseYear, bounds.lowerBound - 1), bounds.upperBound + 1) + Int(yearOffset)
    let days = CivilDate.days(
      year: min(max(year, bounds.lowerBound), bounds.upperBound), month: min(max(Int(month), 1), 12),
      day: min(max(Int(day), 1), 31))
    return Int64(days) * 86_400_000_000 + min(max(microsecondOfDay, 0), 86_399_999_999)
  }

  /// Seconds from `earlier` to this time, given the base year.
  public func seconds(since earlier: LogTime, baseYear: Int) -> Double {
    Double(epochMicroseconds(baseYear: baseYear) - earlier.epochMicroseconds(baseYear: baseYear)) / 1e6
  }

  /// RFC 3339 in UTC with the log's precision, as in `2019-09-27T11:50:35.158353Z`.
  public func rfc3339(baseYear: Int) -> String {
    FullTime(epochMicroseconds: epochMicroseconds(baseYear: baseYear), fractionDigits: Int(fractionDigits))
      .rfc3339
  }

  /// The klog-style time of day, `11:50:35.158353`, for live output where the year is unknown.
  public var timeOfDay: String {
    let seconds = microsecondOfDay / 1_000_000
    let micros = microsecondOfDay % 1_000_000
    return "\(pad(Int(seconds / 3600), 2)):\(pad(Int(seconds / 60 % 60), 2)):\(pad(Int(seconds % 60), 2))"
      + ".\(pad(Int(micros), 6))"
  }

  public var description: String {
    "\(pad(Int(month), 2))-\(pad(Int(day), 2)) \(timeOfDay)"
  }
}

/// A complete point in time (microseconds since the Unix epoch), as found in envelopes and messages.
public struct FullTime: Hashable, Comparable, Sendable {
  /// Microseconds since 1970-01-01T00:00:00Z.
  public var epochMicroseconds: Int64
  /// Fractional digits to print (up to 9).
  public var fractionDigits: Int
  /// Nanoseconds beyond the microsecond (0...999), kept to print the precision the log gave.
  public var extraNanoseconds: Int

  /// Creates a time from microseconds since the epoch.
  public init(epochMicroseconds: Int64, fractionDigits: Int = 6, extraNanoseconds: Int = 0) {
    self.epochMicroseconds = epochMicroseconds
    self.fractionDigits = fractionDigits
    self.extraNanoseconds = extraNanoseconds
  }

  public static func < (lhs: FullTime, rhs: FullTime) -> Bool {
    lhs.epochMicroseconds < rhs.epochMicroseconds
  }

  /// The years a time read from a log may have; a time outside them is not kept.
  public static let supportedYears = 1970...9999
  /// The times a log may give, 1970-01-01T00:00:00Z through 9999-12-31T23:59:59.999999Z.
  public static let supportedMicroseconds: ClosedRange<Int64> = 0...253_402_300_799_999_999

  /// Whether this time lies in the supported years.
  public var isSupported: Bool { FullTime.supportedMicroseconds.contains(epochMicroseconds) }

  /// A time from milliseconds since the epoch (CAS JSON logging's `ts`); nil when not finite or
  /// outside the supported years.
  public init?(epochMilliseconds milliseconds: Double) {
    let micros = (milliseconds * 1000).rounded()
    guard micros.isFinite, micros >= 0, micros <= Double(FullTime.supportedMicroseconds.upperBound) else { return nil }
    self.init(epochMicroseconds: Int64(micros), fractionDigits: 6)
  }

  /// The calendar year, month and day of this time in UTC.
  public var date: (year: Int, month: Int, day: Int) {
    CivilDate.date(days: Int(floorDivide(epochMicroseconds, 86_400_000_000)))
  }

  /// Microseconds since midnight UTC.
  public var microsecondOfDay: Int64 {
    epochMicroseconds - floorDivide(epochMicroseconds, 86_400_000_000) * 86_400_000_000
  }

  /// This time as a ``LogTime`` (the year is dropped; the caller keeps it).
  public var logTime: LogTime {
    let (_, month, day) = date
    return LogTime(month: month, day: day, microsecondOfDay: microsecondOfDay, fractionDigits: min(fractionDigits, 6))
  }

  /// RFC 3339 in UTC, as in `2019-09-27T11:57:07.773690Z`; a time outside the supported years
  /// (never kept from a log) prints as the nearest supported one.
  public var rfc3339: String {
    var time = self
    time.epochMicroseconds = min(
      max(epochMicroseconds, FullTime.supportedMicroseconds.lowerBound), FullTime.supportedMicroseconds.upperBound)
    let (year, month, day) = time.date
    let micros = time.microsecondOfDay
    let seconds = Int(micros / 1_000_000)
    let digits = min(fractionDigits, 9)
    // Written as bytes into the string's own storage: no string per field.
    return String(unsafeUninitializedCapacity: 31) { buffer in
      var index = 0
      func put(_ value: Int, _ width: Int) {
        var value = value
        for offset in stride(from: width - 1, through: 0, by: -1) {
          buffer[index + offset] = UInt8(ascii: "0") &+ UInt8(value % 10)
          value /= 10
        }
        index += width
      }
      func put(_ byte: UInt8) {
        buffer[index] = byte
        index += 1
      }
      put(year, 4)
      put(UInt8(ascii: "-"))
      put(month, 2)
      put(UInt8(ascii: "-"))
      put(day, 2)
      put(UInt8(ascii: "T"))
      put(seconds / 3600, 2)
      put(UInt8(ascii: ":"))
      put(seconds / 60 % 60, 2)
      put(UInt8(ascii: ":"))
      put(seconds % 60, 2)
      if digits > 0 {
        put(UInt8(ascii: "."))
        // The nine digits of microseconds and nanoseconds, cut to the digits the time was written with.
        let fraction = Int(micros % 1_000_000) * 1000 + min(max(extraNanoseconds, 0), 999)
        var divisor = 100_000_000
        for _ in 0..<digits {
          put(UInt8(ascii: "0") &+ UInt8(fraction / divisor % 10))
          divisor /= 10
        }
      }
      put(UInt8(ascii: "Z"))
      return index
    }
  }
}

/// Floor division for possibly negative numerators.
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
  let quotient = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}

/// Zero-pads `value` to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
