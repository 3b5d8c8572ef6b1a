import JOSECore

/// Parses an HTTP `Date` in the IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7) to epoch seconds;
/// a day its month does not have (`31 Apr`) is unreadable.
enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3]) else { return nil }
        let time = parts[4].split(separator: ":")
        // Every field bounded before any arithmetic: a server's "Date" such as year 9223372036854775807 or hour
        // -9223372036854775807 must not overflow (RFC 9110 §5.6.7: 4-digit year, 2-digit fields).
        guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]),
              (1...9999).contains(year), let date = CivilDate(year: Int64(year), month: Int64(monthIndex + 1), day: Int64(day)),
              (0...23).contains(h), (0...59).contains(m), (0...60).contains(s)
        else { return nil }
        return Double(date.daysSinceEpoch * 86400 + Int64(h * 3600 + m * 60 + s))
    }
}
