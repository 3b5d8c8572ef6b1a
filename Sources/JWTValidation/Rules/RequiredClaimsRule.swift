/// `REQ-01`: every claim in ``ValidationOptions/requiredClaims`` is present (RFC 7519 §4: which claims are required is the
/// application's decision).
public struct RequiredClaimsRule: ValidationRule {
    public let id = "REQ-01"
    public let group = RuleGroup.requiredClaims
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 7519 §4"
        let required = context.options.requiredClaims
        if required.isEmpty { return skip(context, "no required claims given", section, setting: .requiredClaims) }
        guard let claims = context.claims else { return fail(context, "no claims set", section) }
        let missing = required.filter { claims.json[$0] == nil }
        if missing.isEmpty { return pass(context, "required claims present: \(required.joined(separator: ", "))", section) }
        return fail(context, "missing required claims: \(missing.joined(separator: ", "))", section)
    }
}
