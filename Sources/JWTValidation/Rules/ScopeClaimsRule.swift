/// `SCOPE-03`: scope-carrying claims (`scope`, `scp`, `scopes`, `roles`) have a readable shape (RFC 9068 §2.2.3:
/// `scope` is a space-separated string). A `scope` array is read (seed 001, UAA-style issuers) but warned about.
public struct ScopeClaimsRule: ValidationRule {
    public let id = "SCOPE-03"
    public let group = RuleGroup.scope
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 9068 §2.2.3"
        let scopes = context.scopes
        let warnings = scopes.problems + scopes.deviations
        if !warnings.isEmpty { return warn(context, warnings.joined(separator: "; "), section) }
        if scopes.sources.isEmpty { return skip(context, "no scope claims", section) }
        return pass(context, "\(scopes.granted.count) scope(s) from \(scopes.sources.joined(separator: ", "))", section)
    }
}
