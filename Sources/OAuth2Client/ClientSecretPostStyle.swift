import JOSECore

/// Seed 002 (`/configapi/v2/oauth/token`) and RFC 6749 §2.3.1's body variant: form body `grant_type`, `client_id`,
/// `client_secret`, `scope` — the seed's parameter table, so no `audience` (see ``TokenStyleName/takesAudience``).
/// The vendor may answer `expires_in` as a string (kept as a deviation).
public struct ClientSecretPostStyle: TokenEndpointStyle {
    public var scope: String?
    public var name: String { TokenStyleName.clientSecretPost.rawValue }

    public init(scope: String? = nil) { self.scope = scope }

    public func makeRequest(endpoint: String, credentials: ClientCredentials, options: TokenRequestOptions) -> HTTPTransportRequest {
        let credentials = options.credentials(credentials)
        var pairs = [("grant_type", options.grant), ("client_id", credentials.clientID), ("client_secret", credentials.secret.value)]
        if let scope { pairs.append(("scope", scope)) }
        return HTTPTransportRequest(
            method: "POST", url: endpoint,
            headers: options.headers([HTTPHeaderField("Content-Type", "application/x-www-form-urlencoded"), HTTPHeaderField("Accept", "application/json")]),
            body: Array(FormURLEncoding.body(pairs).utf8)
        )
    }
}
