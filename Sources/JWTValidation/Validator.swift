import JOSECore

/// Runs every rule on a token and returns all findings; never stops at the first failure
/// (the shape of swift-certificates' policy verifier). Stateless and `Sendable`: build once, use for many tokens.
public struct Validator: Sendable {
    public let options: ValidationOptions
    /// Rules evaluated before the signature (header and algorithm).
    public let headerRules: [any ValidationRule]
    /// Rules evaluated after the signature (claims, times, scopes).
    public let claimRules: [any ValidationRule]

    public static let standardHeaderRules: [any ValidationRule] = [
        AlgorithmAllowedRule(), KeyTypeRule(), CriticalHeaderRule(), UnencodedPayloadRule(), HeaderKeyRule(),
    ]
    public static let standardClaimRules: [any ValidationRule] = [
        ClaimsSetRule(), NumericDateRule(), ClaimTypesRule(), ExpirationRule(), NotBeforeRule(), IssuedAtRule(),
        LifetimeRule(), IssuerRule(), AudienceRule(), SubjectRule(), TypeRule(), RequiredClaimsRule(),
        AccessTokenProfileRule(), ScopeClaimsRule(), RequiredScopesRule(), AllowedScopesRule(),
    ]

    public init(options: ValidationOptions,
                headerRules: [any ValidationRule] = Validator.standardHeaderRules,
                claimRules: [any ValidationRule] = Validator.standardClaimRules) {
        self.options = options
        self.headerRules = headerRules
        self.claimRules = claimRules
    }

    /// Validates `token` against the options with `keys` (the caller's keys; the token's own are added only when
    /// ``ValidationOptions/allowHeaderKeys``). `SIG-01` always runs.
    public func validate(token: JWSToken, keys: [JWSKey]) -> ValidationReport {
        validate(token: token, keyRing: KeyRing(keys))
    }

    /// As ``validate(token:keys:)`` with keys prepared once for many tokens.
    public func validate(token: JWSToken, keyRing: KeyRing) -> ValidationReport {
        let context = ValidationContext(token: token, options: options, keyRing: keyRing)
        var findings: [Finding] = []
        findings.reserveCapacity(headerRules.count + claimRules.count + 1)
        for rule in headerRules { findings.append(rule.evaluate(context)) }
        let signature = SignatureRule().check(context)
        findings.append(signature.finding)
        for rule in claimRules { findings.append(rule.evaluate(context)) }
        var warnings: [String] = []
        if let key = signature.key, context.x5cKeyThumbprints.contains(key.thumbprint) {
            warnings.append(Self.x5cWarning)
        }
        return ValidationReport(
            findings: findings,
            grantedScopes: context.scopes.granted,
            missingScopes: context.scopes.missing(options.requiredScopes),
            excessScopes: options.allowedScopes.map { context.scopes.excess($0) } ?? [],
            verifiedKeyID: signature.key?.kid,
            verifiedKeyThumbprint: signature.key?.thumbprint,
            warnings: warnings
        )
    }

    /// The verdict alone: the same rules in the same order as ``validate(token:keyRing:)``, evaluated with
    /// ``ValidationContext/Detail/verdict`` (no message is formatted, no finding is kept). The failed and warned
    /// ids are those of the full report; a caller that wants the reasons asks ``validate(token:keyRing:)``.
    public func verdict(token: JWSToken, keyRing: KeyRing) -> ValidationVerdict {
        verdict(token: token, run: run(keyRing: keyRing))
    }

    /// What every token of a run shares (these options, `keyRing`, the allow-list): build it once for many tokens
    /// and pass it to ``verdict(token:run:)``.
    public func run(keyRing: KeyRing) -> ValidationContext.Run {
        ValidationContext.Run(options: options, keyRing: keyRing)
    }

    /// As ``verdict(token:keyRing:)`` with the run's part of the context built once (`verify --batch`). `run` must
    /// come from ``run(keyRing:)`` of this validator.
    public func verdict(token: consuming JWSToken, run: ValidationContext.Run) -> ValidationVerdict {
        let context = ValidationContext(token: token, run: run, detail: .verdict)
        var verdict = ValidationVerdict(grantedScopes: context.scopes.granted)
        for rule in headerRules { verdict.note(rule.evaluate(context)) }
        verdict.note(SignatureRule().evaluate(context))
        for rule in claimRules { verdict.note(rule.evaluate(context)) }
        return verdict
    }

    /// Said whenever the token's own `x5c` certificate verified it (RFC 7515 §4.1.6 requires the recipient to
    /// validate the chain, which this kit does not do).
    public static let x5cWarning = "the signature was verified with the key of the token's own x5c certificate, without certificate chain validation (RFC 7515 §4.1.6): it proves nothing about who signed"
}
