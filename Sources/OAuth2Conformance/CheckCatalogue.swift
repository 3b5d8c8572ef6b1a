/// One entry of the check catalogue: a stable id (never reused), a title, its kind (which sets the default
/// severity, and the severity under `--strict`) and the reference.
public struct CheckDefinition: Sendable, Equatable {
    public let id: String
    public let title: String
    public let kind: CheckKind
    public let reference: String

    init(_ id: String, _ title: String, _ kind: CheckKind, _ reference: String) {
        self.id = id
        self.title = title
        self.kind = kind
        self.reference = reference
    }

    /// The default severity of a failure (without `--strict`).
    public var severity: CheckSeverity { kind.severity(strict: false) }
    /// The severity of a failure under `--strict` / `defaults: {strict: true}`.
    public var strictSeverity: CheckSeverity { kind.severity(strict: true) }
}

/// Every check `jwt conform` runs, in report order. Ids are stable: a retired check keeps its id unused.
public enum CheckCatalogue {
    // Token response (RFC 6749 §5.1, §4.4.3).
    public static let tokenStatus = CheckDefinition("TOK-01", "token endpoint answers HTTP 200", .essential, "RFC 6749 §5.1")
    public static let tokenJSON = CheckDefinition("TOK-02", "response is a JSON object with a JSON content type", .essential, "RFC 6749 §5.1")
    public static let accessToken = CheckDefinition("TOK-03", "access_token present and printable", .essential, "RFC 6749 §5.1, Appendix A.12")
    public static let tokenType = CheckDefinition("TOK-04", "token_type is Bearer (case-insensitive)", .essential, "RFC 6749 §5.1, §7.1; RFC 6750 §4")
    public static let expiresIn = CheckDefinition("TOK-05", "expires_in is a positive number", .essential, "RFC 6749 §5.1")
    public static let cacheControl = CheckDefinition("TOK-06", "Cache-Control: no-store", .hygiene, "RFC 6749 §5.1")
    public static let scopeEcho = CheckDefinition("TOK-07", "scope returned when it differs from the request", .hygiene, "RFC 6749 §5.1, §3.3")
    public static let noRefreshToken = CheckDefinition("TOK-08", "no refresh_token for client credentials", .hygiene, "RFC 6749 §4.4.3")
    // The JWT (reusing JWTValidation's rules).
    public static let structure = CheckDefinition("JWT-01", "access token is a compact JWS with a JSON claims set", .essential, "RFC 7519 §7.2; RFC 7515 §5.2")
    public static let algorithm = CheckDefinition("JWT-02", "alg is allowed and never none", .essential, "RFC 8725 §3.1; RFC 7518 §3.6")
    public static let type = CheckDefinition("JWT-03", "typ header as expected", .essential, "RFC 8725 §3.11; RFC 9068 §2.1")
    public static let signature = CheckDefinition("JWT-04", "signature verifies with the expected key source", .essential, "RFC 7515 §5.2; RFC 8414 §2")
    public static let issuer = CheckDefinition("JWT-05", "iss is the expected issuer", .essential, "RFC 7519 §4.1.1")
    public static let audience = CheckDefinition("JWT-06", "aud contains the expected audience", .essential, "RFC 7519 §4.1.3")
    public static let times = CheckDefinition("JWT-07", "exp, nbf and iat valid now (with leeway)", .essential, "RFC 7519 §4.1.4–§4.1.6")
    public static let lifetimeMatch = CheckDefinition("JWT-08", "exp − now agrees with expires_in", .hygiene, "RFC 6749 §5.1; RFC 7519 §4.1.4")
    public static let profile = CheckDefinition("JWT-09", "RFC 9068 required claims present", .essential, "RFC 9068 §2.2")
    public static let client = CheckDefinition("JWT-10", "client_id / sub is the configured client", .essential, "RFC 9068 §2.2; RFC 7519 §4.1.2")
    public static let lifetimeRange = CheckDefinition("JWT-11", "token lifetime within the expected range", .essential, "RFC 7519 §4.1.4")
    // Scopes: the audit.
    public static let requiredScopes = CheckDefinition("SCP-01", "required scopes granted", .essential, "RFC 6749 §3.3")
    public static let allowedScopes = CheckDefinition("SCP-02", "no scope beyond the allowed set (over-privilege)", .essential, "RFC 6749 §3.3; RFC 9068 §2.2.3")
    public static let forbiddenScopes = CheckDefinition("SCP-03", "no forbidden scope granted", .essential, "RFC 6749 §3.3")
    // Protected API.
    public static let apiAccepts = CheckDefinition("API-01", "protected API answers the expected status with the token", .essential, "RFC 6750 §2.1")
    public static let apiChallenge = CheckDefinition("API-02", "protected API without a token answers 401 with WWW-Authenticate: Bearer", .essential, "RFC 6750 §3, §3.1")
    // Negative (opt-in).
    public static let wrongSecret = CheckDefinition("NEG-01", "wrong client secret rejected with invalid_client", .essential, "RFC 6749 §5.2")
    public static let badGrant = CheckDefinition("NEG-02", "unknown grant_type rejected with unsupported_grant_type", .essential, "RFC 6749 §5.2")
    // Tenant token manager (seed 001).
    public static let tenantBatch = CheckDefinition("TTM-01", "batch tokens cover exactly the requested tenants", .essential, "Token Management Service: oauthTokens (≤ 5 tenants a call)")
    public static let tenantPaging = CheckDefinition("TTM-02", "userTenants paging ends without duplicates", .essential, "Token Management Service: userTenants (≤ 100 a page)")
    public static let tenantTokens = CheckDefinition("TTM-03", "every batch token is valid (signature, alg, typ, iss, aud, times)", .essential, "Token Management Service: oauthTokens; RFC 7519 §7.2; RFC 7515 §5.2")
    // Clock.
    public static let serverClock = CheckDefinition("CLK-01", "server Date header agrees with the local clock", .hygiene, "RFC 9110 §6.6.1")
    public static let issuedAtSkew = CheckDefinition("CLK-02", "iat agrees with the response time", .hygiene, "RFC 7519 §4.1.6")
    // The suite itself.
    public static let staleAllowList = CheckDefinition("ALW-01", "allow-listed deviations still occur", .hygiene, "suite allow-list (conformance/README.md)")
    public static let expectations = CheckDefinition("XPT-01", "the endpoint fails and warns exactly as the suite expects", .essential, "suite expected_failures / expected_warnings (conformance/README.md)")
    // Transport security: run only for an endpoint with `insecure_http: true`.
    public static let cleartext = CheckDefinition("SEC-01", "client credentials and tokens sent only over TLS (or to loopback)", .essential, "RFC 6749 §2.3.1, §3.2; RFC 6750 §5.3")

    public static let all: [CheckDefinition] = [
        tokenStatus, tokenJSON, accessToken, tokenType, expiresIn, cacheControl, scopeEcho, noRefreshToken,
        structure, algorithm, type, signature, issuer, audience, times, lifetimeMatch, profile, client, lifetimeRange,
        requiredScopes, allowedScopes, forbiddenScopes, apiAccepts, apiChallenge, wrongSecret, badGrant,
        tenantBatch, tenantPaging, tenantTokens, serverClock, issuedAtSkew, staleAllowList, expectations, cleartext,
    ]

    public static func definition(_ id: String) -> CheckDefinition? { all.first { $0.id == id } }
}
