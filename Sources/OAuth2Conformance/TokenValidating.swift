import JOSECore

/// One rule finding from the JWT validator (`JWTValidation`), as the conformance checks consume it.
public struct RuleFinding: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable { case pass, fail, warn, skip }
    public var id: String
    public var status: Status
    public var message: String
    public var section: String

    public init(id: String, status: Status, message: String, section: String) {
        self.id = id
        self.status = status
        self.message = message
        self.section = section
    }
}

/// What the token is validated against, from the endpoint's expectations.
public struct TokenValidationRequest: Sendable, Equatable {
    public var now: Double
    public var leeway: Double
    public var issuer: String?
    public var audiences: [String]
    public var typ: String?
    public var profileRFC9068: Bool
    public var algorithms: [String]
    public var maxLifetime: Double?
    public var clientID: String?

    public init(now: Double, leeway: Double, issuer: String? = nil, audiences: [String] = [], typ: String? = nil,
                profileRFC9068: Bool = false, algorithms: [String] = [], maxLifetime: Double? = nil, clientID: String? = nil) {
        self.now = now
        self.leeway = leeway
        self.issuer = issuer
        self.audiences = audiences
        self.typ = typ
        self.profileRFC9068 = profileRFC9068
        self.algorithms = algorithms
        self.maxLifetime = maxLifetime
        self.clientID = clientID
    }
}

/// The validator's verdict on one token.
public struct TokenValidationOutcome: Sendable, Equatable {
    public var findings: [RuleFinding]
    /// Granted scopes read from `scope`/`scp`/`scopes`/`roles`; nil when the claims could not be read.
    public var grantedScopes: [String]?
    /// Problems loading the key documents (never key bytes).
    public var keyProblems: [String]

    public init(findings: [RuleFinding], grantedScopes: [String]?, keyProblems: [String] = []) {
        self.findings = findings
        self.grantedScopes = grantedScopes
        self.keyProblems = keyProblems
    }
}

/// The seam to `JWTValidation`: the product passes an adapter over its `Validator`, tests may pass a fake.
public protocol TokenValidating: Sendable {
    func validate(token: String, keyDocuments: [[UInt8]], request: TokenValidationRequest) -> TokenValidationOutcome
}
