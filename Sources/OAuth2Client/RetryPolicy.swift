import JOSECore

/// When to try a token request again (RFC 6749 has no retry rules; this follows RFC 9110 §15.6.4 / RFC 6585 §4).
///
/// Retried: network errors and timeouts, 5xx, and 429 (honouring `Retry-After` in seconds, RFC 9110 §10.2.3).
/// Never retried: any other 4xx — 400/401/403 mean the request or the credentials are wrong, and repeating them
/// only locks accounts. Delays are bounded by ``maxDelay``, attempts by ``maxAttempts``.
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts including the first (1 = no retry).
    public var maxAttempts: Int
    /// Delay before the second attempt; doubles each time (without `Retry-After`).
    public var baseDelay: Duration
    /// Upper bound for any single delay, including one asked for by `Retry-After`.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    public enum Decision: Sendable, Equatable {
        case stop
        case retry(after: Duration)
    }

    /// The decision after attempt number `attempt` (1-based) ended with `outcome`.
    public func decide(attempt: Int, outcome: Result<HTTPTransportResponse, OAuth2ClientError>) -> Decision {
        guard attempt < maxAttempts else { return .stop }
        let backoff = min(maxDelay, baseDelay * (1 << min(attempt - 1, 20)))
        switch outcome {
        case .failure(let error):
            switch error.code {
            case .network, .timeout: return .retry(after: backoff)
            default: return .stop
            }
        case .success(let response):
            if response.status == 429 || (500...599).contains(response.status) {
                if let seconds = response.header("Retry-After").flatMap(Self.retryAfterSeconds) {
                    return .retry(after: min(maxDelay, .seconds(seconds)))
                }
                return .retry(after: backoff)
            }
            return .stop
        }
    }

    /// `Retry-After: <delay-seconds>` (RFC 9110 §10.2.3). The HTTP-date form is not used by token endpoints and is
    /// treated as absent (the exponential backoff applies).
    static func retryAfterSeconds(_ value: String) -> Int? {
        let trimmed = value.trimmed(" \t")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(trimmed.prefix(9))
    }
}
