import JOSECore

/// Seed 002 (`/configapi/v2/oauth/token`) and RFC 6749 §2.3.1's body variant: form body `grant_type`, `client_id`,
/// `client_secret`, `scope`. The vendor may answer `expires_in` as a string (kept as a deviation).
public struct ClientSecretPostStyle: TokenEndpointStyle {
    public var scope: String?
    public var name: String { TokenStyleName.clientSecretPost.rawValue }

    public init(scope: String? = nil) { self.scope = scope }

    public func makeRequest(endpoint: String, credentials: ClientCredentials) -> HTTPTransportRequest {
        var pairs = [("grant_type", "client_credentials"), ("client_id", credentials.clientID), ("client_secret", credentials.secret.value)]
        if let scope { pairs.append(("scope", scope)) }
        return HTTPTransportRequest(
            method: "POST", url: endpoint,
            headers: [HTTPHeaderField("Content-Type", "application/x-www-form-urlencoded"), HTTPHeaderField("Accept", "application/json")],
            body: Array(FormURLEncoding.body(pairs).utf8)
        )
    }
}
