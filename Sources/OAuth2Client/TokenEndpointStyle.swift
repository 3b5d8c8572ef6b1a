import JOSECore

/// One vendor's way of asking a token endpoint for a client-credentials token: builds the request; the response is
/// read by ``TokenResponse/parse(_:knownExtraFields:)`` (all styles answer RFC 6749 §5.1-shaped JSON).
public protocol TokenEndpointStyle: Sendable {
    /// The style's stable name in suites and reports (`client-secret-basic`, …).
    var name: String { get }
    /// Response members this style's vendor documents beyond RFC 6749 §5.1 (not reported as extra).
    var knownExtraFields: Set<String> { get }
    /// The token request, with per-request ``TokenRequestOptions`` (a wrong secret, another `grant_type`, extra
    /// header fields) applied.
    func makeRequest(endpoint: String, credentials: ClientCredentials, options: TokenRequestOptions) -> HTTPTransportRequest
}

extension TokenEndpointStyle {
    public var knownExtraFields: Set<String> { [] }

    /// The plain token request, as the vendor documents it.
    public func makeRequest(endpoint: String, credentials: ClientCredentials) -> HTTPTransportRequest {
        makeRequest(endpoint: endpoint, credentials: credentials, options: TokenRequestOptions())
    }
}

/// The style names, as written in suites and mock configs.
public enum TokenStyleName: String, Sendable, CaseIterable {
    case jsonClientCredentials = "json-client-credentials"
    case tenantTokenManager = "tenant-token-manager"
    case clientSecretPost = "client-secret-post"
    case clientSecretBasic = "client-secret-basic"
    case rfc6749 = "rfc6749"

    /// Whether the style's request carries a requested `scope`. Seed 000's sample request (`client_id`,
    /// `client_secret`, `audience`, `grant_type`) has none, so the JSON style takes no scope; seed 002 lists `scope` as
    /// required; RFC 6749 §4.4.2 makes it optional for the Basic styles; seed 001's body has no scope.
    public var takesScope: Bool {
        switch self {
        case .clientSecretPost, .clientSecretBasic, .rfc6749: true
        case .jsonClientCredentials, .tenantTokenManager: false
        }
    }

    /// Whether the style's request carries an `audience`. Seed 000's sample sends one; seed 002's parameter table
    /// (`grant_type`, `client_id`, `client_secret`, `scope`) has none, so the form-post style takes no audience; the
    /// seed 003 Basic style sends it when given (a common extension); plain RFC 6749 and seed 001 have none.
    public var takesAudience: Bool {
        switch self {
        case .jsonClientCredentials, .clientSecretBasic: true
        case .clientSecretPost, .rfc6749, .tenantTokenManager: false
        }
    }

    /// Whether the request has a `grant_type` (seed 001's tenant body has none).
    public var hasGrantType: Bool { self != .tenantTokenManager }
}

/// HTTP Basic credentials per RFC 6749 §2.3.1: id and secret are each form-urlencoded (Appendix B) first, then
/// joined by `:` and base64-encoded (RFC 7617 §2).
public func rfc6749BasicCredentials(clientID: String, secret: Secret) -> String {
    Base64.encode(Array((FormURLEncoding.encode(clientID) + ":" + FormURLEncoding.encode(secret.value)).utf8))
}

/// Plain RFC 7617 Basic credentials, `base64(id:secret)` without form-encoding (seed 001's `X-SPACE-AUTH-KEY`).
public func plainBasicCredentials(clientID: String, secret: Secret) -> String {
    Base64.encode(Array((clientID + ":" + secret.value).utf8))
}
