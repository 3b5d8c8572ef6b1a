import ArgumentParser
import JOSECore
import JWTValidation
import OAuth2Client

/// `jwt verify [TOKEN]`: check a token's signature, header and claims; every check is reported.
public struct VerifyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a token's signature and claims; report every check.",
        discussion: """
            TOKEN is the token, '-' (or nothing) for stdin, or @FILE. Keys: --key FILE (PEM, JWK or JWK Set), \
            --jwks FILE|URL, --issuer URL (metadata discovery), --secret-file FILE or --secret-env VAR for HMAC \
            (never a secret on the command line). Keys named by the token (jwk, jku, x5u, x5c) are ignored unless \
            --allow-header-key; jku and x5u are never fetched. \
            Exit: 0 every check passed · 1 a check failed · 64 usage · 65 malformed token or key · 66 missing file · \
            69 key source unreachable. Key URLs honour HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case); a CA bundle \
            (--ca-file, else SSL_CERT_FILE) replaces the system's trust roots.
            """
    )

    @Argument(help: "The token, '-' for stdin, or @FILE.")
    public var token: String?

    @Option(name: .customLong("key"), help: ArgumentHelp("A key file: PEM, JWK or JWK Set (repeatable).", valueName: "FILE"))
    public var keyFiles: [String] = []
    @Option(help: ArgumentHelp("A JWK Set file or https URL (repeatable).", valueName: "FILE|URL"))
    public var jwks: [String] = []
    @Option(help: ArgumentHelp("Discover the issuer's jwks_uri (RFC 8414, then OpenID); also the expected iss unless --iss.", valueName: "URL"))
    public var issuer: String?
    @Option(name: .customLong("secret-file"), help: ArgumentHelp("HMAC secret from a file (one trailing newline dropped).", valueName: "FILE"))
    public var secretFile: String?
    @Option(name: .customLong("secret-env"), help: ArgumentHelp("HMAC secret from an environment variable.", valueName: "VAR"))
    public var secretEnv: String?
    @Flag(name: .customLong("allow-header-key"), help: "Also use a key embedded in the token (jwk, x5c). Unsafe: anyone can sign with their own key. A symmetric (oct) jwk is always refused; an x5c certificate is used WITHOUT chain validation (a warning says so).")
    public var allowHeaderKey = false

    @Option(name: .customLong("alg"), help: ArgumentHelp("Allowed algorithm (repeatable; default: those fitting the keys).", valueName: "ALG"))
    public var algorithms: [String] = []
    @Option(help: ArgumentHelp("Expected iss, exact.", valueName: "ISS"))
    public var iss: String?
    @Option(help: ArgumentHelp("Acceptable audience (repeatable; aud must contain one).", valueName: "AUD"))
    public var aud: [String] = []
    @Option(help: ArgumentHelp("Expected sub, exact.", valueName: "SUB"))
    public var sub: String?
    @Option(help: ArgumentHelp("Expected typ (case-insensitive, application/ implied).", valueName: "TYP"))
    public var typ: String?
    @Option(name: .customLong("require-claim"), help: ArgumentHelp("A claim that must be present (repeatable).", valueName: "NAME"))
    public var requiredClaims: [String] = []
    @Option(help: ArgumentHelp("Profile: rfc9068 (JWT access tokens: typ at+jwt and its required claims; needs --iss and --aud, RFC 9068 §4).", valueName: "NAME"))
    public var profile: String?
    @Option(help: ArgumentHelp("Clock skew allowed on exp/nbf/iat, seconds.", valueName: "SECONDS"))
    public var leeway: Double = 60
    @Option(name: .customLong("max-lifetime"), help: ArgumentHelp("Longest acceptable lifetime: seconds or 30m, 1h, 7d.", valueName: "DURATION"))
    public var maxLifetime: String?
    @Flag(name: .customLong("allow-missing-exp"), help: "Accept a token without exp.")
    public var allowMissingExp = false
    @Option(help: ArgumentHelp("Evaluate times at this instant (epoch seconds or ISO 8601 UTC) instead of now.", valueName: "TIME"))
    public var now: String?
    @Option(name: .customLong("scope"), help: ArgumentHelp("A scope that must be granted (repeatable, exact).", valueName: "SCOPE"))
    public var scopes: [String] = []
    @Option(name: .customLong("allowed-scope"), help: ArgumentHelp("A scope that may be granted (repeatable); anything else fails.", valueName: "SCOPE"))
    public var allowedScopes: [String] = []

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("PEM CA bundle for https key URLs, replacing the system's roots (else SSL_CERT_FILE).", valueName: "FILE"))
    public var caFile: String?

    @Option(help: ArgumentHelp("Verify one token per line from FILE or '-'; one JSON line per token (never the token).", valueName: "FILE|-"))
    public var batch: String?
    @Option(help: ArgumentHelp("With --batch: verify on N threads (default: the cores this process may use); output stays in input order.", valueName: "N"))
    public var jobs: Int?
    @Flag(help: "With --batch: add every finding (id, status, message) to each line.")
    public var explain = false
    @Flag(help: "Print the findings as one JSON object.")
    public var json = false
    @Flag(name: .customLong("no-color"), help: "No colour (also NO_COLOR=1).")
    public var noColor = false

    public init() {}

    var keySources: KeySources {
        KeySources(keyFiles: keyFiles, jwks: jwks, issuer: issuer, secretFile: secretFile, secretVariable: secretEnv)
    }

    /// Checks that need no I/O; the runner repeats them so in-process callers get the same answers.
    func usageProblem() -> String? {
        if batch != nil, token != nil { return "--batch reads tokens from FILE; do not also give TOKEN" }
        if let jobs, !(1...BatchVerifier.maxJobs).contains(jobs) { return "--jobs must be a whole number from 1 to \(BatchVerifier.maxJobs)" }
        if batch == nil, jobs != nil || explain { return "--jobs and --explain apply to --batch (a single token's findings are always shown)" }
        if keySources.isEmpty, !allowHeaderKey {
            return "no key: give --key, --jwks, --issuer, --secret-file or --secret-env (a token is never valid without one)"
        }
        for name in algorithms {
            guard let alg = JWSAlgorithm(rawValue: name) else { return "--alg: '\(name)' is not a JWS algorithm (names are case-sensitive)" }
            if alg == .none { return "--alg none: unsecured tokens are never accepted" }
        }
        if let now, let problem = UTCTime.problem("--now", now) { return problem }
        if let profile, ValidationOptions.Profile(rawValue: profile) == nil { return "--profile: '\(profile)' is unknown (known: rfc9068)" }
        if let problem = profileProblem() { return problem }
        if let maxLifetime, DurationText.parse(maxLifetime) == nil { return "--max-lifetime: '\(maxLifetime)' is not a duration like 3600, 30m, 1h, 7d" }
        if !leeway.isFinite || leeway < 0 || leeway > NumericDate.longestSpan { return "--leeway must be a non-negative number of seconds, at most 10000 years" }
        return nil
    }

    /// RFC 9068 §4: a resource server MUST check `iss` and `aud`, so `--profile rfc9068` without the expected
    /// values would fail open. Names every missing flag.
    func profileProblem() -> String? {
        guard profile.flatMap(ValidationOptions.Profile.init(rawValue:)) == .rfc9068 else { return nil }
        var missing: [String] = []
        if iss == nil, issuer == nil { missing.append("--iss (or --issuer)") }
        if aud.isEmpty { missing.append("--aud") }
        guard !missing.isEmpty else { return nil }
        return "--profile rfc9068 needs \(missing.joined(separator: " and ")): RFC 9068 §4 requires checking iss and aud"
    }

    /// The validation options for an instant.
    func validationOptions(now fallback: Double) -> ValidationOptions {
        ValidationOptions(
            now: now.flatMap(UTCTime.parse) ?? fallback,
            allowedAlgorithms: algorithms.isEmpty ? nil : algorithms.compactMap(JWSAlgorithm.init(rawValue:)),
            issuer: iss ?? issuer,
            audiences: aud,
            subject: sub,
            type: typ,
            requiredClaims: requiredClaims,
            leeway: leeway,
            maxLifetime: maxLifetime.flatMap(DurationText.parse),
            allowMissingExp: allowMissingExp,
            profile: profile.flatMap(ValidationOptions.Profile.init(rawValue:)),
            requiredScopes: scopes,
            allowedScopes: allowedScopes.isEmpty ? nil : allowedScopes,
            allowHeaderKeys: allowHeaderKey
        )
    }

    public func validate() throws {
        if let problem = usageProblem() { throw ValidationError(problem) }
    }

    /// One HTTP client for the run, started only if a key source is a URL, shut down before the exit code is
    /// returned, whatever the outcome (``VerifyRunner/runLive(options:environment:adjust:observe:)``).
    public func run() async throws {
        let code = await VerifyRunner.runLive(options: self, environment: .live)
        if code != .ok { throw ExitCode(code.rawValue) }
    }
}

/// Durations: plain seconds, or a number with `s`, `m`, `h`, `d` (`90`, `30m`, `1h`, `7d`).
enum DurationText {
    static func parse(_ text: String) -> Double? {
        guard let last = text.last else { return nil }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        let (number, scale) = units[last].map { (String(text.dropLast()), $0) } ?? (text, 1)
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        // Nothing longer than the years 1…9999 (RFC 7519 §2 NumericDate range) means anything.
        guard value * scale <= NumericDate.longestSpan else { return nil }
        return value * scale
    }
}
