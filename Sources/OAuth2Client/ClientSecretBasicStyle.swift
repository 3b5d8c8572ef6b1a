import JOSECore

/// Seed 003 (`/oauth2/token`) and RFC 6749 §2.3.1 `client_secret_basic`: `Authorization: Basic` of the
/// form-urlencoded id and secret, form body `grant_type=client_credentials` (+ `scope`, and `audience` for the seed 003 style; plain RFC 6749 has none).
///
/// Seed 003's vendor answers errors with 403; plain RFC 6749 (``rfc6749``) with 400/401 + `WWW-Authenticate`.
public struct ClientSecretBasicStyle: TokenEndpointStyle {
    public var scope: String?
    public var audience: String?
    public let name: String

    public init(scope: String? = nil, audience: String? = nil) {
        self.scope = scope
        self.audience = audience
        self.name = TokenStyleName.clientSecretBasic.rawValue
    }

    /// Plain RFC 6749 §4.4 client credentials (Basic authentication, form body, standard error statuses).
    public static func rfc6749(scope: String? = nil) -> ClientSecretBasicStyle {
        ClientSecretBasicStyle(scope: scope, audience: nil, name: TokenStyleName.rfc6749.rawValue)
    }

    init(scope: String?, audience: String?, name: String) {
        self.scope = scope
        self.audience = audience
        self.name = name
    }

    public func makeRequest(endpoint: String, credentials: ClientCredentials, options: TokenRequestOptions) -> HTTPTransportRequest {
        let credentials = options.credentials(credentials)
        var pairs = [("grant_type", options.grant)]
        if let scope { pairs.append(("scope", scope)) }
        if let audience { pairs.append(("audience", audience)) }
        return HTTPTransportRequest(
            method: "POST", url: endpoint,
            headers: options.headers([
                HTTPHeaderField("Authorization", "Basic " + rfc6749BasicCredentials(clientID: credentials.clientID, secret: credentials.secret)),
                HTTPHeaderField("Content-Type", "application/x-www-form-urlencoded"),
                HTTPHeaderField("Accept", "application/json"),
            ]),
            body: Array(FormURLEncoding.body(pairs).utf8)
        )
    }
}
