import OAuth2Client

/// A conformance suite (`conformance/*.yaml`): defaults and the endpoints to check. See `conformance/README.md`.
public struct ConformanceSuite: Sendable {
    public var name: String
    public var defaults: SuiteDefaults
    public var endpoints: [EndpointConfiguration]

    public init(name: String, defaults: SuiteDefaults = SuiteDefaults(), endpoints: [EndpointConfiguration]) {
        self.name = name
        self.defaults = defaults
        self.endpoints = endpoints
    }

    /// The suite as `jwt conform --strict` runs it: every endpoint's hygiene deviations fail (explicit `severity:`
    /// entries still win).
    public func strict() -> ConformanceSuite {
        var copy = self
        copy.defaults.strict = true
        for index in copy.endpoints.indices { copy.endpoints[index].strict = true }
        return copy
    }
}

/// Suite-wide settings; each endpoint may override the timeouts and the leeway.
public struct SuiteDefaults: Sendable, Equatable {
    /// Deadline for all of one endpoint's requests together, in seconds.
    public var timeout: Double = 20
    /// Deadline for one HTTP request, in seconds.
    public var requestTimeout: Double = 10
    /// Clock skew tolerated on `exp`/`nbf`/`iat` and the clock checks, in seconds (RFC 7519 §4.1.4).
    public var leeway: Double = 60
    /// Endpoints checked at once.
    public var concurrency: Int = 4
    /// `strict: true` (or `jwt conform --strict`): hygiene deviations fail instead of warning (``CheckKind``).
    public var strict = false
    /// `ca_file`: a PEM CA bundle that replaces the system's trust roots for this suite's requests (`jwt conform
    /// --ca-file` overrides it; it overrides `SSL_CERT_FILE`).
    public var trustRoots: TrustRoots?

    public init() {}
}

/// The token-endpoint styles of the seed documents (OAuth2Client implements the wire format of each).
public enum EndpointStyle: String, Sendable, Equatable, CaseIterable {
    /// Seed 000: POST JSON `{client_id, client_secret, audience, grant_type}`.
    case jsonClientCredentials = "json-client-credentials"
    /// Seed 001: `X-SPACE-AUTH-KEY: Basic …`, JSON `{appName, appVersion, hostTenant, userTenant}`.
    case tenantTokenManager = "tenant-token-manager"
    /// Seed 002: form body with `client_id` and `client_secret` (RFC 6749 §2.3.1 `client_secret_post`).
    case clientSecretPost = "client-secret-post"
    /// Seed 003: `Authorization: Basic` of the form-encoded id and secret (RFC 6749 §2.3.1).
    case clientSecretBasic = "client-secret-basic"

    /// The `OAuth2Client` style that builds this endpoint's requests (same name).
    public var tokenStyleName: TokenStyleName {
        switch self {
        case .jsonClientCredentials: .jsonClientCredentials
        case .tenantTokenManager: .tenantTokenManager
        case .clientSecretPost: .clientSecretPost
        case .clientSecretBasic: .clientSecretBasic
        }
    }

    /// Whether the style sends a `grant_type` (the unsupported-grant negative check needs one).
    public var hasGrantType: Bool { tokenStyleName.hasGrantType }
}

/// Where the token's signature key comes from.
public enum KeySource: Sendable, Equatable {
    /// A JWK Set URL (RFC 7517 §5).
    case jwksURL(String)
    /// Issuer discovery: RFC 8414 metadata, then OpenID Connect discovery; the issuer must match exactly.
    case issuer(String)
    /// A PEM / JWK / JWKS file, read when the suite loads.
    case file(path: String, bytes: [UInt8])
    /// `expect.keys: none`: the suite says in so many words that the token's signature is not checked (an opaque or
    /// unchecked token). JWT-04 is then reported as skipped with that reason; without any key source it fails
    /// (RFC 7515 §5.2: a JWS is only trusted once its signature is validated).
    case unchecked
}

/// What a token must look like.
public struct TokenExpectations: Sendable, Equatable {
    public var issuer: String?
    public var audiences: [String] = []
    public var typ: String?
    /// `rfc9068` adds `typ` `at+jwt` and the RFC 9068 §2.2 claims.
    public var profile: String?
    /// Accepted `alg` values; empty: whatever fits the key.
    public var algorithms: [String] = []
    public var keys: KeySource?
    /// Acceptable lifetime (`exp − iat`), seconds.
    public var minLifetime: Double?
    public var maxLifetime: Double?
    /// The expected `client_id` (or `sub`) claim.
    public var clientID: String?
    public var requiredScopes: [String] = []
    /// `nil`: no over-privilege check; otherwise anything granted outside it fails SCP-02.
    public var allowedScopes: [String]?
    public var forbiddenScopes: [String] = []

    public init() {}
}

/// A protected-API call made with the issued token (RFC 6750 §2.1).
public struct APICall: Sendable, Equatable {
    public var method: String = "GET"
    public var url: String
    public var status: Int = 200
    /// Also call without a token and expect 401 with `WWW-Authenticate: Bearer` (RFC 6750 §3.1).
    public var withoutToken: Bool = false

    public init(url: String) { self.url = url }
}

/// Opt-in negative checks.
public struct NegativeChecks: Sendable, Equatable {
    public var wrongSecret = false
    /// Statuses accepted for a wrong secret (default 400 and 401; add 403 where the vendor documents it).
    public var wrongSecretStatuses: [Int] = [400, 401]
    public var unsupportedGrant = false
    /// Statuses accepted for an unknown `grant_type` (default 400; 403 where the vendor documents it).
    public var unsupportedGrantStatuses: [Int] = [400]

    public init() {}
}

/// Tenant token manager (seed 001) extras.
public struct TenantChecks: Sendable, Equatable {
    /// Tenants for one `oauthTokens` batch request set (split into calls of at most 5): TTM-01.
    public var batch: [String] = []
    /// List `userTenants` page by page (with the issued token): TTM-02.
    public var listTenants = false

    public init() {}
}

/// A known, accepted deviation: the check still runs; when it fails it is reported as skipped with the reason, and
/// when it passes the entry is reported as stale (ALW-01).
public struct AllowListEntry: Sendable, Equatable {
    public var check: String
    public var reason: String

    public init(check: String, reason: String) {
        self.check = check
        self.reason = reason
    }
}

/// One endpoint of a suite.
public struct EndpointConfiguration: Sendable {
    public var name: String
    public var style: EndpointStyle
    public var tokenURL: String
    public var clientID: String
    public var clientSecret: SuiteSecret
    /// Style parameters: `audience`, `scope` (requested), `app_name`, `app_version`, `host_tenant`, `user_tenant`.
    public var audience: String?
    public var scope: String?
    public var appName: String?
    public var appVersion: String?
    public var hostTenant: String?
    public var userTenant: String?
    /// Extra headers sent with the token request (e.g. the mock's fault selector).
    public var headers: [(name: String, value: String)] = []
    public var timeout: Double
    public var requestTimeout: Double
    public var leeway: Double
    public var expect = TokenExpectations()
    public var api: [APICall] = []
    public var negative = NegativeChecks()
    public var tenants = TenantChecks()
    /// Explicit per-check severities (`severity:`): they win over the check's kind and over ``strict``.
    public var severity: [String: CheckSeverity] = [:]
    /// Hygiene deviations fail instead of warning (`defaults: {strict: true}` or `--strict`).
    public var strict = false
    public var allow: [AllowListEntry] = []
    /// For fault suites and their tests: the check ids that must fail (exactly), and those that must warn.
    public var expectedFailures: [String]?
    public var expectedWarnings: [String]?
    /// `insecure_http: true`: plain `http://` to a host that is not loopback is allowed for this endpoint (it is
    /// refused otherwise, before any connection), and SEC-01 then fails by default because the client secret and
    /// the bearer token travelled in clear.
    public var insecureHTTP = false

    /// Every URL of this endpoint that would carry the client's credentials or its tokens over plain `http` to a
    /// host that is not loopback (``OAuth2Client/EndpointURL/isCleartext``): the token URL and the protected-API
    /// calls (RFC 6749 §2.3.1, §3.2; RFC 6750 §5.3).
    public var cleartextURLs: [String] {
        ([tokenURL] + api.map(\.url)).filter { (try? EndpointURL($0))?.isCleartext ?? false }
    }

    public init(name: String, style: EndpointStyle, tokenURL: String, clientID: String, clientSecret: SuiteSecret, defaults: SuiteDefaults = SuiteDefaults()) {
        self.name = name
        self.style = style
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.timeout = defaults.timeout
        self.requestTimeout = defaults.requestTimeout
        self.leeway = defaults.leeway
        self.strict = defaults.strict
    }

    /// The severity in force for `definition`: the endpoint's explicit `severity:` entry, else the check's kind
    /// under ``strict``.
    public func severity(of definition: CheckDefinition) -> CheckSeverity {
        severity[definition.id] ?? definition.kind.severity(strict: strict)
    }

    /// The severity in force for a tolerated deviation inside `definition` (``CheckOutcome/tolerated``): the
    /// endpoint's explicit `severity:` entry, else warn (fail under ``strict``).
    public func toleratedSeverity(of definition: CheckDefinition) -> CheckSeverity {
        severity[definition.id] ?? CheckKind.toleratedSeverity(strict: strict)
    }
}
