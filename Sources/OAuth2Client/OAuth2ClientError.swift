import JOSECore

/// The one error type of `OAuth2Client`: a stable ``Code`` plus a message that never contains a secret or a token.
///
/// Equality compares the code only. `status` and `endpointError` carry what the server answered, when it answered.
public struct OAuth2ClientError: CodedError {
    /// Stable identifiers; never renumbered or reused. Each has a short label for report categories.
    public struct Code: ErrorCode {
        public let rawValue: String
        public let errorClass: ErrorClass
        /// A short category (`network`, `timeout`, …) for reports; see ``OAuth2ClientError/label``.
        public let label: String

        private init(_ rawValue: String, _ errorClass: ErrorClass, _ label: String) {
            self.rawValue = rawValue
            self.errorClass = errorClass
            self.label = label
        }

        /// The endpoint URL is not a usable absolute `http`/`https` URL (RFC 3986 §4.3).
        public static let invalidURL = Code("OA2-001", .malformedInput, "invalid-url")
        /// The connection could not be made, or it was closed or reset before a full response arrived.
        public static let network = Code("OA2-002", .unreachable, "network")
        /// The per-request deadline, the connect timeout or the total timeout passed.
        public static let timeout = Code("OA2-003", .unreachable, "timeout")
        /// The response body is larger than the configured limit.
        public static let responseTooLarge = Code("OA2-004", .malformedInput, "response-too-large")
        /// The endpoint answered an RFC 6749 §5.2 error (or another non-2xx status).
        public static let endpointError = Code("OA2-005", .unreachable, "endpoint-error")
        /// A 2xx response that is not a usable token response (RFC 6749 §5.1): not JSON, no `access_token`, …
        public static let malformedResponse = Code("OA2-006", .malformedInput, "malformed-response")
        /// A secret could not be read from its environment variable or file.
        public static let secretUnavailable = Code("OA2-007", .inputMissing, "secret-unavailable")
        /// An insecure connection to a host that is not loopback was refused before connecting: `insecure` (no TLS
        /// verification). Plain `http` is ``cleartextRefused``.
        public static let insecureRefused = Code("OA2-008", .usage, "insecure-refused")
        /// The on-disk token cache could not be read or written.
        public static let cacheIO = Code("OA2-009", .inputMissing, "cache-io")
        /// The server answered a redirect (3xx); no redirect is followed, for token endpoints (RFC 6749 §3.2) and for
        /// key documents alike.
        public static let redirect = Code("OA2-010", .unreachable, "redirect")
        /// Metadata discovery (RFC 8414 §3 / OIDC Discovery) failed: missing fields, issuer mismatch, a `jwks_uri`
        /// the URL policy refuses.
        public static let discovery = Code("OA2-011", .malformedInput, "discovery")
        /// Plain `http` to a host that is not loopback, without the caller's opt-in: refused before connecting
        /// (``EndpointURL/checked(_:insecureHTTP:)``).
        public static let cleartextRefused = Code("OA2-012", .usage, "cleartext-refused")
        /// A proxy variable (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, `JWT_PROXY_LOOPBACK`, either case) that cannot be
        /// used: not an `http://host:port` URL (an `https://` proxy is not supported), a bad port.
        public static let proxyConfiguration = Code("OA2-013", .malformedInput, "proxy-configuration")
        /// A CA bundle (`--ca-file`, `defaults.ca_file`, `SSL_CERT_FILE`) that holds no PEM certificate.
        public static let caBundle = Code("OA2-014", .malformedInput, "ca-bundle")

        public static let allCases: [Code] = [
            .invalidURL, .network, .timeout, .responseTooLarge, .endpointError, .malformedResponse,
            .secretUnavailable, .insecureRefused, .cacheIO, .redirect, .discovery, .cleartextRefused,
            .proxyConfiguration, .caBundle,
        ]
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

    /// A short category label for reports (`timeout`, `network`, `http-503`, `redirect-302`, …).
    public var label: String {
        switch code {
        case .endpointError: status.map { "http-\($0)" } ?? code.label
        case .redirect: status.map { "redirect-\($0)" } ?? code.label
        default: code.label
        }
    }
}
