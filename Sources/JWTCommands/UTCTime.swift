import JOSECore

/// UTC ISO 8601 formatting and parsing of epoch seconds (RFC 3339 §5.6), without Foundation, over ``CivilTime``.
public enum UTCTime {
    /// `2011-03-22T18:43:00Z`; fractional seconds shown to the millisecond when present.
    public static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "out of range" }
        let whole = seconds.rounded(.down)
        let millis = Int64(((seconds - whole) * 1000).rounded())
        var total = Int64(whole)
        if millis == 1000 { total += 1 }
        return CivilTime(epochSeconds: total).iso8601(fraction: millis > 0 && millis < 1000 ? "." + CivilTime.pad(millis, 3) : "")
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (or `+00:00`), or plain epoch seconds in the years 1…9999 (RFC 7519 §2
    /// NumericDate as this kit bounds it); `nil` for anything else, ``problem(_:_:)`` says why.
    public static func parse(_ text: String) -> Double? {
        if let value = Double(text) { return NumericDate.range(of: value) == .inRange ? value : nil }
        let chars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= chars.count else { return nil }
            var value: Int64 = 0
            for c in chars[range] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int64(c - 48)
            }
            return value
        }
        guard chars.count >= 20, chars[4] == 45, chars[7] == 45, chars[10] == 84 || chars[10] == 116,
              chars[13] == 58, chars[16] == 58,
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              let date = CivilDate(year: y, month: mo, day: d), h < 24, mi < 60, s < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < chars.count, chars[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                fraction += Double(chars[index] - 48) * scale
                scale /= 10
                index += 1
            }
            if index == start { return nil }
        }
        let rest = String(decoding: chars[index...], as: UTF8.self)
        guard rest == "Z" || rest == "z" || rest == "+00:00" else { return nil }
        let value = Double(date.daysSinceEpoch * 86400 + h * 3600 + mi * 60 + s) + fraction
        return NumericDate.range(of: value) == .inRange ? value : nil
    }

    /// Why `text` given to `flag` is not a time, or `nil` when ``parse(_:)`` accepts it: "--now 1e300 is past the
    /// year 9999", or the expected forms.
    public static func problem(_ flag: String, _ text: String) -> String? {
        if parse(text) != nil { return nil }
        if let value = Double(text), let problem = NumericDate.rangeProblem(flag, seconds: value, text: text) { return problem }
        return "\(flag): '\(text)' is neither epoch seconds nor an ISO 8601 UTC time like 2024-01-31T12:00:00Z"
    }

}

/// "23 h 59 min", "3 min", "45 s", "12 d 4 h", "15 y 3 d": the two largest units, rounded down.
public enum RelativeTime {
    public static func duration(_ seconds: Double) -> String {
        // Total for any Double: past 1e15 s (where ``UTCTime/format(_:)`` stops too) or NaN, no count is shown.
        guard abs(seconds) < 1e15, let total = CheckedInteger.int64(abs(seconds), rounding: .down) else {
            return "over 31 million y"
        }
        let year: Int64 = 365 * 86400
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min" }
        if total < 2 * 86400 {
            let h = total / 3600, m = total % 3600 / 60
            return m == 0 ? "\(h) h" : "\(h) h \(m) min"
        }
        if total < year {
            let d = total / 86400, h = total % 86400 / 3600
            return h == 0 ? "\(d) d" : "\(d) d \(h) h"
        }
        let y = total / year, d = total % year / 86400
        return d == 0 ? "\(y) y" : "\(y) y \(d) d"
    }

    /// "in 23 h 59 min" / "3 min ago".
    public static func phrase(_ secondsFromNow: Double) -> String {
        if abs(secondsFromNow) < 1 { return "now" }
        return secondsFromNow >= 0 ? "in \(duration(secondsFromNow))" : "\(duration(secondsFromNow)) ago"
    }
}
