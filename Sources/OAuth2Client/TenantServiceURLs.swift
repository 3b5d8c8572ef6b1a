/// The three routes of seed 001's Token Management Service, which share one prefix: `POST <prefix>/oauth/token`,
/// `POST <prefix>/oauthTokens` and `GET <prefix>/userTenants` (the seed writes them as
/// `api/technicaltokenmanager/v3/…`).
public struct TenantServiceURLs: Sendable, Equatable {
    /// The single-token call.
    public let token: String
    /// The batch call (≤ ``TenantTokenManager/batchLimit`` tenants).
    public let batch: String
    /// The tenant list, without its `page`/`size` query.
    public let tenants: String

    /// The prefix the seed's paths are relative to, e.g. `https://gateway.example/api/technicaltokenmanager/v3`.
    public init(prefix: String) {
        let prefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        self.token = prefix + "/oauth/token"
        self.batch = prefix + "/oauthTokens"
        self.tenants = prefix + "/userTenants"
    }

    /// A gateway's base URL (scheme, host, optional path): the service is at `<base>/api/technicaltokenmanager/v3`.
    public init(baseURL: String) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.init(prefix: base + Self.servicePath)
    }

    /// The routes beside a token URL that ends in `/oauth/token` (its query and fragment, if any, are not part of
    /// the prefix): `…/v3/oauth/token` → `…/v3/oauthTokens`, `…/v3/userTenants`. Any other token URL is refused: the
    /// seed names no other layout, and guessing a sibling would send the credentials somewhere the suite never named.
    public init(tokenURL: String) throws(OAuth2ClientError) {
        var path = tokenURL
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        guard path.hasSuffix(Self.tokenSuffix), path.count > Self.tokenSuffix.count else {
            throw OAuth2ClientError(.invalidURL, "a tenant-token-manager token URL must end in \(Self.tokenSuffix) (seed 001), so that oauthTokens and userTenants can be found beside it")
        }
        self.init(prefix: String(path.dropLast(Self.tokenSuffix.count)))
        _ = try EndpointURL(token)
    }

    /// Seed 001's service path under a gateway.
    public static let servicePath = "/api/technicaltokenmanager/v3"
    static let tokenSuffix = "/oauth/token"
}
