/// `SCOPE-01`: every scope in ``ValidationOptions/requiredScopes`` is granted, by exact token match (RFC 6749 §3.3: space-delimited, case-sensitive
/// scope tokens; RFC 9068 §2.2.3). `read` is not granted by `read:all`, `reader` or `Read`.
public struct RequiredScopesRule: ValidationRule {
    public let id = "SCOPE-01"
    public let group = RuleGroup.scope
    public init() {}

    public func evaluate(_ context: ValidationContext) -> Finding {
        let section = "RFC 6749 §3.3"
        let required = context.options.requiredScopes
        if required.isEmpty { return skip(context, "no required scopes given", section, setting: .requiredScopes) }
        let missing = context.scopes.missing(required)
        if missing.isEmpty { return pass(context, "granted: \(required.joined(separator: " "))", section) }
        return fail(context, "not granted: \(missing.joined(separator: " "))", section)
    }
}
