import JOSECore

/// `CLAIM-01`: `iss`, `sub`, `jti` are strings and `aud` a string or an array of strings (RFC 7519 §4.1).
public struct ClaimTypesRule: ValidationRule {
    public let id = "CLAIM-01"
    public let group = RuleGroup.structure
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4.1"
        guard let claims = context.claims else { return skip(context, "no claims set", section) }
        let errors = claims.typeErrors.filter { !JWTClaims.dateClaims.contains($0.claim) }
        if errors.isEmpty { return pass(context, "registered claims have their registered types", section) }
        return fail(context, errors.map(\.message).joined(separator: "; "), section)
    }
}
