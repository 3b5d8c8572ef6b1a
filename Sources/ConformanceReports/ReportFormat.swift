import JOSECore

/// Formatting shared by the writers: locale-free, deterministic, no Foundation.
enum ReportFormat {
    /// Seconds with exactly three decimals and a dot (`%.3f` in the POSIX locale); negative and non-finite → `0.000`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value > 0, let millis = CheckedInteger.int64(value * 1000, rounding: .toNearestOrAwayFromZero) else { return "0.000" }
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Milliseconds for tables: `12 ms`, `1.234 s` from one second up.
    static func shortDuration(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "0 ms" }
        return value < 1 ? "\(CheckedInteger.text(value * 1000)) ms" : seconds(value) + " s"
    }

    /// UTC ISO 8601 to the second: `2026-11-26T10:00:00Z` (RFC 3339 §5.6, through ``CivilTime``).
    static func utc(_ epoch: Double) -> String {
        guard NumericDate.range(of: epoch) == .inRange, let total = CheckedInteger.int64(epoch, rounding: .down) else { return "1970-01-01T00:00:00Z" }
        return CivilTime(epochSeconds: total).iso8601()
    }

    /// Server, token and suite text made visible for a report: tab and line feed kept (CR becomes a line feed),
    /// every other control, DEL, C1, U+2028/2029, the bidi formatting characters (``ExternalText/needsEscaping(_:)``)
    /// and the XML 1.0 non-characters U+FFFE/U+FFFF (XML 1.0 §2.2 `Char`) shown as `\u001b`-style text — replaced
    /// visibly, never dropped, and never written raw (they are not allowed in XML 1.0 even as `&#x1B;`).
    static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: out.append(scalar)
            case 0x0D: out.append("\n")
            case 0xFFFE, 0xFFFF: out.append(contentsOf: ExternalText.hexEscape(scalar).unicodeScalars)
            default:
                if ExternalText.needsEscaping(scalar) {
                    out.append(contentsOf: ExternalText.hexEscape(scalar).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }
}
