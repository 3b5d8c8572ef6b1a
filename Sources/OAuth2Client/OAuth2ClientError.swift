/// The one error type of `OAuth2Client`: a stable ``Code`` plus a message that never contains a secret or a token.
///
/// Equality compares the code only. `status` and `endpointError` carry what the server answered, when it answered.
public struct OAuth2ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifiers; never renumbered or reused.
    public enum Code: String, Sendable, CaseIterable {
        /// The endpoint URL is not a usable absolute `http`/`https` URL.
        case invalidURL = "OA2-001"
        /// The connection could not be made, or it was closed or reset before a full response arrived.
        case network = "OA2-002"
        /// The per-request deadline, the connect timeout or the total timeout passed.
        case timeout = "OA2-003"
        /// The response body is larger than the configured limit.
        case responseTooLarge = "OA2-004"
        /// The endpoint answered an RFC 6749 §5.2 error (or another non-2xx status).
        case endpointError = "OA2-005"
        /// A 2xx response that is not a usable token response (RFC 6749 §5.1): not JSON, no `access_token`, …
        case malformedResponse = "OA2-006"
        /// A secret could not be read from its environment variable or file.
        case secretUnavailable = "OA2-007"
        /// `insecure` (no TLS verification) was asked for a host that is not loopback.
        case insecureRefused = "OA2-008"
        /// The on-disk token cache could not be read or written.
        case cacheIO = "OA2-009"
        /// The server answered a redirect (3xx); redirects are not followed for token endpoints.
        case redirect = "OA2-010"
        /// Metadata discovery (RFC 8414 / OIDC Discovery) failed: missing fields or issuer mismatch.
        case discovery = "OA2-011"
    }

    public let code: Code
    public let message: String
    /// The HTTP status, when a response head was received.
    public let status: Int?
    /// The RFC 6749 §5.2 error body, when the endpoint sent one.
    public let endpointError: TokenErrorResponse?
    /// Number of attempts made before giving up (retry policy).
    public var attempts: Int

    public init(_ code: Code, _ message: String, status: Int? = nil, endpointError: TokenErrorResponse? = nil, attempts: Int = 1) {
        self.code = code
        self.message = message
        self.status = status
        self.endpointError = endpointError
        self.attempts = attempts
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// A short category label for reports (`timeout`, `network`, `http-503`, …).
    public var label: String {
        switch code {
        case .invalidURL: "invalid-url"
        case .network: "network"
        case .timeout: "timeout"
        case .responseTooLarge: "response-too-large"
        case .endpointError: status.map { "http-\($0)" } ?? "endpoint-error"
        case .malformedResponse: "malformed-response"
        case .secretUnavailable: "secret-unavailable"
        case .insecureRefused: "insecure-refused"
        case .cacheIO: "cache-io"
        case .redirect: status.map { "redirect-\($0)" } ?? "redirect"
        case .discovery: "discovery"
        }
    }

    public static func == (lhs: OAuth2ClientError, rhs: OAuth2ClientError) -> Bool { lhs.code == rhs.code }
}
