/// Per-request variations of a style's token request, for what `jwt conform`'s negative checks and suites need.
///
/// The vendor's own parameters (`scope`, `audience`, the seed 001 tenant fields) belong to the style value, because
/// which of them a vendor takes is part of its wire format (see ``TokenStyleName/takesScope``); these options change
/// one request without changing what the style is.
public struct TokenRequestOptions: Sendable, Equatable {
    /// Sent instead of the client's secret: the wrong-secret check (RFC 6749 §5.2 `invalid_client`).
    public var secret: Secret?
    /// Sent instead of `client_credentials` (RFC 6749 §4.4.2): the unsupported-grant check (§5.2
    /// `unsupported_grant_type`). Ignored by seed 001's tenant style, whose body has no `grant_type`.
    public var grantType: String?
    /// Appended after the style's own header fields (a suite's `headers`, e.g. the mock's `X-Mock-Fault`).
    public var headers: [HTTPHeaderField]

    public init(secret: Secret? = nil, grantType: String? = nil, headers: [HTTPHeaderField] = []) {
        self.secret = secret
        self.grantType = grantType
        self.headers = headers
    }

    /// The grant type to send: RFC 6749 §4.4.2's `client_credentials` unless overridden.
    var grant: String { grantType ?? "client_credentials" }

    /// The credentials to send: the client's, with the secret replaced when asked.
    func credentials(_ credentials: ClientCredentials) -> ClientCredentials {
        guard let secret else { return credentials }
        return ClientCredentials(clientID: credentials.clientID, secret: secret)
    }

    /// The style's header fields followed by the extra ones.
    func headers(_ own: [HTTPHeaderField]) -> [HTTPHeaderField] { own + headers }
}
