/// Range checks and total integer conversions for numbers that come from outside (token claims, server
/// responses, flags, configuration). RFC 7519 §2 puts no bound on a NumericDate, and RFC 8259 §6 lets an
/// implementation limit the range of numbers it accepts: this kit accepts instants from 0001-01-01T00:00:00Z to
/// 9999-12-31T23:59:59Z and reports anything else as a typed ``NumericDate/Range`` result, never a trap.
extension NumericDate {
    /// Where a number of epoch seconds falls.
    public enum Range: Sendable, Equatable {
        case inRange
        /// After 9999-12-31T23:59:59Z (includes +∞, e.g. a JSON number such as `1e400` that overflows a Double).
        case afterYear9999
        /// Before 0001-01-01T00:00:00Z (includes −∞).
        case beforeYear1
        /// NaN: not a number at all.
        case notANumber
    }

    /// 0001-01-01T00:00:00Z in epoch seconds.
    public static let earliestSeconds: Double = -62_135_596_800
    /// 9999-12-31T23:59:59Z in epoch seconds.
    public static let latestSeconds: Double = 253_402_300_799
    /// The longest span between two in-range instants, in seconds (about 10 000 years).
    public static let longestSpan: Double = latestSeconds - earliestSeconds

    /// Classifies epoch `seconds`.
    public static func range(of seconds: Double) -> Range {
        if seconds.isNaN { return .notANumber }
        if seconds > latestSeconds { return .afterYear9999 }
        if seconds < earliestSeconds { return .beforeYear1 }
        return .inRange
    }

    /// Where this date falls.
    public var range: Range { Self.range(of: seconds) }

    /// `nil` when `seconds` is in range, else a sentence such as "exp 1e19 is past the year 9999" naming `what`
    /// (a claim or flag) and the number as written.
    public static func rangeProblem(_ what: String, seconds: Double, text: String) -> String? {
        switch range(of: seconds) {
        case .inRange: nil
        case .afterYear9999: "\(what) \(text) is past the year 9999"
        case .beforeYear1: "\(what) \(text) is before the year 1"
        case .notANumber: "\(what) \(text) is not a number"
        }
    }

    /// The same sentence for this date.
    public func rangeProblem(_ what: String) -> String? { Self.rangeProblem(what, seconds: seconds, text: text) }
}

/// The one total conversion of an outside `Double` to an integer: `nil` instead of a trap when the value is NaN,
/// infinite or outside the integer type's range. Every such conversion in the kit goes through here.
public enum CheckedInteger {
    /// `value` rounded with `rule`, as an `Int64`, or `nil` when it does not fit.
    public static func int64(_ value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) -> Int64? {
        Int64(exactly: value.rounded(rule))
    }

    /// `value` rounded with `rule`, as an `Int`, or `nil` when it does not fit.
    public static func int(_ value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) -> Int? {
        Int(exactly: value.rounded(rule))
    }

    /// Whole seconds for a message: "42" or, when the value has no integer form, the Double's own text ("1e+19").
    public static func text(_ value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        if let whole = int64(value, rounding: rule) { return String(whole) }
        return "\(value)"
    }
}

extension NumericDate {
    /// Out of range even when read as milliseconds (RFC 7519 §2 wants seconds; a value that is neither a
    /// plausible second nor a plausible millisecond count is an error, not a warning).
    public var isOutOfRange: Bool {
        guard range != .inRange else { return false }
        return !(looksLikeMilliseconds && Self.range(of: seconds / 1000) == .inRange)
    }
}
