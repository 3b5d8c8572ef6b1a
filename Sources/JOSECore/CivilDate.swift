/// A day of the proleptic Gregorian calendar, and its distance in days from 1970-01-01: the one civil-date
/// conversion of the kit, behind every UTC time it prints or reads (RFC 3339 §5.6 timestamps, RFC 9110 §5.6.7
/// HTTP dates, RFC 7519 §2 NumericDate as seconds "ignoring leap seconds", so a day is 86 400 s).
///
/// Howard Hinnant's `days_from_civil` / `civil_from_days`: exact for the years ±10¹² and day counts ±2⁶¹
/// (far past anything a NumericDate in the years 1…9999 needs), negative ones included; total beyond (no trap).
public struct CivilDate: Sendable, Equatable {
    public let year: Int64
    /// 1…12.
    public let month: Int64
    /// 1…31.
    public let day: Int64

    /// A date whose day exists in its month (RFC 3339 §5.7: 28, 29, 30 or 31 days, 29 in February of a leap year);
    /// `nil` for "2023-02-29", "2024-04-31", or a year beyond ±10¹².
    public init?(year: Int64, month: Int64, day: Int64) {
        guard (-Self.yearLimit...Self.yearLimit).contains(year), (1...12).contains(month), day >= 1,
              day <= Self.daysInMonth(month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static let yearLimit: Int64 = 1_000_000_000_000
    static let dayLimit: Int64 = 1 << 61

    /// The date `days` days after 1970-01-01 (before it when negative); counts beyond ±2⁶¹ are taken as ±2⁶¹.
    public init(daysSinceEpoch days: Int64) {
        let z = min(max(days, -Self.dayLimit), Self.dayLimit) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to this date (negative before it).
    public var daysSinceEpoch: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Divisible by 4, except centuries not divisible by 400 (RFC 3339 Appendix C).
    public static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Whole epoch seconds split into a civil date and a time of day (UTC, no leap seconds: RFC 7519 §2).
public struct CivilTime: Sendable, Equatable {
    public let date: CivilDate
    /// 0…86 399.
    public let secondOfDay: Int64

    /// Floor division, so -1 is 1969-12-31T23:59:59Z.
    public init(epochSeconds: Int64) {
        let (quotient, remainder) = epochSeconds.quotientAndRemainder(dividingBy: 86_400)
        date = CivilDate(daysSinceEpoch: remainder < 0 ? quotient - 1 : quotient)
        secondOfDay = remainder < 0 ? remainder + 86_400 : remainder
    }

    /// `2011-03-22T18:43:00` + `fraction` + `Z` (RFC 3339 §5.6 `date-time` in UTC; the year zero-padded to four
    /// digits, longer years as they are).
    public func iso8601(fraction: String = "") -> String {
        "\(Self.pad(date.year, 4))-\(Self.pad(date.month, 2))-\(Self.pad(date.day, 2))T"
            + "\(Self.pad(secondOfDay / 3600, 2)):\(Self.pad(secondOfDay / 60 % 60, 2)):\(Self.pad(secondOfDay % 60, 2))\(fraction)Z"
    }

    /// `value` in decimal, zero-padded on the left to `width` digits.
    public static func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
