import JOSECore
import OAuth2Client
import Synchronization

/// The ``OAuth2Client/HTTPTransport`` every request of one endpoint goes through (token requests, keys, API calls,
/// the tenant flows of ``OAuth2Client/TenantTokenManager``): it applies the endpoint's deadline and refusals, then
/// hands the request to the run's transport. No retry policy: the runner judges what the endpoint answers first, so a
/// 503 or 429 is reported, not hidden by a retry; and no redirect is followed (``OAuth2Client/SharedHTTPClient``), so
/// a 3xx is observed as the answer.
final class EndpointTransport: HTTPTransport {
    let base: any HTTPTransport
    /// Epoch seconds by which every request of the endpoint must be done.
    let deadline: Double
    /// Seconds one request may take (also bounded by what is left of the deadline).
    let requestTimeout: Double
    /// `insecure_http: true`: plain `http` to a host that is not loopback is allowed.
    let insecureHTTP: Bool
    let now: @Sendable () -> Double
    private let refusedForDeadline = Mutex(0)

    init(base: any HTTPTransport, endpoint: EndpointConfiguration, now: @escaping @Sendable () -> Double) {
        self.base = base
        self.deadline = now() + endpoint.timeout
        self.requestTimeout = endpoint.requestTimeout
        self.insecureHTTP = endpoint.insecureHTTP
        self.now = now
    }

    /// Seconds left before the deadline.
    var remaining: Double { deadline - now() }
    /// Whether the deadline has passed (less than a millisecond left).
    var expired: Bool { remaining <= 0.001 }
    /// How many requests were not sent because the deadline had passed.
    var deadlineRefusals: Int { refusedForDeadline.withLock { $0 } }

    /// Every URL passes the kit's one URL policy (``OAuth2Client/EndpointURL/checked(_:insecureHTTP:)``): plain `http`
    /// to a host that is not loopback is refused before any connection unless the endpoint opted in with
    /// `insecure_http: true` — this covers URLs the suite does not name (a discovered `jwks_uri`). A request after
    /// the deadline is not sent. A timeout says how long was waited.
    func send(_ request: HTTPTransportRequest, timeout: Duration?) async throws(OAuth2ClientError) -> HTTPTransportResponse {
        _ = try EndpointURL.checked(request.url, insecureHTTP: insecureHTTP)
        guard !expired else {
            refusedForDeadline.withLock { $0 += 1 }
            throw OAuth2ClientError(.timeout, "endpoint deadline reached")
        }
        let seconds = min(requestTimeout, remaining)
        // The suite loader bounds timeouts; the conversion is total anyway (NaN or ∞ becomes 1 ms, never a trap).
        let millis = CheckedInteger.int64(seconds * 1000, rounding: .up).map { max(1, $0) } ?? 1
        do throws(OAuth2ClientError) {
            return try await base.send(request, timeout: .milliseconds(millis))
        } catch {
            // The network transport already says how long it waited; other transports get it said here.
            guard error.code == .timeout, !error.message.contains("timed out after") else { throw error }
            throw OAuth2ClientError(.timeout, "timed out after \(Self.format(seconds)) s (\(error.message))",
                                    status: error.status, endpointError: error.endpointError, attempts: error.attempts)
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? CheckedInteger.text(seconds) : String((seconds * 10).rounded() / 10)
    }
}
