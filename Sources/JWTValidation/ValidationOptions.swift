import JOSECore

/// What a token is checked against. Everything not set is not checked (its rule reports `skip`), except the
/// safe defaults: `exp` required, 60 s leeway, `alg: none` never accepted, header-named keys never used.
public struct ValidationOptions: Sendable, Equatable {
    /// Profiles that add their own requirements.
    public enum Profile: String, Sendable, Equatable, CaseIterable {
        /// JWT access tokens (RFC 9068): `typ` `at+jwt` and the claims of §2.2.
        case rfc9068
    }

    /// The instant the token is judged at, in seconds since the epoch (injected; never read from a clock here).
    public var now: Double
    /// Algorithms accepted. `nil`: the algorithms that fit the given keys' types. `none` is never accepted.
    public var allowedAlgorithms: [JWSAlgorithm]?
    /// Expected `iss`, compared exactly (RFC 7519 §4.1.1).
    public var issuer: String?
    /// Acceptable audiences: the token's `aud` must contain at least one, exactly (RFC 7519 §4.1.3).
    public var audiences: [String]
    /// Expected `sub`, compared exactly.
    public var subject: String?
    /// Expected `typ` (RFC 8725 §3.11): compared case-insensitively, `application/` prefix implied.
    public var type: String?
    /// Claims that must be present.
    public var requiredClaims: [String]
    /// Clock skew allowed on `exp`, `nbf` and `iat`, in seconds (RFC 7519 §4.1.4 "small leeway").
    public var leeway: Double
    /// Longest acceptable lifetime (`exp` minus `iat`, or `nbf`), in seconds.
    public var maxLifetime: Double?
    /// Accept a token without `exp`.
    public var allowMissingExp: Bool
    public var profile: Profile?
    /// Scopes that must all be granted (exact, case-sensitive token match, RFC 6749 §3.3).
    public var requiredScopes: [String]
    /// When set, any granted scope outside this set fails `SCOPE-02`.
    public var allowedScopes: [String]?
    /// Use keys the token names itself (`jwk`, `x5c`). `jku`/`x5u` are never fetched, even then (RFC 8725 §3.10).
    public var allowHeaderKeys: Bool

    public init(
        now: Double,
        allowedAlgorithms: [JWSAlgorithm]? = nil,
        issuer: String? = nil,
        audiences: [String] = [],
        subject: String? = nil,
        type: String? = nil,
        requiredClaims: [String] = [],
        leeway: Double = 60,
        maxLifetime: Double? = nil,
        allowMissingExp: Bool = false,
        profile: Profile? = nil,
        requiredScopes: [String] = [],
        allowedScopes: [String]? = nil,
        allowHeaderKeys: Bool = false
    ) {
        self.now = now
        self.allowedAlgorithms = allowedAlgorithms
        self.issuer = issuer
        self.audiences = audiences
        self.subject = subject
        self.type = type
        self.requiredClaims = requiredClaims
        self.leeway = leeway
        self.maxLifetime = maxLifetime
        self.allowMissingExp = allowMissingExp
        self.profile = profile
        self.requiredScopes = requiredScopes
        self.allowedScopes = allowedScopes
        self.allowHeaderKeys = allowHeaderKeys
    }
}
