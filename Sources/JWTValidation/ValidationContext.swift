import JOSECore

/// Everything a rule looks at, computed once per token by ``Validator``. A class: rules receive one reference
/// rather than a copy of every member.
public final class ValidationContext: Sendable {
    /// What the rules are asked for.
    public enum Detail: Sendable, Equatable {
        /// Every finding with its message (single-token `verify`, `--explain`, the conformance checks).
        case full
        /// Statuses and ids only: messages are never formatted (`verify --batch`).
        case verdict
    }

    /// Whether rules format their messages (``Detail``); the rules' logic is the same either way.
    public let detail: Detail
    public let token: JWSToken
    /// The claims set, or `nil` when the payload is not a JSON object (``ClaimsSetRule`` reports why).
    public let claims: JWTClaims?
    /// What every token of a run shares (options, the caller's keys, their allow-list): one reference per token.
    let run: Run
    public var options: ValidationOptions { run.options }
    /// The keys the caller supplied (key files, JWKS, discovery, secrets).
    public var keys: [JWSKey] { run.keyRing.keys }
    /// Keys taken from the token's own `jwk` / `x5c` header; non-empty only when ``ValidationOptions/allowHeaderKeys``.
    public let headerKeys: [JWSKey]
    /// Problems reading a header-named key (only when allowed).
    public let headerKeyProblems: [String]
    /// RFC 7638 thumbprints of the keys taken from `x5c`: used without certificate chain validation.
    public let x5cKeyThumbprints: [String]
    public let scopes: ScopeSet
    /// The caller's keys plus (only when allowed) the token's own, with their algorithms.
    public var keyRing: KeyRing { tokenRing?.ring ?? run.keyRing }
    /// The allow-list in force: the option, or the algorithms fitting the keys (never `none`).
    public var allowedAlgorithms: [JWSAlgorithm] { tokenRing?.allowed ?? run.allowedAlgorithms }
    /// The ring and allow-list of a token that brought its own keys (only when allowed); `nil` for the run's.
    private let tokenRing: (ring: KeyRing, allowed: [JWSAlgorithm])?

    /// The part of the context that is the same for every token of a run: built once per run (`verify --batch`,
    /// ``Validator/Run``), so a token's context copies no options and no keys.
    public final class Run: Sendable {
        public let options: ValidationOptions
        /// The caller's keys.
        public let keyRing: KeyRing
        /// The allow-list for tokens that bring no key of their own.
        public let allowedAlgorithms: [JWSAlgorithm]

        public init(options: ValidationOptions, keyRing: KeyRing) {
            self.options = options
            self.keyRing = keyRing
            self.allowedAlgorithms = Run.allowed(options, keyRing)
        }

        /// The option, or the algorithms fitting the keys; never `none` (RFC 8725 §3.1). Shared with the options or
        /// the ring (no copy) unless `none` has to be taken out.
        static func allowed(_ options: ValidationOptions, _ ring: KeyRing) -> [JWSAlgorithm] {
            let allowed = options.allowedAlgorithms ?? ring.allAlgorithms
            return allowed.contains(.none) ? allowed.filter { $0 != .none } : allowed
        }
    }

    public convenience init(token: JWSToken, options: ValidationOptions, keys: [JWSKey], detail: Detail = .full) {
        self.init(token: token, options: options, keyRing: KeyRing(keys), detail: detail)
    }

    public convenience init(token: JWSToken, options: ValidationOptions, keyRing callerKeys: KeyRing, detail: Detail = .full) {
        self.init(token: token, run: Run(options: options, keyRing: callerKeys), detail: detail)
    }

    /// A token's context within a run: the run's options and keys are shared, not copied.
    public init(token: consuming JWSToken, run: Run, detail: Detail = .full) {
        self.run = run
        self.detail = detail
        self.algorithm = token.header.algorithm
        if case .success(let claims) = token.claims {
            self.claims = claims
            self.scopes = ScopeSet(claims: claims.json)
        } else {
            self.claims = nil
            self.scopes = ScopeSet(granted: [])
        }
        var headerKeys: [JWSKey] = []
        var problems: [String] = []
        var x5cThumbprints: [String] = []
        if run.options.allowHeaderKeys {
            if let jwk = token.header.jwk {
                do {
                    let key = try KeyLoader.jwk(jwk)
                    // A token that carries its own shared secret proves nothing: anyone can MAC with it (RFC 8725
                    // §3.10, §2.1). Only public keys may come from the header (RFC 7515 §4.1.3).
                    if case .oct = key.type {
                        problems.append("header jwk is a symmetric (oct) key: a token carrying its own HMAC secret proves nothing (RFC 7515 §4.1.3, RFC 8725 §3.10)")
                    } else {
                        headerKeys.append(key)
                    }
                } catch {
                    problems.append("header jwk: \(error.message)")
                }
            }
            if let first = token.header.x5c?.first {
                let pem = "-----BEGIN CERTIFICATE-----\n" + Self.wrap(first) + "-----END CERTIFICATE-----\n"
                do {
                    let keys = try KeyLoader.load(Array(pem.utf8))
                    headerKeys.append(contentsOf: keys)
                    x5cThumbprints += keys.map(\.thumbprint)
                } catch {
                    problems.append("header x5c: \(error.message)")
                }
            }
        }
        self.headerKeys = headerKeys
        self.headerKeyProblems = problems
        self.x5cKeyThumbprints = x5cThumbprints
        if headerKeys.isEmpty {
            self.tokenRing = nil
        } else {
            let ring = run.keyRing.adding(headerKeys)
            self.tokenRing = (ring, Run.allowed(run.options, ring))
        }
        // Last: the token is moved in, not copied (nothing reads it after this).
        self.token = token
    }

    /// Every key that may verify this token: the caller's, then (only when allowed) the token's own.
    public var allKeys: [JWSKey] { keys + headerKeys }

    /// The algorithm the header names, when it is a registered one (exact match, RFC 7515 §4.1.1); read once.
    public let algorithm: JWSAlgorithm?

    /// The algorithms a key may be used with: what its type fits, narrowed by its JWK `alg`, `use` and `key_ops`
    /// (RFC 7517 §4.2–4.4).
    public static func algorithms(of key: JWSKey) -> [JWSAlgorithm] { key.compatibleAlgorithms }

    /// Base64 (standard alphabet, as `x5c` holds it, RFC 7515 §4.1.6) wrapped at 64 columns for PEM.
    static func wrap(_ base64: String) -> String {
        var out = ""
        var line = ""
        for c in base64 where !c.isWhitespace {
            line.append(c)
            if line.count == 64 { out += line + "\n"; line = "" }
        }
        if !line.isEmpty { out += line + "\n" }
        return out
    }
}
