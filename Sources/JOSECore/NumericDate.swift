/// A NumericDate (RFC 7519 §2): seconds since 1970-01-01T00:00:00Z UTC, ignoring leap seconds; may be fractional.
public struct NumericDate: Sendable, Equatable, Comparable {
    /// Seconds since the epoch.
    public let seconds: Double
    /// The number as written in the token.
    public let text: String

    public init(seconds: Double, text: String? = nil) {
        self.seconds = seconds
        self.text = text ?? JSONNumber(seconds).text
    }

    /// A value this large is almost surely milliseconds (it would be after the year 5138 as seconds).
    public var looksLikeMilliseconds: Bool { seconds >= 100_000_000_000 }

    public static func < (lhs: NumericDate, rhs: NumericDate) -> Bool { lhs.seconds < rhs.seconds }
}
