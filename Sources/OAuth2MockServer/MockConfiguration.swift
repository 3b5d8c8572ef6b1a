/// Everything the mock serves: clients, tenants, token shape, signing, faults. Read from YAML
/// (``MockConfiguration/load(yaml:variables:readFile:)``) or ``MockConfiguration/demo``.
public struct MockConfiguration: Sendable {
    /// One registered client.
    public struct Client: Sendable {
        public var clientID: String
        /// Compared in constant time; never logged.
        public var secret: String
        /// Styles (routes) this client may use; empty = all.
        public var styles: [String]
        /// Scopes granted (RFC 6749 §3.3); a request may ask for a subset.
        public var scopes: [String]
        /// Audiences the client may ask for; the first is the default `aud`.
        public var audiences: [String]
        /// Fault applied to every token request of this client.
        public var fault: MockFault

        public init(clientID: String, secret: String, styles: [String] = [], scopes: [String] = [], audiences: [String] = [], fault: MockFault = .none) {
            self.clientID = clientID
            self.secret = secret
            self.styles = styles
            self.scopes = scopes
            self.audiences = audiences
            self.fault = fault
        }
    }

    /// `iss` of issued tokens and of the metadata; `nil` = the server's base URL.
    public var issuer: String?
    /// Token lifetime in seconds (`exp - iat`), 1…``maxTokenLifetime``.
    public var tokenLifetime: Int
    /// The longest `token_lifetime` accepted: 100 years, so `iat + lifetime` is a NumericDate well before the year
    /// 9999 (RFC 7519 §2) and never overflows.
    public static let maxTokenLifetime = 100 * 366 * 86_400
    /// JWS `alg` of issued tokens (default ES256).
    public var algorithm: String
    /// PEM or JWK file of the private signing key; `nil` = a fresh key generated at start.
    public var keyFile: String?
    /// `kid` of the signing key.
    public var keyID: String
    /// `aud` when the client has no audience of its own.
    public var defaultAudience: String
    public var clients: [Client]
    /// Seed 001: the operator (host) tenant and the user tenants that authorized the app.
    public var operatorTenant: String
    public var userTenants: [String]
    /// Seed 001: largest page of `…/userTenants`.
    public var tenantPageSize: Int
    /// Seed 001: largest `userTenantIds` batch.
    public var tenantBatchLimit: Int
    /// The protected API `GET /api/resource`: audience and scope it requires (RFC 6750 §3.1).
    public var resourceAudience: String
    public var resourceScope: String
    /// How long the `slow` fault waits before answering.
    public var slowDelay: Duration
    /// Answer like the vendors do (seed 001 `token_type: "bearer"` + `timestamp`/`jti`; seed 002 string
    /// `expires_in`; seed 003 errors as 403). Off = textbook RFC 6749 answers on every route.
    public var vendorQuirks: Bool

    public init(
        issuer: String? = nil, tokenLifetime: Int = 3600, algorithm: String = "ES256", keyFile: String? = nil,
        keyID: String = "mock-key-1", defaultAudience: String = "https://api.mock.example", clients: [Client] = [],
        operatorTenant: String = "operator_tenant", userTenants: [String] = [], tenantPageSize: Int = 100,
        tenantBatchLimit: Int = 5, resourceAudience: String = "https://api.mock.example", resourceScope: String = "read",
        slowDelay: Duration = .seconds(3), vendorQuirks: Bool = true
    ) {
        self.issuer = issuer
        self.tokenLifetime = tokenLifetime
        self.algorithm = algorithm
        self.keyFile = keyFile
        self.keyID = keyID
        self.defaultAudience = defaultAudience
        self.clients = clients
        self.operatorTenant = operatorTenant
        self.userTenants = userTenants
        self.tenantPageSize = tenantPageSize
        self.tenantBatchLimit = tenantBatchLimit
        self.resourceAudience = resourceAudience
        self.resourceScope = resourceScope
        self.slowDelay = slowDelay
        self.vendorQuirks = vendorQuirks
    }

    public func client(_ id: String) -> Client? { clients.first { $0.clientID == id } }

    /// The documented demo configuration (README "Demo config"). Its secrets are demo values, valid only here.
    public static var demo: MockConfiguration {
        MockConfiguration(
            clients: [
                Client(clientID: "demo-json", secret: "demo-json-secret", styles: ["json-client-credentials", "rfc6749"],
                       scopes: ["read", "write"], audiences: ["https://api.mock.example"]),
                Client(clientID: "demo-tenant", secret: "demo-tenant-secret", styles: ["tenant-token-manager"],
                       scopes: ["read", "tm.t.r"], audiences: ["https://api.mock.example"]),
                Client(clientID: "demo-post", secret: "demo-post-secret", styles: ["client-secret-post"],
                       scopes: ["read", "example.com"], audiences: ["https://api.mock.example"]),
                Client(clientID: "demo-basic", secret: "demo-basic-secret", styles: ["client-secret-basic", "rfc6749"],
                       scopes: ["read", "write"], audiences: ["https://api.mock.example"]),
            ],
            userTenants: generatedTenants(12)
        )
    }
}
