import JOSECore

/// One vendor's way of asking a token endpoint for a client-credentials token: builds the request; the response is
/// read by ``TokenResponse/parse(_:knownExtraFields:)`` (all styles answer RFC 6749 §5.1-shaped JSON).
public protocol TokenEndpointStyle: Sendable {
    /// The style's stable name in suites and reports (`client-secret-basic`, …).
    var name: String { get }
    /// Response members this style's vendor documents beyond RFC 6749 §5.1 (not reported as extra).
    var knownExtraFields: Set<String> { get }
    func makeRequest(endpoint: String, credentials: ClientCredentials) -> HTTPTransportRequest
}

extension TokenEndpointStyle {
    public var knownExtraFields: Set<String> { [] }
}

/// The style names, as written in suites and mock configs.
public enum TokenStyleName: String, Sendable, CaseIterable {
    case jsonClientCredentials = "json-client-credentials"
    case tenantTokenManager = "tenant-token-manager"
    case clientSecretPost = "client-secret-post"
    case clientSecretBasic = "client-secret-basic"
    case rfc6749 = "rfc6749"
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
