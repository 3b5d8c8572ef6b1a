import OAuth2Client

/// Why an exchange produced no HTTP response: the transport's typed error (its code says which: timeout,
/// network, refused before connecting, …) and the seconds spent before giving up. Never holds a secret or a token.
public struct ExchangeFailure: Error, Sendable, Equatable {
    public var error: OAuth2ClientError
    public var latency: Double

    public init(_ error: OAuth2ClientError, latency: Double = 0) {
        self.error = error
        self.latency = latency
    }

    /// The text reports show: a timeout says how long was waited; anything else names its code.
    public var reason: String { Self.reason(error) }

    /// The report text of a transport error (also for the tenant flows' problems).
    static func reason(_ error: OAuth2ClientError) -> String {
        error.code == .timeout ? error.message : "\(error.message) (\(error.code.rawValue))"
    }
}
