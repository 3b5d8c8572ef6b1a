import JOSECore

/// Seed 001's single-token call: `POST …/api/technicaltokenmanager/v3/oauth/token` with
/// `X-SPACE-AUTH-KEY: Basic base64(id:secret)` and a JSON body `{appName, appVersion, hostTenant, userTenant}`.
public struct TenantTokenStyle: TokenEndpointStyle {
    public var appName: String
    public var appVersion: String
    public var hostTenant: String
    public var userTenant: String
    public var name: String { TokenStyleName.tenantTokenManager.rawValue }
    /// Seed 001 documents `timestamp`, `jti` (and `scope`) in the response.
    public var knownExtraFields: Set<String> { ["timestamp", "jti"] }

    public init(appName: String, appVersion: String, hostTenant: String, userTenant: String) {
        self.appName = appName
        self.appVersion = appVersion
        self.hostTenant = hostTenant
        self.userTenant = userTenant
    }

    /// ``TokenRequestOptions/grantType`` is ignored: the seed 001 body has no `grant_type`.
    public func makeRequest(endpoint: String, credentials: ClientCredentials, options: TokenRequestOptions) -> HTTPTransportRequest {
        let body: JSONValue = [
            "appName": .string(appName), "appVersion": .string(appVersion),
            "hostTenant": .string(hostTenant), "userTenant": .string(userTenant),
        ]
        return HTTPTransportRequest(
            method: "POST", url: endpoint,
            headers: options.headers(TenantTokenStyle.headers(options.credentials(credentials))),
            body: Array(body.compact.utf8)
        )
    }

    static func headers(_ credentials: ClientCredentials) -> [HTTPHeaderField] {
        [
            HTTPHeaderField("Content-Type", "application/json"),
            HTTPHeaderField("Accept", "application/json"),
            HTTPHeaderField("X-SPACE-AUTH-KEY", "Basic " + plainBasicCredentials(clientID: credentials.clientID, secret: credentials.secret)),
        ]
    }
}
